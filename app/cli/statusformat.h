#pragma once

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

#include <QJsonObject>
#include <QString>

namespace Cli {

// `status --format table`: patronictl's columns (Member, Host, Role, State, TL, Lag in MB), then the
// exact lag in bytes, the findings and the sources.
QString formatStatusTable(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings);
// `status --format tsv`: one header line, one line per member, no decoration; for scripts.
QString formatStatusTsv(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings);

// One cluster of `status --all`.
struct FleetLine {
    QString name;
    Cluster::ClusterSummary summary;
    Cluster::SourceError error; // why Patroni could not be read, when it could not
};

// Worst first: critical, warning, unknown, healthy; then clusters that could not be read; then by name.
void sortWorstFirst(QList<FleetLine>* lines);
// `status --all --format table`: a header, then one line per cluster.
QString formatFleetTable(const QList<FleetLine>& lines);
// `status --all --format tsv`: one header line, one line per cluster, no decoration.
QString formatFleetTsv(const QList<FleetLine>& lines);
// `status --all --format json`: schema patroni-console/fleet/1 (README).
QJsonObject fleetToJson(const QList<FleetLine>& lines, const QDateTime& now);

} // namespace Cli
