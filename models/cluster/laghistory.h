#pragma once

#include "models/cluster/event.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <optional>

namespace Cluster {

// One point of a replica's lag, as a chart or a snapshot reads it.
struct LagPoint {
    QDateTime at;
    std::optional<qint64> bytes; // absent: Patroni did not know ("unknown")
    std::optional<double> seconds; // absent: PostgreSQL was not asked or could not tell
    friend bool operator==(const LagPoint&, const LagPoint&) = default;
};

// What to mark on a chart's time axis: leader changes, lost leaders, new timelines.
struct LagMarker {
    QDateTime at;
    EventKind kind = EventKind::LeaderChanged;
    QString subject;
    QString message;
    friend bool operator==(const LagMarker&, const LagMarker&) = default;
};

// Lag over time for every replica of one cluster, in bytes and seconds, at each poll: the last hour
// at full resolution, the rest of 24 hours in one-minute buckets that keep each minute's worst
// values (a chart of a day must still show the spike), nothing older. Bounded: a sample is 12 bytes,
// a member-day about 58 KiB at one poll a second (bench_core measures it). Members are keyed by name
// within one cluster; every cluster's session has its own history.
class LagHistory {
public:
    static constexpr qint64 fullResolutionMs = 60LL * 60 * 1000;
    static constexpr qint64 bucketMs = 60LL * 1000;
    static constexpr qint64 retentionMs = 24LL * 60 * 60 * 1000;
    static constexpr int maxMarkers = 10000;

    // One poll's reading of one replica. Times must not go backwards per member (an older sample is
    // dropped).
    void record(const QString& member, const QDateTime& at, std::optional<qint64> bytes, std::optional<double> seconds);
    void mark(const Event& event);
    // Drops what is older than the retention and folds what left the last hour into buckets; record()
    // does this for its own member, this does it for all (call it now and then).
    void prune(const QDateTime& now);

    QStringList members() const;
    // Points of `member` with from <= at <= to, oldest first: buckets (at their minute) then samples.
    QList<LagPoint> points(const QString& member, const QDateTime& from, const QDateTime& to) const;
    QList<LagMarker> markers(const QDateTime& from, const QDateTime& to) const;
    void forget(const QString& member);

    qsizetype sampleCount() const;
    // Heap bytes held by the samples, buckets and markers (an estimate of what the containers hold).
    qint64 memoryBytes() const;

private:
    // 12 bytes: time in ms since the history's epoch, bytes exact below 2 GiB and in 64 KiB steps above
    // (up to 128 TiB), seconds as float. 0xFFFFFFFF bytes / NaN seconds: unknown.
    struct Sample {
        quint32 offsetMs;
        quint32 bytes;
        float seconds;
    };
    struct Series {
        std::deque<Sample> recent; // the last hour, one per poll
        std::deque<Sample> buckets; // older, one per minute (worst values)
    };

    quint32 offsetOf(const QDateTime& at);
    QDateTime timeOf(quint32 offset) const;
    static quint32 encodeBytes(std::optional<qint64> bytes);
    static std::optional<qint64> decodeBytes(quint32 bytes);
    void fold(Series& series, quint32 nowOffset);
    void rebase(qint64 newEpochMs);

    qint64 m_epochMs = -1; // ms since the Unix epoch of offset 0
    QHash<QString, Series> m_series;
    std::deque<LagMarker> m_markers;
};

} // namespace Cluster
