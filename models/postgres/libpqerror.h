#pragma once

#include "models/cluster/sourceerror.h"

#include <QString>

namespace Postgres {

struct LibpqError {
    Cluster::SourceError::Code code = Cluster::SourceError::Code::None;
    QString sqlState; // when the server sent the error (libpq in verbose mode prints it)
    QString detail; // one line for people: no "connection to server at … failed:" prefix, no LOCATION
};

// Classifies libpq's PQerrorMessage() text. The server's SQLSTATE decides whenever there is one
// (the connection runs with PQERRORS_VERBOSE so connection-time FATALs carry it: 28P01 wrong password,
// 3D000 unknown database); libpq's own client-side messages (refused, host not found, closed) are
// only recognisable by their English text, so under another locale they fall back to NetworkError
// with the text kept in detail.
LibpqError classifyLibpqMessage(const QString& message);

// The code for an error the server reported with this SQLSTATE.
Cluster::SourceError::Code codeForSqlState(const QString& sqlState);

} // namespace Postgres
