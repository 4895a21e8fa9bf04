#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace Session {
class ClusterSession;
}

namespace ItemModels {

// One row per cluster session: its name and what Cluster::summarize() says of it (health, headline,
// leader, members running, timeline, worst lag, worst finding). A session whose summary changes
// repaints its own row only, and a row at most every refresh interval (250 ms): a fleet whose lags
// move every second would otherwise repaint the list hundreds of times a second. The order is the
// sessions' order; a view sorts by HealthRankRole to put the worst first.
class FleetModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)
public:
    enum Roles {
        NameRole = Qt::UserRole,
        HealthRole, // Cluster::Health as int
        HealthRankRole, // int, 0 = worst: sort ascending for "worst first"
        HeadlineRole,
        LeaderRole,
        MembersRunningRole,
        MembersTotalRole,
        TimelineRole, // int or invalid
        WorstLagBytesRole, // qint64 or invalid
        WorstFindingRole, // the worst finding's sentence, or empty
        StaleRole, // bool
    };

    static constexpr int refreshIntervalMs = 250;

    explicit FleetModel(QObject* parent = nullptr);
    void setSessions(const QList<Session::ClusterSession*>& sessions);
    Session::ClusterSession* sessionAt(int row) const;
    int rowOf(const Session::ClusterSession* session) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void flush();

    QList<QPointer<Session::ClusterSession>> m_sessions;
    QSet<int> m_dirty; // rows whose summary changed since the last flush
    QTimer m_flush;
};

} // namespace ItemModels
