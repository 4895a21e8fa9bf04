#pragma once

#include <QSortFilterProxyModel>

namespace Ui {

// The fleet list as a DBA reads it: worst first (critical, warning, unknown, healthy; then by name),
// filterable by name, each row the cluster's name over its one-line summary, with its health icon.
class FleetProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetProxy)
public:
    explicit FleetProxy(QObject* parent = nullptr);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace Ui
