#pragma once

#include "models/cluster/words.h"

#include <QByteArrayView>
#include <QString>

namespace Cluster {

// Why a source (Patroni, HAProxy, etcd, PostgreSQL) could not give us a usable answer.
// Parsers and fetchers return this; the UI and the CLI phrase it with describe().
struct SourceError {
    enum class Code {
        None,
        ConnectionRefused,
        HostNotFound,
        Timeout, // no answer within the deadline: hung process, trickling body
        ConnectionReset,
        TlsError,
        AuthFailed, // 401/403
        HttpStatus, // any other non-2xx
        Redirected, // we never follow redirects: credentials must not go to another host
        BodyTooLarge,
        NotJson,
        UnexpectedShape, // valid JSON, but not what the endpoint returns
        NetworkError,
        NotCsv, // HAProxy's stats URL answered something else (an HTML page, nothing, binary)
        PostgresAuthFailed, // SQLSTATE class 28: wrong password, no pg_hba.conf entry, unknown role
        PostgresError, // PostgreSQL answered with an error (detail carries the message and its SQLSTATE)
        MissingCredentials, // no password for this source in the keychain or the environment
    };

    Code code = Code::None;
    QString source; // who answered: "patroni API http://127.0.0.1:8008"
    QString detail; // what the transport or parser said
    int httpStatus = 0;

    bool isError() const { return code != Code::None; }
    friend bool operator==(const SourceError&, const SourceError&) = default;
};

QString codeName(SourceError::Code code);
// The first bytes of a body, printable, for an error detail ("body starts: <html>…").
QString bodyHead(QByteArrayView body);
// One plain sentence: what happened and what to do about it.
QString describe(const SourceError& error);
// The same sentence, kept translatable (describe() is its text()).
Words describeWords(const SourceError& error);

} // namespace Cluster
