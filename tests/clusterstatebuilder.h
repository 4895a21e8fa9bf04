#pragma once

// Builds ClusterStates for tests of findings and change detection: a lab-like cluster of three,
// each member's own view consistent with the DCS's, then bent one way per test.

#include "models/cluster/clusterstate.h"

namespace TestStates {

inline QDateTime t0()
{
    return QDateTime(QDate(2026, 11, 25), QTime(18, 0), Qt::UTC);
}

inline Cluster::ClusterState healthy(const QString& leader = QStringLiteral("patroni1"), int timeline = 4)
{
    using namespace Qt::StringLiterals;
    Cluster::ClusterState s;
    s.dcs.lastAttempt = s.dcs.lastSuccess = t0();
    s.leaderSince = t0().addSecs(-600);
    const QStringList names { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s };
    Patroni::MemberStatus leaderStatus;
    for (int i = 0; i < names.size(); ++i) {
        Cluster::Member m;
        m.name = names[i];
        m.host = u"127.0.0.1"_s;
        m.port = 5441 + i;
        m.apiUrl = QUrl(u"http://127.0.0.1:%1/patroni"_s.arg(8008 + i));
        const bool isLeader = m.name == leader;
        m.role = isLeader ? Cluster::Role::Leader : Cluster::Role::Replica;
        m.roleText = isLeader ? u"leader"_s : u"replica"_s;
        m.state = u"running"_s;
        m.timeline = timeline;
        if (!isLeader)
            m.lagBytes = 0;
        s.view.members.append(m);

        Cluster::MemberObservation o;
        o.apiUrl = m.apiUrl;
        o.source.lastAttempt = o.source.lastSuccess = t0();
        Patroni::MemberStatus own;
        own.state = u"running"_s;
        own.role = isLeader ? Cluster::Role::Leader : Cluster::Role::Replica;
        own.roleText = isLeader ? u"master"_s : u"replica"_s;
        own.timeline = timeline;
        own.dcsLastSeen = t0().toSecsSinceEpoch() - 1;
        o.status = own;
        s.members.insert(m.name, o);
    }
    // The leader's pg_stat_replication lists every replica as streaming.
    auto& lo = s.members[leader];
    for (const QString& n : names) {
        if (n == leader)
            continue;
        Patroni::ReplicationRow r;
        r.usename = u"replicator"_s;
        r.applicationName = n;
        r.clientAddr = u"127.0.0.1"_s;
        r.state = u"streaming"_s;
        r.syncState = u"async"_s;
        lo.status->replication.append(r);
    }
    return s;
}

inline Cluster::Member& member(Cluster::ClusterState& s, const QString& name)
{
    for (auto& m : s.view.members) {
        if (m.name == name)
            return m;
    }
    qFatal("no member %s", qPrintable(name));
}

inline void apiFails(Cluster::ClusterState& s, const QString& name)
{
    auto& o = s.members[name];
    o.source.error.code = Cluster::SourceError::Code::ConnectionRefused;
    o.source.error.source = name + QStringLiteral(" API");
}

} // namespace TestStates
