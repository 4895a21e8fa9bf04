#include "models/itemmodels/eventfiltermodel.h"

#include "models/itemmodels/eventlogmodel.h"

namespace ItemModels {

EventFilterModel::EventFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void EventFilterModel::setSubject(const QString& text)
{
    if (m_subject == text)
        return;
    m_subject = text;
    invalidateRowsFilter();
}

void EventFilterModel::setKind(const std::optional<Cluster::EventKind>& kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void EventFilterModel::setMinimumSeverity(Cluster::Severity severity)
{
    if (m_minimum == severity)
        return;
    m_minimum = severity;
    invalidateRowsFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (i.data(EventLogModel::SeverityRole).toInt() < int(m_minimum))
        return false;
    if (m_kind && i.data(EventLogModel::KindRole).toString() != Cluster::eventKindName(*m_kind))
        return false;
    if (!m_subject.isEmpty() && !i.data(EventLogModel::SubjectRole).toString().contains(m_subject, Qt::CaseInsensitive)
        && !i.data(Qt::DisplayRole).toString().contains(m_subject, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace ItemModels
