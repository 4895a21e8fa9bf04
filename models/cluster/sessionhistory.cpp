#include "models/cluster/sessionhistory.h"

#include <limits>

namespace Cluster {

QHash<QString, qint64> sessionsByServer(const ClusterState& state)
{
    QHash<QString, qint64> out;
    if (!state.haproxy)
        return out;
    for (const RouteNames::Route& route : state.routes.all()) {
        for (const Haproxy::Row* row : state.haproxy->servers(route.proxy)) {
            const QString member = state.memberForServer(*row);
            out[member.isEmpty() ? row->name : member] += row->scur.value_or(0);
        }
    }
    return out;
}

void SessionHistory::record(const QDateTime& at, const QHash<QString, qint64>& sessions)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    if (ms < m_lastMs - 10000) {
        m_series.clear(); // the clock went back: start again rather than freeze until it catches up
    } else if (ms < m_lastMs) {
        return;
    }
    m_lastMs = ms;
    for (auto it = sessions.cbegin(); it != sessions.cend(); ++it) {
        const qint64 clamped = std::min<qint64>(it.value(), std::numeric_limits<qint32>::max());
        m_series[it.key()].push_back(Sample { ms, qint32(clamped) });
    }
    // Everything older than the hour goes; a server no longer read goes with its last sample.
    for (auto it = m_series.begin(); it != m_series.end();) {
        while (!it->empty() && it->front().atMs < ms - retentionMs)
            it->pop_front();
        if (it->empty())
            it = m_series.erase(it);
        else
            ++it;
    }
}

QStringList SessionHistory::servers() const
{
    QStringList out = m_series.keys();
    out.sort();
    return out;
}

QList<QPointF> SessionHistory::points(const QString& server, const QDateTime& from, const QDateTime& to) const
{
    QList<QPointF> out;
    const auto it = m_series.constFind(server);
    if (it == m_series.constEnd())
        return out;
    const qint64 lo = from.toMSecsSinceEpoch();
    const qint64 hi = to.toMSecsSinceEpoch();
    for (const Sample& s : *it) {
        if (s.atMs >= lo && s.atMs <= hi)
            out.append(QPointF(double(s.atMs), double(s.sessions)));
    }
    return out;
}

} // namespace Cluster
