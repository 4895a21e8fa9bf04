#pragma once

#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"

#include <QDateTime>
#include <QObject>

namespace Cluster {

// The one place that holds what the console believes about a cluster. Sources feed it raw answers;
// it parses, keeps the last good view, and marks that view stale (with the reason) when a poll fails.
// Views and models read from here and never write.
class ClusterStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterStore)
public:
    explicit ClusterStore(QObject* parent = nullptr);

    // A usable reading of GET /cluster from `source`; `warnings` are the parser's notes about odd fields.
    void applyClusterView(
        const ClusterView& view, const QString& source, const QDateTime& at, const QStringList& warnings = {});
    // A poll that produced nothing usable: keep the last good view, mark it stale with the reason.
    void recordFailure(const SourceError& error, const QDateTime& at);

    const ClusterView& view() const { return m_view; }
    bool hasView() const { return m_hasView; }
    bool isStale() const { return m_lastError.isError(); }
    const SourceError& lastError() const { return m_lastError; }
    QDateTime lastGoodAt() const { return m_lastGoodAt; }
    QDateTime lastPollAt() const { return m_lastPollAt; }
    QString lastGoodSource() const { return m_lastGoodSource; }
    const QStringList& lastWarnings() const { return m_lastWarnings; }
    // The single leader, or empty when there is none or more than one.
    QString leader() const;
    quint64 pollCount() const { return m_pollCount; }

Q_SIGNALS:
    void viewChanged(const Cluster::ClusterView& previous, const Cluster::ClusterView& current);
    void stalenessChanged(bool stale);
    void leaderChanged(const QString& previous, const QString& current);
    // Every poll, good or bad: lets views refresh "last updated" without polling the store.
    void pollRecorded();

private:
    void setError(const SourceError& error);

    ClusterView m_view;
    bool m_hasView = false;
    SourceError m_lastError;
    QDateTime m_lastGoodAt;
    QDateTime m_lastPollAt;
    QString m_lastGoodSource;
    QStringList m_lastWarnings;
    quint64 m_pollCount = 0;
};

} // namespace Cluster
