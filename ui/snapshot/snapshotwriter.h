#pragma once

#include "models/cluster/event.h"
#include "models/snapshot/snapshot.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

class QWidget;

namespace Session {
class ClusterSession;
}

namespace Ui {

// One snapshot to write: from the window (File → Export snapshot) and from `patroni-console snapshot`.
struct SnapshotRequest {
    Session::ClusterSession* session = nullptr;
    Snapshot::Format format = Snapshot::Format::Json;
    QString path;
    QList<Cluster::Event> journal; // the recent journal to include, oldest first
    QStringList secrets; // more values to redact beyond the session's and the environment's
    // For PNG: the cluster's page as the user sees it; null: a page is laid out off screen.
    QWidget* page = nullptr;
    QSize pageSize { 1400, 900 };
};

struct SnapshotOutcome {
    bool written = false; // renderSnapshot(): produced
    QString error; // one sentence: what failed and what to do
    int redactions = 0;
};

// Before any polling: whether a file can be written at `path`, by creating (and removing) a
// temporary file beside it, as the real write will. *error says why not.
bool checkWritable(const QString& path, QString* error);

// The snapshot's bytes in the requested format (for standard output, or a file). `written` says
// whether anything usable was produced.
SnapshotOutcome renderSnapshot(const SnapshotRequest& request, QByteArray* bytes);

// Writes the snapshot through a temporary file that replaces `path` only when complete: a failure
// leaves nothing behind, and an older file at `path` stays as it was.
SnapshotOutcome writeSnapshot(const SnapshotRequest& request);

// The cluster's page (banner, findings, topology, lag chart, members) under a caption naming the
// cluster and the time, as a picture. `page` as in SnapshotRequest.
QImage snapshotPicture(Session::ClusterSession* session, QWidget* page, QSize size);

} // namespace Ui
