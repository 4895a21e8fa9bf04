#include "models/postgres/libpqerror.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

namespace Postgres {

namespace {

    // "connection to server at "127.0.0.1", port 5441 failed: " and the older "could not connect to server: ".
    QString withoutPrefix(QString line)
    {
        static const QRegularExpression prefix(
            u"^(connection to server (at|on) .*? failed: |could not connect to server: )"_s);
        return line.remove(prefix).trimmed();
    }

} // namespace

Cluster::SourceError::Code codeForSqlState(const QString& sqlState)
{
    // Class 28: invalid authorization (wrong password, no pg_hba.conf entry, unknown role).
    if (sqlState.startsWith(u"28"_s))
        return Code::PostgresAuthFailed;
    // Terminated by an administrator, a crash or a shutdown: the link is gone, not the statement.
    if (sqlState == u"57P01"_s || sqlState == u"57P02"_s)
        return Code::ConnectionReset;
    return Code::PostgresError;
}

LibpqError classifyLibpqMessage(const QString& message)
{
    LibpqError e;
    // FATAL:  28P01: password authentication failed for user "x"   (verbose: severity, SQLSTATE, text)
    static const QRegularExpression serverError(u"(?:FATAL|ERROR|PANIC):\\s+([0-9A-Z]{5}):\\s+([^\\n]*)"_s);
    QStringList lines;
    for (const QString& raw : message.split(u'\n', Qt::SkipEmptyParts)) {
        // Hints ("\tIs the server running …?") and verbose LOCATION lines add nothing for a person.
        if (raw.startsWith(u'\t') || raw.trimmed().startsWith(u"LOCATION:"_s))
            continue;
        const QString line = withoutPrefix(raw);
        if (!line.isEmpty() && !lines.contains(line))
            lines.append(line);
    }

    if (const auto m = serverError.match(message); m.hasMatch()) {
        e.sqlState = m.captured(1);
        e.detail = m.captured(2).trimmed() + u" (SQLSTATE "_s + e.sqlState + u')';
        e.code = codeForSqlState(e.sqlState);
        return e;
    }

    e.detail = lines.join(u"; "_s);
    const QString t = message.toLower();
    if (t.contains(u"connection refused"_s))
        e.code = Code::ConnectionRefused;
    else if (t.contains(u"could not translate host name"_s) || t.contains(u"name or service not known"_s))
        e.code = Code::HostNotFound;
    else if (t.contains(u"server closed the connection unexpectedly"_s) || t.contains(u"connection reset"_s)
        || t.contains(u"no connection to the server"_s) || t.contains(u"broken pipe"_s)
        || t.contains(u"ssl connection has been closed unexpectedly"_s))
        e.code = Code::ConnectionReset;
    else if (t.contains(u"invalid response to ssl negotiation"_s) || t.contains(u"expected authentication request"_s))
        e.code = Code::NetworkError; // the peer does not speak PostgreSQL's protocol at all
    else if (t.contains(u"ssl"_s) || t.contains(u"certificate"_s))
        e.code = Code::TlsError;
    else if (t.contains(u"timeout expired"_s) || t.contains(u"timed out"_s))
        e.code = Code::Timeout;
    else if (t.contains(u"password authentication failed"_s) || t.contains(u"no password supplied"_s)
        || t.contains(u"pg_hba.conf"_s))
        e.code = Code::PostgresAuthFailed; // a server too old for verbose SQLSTATEs, or a client-side check
    else if (t.contains(u"fatal:"_s) || t.contains(u"error:"_s))
        e.code = Code::PostgresError;
    else
        e.code = Code::NetworkError;
    return e;
}

} // namespace Postgres
