#pragma once

#include "models/cluster/finding.h"
#include "models/cluster/member.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Cluster {
class ClusterStore;
}

namespace ItemModels {

// One row per cluster member, in Patroni's order (by name). Updated by diff: a poll that changes
// one replica's lag emits one dataChanged for that row, never a reset. Colours are ui/'s business:
// this model only answers semantic roles.
class MemberTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberTableModel)
public:
    enum Column {
        NameColumn,
        HostColumn,
        RoleColumn,
        StateColumn,
        TimelineColumn,
        LagColumn,
        PendingRestartColumn,
        TagsColumn,
        ColumnCount
    };
    enum Roles {
        NameRole = Qt::UserRole,
        HealthRole, // Cluster::Health as int
        MemberRoleRole, // Cluster::Role as int
        LagBytesRole, // qint64, invalid QVariant for the leader or when unknown
        LagUnknownRole, // bool
        StaleRole, // bool: the whole view is the last good one, not current
        IsLeaderRole, // bool
    };

    explicit MemberTableModel(QObject* parent = nullptr);

    // Follow a store: every view it publishes is applied by diff.
    void setStore(Cluster::ClusterStore* store);
    void setMembers(const QList<Cluster::Member>& members);
    void setStale(bool stale);
    // A member's row is as bad as the worst finding about it (its own API down, an old timeline, not
    // streaming…), not only as its DCS state says.
    void setFindings(const QList<Cluster::Finding>& findings);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Cluster::Member& memberAt(int row) const { return m_members.at(row); }

private:
    int rowOf(const QString& name, int from) const;
    void updateRow(int row, const Cluster::Member& member);

    Cluster::Health healthOf(const Cluster::Member& member) const;

    QList<Cluster::Member> m_members;
    QHash<QString, Cluster::Severity> m_worstFinding; // by member name
    bool m_stale = false;
    QPointer<Cluster::ClusterStore> m_store;
};

// "1234567 B" — exact, grouped, never rounded: the point of a lag column is to show small lags too.
QString formatBytes(qint64 bytes);

} // namespace ItemModels
