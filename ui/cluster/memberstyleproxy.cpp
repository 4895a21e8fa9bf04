#include "ui/cluster/memberstyleproxy.h"

#include "ui/palette.h"
#include "ui/plaintooltip.h"

#include "models/cluster/member.h"
#include "models/itemmodels/membertablemodel.h"

#include <QFont>

using ItemModels::MemberTableModel;

namespace Ui {

QVariant MemberStyleProxy::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::BackgroundRole: {
        const bool stale = index.data(MemberTableModel::StaleRole).toBool();
        if (stale)
            return Palette::staleBackground();
        const auto health = Cluster::Health(index.data(MemberTableModel::HealthRole).toInt());
        return Palette::rowBackground(health);
    }
    case Qt::ForegroundRole:
        if (index.data(MemberTableModel::StaleRole).toBool())
            return Palette::staleText();
        return {};
    case Qt::FontRole:
        if (index.data(MemberTableModel::IsLeaderRole).toBool()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DecorationRole:
        // Health before the name, the role's and the state's own icons beside their words.
        if (index.column() == MemberTableModel::NameColumn)
            return Palette::healthIcon(Cluster::Health(index.data(MemberTableModel::HealthRole).toInt()),
                index.data(MemberTableModel::StaleRole).toBool());
        if (index.column() == MemberTableModel::RoleColumn)
            return Palette::roleIcon(Cluster::Role(index.data(MemberTableModel::MemberRoleRole).toInt()));
        if (index.column() == MemberTableModel::StateColumn)
            return Palette::stateIcon(QIdentityProxyModel::data(index, Qt::DisplayRole).toString());
        return {};
    case Qt::ToolTipRole: {
        // Text from the network: shown as those characters, never as rich text.
        const QString tip = QIdentityProxyModel::data(index, role).toString();
        return tip.isEmpty() ? QVariant() : QVariant(plainToolTip(tip));
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace Ui
