#pragma once

#include "models/actions/action.h"

#include <QString>
#include <QStringList>

namespace Cluster {
class ClusterStore;
}

// The guided rolling restart, shared by the command line (restart --rolling) and the window: the
// replicas one at a time, then a switchover away from the leader, then the old leader, the cluster
// healthy again between steps.
namespace Actions {

struct RollingPlan {
    QString leader;
    QStringList replicas; // restarted first, in this order
    bool leaderToo = false; // then a switchover and the old leader's restart
    QString problem; // set: nothing to do, or the cluster is not in a state to begin
    int stepCount() const { return int(replicas.size()) + (leaderToo ? 2 : 0); }
    // "patroni2, patroni3 one at a time, then a switchover away from patroni1, then patroni1"
    QString summary() const;
};

// Every member running and answering, a leader, each replica's lag known. False with *why otherwise.
bool settled(const Cluster::ClusterStore& store, QString* why);

// The members to restart in turn, the leader last: the replicas (pendingOnly: those that need it),
// then the leader if it is believed and (pendingOnly) needs it. No problem is set: also for
// `restart`/`reload` without MEMBER, which do not need a healthy cluster to begin.
RollingPlan restartOrder(const Cluster::ClusterStore& store, bool pendingOnly);

// restartOrder() from a settled cluster; `problem` says why not, or that there is nothing to do.
RollingPlan rollingPlan(const Cluster::ClusterStore& store, bool pendingOnly);

// The member the switchover step hands the leadership to: a replica restarted by this plan and
// eligible now, else any eligible member; empty when none is (the switchover's preflight says why).
QString rollingCandidate(const Cluster::ClusterStore& store, const RollingPlan& plan);

// Step `index` (0-based) of `plan`, decided with the cluster as it is now: the request, and the leader
// the executor must still find — the plan's for the switchover (had it moved, the step is refused),
// the current one for a restart.
struct RollingStep {
    Request request;
    QString expectedLeader;
};
RollingStep rollingStep(const Cluster::ClusterStore& store, const RollingPlan& plan, int index);

} // namespace Actions
