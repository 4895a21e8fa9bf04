#pragma once

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the topology picture shows, decided without a pixel: who replicates from whom and how, where
// each HAProxy port sends new connections and whether that is right. ui/topology/ draws it; a test
// reads it. Built from the same MemberView (assessment.h) the table and the banner use.
namespace Cluster {

// How a replica is attached to its upstream.
enum class LinkKind {
    Async,
    Sync, // PostgreSQL's sync_state "sync" (or the DCS's "sync_standby" role)
    Quorum, // sync_state "quorum" (Patroni 4.x quorum commit)
    Potential, // sync_state "potential": would become sync
};

struct TopologyMember {
    MemberView view; // name, role, state, timeline, lag, health, reach, the DCS's entry
    // Who it replicates from: its `replicatefrom` tag when that member exists, else the leader the
    // console believes in (or the DCS's single leader while none is believed). Empty for a leader.
    QString upstream;
    bool cascading = false; // upstream is not the leader (replicatefrom)
    LinkKind link = LinkKind::Async;
    // Seen streaming: the upstream's pg_stat_replication lists it as streaming, or the member itself
    // says "streaming" (Patroni 3.x says "running" for a replica: then the upstream's list decides).
    bool streaming = false;
    bool oldTimeline = false; // a timeline other than the leader's
    bool leader = false; // the leader the console believes in (effectiveLeader())
    bool dcsCallsLeader = false; // the DCS names it leader, the console does not believe it
    int depth = 0; // 0 leader (and members whose upstream is unknown), 1 its replicas, 2 cascading…
    // Tags Patroni acts on, as words: "nofailover", "noloadbalance", "nosync", "nostream",
    // "replicatefrom patroni2", "failover_priority 0".
    QStringList tagBadges;
    QStringList findings; // the sentences of the findings about this member, worst first
};

// Where one HAProxy port sends new connections.
struct RouteTarget {
    QString member; // the member's name, or HAProxy's server name when it matches no member
    bool known = false; // a member of this cluster
    bool goingDown = false; // "UP 1/3": checks failing, still in the pool
    bool wrong = false; // a writer port to a non-leader, a reader port to the leader
    std::optional<qint64> sessions; // scur
};

struct TopologyRoute {
    QString proxy; // HAProxy's proxy name ("primary")
    int port = 0; // the port clients use (5000)
    QString purpose; // "read/write", "read-only", "any"
    QList<RouteTarget> targets; // in HAProxy's order; servers that take new connections only
    Health health = Health::Unknown; // from the routing findings about this port
    QStringList findings; // their sentences, worst first
    std::optional<qint64> sessions; // the backend's current sessions
};

struct Topology {
    QList<TopologyMember> members; // the leader first, then by depth, each level in the DCS's order
    QList<TopologyRoute> routes; // primary, replicas, any; empty when HAProxy is not configured
    bool haproxyConfigured = false;
    bool haproxyKnown = false; // a stats page was read at least once
    bool haproxyStale = false; // the last read failed: the routes are the last known ones
    QString leader; // effectiveLeader()
    std::optional<int> leaderTimeline;

    const TopologyMember* member(const QString& name) const;
    const TopologyRoute* route(int port) const;
};

Topology buildTopology(const ClusterState& state, const QList<Finding>& findings);

} // namespace Cluster
