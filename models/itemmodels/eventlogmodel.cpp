#include "models/itemmodels/eventlogmodel.h"

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
        return QString(e.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u"  "_s + e.message);
    case Qt::ToolTipRole:
        return QString(Cluster::eventKindName(e.kind) + (e.subject.isEmpty() ? QString() : u" · "_s + e.subject));
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
