#include "models/itemmodels/findingsmodel.h"

#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace ItemModels {

FindingsModel::FindingsModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void FindingsModel::setStore(Cluster::ClusterStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (!store)
        return;
    connect(store, &Cluster::ClusterStore::findingsChanged, this, &FindingsModel::setFindings);
    setFindings(store->findings());
}

void FindingsModel::setFindings(const QList<Cluster::Finding>& findings)
{
    QSet<QString> wanted;
    for (const auto& f : findings)
        wanted.insert(f.key());
    for (int row = int(m_findings.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_findings.at(row).key())) {
            beginRemoveRows({}, row, row);
            m_findings.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < findings.size(); ++i) {
        const Cluster::Finding& f = findings.at(i);
        int existing = -1;
        for (int j = i; j < m_findings.size(); ++j) {
            if (m_findings.at(j).key() == f.key()) {
                existing = j;
                break;
            }
        }
        if (existing < 0) {
            beginInsertRows({}, i, i);
            m_findings.insert(i, f);
            endInsertRows();
            continue;
        }
        if (existing != i) {
            beginMoveRows({}, existing, existing, {}, i);
            m_findings.move(existing, i);
            endMoveRows();
        }
        if (!(m_findings.at(i) == f)) {
            m_findings[i] = f;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cluster::Finding& f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return f.shownMessage();
    case Qt::ToolTipRole:
        return f.key();
    case SeverityRole:
        return int(f.severity);
    case IdRole:
        return f.id;
    case SubjectRole:
        return f.subject;
    case KeyRole:
        return f.key();
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(IdRole, "findingId");
    names.insert(SubjectRole, "subject");
    names.insert(KeyRole, "key");
    return names;
}

} // namespace ItemModels
