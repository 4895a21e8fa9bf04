#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

namespace Cluster {

// Limits the checks compare against when the cluster's own config does not say.
struct Thresholds {
    qint64 defaultMaximumLagOnFailover = 1048576; // Patroni's default
    int dcsStaleSeconds = 30; // a member that has not reached the DCS for this long
    // After the DCS names a new leader, Patroni needs a moment to promote it and demote the old one
    // (LAB-FACTS: ~2 s); a role that disagrees within this grace is a switchover, not a fault.
    int promotionGraceSeconds = 6;
};

// Every named cross-layer check over one state, worst first. Pure: `now` is the poll's time.
QList<Finding> evaluateFindings(const ClusterState& state, const QDateTime& now, const Thresholds& limits = {});

} // namespace Cluster
