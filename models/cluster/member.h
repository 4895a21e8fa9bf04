#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>
#include <QVariantMap>

#include <optional>

namespace Cluster {

// What Patroni says a member is. Patroni 3.x says "master" where 4.x says "primary"/"leader";
// both map to Leader. Anything we do not know stays Unknown and keeps its raw text in Member::roleText.
enum class Role {
    Leader,
    StandbyLeader,
    SyncStandby,
    QuorumStandby,
    Replica,
    Uninitialized,
    Unknown,
};

// The member's health as the console judges it; ui/ turns it into colour.
enum class Health {
    Healthy,
    Warning,
    Critical,
    Unknown,
};

Role roleFromPatroni(const QString& text);
QString roleName(Role role); // for people: "Sync Standby", as patronictl prints it
QString roleKey(Role role); // for machines: "sync_standby", as Patroni 4.x's /cluster spells it
bool isLeaderRole(Role role);
bool isReplicaRole(Role role);

// A member as GET /cluster describes it (the DCS's view, see LAB-FACTS: it can lag the node's own view).
struct Member {
    QString name;
    QString host;
    int port = 0;
    QUrl apiUrl;
    Role role = Role::Unknown;
    QString roleText; // as Patroni spelled it
    QString state; // running, streaming, stopped, starting, ... kept verbatim: it is not a closed set
    std::optional<int> timeline;
    // Lag in bytes from the DCS positions. Absent for the leader; lagUnknown when Patroni says "unknown".
    std::optional<qint64> lagBytes;
    bool lagUnknown = false;
    // Patroni 4.1+: separate receive/replay lag and LSNs.
    std::optional<qint64> receiveLagBytes;
    std::optional<qint64> replayLagBytes;
    QString receiveLsn;
    QString replayLsn;
    QString lsn;
    QVariantMap tags;
    bool pendingRestart = false;
    QString scheduledRestart;

    friend bool operator==(const Member&, const Member&) = default;
};

struct ScheduledSwitchover {
    QString at;
    QString from;
    QString to;
    friend bool operator==(const ScheduledSwitchover&, const ScheduledSwitchover&) = default;
};

// One reading of GET /cluster.
struct ClusterView {
    QString scope; // Patroni 4.x includes it; 3.x does not
    QList<Member> members;
    bool paused = false;
    std::optional<ScheduledSwitchover> scheduledSwitchover;

    // Names of members that claim leadership (more than one is a finding, none is a finding).
    QStringList leaders() const;
    const Member* member(const QString& name) const;

    friend bool operator==(const ClusterView&, const ClusterView&) = default;
};

} // namespace Cluster
