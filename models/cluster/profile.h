#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Cluster {

// How PostgreSQL itself is asked (lag in seconds, where HAProxy's ports land): at the host:port each
// member reports in GET /cluster, so the list follows the cluster; as this user, in this database.
struct PostgresSettings {
    QString dbname = QStringLiteral("postgres");
    QString user = QStringLiteral("postgres"); // empty: PostgreSQL is not asked
    QString sslmode = QStringLiteral("prefer"); // libpq's: disable, allow, prefer, require, verify-ca, verify-full
    friend bool operator==(const PostgresSettings&, const PostgresSettings&) = default;
};

// The ports HAProxy routes to the primary, to the replicas and to any member.
struct HaproxyRoutes {
    QString host = QStringLiteral("127.0.0.1");
    int primaryPort = 5000;
    int replicasPort = 5001;
    int anyPort = 5002;
    // The proxy (listen/backend) names in HAProxy's stats for each route; the lab's by default.
    QString primaryProxy = QStringLiteral("primary");
    QString replicasProxy = QStringLiteral("replicas");
    QString anyProxy = QStringLiteral("any");
    friend bool operator==(const HaproxyRoutes&, const HaproxyRoutes&) = default;
};

// TLS for the HTTP sources (Patroni, HAProxy stats, etcd). There is deliberately no "accept any
// certificate" switch: a self-signed certificate is trusted by putting its CA in caFile.
// verifyPeer=false is accepted by validate() only when every https URL is on the loopback.
struct TlsOptions {
    QString caFile; // PEM; empty: the system's CA store
    QString clientCertFile; // PEM, for servers that want a client certificate
    QString clientKeyFile; // PEM, unencrypted (an encrypted key would need a secret here)
    bool verifyPeer = true;
    friend bool operator==(const TlsOptions&, const TlsOptions&) = default;
};

struct PollIntervals {
    int patroniMs = 1000;
    int haproxyMs = 2000;
    int etcdMs = 5000;
    int postgresMs = 2000;
    friend bool operator==(const PollIntervals&, const PollIntervals&) = default;
};

// Everything needed to watch one cluster, except secrets: there are no password fields on purpose,
// so nothing that stores a Profile can store a password. Passwords live in the system keychain
// under secretKey(name, kind).
struct Profile {
    QString name;
    QList<QUrl> patroniUrls; // REST API of any members; the others are learned from GET /cluster
    QUrl haproxyStatsUrl; // the CSV export, e.g. http://127.0.0.1:7000/;csv; empty: no HAProxy
    QList<QUrl> etcdUrls; // client URLs; empty: no etcd view
    // Patroni's `namespace` setting (its default "/service"): with the scope it names the cluster's
    // keys in etcd, which the console watches for leader changes.
    QString etcdNamespace = QStringLiteral("/service");
    PostgresSettings postgres;
    HaproxyRoutes haproxyRoutes;
    TlsOptions tls;
    QString patroniApiUser; // empty: the API is not protected
    QString haproxyStatsUser; // empty: the stats page is not protected
    PollIntervals intervals;
    int requestDeadlineMs = 2000; // total per HTTP request
    friend bool operator==(const Profile&, const Profile&) = default;
};

// The smallest interval or deadline validate() accepts, in milliseconds.
inline constexpr int minimumIntervalMs = 100;

// Every problem with the profile, each as one plain sentence naming the field and what to do;
// empty when the profile can be used. Pure: it does not touch files or the network.
QStringList validate(const Profile& profile);
// The name alone (also used before a rename): non-empty, no surrounding spaces, no '/' or '\'
// (the name is part of the keychain key and of the settings group), no control characters.
QStringList validateName(const QString& name);

enum class SecretKind { PatroniApi, HaproxyStats, Postgres };

// "patroni-api", "haproxy-stats", "postgres"
QString secretKindName(SecretKind kind);
// The key the secret is stored under in the system keychain (service "patroni-console"):
// "patroni-console/<profile>/patroni-api".
QString secretKey(const QString& profileName, SecretKind kind);

} // namespace Cluster
