#pragma once

#include "models/cluster/clusterstate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <deque>

namespace Cluster {

// How many client sessions HAProxy holds to each member, summed over the cluster's routes (ports
// 5000/5001/5002), from a stats read. Servers matched to members by name, as routedTo() does.
QHash<QString, qint64> sessionsByServer(const ClusterState& state);

// Those counts over the last hour, at each stats read: for the sessions chart. Bounded: a sample is
// 12 bytes, an hour at one read every 2 s about 21 KiB per server.
class SessionHistory {
public:
    static constexpr qint64 retentionMs = 60LL * 60 * 1000;

    // Times must not go backwards (an older read is dropped).
    void record(const QDateTime& at, const QHash<QString, qint64>& sessions);
    QStringList servers() const;
    // x: ms since the Unix epoch, y: sessions; from <= x <= to, oldest first.
    QList<QPointF> points(const QString& server, const QDateTime& from, const QDateTime& to) const;

private:
    struct Sample {
        qint64 atMs;
        qint32 sessions;
    };
    QHash<QString, std::deque<Sample>> m_series;
    qint64 m_lastMs = -1;
};

} // namespace Cluster
