#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Patroni {

// One line of GET /history: [timeline, lsn, reason, timestamp, new_leader]. Like a PostgreSQL
// timeline history file, `timeline` is the timeline that ended at `lsn`; the promotion started
// timeline + 1. Patroni 3.0.2 and 4.x write five elements; older versions four; and a line taken
// from the history file without a record in the DCS has only three (patroni/postgresql/__init__.py).
struct HistoryEntry {
    int timeline = 0;
    qint64 lsn = 0; // bytes: pg_wal_lsn_diff(lsn, '0/0')
    QString reason; // "no recovery target specified"
    QString timestamp; // verbatim; Patroni writes the history file's mtime in its local time zone
    QDateTime at; // parsed; invalid when absent or unreadable
    std::optional<QString> newLeader; // the member that was promoted

    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

struct HistoryParseResult {
    std::optional<QList<HistoryEntry>> entries; // set when the body was usable; [] is usable
    Cluster::SourceError error;
    QStringList warnings;
};

// Parses the body of GET /history. Pure: no I/O, no clock.
HistoryParseResult parseHistory(QByteArrayView body);

} // namespace Patroni
