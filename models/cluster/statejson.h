#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"
#include "models/cluster/sourceerror.h"

#include <QJsonObject>

namespace Cluster {

// The full state of the core as JSON: what `patroni-console status --format json` prints and what
// snapshots store. The shape is documented in the README ("status --format json"); fields are only
// ever added, and "schema" changes if one must change meaning.
QJsonObject stateToJson(const ClusterState& state, const QList<Finding>& findings, const QDateTime& now);

QJsonValue errorToJson(const SourceError& error);
QJsonObject sourceToJson(const SourceState& source);

} // namespace Cluster
