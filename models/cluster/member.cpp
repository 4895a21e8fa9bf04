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
