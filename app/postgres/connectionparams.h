#pragma once

#include <QMetaType>
#include <QString>

namespace Postgres {

// Where and as whom to connect. The password comes from the credential store; it is never logged and
// never part of sourceName().
struct ConnectionParams {
    QString host = QStringLiteral("127.0.0.1"); // an address, a DNS name (resolved asynchronously), or a socket dir
    int port = 5432;
    QString dbname = QStringLiteral("postgres");
    QString user;
    QString password;
    QString sslmode = QStringLiteral("prefer"); // libpq's: disable, allow, prefer, require, verify-ca, verify-full
    QString sslrootcert; // CA file for verify-ca / verify-full; empty: libpq's default
    // Total time for resolving, TCP connect, TLS and authentication. Ours, not libpq's connect_timeout,
    // which is whole seconds and at least 2 (LAB-FACTS): a sub-second deadline works here.
    int connectDeadlineMs = 3000;
    // Total time for one statement, from sending it to the last result.
    int queryDeadlineMs = 5000;
    QString applicationName = QStringLiteral("patroni-console");

    // "PostgreSQL email_app@127.0.0.1:5000/enterprise_email", for errors.
    QString sourceName() const
    {
        return QStringLiteral("PostgreSQL ") + (user.isEmpty() ? QString() : user + u'@') + host + u':'
            + QString::number(port) + u'/' + dbname;
    }
};

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::ConnectionParams)
