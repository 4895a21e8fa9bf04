#include "models/itemmodels/eventlogmodel.h"
#include "models/itemmodels/membertablemodel.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ItemModels {

EventLogModel::EventLogModel(int capacity, QObject* parent)
    : QAbstractListModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

void EventLogModel::append(const QList<Cluster::Event>& events)
{
    if (events.isEmpty())
        return;
    // Only the newest `capacity` of a large batch can be shown at all.
    const qsizetype take = std::min<qsizetype>(events.size(), m_capacity);
    beginInsertRows({}, 0, int(take) - 1);
    for (qsizetype i = events.size() - take; i < events.size(); ++i)
        m_events.prepend(events.at(i));
    endInsertRows();
    if (m_events.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_events.size()) - 1);
        m_events.resize(m_capacity);
        endRemoveRows();
    }
}

QList<Cluster::Event> historyEvents(const QList<Patroni::HistoryEntry>& history)
{
    QList<Cluster::Event> out;
    for (const Patroni::HistoryEntry& h : history) {
        if (!h.at.isValid())
            continue;
        Cluster::Event e;
        e.at = h.at.toUTC();
        e.kind = Cluster::EventKind::TimelineChanged;
        e.severity = Cluster::Severity::Info;
        // The entry for timeline N says how timeline N ended: timeline N + 1 began then.
        const int began = h.timeline + 1;
        e.subject = h.newLeader.value_or(QString());
        e.words = h.newLeader
            ? Cluster::Words::source(
                QT_TRANSLATE_NOOP("Cluster", "Patroni history: timeline %1 began, %2 promoted (%3)"))
                  .arg(began)
                  .arg(*h.newLeader, h.reason)
            : Cluster::Words::source(QT_TRANSLATE_NOOP("Cluster", "Patroni history: timeline %1 began (%2)"))
                  .arg(began)
                  .arg(h.reason);
        e.message = e.words.english();
        e.details
            = QJsonObject { { u"source"_s, u"history"_s }, { u"timeline"_s, began }, { u"lsn"_s, double(h.lsn) } };
        out.append(e);
    }
    return out;
}

void EventLogModel::mergeHistory(const QList<Patroni::HistoryEntry>& history)
{
    for (const Cluster::Event& e : historyEvents(history)) {
        const int timeline = e.details.value(u"timeline"_s).toInt();
        if (m_historyTimelines.contains(timeline))
            continue;
        m_historyTimelines.insert(timeline);
        // Newest first: before the first event that is older.
        qsizetype row = 0;
        while (row < m_events.size() && m_events.at(row).at > e.at)
            ++row;
        if (row >= m_capacity)
            continue; // older than all that is kept
        beginInsertRows({}, int(row), int(row));
        m_events.insert(row, e);
        endInsertRows();
        if (m_events.size() > m_capacity) {
            beginRemoveRows({}, m_capacity, int(m_events.size()) - 1);
            m_events.resize(m_capacity);
            endRemoveRows();
        }
    }
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cluster::Event& e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(ItemModels::displayDateTime(e.at) + u"  "_s + e.shownMessage());
    case Qt::ToolTipRole:
        // The whole sentence (a list cuts it at its width), then what kind of event it is.
        return QString(e.shownMessage() + u'\n' + Cluster::eventKindName(e.kind)
            + (e.subject.isEmpty() ? QString() : u" · "_s + e.subject));
    case SeverityRole:
        return int(e.severity);
    case KindRole:
        return Cluster::eventKindName(e.kind);
    case SubjectRole:
        return e.subject;
    case TimeRole:
        return e.at;
    default:
        return {};
    }
}

} // namespace ItemModels
