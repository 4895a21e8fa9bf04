#include "models/cluster/laghistory.h"

#include <cmath>
#include <limits>

namespace Cluster {

namespace {
    constexpr quint32 unknownBytes = 0xFFFFFFFFu;
    constexpr quint32 coarseFlag = 0x80000000u; // bytes above 2 GiB, in 64 KiB steps
    constexpr qint64 rebaseAfterMs = 40LL * 24 * 60 * 60 * 1000; // well inside quint32's 49.7 days
} // namespace

quint32 LagHistory::encodeBytes(std::optional<qint64> bytes)
{
    if (!bytes || *bytes < 0)
        return unknownBytes;
    if (*bytes < qint64(coarseFlag))
        return quint32(*bytes);
    const qint64 steps = std::min<qint64>(*bytes >> 16, qint64(coarseFlag) - 2);
    return coarseFlag | quint32(steps);
}

std::optional<qint64> LagHistory::decodeBytes(quint32 bytes)
{
    if (bytes == unknownBytes)
        return std::nullopt;
    if (bytes & coarseFlag)
        return qint64(bytes & ~coarseFlag) << 16;
    return qint64(bytes);
}

void LagHistory::rebase(qint64 newEpochMs)
{
    const qint64 shift = newEpochMs - m_epochMs;
    const auto move = [shift](std::deque<Sample>& samples) {
        // Everything kept is younger than the retention, so no offset goes negative.
        for (Sample& s : samples)
            s.offsetMs = quint32(std::max<qint64>(0, qint64(s.offsetMs) - shift));
    };
    for (Series& series : m_series) {
        move(series.recent);
        move(series.buckets);
    }
    m_epochMs = newEpochMs;
}

quint32 LagHistory::offsetOf(const QDateTime& at)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    if (m_epochMs < 0)
        m_epochMs = ms - ms % bucketMs; // on a minute, so buckets are whole minutes
    if (ms - m_epochMs > rebaseAfterMs) {
        const qint64 target = ms - retentionMs - bucketMs;
        rebase(target - target % bucketMs);
    }
    return quint32(std::max<qint64>(0, ms - m_epochMs));
}

QDateTime LagHistory::timeOf(quint32 offset) const
{
    return QDateTime::fromMSecsSinceEpoch(m_epochMs + offset, Qt::UTC);
}

void LagHistory::record(
    const QString& member, const QDateTime& at, std::optional<qint64> bytes, std::optional<double> seconds)
{
    const quint32 offset = offsetOf(at);
    Series& series = m_series[member];
    if (!series.recent.empty() && series.recent.back().offsetMs > offset)
        return;
    series.recent.push_back(
        Sample { offset, encodeBytes(bytes), seconds ? float(*seconds) : std::numeric_limits<float>::quiet_NaN() });
    fold(series, offset);
}

void LagHistory::fold(Series& series, quint32 nowOffset)
{
    const qint64 now = nowOffset;
    while (!series.recent.empty() && now - qint64(series.recent.front().offsetMs) > fullResolutionMs) {
        const Sample s = series.recent.front();
        series.recent.pop_front();
        const quint32 bucket = quint32(qint64(s.offsetMs) - qint64(s.offsetMs) % bucketMs);
        if (series.buckets.empty() || series.buckets.back().offsetMs != bucket) {
            series.buckets.push_back(Sample { bucket, s.bytes, s.seconds });
            continue;
        }
        // The minute's worst: a known value beats an unknown one, a larger one a smaller one.
        Sample& b = series.buckets.back();
        if (s.bytes != unknownBytes && (b.bytes == unknownBytes || decodeBytes(s.bytes) > decodeBytes(b.bytes)))
            b.bytes = s.bytes;
        if (!std::isnan(s.seconds) && (std::isnan(b.seconds) || s.seconds > b.seconds))
            b.seconds = s.seconds;
    }
    while (!series.buckets.empty() && now - qint64(series.buckets.front().offsetMs) > retentionMs)
        series.buckets.pop_front();
}

void LagHistory::mark(const Event& event)
{
    m_markers.push_back(LagMarker { event.at, event.kind, event.subject, event.shownMessage() });
    while (m_markers.size() > size_t(maxMarkers))
        m_markers.pop_front();
}

void LagHistory::prune(const QDateTime& now)
{
    const quint32 offset = offsetOf(now);
    for (auto it = m_series.begin(); it != m_series.end();) {
        fold(*it, offset);
        if (it->recent.empty() && it->buckets.empty())
            it = m_series.erase(it);
        else
            ++it;
    }
    const QDateTime oldest = now.addMSecs(-retentionMs);
    while (!m_markers.empty() && m_markers.front().at < oldest)
        m_markers.pop_front();
}

QStringList LagHistory::members() const
{
    QStringList names = m_series.keys();
    names.sort();
    return names;
}

QList<LagPoint> LagHistory::points(const QString& member, const QDateTime& from, const QDateTime& to) const
{
    QList<LagPoint> out;
    const auto it = m_series.constFind(member);
    if (it == m_series.constEnd() || m_epochMs < 0)
        return out;
    const qint64 lo = from.toMSecsSinceEpoch() - m_epochMs;
    const qint64 hi = to.toMSecsSinceEpoch() - m_epochMs;
    const auto add = [&](const std::deque<Sample>& samples) {
        for (const Sample& s : samples) {
            if (qint64(s.offsetMs) < lo || qint64(s.offsetMs) > hi)
                continue;
            out.append(LagPoint { timeOf(s.offsetMs), decodeBytes(s.bytes),
                std::isnan(s.seconds) ? std::nullopt : std::optional<double>(double(s.seconds)) });
        }
    };
    add(it->buckets);
    add(it->recent);
    return out;
}

QList<LagMarker> LagHistory::markers(const QDateTime& from, const QDateTime& to) const
{
    QList<LagMarker> out;
    for (const LagMarker& m : m_markers) {
        if (m.at >= from && m.at <= to)
            out.append(m);
    }
    return out;
}

void LagHistory::forget(const QString& member)
{
    m_series.remove(member);
}

qsizetype LagHistory::sampleCount() const
{
    qsizetype n = 0;
    for (const Series& s : m_series)
        n += qsizetype(s.recent.size() + s.buckets.size());
    return n;
}

qint64 LagHistory::memoryBytes() const
{
    qint64 bytes = 0;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        // A deque allocates in blocks of 512 bytes (libstdc++), plus its map of block pointers.
        const auto dequeBytes = [](size_t n) {
            const qint64 perBlock = std::max<qint64>(1, 512 / qint64(sizeof(Sample)));
            const qint64 blocks = qint64(n) / perBlock + 1;
            return blocks * 512 + blocks * qint64(sizeof(void*)) + 64;
        };
        bytes += dequeBytes(it->recent.size()) + dequeBytes(it->buckets.size());
        bytes += qint64(sizeof(Series)) + it.key().size() * 2 + 64; // the hash node and the name
    }
    bytes += qint64(m_markers.size()) * qint64(sizeof(LagMarker) + 64);
    return bytes;
}

} // namespace Cluster
