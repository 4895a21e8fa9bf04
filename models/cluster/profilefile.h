#pragma once

#include "models/cluster/profile.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A fleet in one file: `patroni-console profiles import FILE` / `export FILE`. JSON, schema
// "patroni-console/profiles/1", documented in the README:
//
//   { "schema": "patroni-console/profiles/1",
//     "profiles": [ { "name": "prod-eu", "patroniUrls": ["https://db1:8008"], … }, … ] }
//
// Every field of a profile is the Profile field of the same name (nested objects for postgres,
// haproxyRoutes, tls and intervals); only name and patroniUrls are required, the rest default as a
// new profile does. No field holds a secret, and the reader refuses any field that looks like one
// (password, secret, token, key but the TLS key *file*): passwords live in the keychain only.
namespace Cluster {

struct ProfileFileError {
    int line = 0; // 1-based; 0 when the whole file is meant
    QString message; // one plain sentence: what is wrong and what to do
};

struct ProfileFileResult {
    QList<Profile> profiles;
    QList<ProfileFileError> errors; // all of them, in file order: nothing is usable when any exists

    bool ok() const { return errors.isEmpty(); }
};

QString profileFileSchema();

// Pure: parses and checks every profile (Cluster::validate()), refuses unknown fields, secret
// fields, duplicate keys, duplicate profile names, and wrong types — each with its line.
ProfileFileResult parseProfileFile(QByteArrayView text);

// The file for these profiles; parseProfileFile() of it gives them back unchanged.
QByteArray writeProfileFile(const QList<Profile>& profiles);

} // namespace Cluster
