#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

#include <QString>

namespace Cli {

// `status --format table`: patronictl's columns (Member, Host, Role, State, TL, Lag in MB), then the
// exact lag in bytes, the findings and the sources.
QString formatStatusTable(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings);
// `status --format tsv`: one header line, one line per member, no decoration; for scripts.
QString formatStatusTsv(const Cluster::ClusterState& state);

} // namespace Cli
