#pragma once

#include "models/cluster/event.h"

#include <QString>

namespace Cluster {

// The event journal on disk: JSON Lines, append-only, one file per cluster profile. Bounded: when the
// file passes maxBytes it becomes `<file>.1` (replacing the previous one) and a new file starts, so at
// most about 2 × maxBytes are kept. Lines that do not parse (a crash mid-write, a hand edit) are
// skipped on reading, never fatal.
class Journal {
public:
    explicit Journal(QString path, qint64 maxBytes = 4 * 1024 * 1024);

    // Appends and flushes. Returns false with a plain sentence in *error when the disk refuses.
    bool append(const QList<Event>& events, QString* error = nullptr);
    // The newest `limit` events (all if negative), oldest first, across the rotated and current file.
    QList<Event> read(int limit = -1, int* skippedLines = nullptr) const;

    QString path() const { return m_path; }
    qint64 maxBytes() const { return m_maxBytes; }

private:
    QString m_path;
    qint64 m_maxBytes;
};

} // namespace Cluster
