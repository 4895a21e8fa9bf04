#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/event.h"
#include "models/cluster/finding.h"

namespace Cluster {

// Turns successive states into events: leader lost/changed, timeline bumped, members coming and
// going, lag crossing the failover limit, pause/resume, findings raised/cleared. It remembers what
// it has seen; the first state with a DCS view only primes it (no "member appeared" storm at start-up).
class ChangeDetector {
public:
    QList<Event> update(
        const ClusterState& state, const QList<Finding>& findings, const QDateTime& now, qint64 maximumLagOnFailover);

private:
    bool m_primed = false;
    ClusterState m_previous;
    QList<Finding> m_previousFindings;
    QString m_currentLeader; // effective leader at the last update, may be empty
    QString m_lastLeader; // last effective leader ever seen
    std::optional<int> m_leaderTimeline;
};

} // namespace Cluster
