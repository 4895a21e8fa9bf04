#include "models/itemmodels/auditmodel.h"
#include "models/itemmodels/membertablemodel.h"

#include "models/cluster/plaintext.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ItemModels {

AuditModel::AuditModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AuditModel::setRecords(const QList<Actions::AuditRecord>& lines)
{
    beginResetModel();
    m_records = Actions::lastLinePerAction(lines);
    std::reverse(m_records.begin(), m_records.end());
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Result:
        return tr("Result");
    case Cluster:
        return tr("Cluster");
    case Action:
        return tr("Action");
    case Parameters:
        return tr("Parameters");
    case By:
        return tr("By");
    case Http:
        return tr("HTTP");
    case Detail:
        return tr("What happened");
    }
    return {};
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const Actions::AuditRecord& r = m_records.at(index.row());
    if (role == RecordIndexRole)
        return index.row();
    if (role == PhaseRole)
        return r.phase;
    if (role == SortRole && index.column() == Time)
        return r.at;
    if (role == SortRole && index.column() == Http)
        return r.httpStatus;
    if (role == SortRole && index.column() == Time)
        return r.at; // chronological, whatever the locale writes
    if (role == SortRole)
        role = Qt::DisplayRole;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return ItemModels::displayDateTime(r.at);
        case Result:
            return Actions::phaseText(r.phase);
        case Cluster:
            return Cluster::displayText(r.cluster, role == Qt::ToolTipRole ? 400 : 60);
        case Action:
            return Actions::kindName(r.request.kind);
        case Parameters:
            return Actions::auditParameters(r);
        case By:
            return u"%1@%2"_s.arg(r.osUser, r.host);
        case Http:
            return r.httpStatus ? QVariant(r.httpStatus) : QVariant(QString());
        case Detail:
            return Cluster::displayText(Actions::auditDetail(r), role == Qt::ToolTipRole ? 2000 : 300);
        }
    }
    return {};
}

AuditFilterModel::AuditFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuditModel::SortRole);
}

void AuditFilterModel::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void AuditFilterModel::setCluster(const QString& cluster)
{
    m_cluster = cluster;
    invalidateFilter();
}

void AuditFilterModel::setAction(const QString& kindName)
{
    m_action = kindName;
    invalidateFilter();
}

void AuditFilterModel::setSince(const QDateTime& since)
{
    m_since = since;
    invalidateFilter();
}

bool AuditFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* model = qobject_cast<const AuditModel*>(sourceModel());
    if (!model || sourceRow >= model->records().size())
        return false;
    const Actions::AuditRecord& r = model->records().at(sourceRow);
    if (!m_cluster.isEmpty() && r.cluster != m_cluster)
        return false;
    if (!m_action.isEmpty() && Actions::kindName(r.request.kind) != m_action)
        return false;
    if (m_since.isValid() && r.at < m_since)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c = 0; c < AuditModel::ColumnCount; ++c) {
        if (model->index(sourceRow, c, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QList<Actions::AuditRecord> AuditFilterModel::shownRecords() const
{
    const auto* model = qobject_cast<const AuditModel*>(sourceModel());
    QList<Actions::AuditRecord> shown;
    if (!model)
        return shown;
    for (int row = 0; row < rowCount(); ++row) {
        const int i = mapToSource(index(row, 0)).row();
        if (i >= 0 && i < model->records().size())
            shown.append(model->records().at(i));
    }
    return shown;
}

} // namespace ItemModels
