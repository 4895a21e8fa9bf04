#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/event.h"
#include "models/cluster/finding.h"
#include "models/cluster/profile.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Snapshot {

class Redactor;

// Who took a snapshot: written into it so a ticket says where a record came from.
struct Origin {
    QString console; // "patroni-console 0.3.0"
    QString host;
    QString user; // the OS user
};

// This process: the application's name and version, the host, the OS user (snapshots and the audit).
Origin localOrigin();

// Everything the console knows about one cluster at one instant.
struct Input {
    Cluster::Profile profile;
    const Cluster::ClusterState* state = nullptr;
    QList<Cluster::Finding> findings;
    QList<Cluster::Event> journal; // the recent journal, oldest first
    QDateTime takenAt;
    Origin origin;
};

QString schema(); // "patroni-console/snapshot/1"

// The formats a snapshot is written in: JSON for machines, Markdown and HTML for tickets, PDF for
// change records, PNG (the cluster's page: topology, lag chart, members) for chat.
enum class Format { Json, Markdown, Html, Pdf, Png };
QList<Format> formats();
QString formatName(Format format); // "json", "markdown", "html", "pdf", "png"
QString formatExtension(Format format); // "json", "md", "html", "pdf", "png"
std::optional<Format> formatFromName(const QString& name); // the names, plus "md" and "htm"
std::optional<Format> formatFromPath(const QString& path); // by the file's extension

// The snapshot as JSON, schema patroni-console/snapshot/1 (README, "Snapshots"):
//   { schema, takenAt, origin {console, host, user}, profile {…as `profiles export` writes it…},
//     state {…exactly `status --format json`, patroni-console/status/2…},
//     journal [ events, oldest first ], unread [ "HAProxy: connection refused", … ], redactions N }
// `unread` names every source that could not be read and why, so a snapshot of an unreachable
// cluster still says what is missing. Every secret is taken out by `redactor` before anything is
// returned; each human format is rendered from this object, so none can carry more than it.
QJsonObject build(const Input& input, const Redactor& redactor);

// Each unread source as "<source>: <why>" from a status/2 object's "sources".
QStringList unreadSources(const QJsonObject& state);

} // namespace Snapshot
