#pragma once

#include "models/cluster/finding.h"
#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"
#include "models/etcd/etcdparser.h"
#include "models/haproxy/statsparser.h"
#include "models/patroni/dynamicconfig.h"
#include "models/patroni/historyparser.h"
#include "models/patroni/memberstatus.h"
#include "models/postgres/replicastatus.h"
#include "models/postgres/replicationstat.h"
#include "models/postgres/routingprobe.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <optional>

namespace Cluster {

// Every source the console reads, for signals that say which one changed and for messages.
enum class SourceKind {
    Patroni, // GET /cluster: the DCS's view
    PatroniConfig, // GET /config
    PatroniHistory, // GET /history
    PatroniMetrics, // GET /metrics
    Haproxy,
    Etcd,
    Postgres,
    PatroniAuth, // the check of the credentials actions use (ApiAuthCheck)
};
QString sourceKindKey(SourceKind kind); // "patroni", "patroniConfig", …: the JSON's keys

// How fresh one source is. A failed poll keeps the last good data and records why here.
struct SourceState {
    QDateTime lastAttempt;
    QDateTime lastSuccess;
    SourceError error;

    bool everSucceeded() const { return lastSuccess.isValid(); }
    bool failing() const { return error.isError(); }
    friend bool operator==(const SourceState&, const SourceState&) = default;
};

// What a member says about itself (GET /patroni), as opposed to what the DCS says about it.
struct MemberObservation {
    QUrl apiUrl;
    std::optional<Patroni::MemberStatus> status; // last good answer
    SourceState source;
    QStringList warnings; // the parser's notes on the last good answer (odd fields, text mended)

    bool reachable() const { return source.everSucceeded() && !source.failing(); }
    friend bool operator==(const MemberObservation&, const MemberObservation&) = default;
};

// Whether Patroni's REST API takes the credentials the console's actions would send. Patroni asks for
// them only on unsafe methods (every GET stays open), so monitoring alone never learns that a password
// is wrong — until the switchover that must not fail. The poller asks with a request that changes
// nothing (PATCH /config with an empty object: 400 once the credentials pass, 401 before).
struct ApiAuthCheck {
    QString user;
    QUrl api; // the REST API that was asked
    int httpStatus = 0; // its answer
    QString reason; // Patroni's own words for a refusal ("not authenticated", "Access is denied")

    bool refused() const { return httpStatus == 401 || httpStatus == 403; }
    friend bool operator==(const ApiAuthCheck&, const ApiAuthCheck&) = default;
};

} // namespace Cluster

namespace Cluster {

// Which HAProxy proxies carry which route (the lab's names by default; a profile can rename them).
struct RouteNames {
    QString primary = QStringLiteral("primary"); // port 5000: the leader only
    QString replicas = QStringLiteral("replicas"); // port 5001: healthy replicas
    QString any = QStringLiteral("any"); // port 5002: any healthy node
    int primaryPort = 5000; // for messages: the port clients use
    int replicasPort = 5001;
    int anyPort = 5002;

    struct Route {
        QString proxy;
        int port = 0;
    };
    // The three routes in their usual order: primary, replicas, any.
    QList<Route> all() const { return { { primary, primaryPort }, { replicas, replicasPort }, { any, anyPort } }; }
    friend bool operator==(const RouteNames&, const RouteNames&) = default;
};

// The DCS as etcd itself reports it: each member's /health, the member list and who leads raft.
struct EtcdView {
    struct Endpoint {
        QUrl url;
        std::optional<Etcd::Health> health;
        SourceError error;
        friend bool operator==(const Endpoint&, const Endpoint&) = default;
    };
    QList<Endpoint> endpoints; // one per configured client URL
    std::optional<Etcd::MemberList> members;
    QString leader; // etcd member name; empty when unknown
    QString version;
    // Why the member list or the raft status (asked of one member that answered /health) is missing.
    SourceError detailsError;

    int healthyCount() const;
    friend bool operator==(const EtcdView&, const EtcdView&) = default;
};

// PostgreSQL's own word, through libpq: lag in seconds and where HAProxy's ports really land.
struct PostgresView {
    QString primaryMember; // whose pg_stat_replication this is
    std::optional<Postgres::ReplicationSnapshot> primary;
    QMap<QString, Postgres::ReplicaStatus> replicas; // by member name
    QMap<QString, SourceError> errors; // per member whose probe failed
    QList<Postgres::RoutingProbe> routing; // this round's connections through HAProxy
    friend bool operator==(const PostgresView&, const PostgresView&) = default;
};

// Everything the console believes about one cluster, from every layer. The store owns one;
// findings, change detection, the CLI's JSON and the window all read this value.
struct ClusterState {
    // GET /cluster: the DCS's view.
    ClusterView view;
    SourceState dcs;
    QStringList dcsWarnings;
    // When the DCS started naming its current leader (or no leader), as the console saw it change;
    // invalid until the console has seen a change.
    QDateTime leaderSince;
    // GET /patroni per member, keyed by member name.
    QMap<QString, MemberObservation> members;
    // Problems of the cluster's own settings (an unreadable CA file, ...): shown, never silently ignored.
    QStringList settingsProblems;
    // GET /config (dynamic configuration) and GET /history, read less often than /cluster.
    std::optional<Patroni::DynamicConfig> config;
    SourceState configSource;
    QList<Patroni::HistoryEntry> history;
    SourceState historySource;
    // GET /metrics of the member that answered /cluster, flattened: "name{label=\"v\",…}" → value.
    QString metricsMember;
    QMap<QString, double> metrics;
    SourceState metricsSource;
    // HAProxy's stats CSV; absent when the profile has no stats URL.
    bool haproxyConfigured = false;
    std::optional<Haproxy::Stats> haproxy;
    SourceState haproxySource;
    RouteNames routes;
    // PostgreSQL through libpq; absent until a password is known and a round has run.
    bool postgresConfigured = false;
    std::optional<PostgresView> postgres;
    SourceState postgresSource;
    // etcd's own view; absent when the profile has no etcd URL.
    bool etcdConfigured = false;
    std::optional<EtcdView> etcd;
    SourceState etcdSource;
    // The REST API's verdict on the actions' credentials; absent until a password was checked.
    std::optional<ApiAuthCheck> apiAuth;
    SourceState apiAuthSource;

    // Patroni 4.x puts the scope in /cluster; 3.x only in each member's /patroni.
    QString scope() const
    {
        if (!view.scope.isEmpty())
            return view.scope;
        for (const MemberObservation& o : members) {
            if (o.status && !o.status->scope.isEmpty())
                return o.status->scope;
        }
        return {};
    }

    // Members HAProxy sends a route's new connections to: servers UP (also while counting down,
    // "UP 1/3", since they still take connections), matched to members by server name.
    QStringList routedTo(const QString& proxy) const;
    // The member a server row of HAProxy's stands for: by name first (the lab names servers after
    // members), else by address when HAProxy gives it. Empty when neither matches a member.
    QString memberForServer(const Haproxy::Row& row) const;
    // The freshness record of one source.
    const SourceState& source(SourceKind kind) const;
    // What the parsers noted about the answers in use (fields of the wrong type ignored, text that was
    // not valid UTF-8 mended), each prefixed with where it came from: "GET /cluster: …",
    // "patroni2 GET /patroni: …".
    QStringList answerWarnings() const;

    // Replication delay in seconds as PostgreSQL knows it: the primary's replay_lag for the member
    // (0 when it has replayed all the primary wrote), else the replica's own replay delay (0 when
    // caught up). Absent when PostgreSQL was not asked or cannot tell.
    std::optional<double> lagSeconds(const QString& member) const;

    friend bool operator==(const ClusterState&, const ClusterState&) = default;
};

} // namespace Cluster

Q_DECLARE_METATYPE(Cluster::SourceKind)
