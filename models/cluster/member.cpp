#include "models/cluster/member.h"

using namespace Qt::StringLiterals;

namespace Cluster {

Role roleFromPatroni(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"leader"_s || t == u"master"_s || t == u"primary"_s)
        return Role::Leader;
    if (t == u"standby_leader"_s || t == u"standby leader"_s)
        return Role::StandbyLeader;
    if (t == u"sync_standby"_s || t == u"sync standby"_s)
        return Role::SyncStandby;
    if (t == u"quorum_standby"_s || t == u"quorum standby"_s)
        return Role::QuorumStandby;
    if (t == u"replica"_s)
        return Role::Replica;
    if (t == u"uninitialized"_s)
        return Role::Uninitialized;
    return Role::Unknown;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Leader:
        return u"Leader"_s;
    case Role::StandbyLeader:
        return u"Standby Leader"_s;
    case Role::SyncStandby:
        return u"Sync Standby"_s;
    case Role::QuorumStandby:
        return u"Quorum Standby"_s;
    case Role::Replica:
        return u"Replica"_s;
    case Role::Uninitialized:
        return u"Uninitialized"_s;
    case Role::Unknown:
        break;
    }
    return u"Unknown"_s;
}

QString roleKey(Role role)
{
    switch (role) {
    case Role::Leader:
        return u"leader"_s;
    case Role::StandbyLeader:
        return u"standby_leader"_s;
    case Role::SyncStandby:
        return u"sync_standby"_s;
    case Role::QuorumStandby:
        return u"quorum_standby"_s;
    case Role::Replica:
        return u"replica"_s;
    case Role::Uninitialized:
        return u"uninitialized"_s;
    case Role::Unknown:
        break;
    }
    return u"unknown"_s;
}

bool isLeaderRole(Role role)
{
    return role == Role::Leader || role == Role::StandbyLeader;
}

bool isReplicaRole(Role role)
{
    return role == Role::Replica || role == Role::SyncStandby || role == Role::QuorumStandby;
}

Health memberHealth(const Member& m)
{
    const QString s = m.state.toLower();
    if (s == u"stopped"_s || s == u"crashed"_s || s == u"start failed"_s || s == u"stop failed"_s)
        return Health::Critical;
    if (s == u"running"_s || s == u"streaming"_s) {
        if (isReplicaRole(m.role) && m.lagUnknown)
            return Health::Warning;
        if (m.pendingRestart)
            return Health::Warning;
        return Health::Healthy;
    }
    if (s == u"in archive recovery"_s)
        return Health::Warning; // a replica that is not streaming
    if (s.isEmpty())
        return Health::Unknown;
    return Health::Warning; // starting, stopping, restarting, creating replica, ...
}

QStringList ClusterView::leaders() const
{
    QStringList names;
    for (const Member& m : members) {
        if (isLeaderRole(m.role))
            names.append(m.name);
    }
    return names;
}

const Member* ClusterView::member(const QString& name) const
{
    for (const Member& m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

} // namespace Cluster

namespace Cluster {

ClusterSummary summarize(const ClusterView& view)
{
    ClusterSummary s;
    const QStringList leaders = view.leaders();
    int replicas = 0;
    int healthyReplicas = 0;
    std::optional<int> leaderTimeline;
    for (const Member& m : view.members) {
        if (isLeaderRole(m.role)) {
            leaderTimeline = m.timeline;
            continue;
        }
        ++replicas;
        if (memberHealth(m) == Health::Healthy)
            ++healthyReplicas;
        else
            s.problems.append(u"%1 is %2"_s.arg(m.name, m.state.isEmpty() ? u"in an unknown state"_s : m.state));
    }
    if (leaders.isEmpty()) {
        s.problems.prepend(u"No leader: writes are impossible until Patroni elects one"_s);
        s.health = Health::Critical;
        s.headline = u"NO LEADER · %1 member(s)"_s.arg(view.members.size());
        return s;
    }
    if (leaders.size() > 1) {
        s.problems.prepend(u"More than one member claims leadership: %1"_s.arg(leaders.join(u", "_s)));
        s.health = Health::Critical;
        s.headline = u"SPLIT BRAIN? %1 leaders"_s.arg(leaders.size());
        return s;
    }
    const Member* leader = view.member(leaders.first());
    if (memberHealth(*leader) == Health::Critical)
        s.problems.prepend(u"Leader %1 is %2"_s.arg(leader->name, leader->state));
    s.headline = u"Leader %1 · %2 of %3 replicas healthy"_s.arg(leader->name).arg(healthyReplicas).arg(replicas);
    if (leaderTimeline)
        s.headline += u" · TL %1"_s.arg(*leaderTimeline);
    if (view.paused) {
        s.headline += u" · PAUSED"_s;
        s.problems.append(u"Cluster is paused: Patroni will not fail over automatically"_s);
    }
    if (memberHealth(*leader) == Health::Critical)
        s.health = Health::Critical;
    else if (!s.problems.isEmpty())
        s.health = Health::Warning;
    else
        s.health = Health::Healthy;
    return s;
}

} // namespace Cluster
