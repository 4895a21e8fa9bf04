#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The panels beside the topology, as rows of text decided without a widget: one member in detail
// (its own view, the DCS's, its replication, PostgreSQL's word, the findings about it), HAProxy per
// port and server, etcd per endpoint. The window shows them in trees; a snapshot can print them.
namespace Cluster {

struct DetailGroup {
    QString title;
    QList<QStringList> rows; // each row's cells, as many as the panel's columns
    friend bool operator==(const DetailGroup&, const DetailGroup&) = default;
};

// Two columns: what, value. Empty when the cluster has no such member.
QList<DetailGroup> memberDetails(
    const ClusterState& state, const QList<Finding>& findings, const QString& member, const QDateTime& now);
QStringList memberDetailColumns();

// Per port (group): server, status, check, check duration, sessions (current / max), last change,
// downtime. Servers in HAProxy's order, every one of them (not only those UP).
QList<DetailGroup> haproxyDetails(const ClusterState& state);
QStringList haproxyDetailColumns();

// Endpoints (url, health, reason or error) then the cluster (raft leader, members, version).
QList<DetailGroup> etcdDetails(const ClusterState& state);
QStringList etcdDetailColumns();

// "42 s", "5 min", "3 h 4 min", "2 d 3 h": an age or a duration for people.
QString durationText(qint64 seconds);

} // namespace Cluster
