#include "ui/cluster/fleetproxy.h"

#include "ui/palette.h"
#include "ui/plaintooltip.h"

#include "models/itemmodels/fleetmodel.h"

using ItemModels::FleetModel;
using namespace Qt::StringLiterals;

namespace Ui {

FleetProxy::FleetProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setFilterRole(FleetModel::NameRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    sort(0);
}

bool FleetProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const int a = left.data(FleetModel::HealthRankRole).toInt();
    const int b = right.data(FleetModel::HealthRankRole).toInt();
    if (a != b)
        return a < b;
    return QString::localeAwareCompare(
               left.data(FleetModel::NameRole).toString(), right.data(FleetModel::NameRole).toString())
        < 0;
}

QVariant FleetProxy::data(const QModelIndex& index, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return QString(QSortFilterProxyModel::data(index, FleetModel::NameRole).toString() + u'\n'
            + QSortFilterProxyModel::data(index, FleetModel::HeadlineRole).toString());
    case Qt::DecorationRole:
        // The cluster's health, stale or not: an unreachable cluster is red in the list, not grey.
        return Palette::healthIcon(
            Cluster::Health(QSortFilterProxyModel::data(index, FleetModel::HealthRole).toInt()), false);
    case Qt::ToolTipRole: {
        // Text from the network: shown as those characters, never as rich text.
        const QString tip = QSortFilterProxyModel::data(index, role).toString();
        return tip.isEmpty() ? QVariant() : QVariant(plainToolTip(tip));
    }
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

} // namespace Ui
