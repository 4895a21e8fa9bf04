#include "models/cluster/sourceerror.h"

using namespace Qt::StringLiterals;

namespace Cluster {

QString codeName(SourceError::Code code)
{
    switch (code) {
    case SourceError::Code::None:
        return u"none"_s;
    case SourceError::Code::ConnectionRefused:
        return u"connection-refused"_s;
    case SourceError::Code::HostNotFound:
        return u"host-not-found"_s;
    case SourceError::Code::Timeout:
        return u"timeout"_s;
    case SourceError::Code::ConnectionReset:
        return u"connection-reset"_s;
    case SourceError::Code::TlsError:
        return u"tls"_s;
    case SourceError::Code::AuthFailed:
        return u"auth"_s;
    case SourceError::Code::HttpStatus:
        return u"http-status"_s;
    case SourceError::Code::Redirected:
        return u"redirected"_s;
    case SourceError::Code::BodyTooLarge:
        return u"body-too-large"_s;
    case SourceError::Code::NotJson:
        return u"not-json"_s;
    case SourceError::Code::UnexpectedShape:
        return u"unexpected-shape"_s;
    case SourceError::Code::NotCsv:
        return u"not-csv"_s;
    case SourceError::Code::MissingCredentials:
        return u"missing-credentials"_s;
    case SourceError::Code::PostgresAuthFailed:
        return u"postgres-auth"_s;
    case SourceError::Code::PostgresError:
        return u"postgres-error"_s;
    case SourceError::Code::NetworkError:
        return u"network"_s;
    }
    return u"unknown"_s;
}

QString bodyHead(QByteArrayView body)
{
    QByteArray head = body.first(std::min<qsizetype>(body.size(), 60)).toByteArray();
    for (char& c : head) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return QString::fromUtf8(head).simplified();
}

namespace {
    Words tr(const char* text)
    {
        return Words::source(text);
    }
} // namespace

QString describe(const SourceError& e)
{
    return describeWords(e).text();
}

Words describeWords(const SourceError& e)
{
    const Words who = e.source.isEmpty() ? tr("source") : Words::verbatim(e.source);
    Words what;
    switch (e.code) {
    case SourceError::Code::None:
        return {};
    case SourceError::Code::ConnectionRefused:
        what = tr("connection refused; is the service running and listening on that port?");
        break;
    case SourceError::Code::HostNotFound:
        what = tr("host not found; check the address in the cluster's settings");
        break;
    case SourceError::Code::Timeout:
        what = tr("no complete answer within the deadline; the process may be hung or overloaded");
        break;
    case SourceError::Code::ConnectionReset:
        what = tr("connection reset by the server");
        break;
    case SourceError::Code::TlsError:
        what = tr("TLS handshake failed (%1); set a CA file in the cluster's settings if the certificate is "
                  "self-signed")
                   .arg(e.detail);
        return who + u": "_s + what;
    case SourceError::Code::AuthFailed:
        what = tr("authentication failed (HTTP %1); check the user and password in the keychain").arg(e.httpStatus);
        break;
    case SourceError::Code::HttpStatus:
        what = tr("answered HTTP %1").arg(e.httpStatus);
        break;
    case SourceError::Code::Redirected:
        what = tr("answered with a redirect, which is not followed so credentials never leave the configured host");
        break;
    case SourceError::Code::BodyTooLarge:
        what = tr("answer too large, abandoned");
        break;
    case SourceError::Code::NotJson:
        what = tr("answer is not JSON; is this URL a Patroni REST API?");
        break;
    case SourceError::Code::UnexpectedShape:
        what = tr("answer is not in the expected shape");
        break;
    case SourceError::Code::MissingCredentials:
        what = tr("no password is known for it; store one in the cluster's settings (kept in the system keychain)");
        break;
    case SourceError::Code::NotCsv:
        what = tr("answer is not HAProxy's stats CSV; is this the stats URL ending in /;csv?");
        break;
    case SourceError::Code::PostgresAuthFailed:
        what = tr("PostgreSQL refused the login; check the user and password in the keychain and the server's "
                  "pg_hba.conf");
        break;
    case SourceError::Code::PostgresError:
        what = tr("PostgreSQL reported an error");
        break;
    case SourceError::Code::NetworkError:
        what = tr("network error");
        break;
    }
    if (!e.detail.isEmpty())
        what = what + (u" ("_s + e.detail + u')');
    return who + u": "_s + what;
}

} // namespace Cluster
