#pragma once

#include "models/cluster/assessment.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Cluster {
class ClusterStore;
}

namespace ItemModels {

// One row per cluster member, in Patroni's order (by name), each as Cluster::memberViews() joins it:
// the node's own word and silence, the DCS and PostgreSQL — the same answer the banner and the CLI
// give. Updated by diff: a poll that changes one replica's lag emits one dataChanged for that row,
// never a reset. Colours are ui/'s business: this model only answers semantic roles.
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
        LagSecondsColumn,
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
        LagSecondsRole, // double, invalid when PostgreSQL was not asked or cannot tell
        ReachRole, // Cluster::Reach as int
        DcsDisagreesRole, // bool: the DCS lists this member with another role or state
    };

    explicit MemberTableModel(QObject* parent = nullptr);

    // Follow a store: every change of its state is applied by diff.
    void setStore(Cluster::ClusterStore* store);
    void setViews(const QList<Cluster::MemberView>& views);
    void setStale(bool stale);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Cluster::MemberView& viewAt(int row) const { return m_views.at(row); }

private:
    void refresh();
    int rowOf(const QString& name, int from) const;
    void updateRow(int row, const Cluster::MemberView& view);

    QList<Cluster::MemberView> m_views;
    bool m_stale = false;
    QPointer<Cluster::ClusterStore> m_store;
};

// "1 234 567 B" — exact, grouped, never rounded, locale-independent: the command line, records and
// sentences that go to machines.
QString formatBytes(qint64 bytes);
// A size for a person, in their locale and scaled: "1,5 MiB" in German, "1.5 MiB" in English, "512
// bytes" below a KiB (the window puts the exact count in the tooltip); the C locale keeps formatBytes.
QString displayBytes(qint64 bytes);
// A moment for the window's reader, local time with seconds, in their locale's order and clock with a
// four-digit year: "01.12.2026 09:18:21" in German, "12/1/2026 9:18:21 AM" in American English; the C
// locale (scripts, tests) keeps "2026-12-01 09:18:21".
QString displayDateTime(const QDateTime& at);

} // namespace ItemModels
