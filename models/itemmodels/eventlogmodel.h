#pragma once

#include "models/cluster/event.h"
#include "models/patroni/historyparser.h"

#include <QSet>

#include <QAbstractListModel>

namespace ItemModels {

// What just changed, newest first: the journal's tail at start-up, then every event as it is
// detected. Bounded, so a console left open for weeks stays small; the journal keeps the rest.
class EventLogModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)
public:
    enum Roles {
        SeverityRole = Qt::UserRole, // Cluster::Severity as int (the same role number as FindingsModel's)
        KindRole, // the event kind's stable name: "leader-changed"
        SubjectRole,
        TimeRole, // QDateTime, UTC
    };

    explicit EventLogModel(int capacity = 500, QObject* parent = nullptr);

    // Events oldest first, as the detector and the journal produce them.
    void append(const QList<Cluster::Event>& events);
    // Patroni's own record of promotions (GET /history), each timeline once, in time order among the
    // console's events: it reaches back before the console was started.
    void mergeHistory(const QList<Patroni::HistoryEntry>& history);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<Cluster::Event> m_events; // newest first
    int m_capacity;
    QSet<int> m_historyTimelines; // timelines of /history already merged
};

// Patroni's /history as events: "Timeline 5 began: patroni2 promoted (no recovery target specified)",
// at the time Patroni recorded it, severity info, details {"source": "history", "timeline", "lsn"}.
// Entries without a readable time are left out (they cannot be placed on a timeline).
QList<Cluster::Event> historyEvents(const QList<Patroni::HistoryEntry>& history);

} // namespace ItemModels
