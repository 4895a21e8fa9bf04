#pragma once

#include "app/postgres/nodelink.h"
#include "app/postgres/routingprober.h"
#include "app/sources/poller.h"
#include "models/cluster/clusterstate.h"
#include "models/cluster/profile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <optional>

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Asks PostgreSQL itself, through libpq and never blocking: pg_stat_replication on the leader (lag in
// bytes and seconds) and each replica's replay position and delay, over one persistent connection
// per node; and where HAProxy's ports really land (pg_is_in_recovery() through 5000/5001/5002),
// which needs new connections: in steady state one every routing interval (10 s), the ports in turn;
// all ports at once (several connections each) on the first round, after a leader change and after
// HAProxy changed where it routes. Every connection says application_name=patroni-console.
//
// It is handed what it needs — the members and the leader (setTopology), the password (setPassword)
// — and never reads the store it feeds. Without a password it says so every round and waits.
class PostgresPoller final : public Poller {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostgresPoller)
public:
    PostgresPoller(Cluster::ClusterStore* store, const Cluster::Profile& profile, QObject* parent = nullptr);

    void setTopology(const QList<Cluster::Member>& members, const QString& leader);
    void setPassword(const std::optional<QString>& password, const QString& whyMissing = {});
    void setRoutingEnabled(bool enabled) { m_routingEnabled = enabled; }
    void setRoutingInterval(int ms) { m_routingIntervalMs = ms; }
    // Prove every port at the next round (HAProxy changed its routing, a switchover was sent, …).
    void requestFullRouting() { m_fullRoutingDue = true; }

    // New connections made so far: lag links plus routing probes.
    quint64 connectionsOpened() const;

Q_SIGNALS:
    // PostgreSQL refused the password (SQLSTATE class 28): the session reads it again.
    void passwordRejected();

protected:
    void startRound() override;

private:
    Postgres::ConnectionParams params(const QString& host, int port) const;
    void partDone();
    void startRouting();
    Postgres::NodeLink* linkFor(const Cluster::Member& member);

    Cluster::ClusterStore* m_store; // written, never read
    Cluster::Profile m_profile;
    QList<Cluster::Member> m_members;
    QString m_leader;
    bool m_topologySeen = false;
    std::optional<QString> m_password;
    QString m_whyNoPassword;
    QHash<QString, Postgres::NodeLink*> m_links; // by member name
    Postgres::RoutingProber m_routing;
    bool m_routingEnabled = true;
    int m_routingIntervalMs = 10000;
    bool m_fullRoutingDue = true;
    QElapsedTimer m_sinceRouting;
    int m_nextRoutingPort = 0;
    quint64 m_routingConnections = 0;
    quint64 m_closedLinkConnections = 0; // of links whose member has gone
    QSet<Postgres::NodeLink*> m_roundLinks; // the links this round waits for
    bool m_authFailed = false;
    int m_pending = 0;
    bool m_routingInRound = false;
    Cluster::PostgresView m_round;
    QMap<int, QList<Postgres::RoutingProbe>> m_lastProbes; // by HAProxy port: the latest of each
    QHash<QString, QString> m_memberAt; // "host:port" → member name, for this round
};

} // namespace Sources
