#include "models/cluster/clusterstore.h"

namespace Cluster {

ClusterStore::ClusterStore(QObject* parent)
    : QObject(parent)
{
}

void ClusterStore::applyClusterView(
    const ClusterView& view, const QString& source, const QDateTime& at, const QStringList& warnings)
{
    ++m_pollCount;
    m_lastWarnings = warnings;
    m_lastPollAt = at;
    m_lastGoodAt = at;
    m_lastGoodSource = source;
    const QString previousLeader = leader();
    const bool firstView = !m_hasView;
    m_hasView = true;
    if (firstView || view != m_view) {
        const ClusterView previous = std::exchange(m_view, view);
        Q_EMIT viewChanged(previous, m_view);
    }
    setError(SourceError {});
    const QString currentLeader = leader();
    if (currentLeader != previousLeader)
        Q_EMIT leaderChanged(previousLeader, currentLeader);
    Q_EMIT pollRecorded();
}

void ClusterStore::recordFailure(const SourceError& error, const QDateTime& at)
{
    ++m_pollCount;
    m_lastPollAt = at;
    setError(error);
    Q_EMIT pollRecorded();
}

QString ClusterStore::leader() const
{
    const QStringList leaders = m_view.leaders();
    return leaders.size() == 1 ? leaders.first() : QString();
}

void ClusterStore::setError(const SourceError& error)
{
    const bool wasStale = isStale();
    m_lastError = error;
    if (wasStale != isStale())
        Q_EMIT stalenessChanged(isStale());
}

} // namespace Cluster
