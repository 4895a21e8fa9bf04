#pragma once

#include "models/cluster/finding.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Cluster {
class ClusterStore;
}

namespace ItemModels {

// The store's current findings, worst first. Updated by key: a finding that stays keeps its row,
// one that clears is removed, a new one is inserted where the store's order puts it.
class FindingsModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)
public:
    enum Roles {
        SeverityRole = Qt::UserRole, // Cluster::Severity as int
        IdRole,
        SubjectRole,
        KeyRole,
    };

    explicit FindingsModel(QObject* parent = nullptr);
    void setStore(Cluster::ClusterStore* store);
    void setFindings(const QList<Cluster::Finding>& findings);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Cluster::Finding> m_findings;
    QPointer<Cluster::ClusterStore> m_store;
};

} // namespace ItemModels
