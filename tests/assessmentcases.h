#pragma once

// The states the one-answer functions are pinned down on: GET /cluster bodies captured from the lab
// (tests/data/patroni, README there), each member's own GET /patroni (the lab's leader and replica
// captures) or its silence, fed through a real ClusterStore so the findings are the production ones.

#include "models/cluster/clusterstore.h"
#include "models/patroni/clusterparser.h"
#include "models/patroni/memberstatus.h"
#include "testdata.h"

#include <QMap>

namespace AssessmentCases {

// The captures were taken at 2026-11-25 18:30:39 UTC (their dcs_last_seen): the polls happen then.
inline QDateTime captured()
{
    return QDateTime::fromSecsSinceEpoch(1795631440, Qt::UTC);
}

struct Case {
    Case(QString file = {}, QMap<QString, QString> ownViews = {}, QString secondLeader = {}, int sinceNamed = 600)
        : clusterFile(std::move(file))
        , own(std::move(ownViews))
        , alsoLeader(std::move(secondLeader))
        , secondsSinceLeaderNamed(sinceNamed)
    {
    }
    QString clusterFile; // tests/data/patroni/…
    QMap<QString, QString> own; // member → "leader", "leader-as-captured", "replica" or "silent"
    QString alsoLeader; // a second member the DCS names leader (split brain)
    int secondsSinceLeaderNamed; // for the promotion grace
};

// "leader": the leader's capture with every standby streaming; "leader-as-captured": as the lab
// answered it, with patroni2 still in "startup" (taken right after that replica restarted).
inline Patroni::MemberStatus ownStatus(const QString& kind, const QString& name)
{
    const bool leader = kind.startsWith(QStringLiteral("leader"));
    const QByteArray body = TestData::read(leader ? QStringLiteral("patroni/patroni-3.0.2-leader.json")
                                                  : QStringLiteral("patroni/patroni-3.0.2-replica.json"));
    Patroni::MemberStatus s = *Patroni::parseMemberStatus(body).status;
    s.name = name;
    if (kind == QStringLiteral("leader")) {
        for (Patroni::ReplicationRow& r : s.replication)
            r.state = QStringLiteral("streaming");
    }
    return s;
}

// Feeds the case into `store` as the pollers would: the DCS view first, then each member's answer.
inline void feed(const Case& c, Cluster::ClusterStore* store)
{
    Cluster::ClusterView view = *Patroni::parseCluster(TestData::read(QStringLiteral("patroni/") + c.clusterFile)).view;
    const QDateTime named = captured().addSecs(-c.secondsSinceLeaderNamed);
    // The console saw the DCS name the leader at `named` (before that, no member led), then reads the
    // captured view now.
    Cluster::ClusterView before = view;
    for (Cluster::Member& m : before.members) {
        if (Cluster::isLeaderRole(m.role)) {
            m.role = Cluster::Role::Replica;
            m.roleText = QStringLiteral("replica");
        }
    }
    store->applyClusterView(before, QStringLiteral("http://127.0.0.1:8008"), named.addSecs(-1));
    store->applyClusterView(view, QStringLiteral("http://127.0.0.1:8008"), named);
    if (!c.alsoLeader.isEmpty()) {
        for (Cluster::Member& m : view.members) {
            if (m.name == c.alsoLeader) {
                m.role = Cluster::Role::Leader;
                m.roleText = QStringLiteral("leader");
                m.lagBytes.reset();
            }
        }
    }
    store->applyClusterView(view, QStringLiteral("http://127.0.0.1:8008"), captured());
    for (auto it = c.own.cbegin(); it != c.own.cend(); ++it) {
        const Cluster::Member* m = view.member(it.key());
        if (it.value() == QStringLiteral("silent")) {
            Cluster::SourceError e;
            e.code = Cluster::SourceError::Code::ConnectionRefused;
            e.source = it.key() + QStringLiteral(" API");
            store->recordMemberFailure(it.key(), m->apiUrl, e, captured());
        } else {
            store->applyMemberStatus(it.key(), m->apiUrl, ownStatus(it.value(), it.key()), captured());
        }
    }
}

// The healthy capture (patroni3 leads) with PostgreSQL's word on it: the primary's pg_stat_replication
// has patroni1 replaying 0.25 s and 4096 B behind (Patroni's DCS says 0 B).
inline void feedHealthyWithPostgresLag(Cluster::ClusterStore* store)
{
    feed(Case { QStringLiteral("cluster-3.0.2-healthy.json"), {} }, store);
    Cluster::PostgresView pg;
    Postgres::ReplicationSnapshot snapshot;
    Postgres::ReplicationStat row;
    row.applicationName = QStringLiteral("patroni1");
    row.replayLagSeconds = 0.25;
    row.replayLagBytes = 4096;
    snapshot.stats.append(row);
    pg.primary = snapshot;
    pg.primaryMember = QStringLiteral("patroni3");
    store->configurePostgres(true);
    store->applyPostgres(pg, captured());
}

} // namespace AssessmentCases
