#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

#include <QList>
#include <QString>

#include <optional>

// The console's answers to the questions a DBA asks first — who leads, how is each member, how is the
// cluster — each decided by one function here. The member table, the banner, the fleet list, the
// CLI's table and JSON and everything later call these; nothing else decides them.
namespace Cluster {

// Whether the node's own REST API answered the console's last GET /patroni.
enum class Reach {
    NotAsked, // no answer yet (first poll, or the member has no API URL)
    Answering,
    Silent, // refused, timed out, or answered garbage
};

// A member as the console shows it: everything it knows joined. The node's own answer beats the
// DCS's cached view (GET /cluster keeps a killed leader "running" until its key expires, and keeps
// naming a leader that has demoted itself while etcd has no quorum); its silence is shown as such;
// PostgreSQL adds the lag in seconds. `dcs` keeps the DCS's view beside it, never in its place.
struct MemberView {
    QString name;
    Role role = Role::Unknown;
    QString roleText; // as the source of `role` spelled it
    QString state; // the node's own state; "unreachable" while its API is silent; else the DCS's
    std::optional<int> timeline;
    std::optional<qint64> lagBytes; // from the DCS positions (Patroni's only lag); absent for the leader
    bool lagUnknown = false;
    std::optional<double> lagSeconds; // PostgreSQL's own word; absent when not asked or cannot tell
    bool pendingRestart = false; // the DCS's flag or the node's own
    Reach reach = Reach::NotAsked;
    Health health = Health::Unknown;
    std::optional<Severity> worstFinding; // the worst finding about this member, if any
    bool believedLeader = false; // it is effectiveLeader()
    Member dcs; // as GET /cluster lists it

    bool isLeader() const { return isLeaderRole(role); }
    friend bool operator==(const MemberView&, const MemberView&) = default;
};

// The role as people read it, joined with whether the console believes in it: "Leader", "Replica", …;
// "Leader (promoting)" for the leader the DCS has just named while the node still says replica;
// "Leader per DCS only" for one whose API is silent while the DCS's cache still names it; "Leader
// (not believed)" for a node that says it leads but is not the one leader (two leaders, or one the
// DCS does not name). The table, the topology and the details all show this.
QString shownRole(const MemberView& view);

// A state in words, for a tooltip: "streaming: receiving WAL from patroni1", "stopped: PostgreSQL is
// not running on this node", … `upstream` is whom a replica replicates from (empty: unknown).
QString explainState(const MemberView& view, const QString& upstream);

// "unreachable": the state shown for a member whose own API does not answer.
QString unreachableState();

// What a Patroni state amounts to, for its icon: running (a primary, or a replica replaying), streaming,
// on its way (starting, stopping, restarting, creating replica, in archive recovery, bootstrapping),
// stopped, failed (crashed, start/stop/restart failed), unreachable, or nothing known.
enum class StateKind {
    Running,
    Streaming,
    Transition,
    Stopped,
    Failed,
    Unreachable,
    Unknown,
};
StateKind stateKind(const QString& state);
QString stateKindKey(StateKind kind); // "running", "streaming", "transition", … (the icon's file name)

// Health of a role/state pair alone, before any finding: running/streaming is healthy (unless the
// lag is unknown on a replica or a restart is pending), stopped/crashed/failed and "unreachable" are
// critical, anything in between (starting, stopping, creating replica, in archive recovery, unknown)
// is a warning; no state at all is unknown.
Health stateHealth(Role role, const QString& state, bool lagUnknown, bool pendingRestart);

// Every member the DCS lists, in its order, joined with what else the console knows. `findings` are
// the store's current findings: a member is as bad as the worst finding about it.
QList<MemberView> memberViews(const ClusterState& state, const QList<Finding>& findings);
std::optional<MemberView> memberView(const ClusterState& state, const QList<Finding>& findings, const QString& name);

// The one leader the console believes in: named by the DCS and alone; its own API answering (or
// not asked yet); and — once the promotion grace after the DCS named it has passed — saying itself
// that it is the primary. Empty otherwise: a killed leader still listed, a leader that demoted itself
// while the DCS's cache still names it, no leader, two leaders.
QString effectiveLeader(const ClusterState& state, int promotionGraceSeconds = 6);

// The leader memberViews() already decided on (its believedLeader): effectiveLeader() without
// deciding it again. Empty when there is none.
QString believedLeader(const QList<MemberView>& views);

// A cluster in one line and a few numbers: what the banner, the fleet list and `status --all` show.
struct ClusterSummary {
    Health health = Health::Unknown;
    bool everRead = false; // the DCS's view was read at least once
    bool stale = false; // the last GET /cluster failed: what is shown is the last good view
    QString leader; // effectiveLeader()
    QStringList dcsLeaders; // who the DCS names (may differ from `leader`)
    int membersRunning = 0; // answering (or not yet asked) and running/streaming
    int membersTotal = 0;
    std::optional<int> timeline; // the leader's
    QString worstLagMember;
    std::optional<qint64> worstLagBytes;
    std::optional<double> worstLagSeconds; // the largest lag in seconds PostgreSQL reports for a replica
    std::optional<Finding> worstFinding;
    bool paused = false;
    QString headline; // "Leader patroni1 · 3/3 running · TL 4 · max lag 0 B"

    friend bool operator==(const ClusterSummary&, const ClusterSummary&) = default;
};

ClusterSummary summarize(const ClusterState& state, const QList<Finding>& findings);

// "healthy", "warning", "critical", "unknown": for machines (JSON, TSV)
QString healthKey(Health health);
// Worst first: Critical, Warning, Unknown, Healthy. For sorting a fleet.
int healthRank(Health health);

} // namespace Cluster
