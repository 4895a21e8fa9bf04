#include "ui/cluster/findingstyleproxy.h"

#include "ui/palette.h"
#include "ui/plaintooltip.h"

#include "models/cluster/finding.h"
#include "models/itemmodels/findingsmodel.h"

#include <QFont>

using namespace Qt::StringLiterals;
using ItemModels::FindingsModel;

namespace Ui {

namespace {
    Cluster::Health healthOf(Cluster::Severity s)
    {
        switch (s) {
        case Cluster::Severity::Critical:
            return Cluster::Health::Critical;
        case Cluster::Severity::Warning:
            return Cluster::Health::Warning;
        case Cluster::Severity::Info:
            break;
        }
        return Cluster::Health::Unknown;
    }
} // namespace

QString FindingStyleProxy::severityText(Cluster::Severity severity)
{
    switch (severity) {
    case Cluster::Severity::Critical:
        return tr("CRITICAL");
    case Cluster::Severity::Warning:
        return tr("WARNING");
    case Cluster::Severity::Info:
        break;
    }
    return tr("INFO");
}

QVariant FindingStyleProxy::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const auto severity = Cluster::Severity(QIdentityProxyModel::data(index, FindingsModel::SeverityRole).toInt());
    switch (role) {
    case Qt::DisplayRole:
        return QString(severityText(severity) + u"  "_s + QIdentityProxyModel::data(index, role).toString());
    case Qt::DecorationRole:
        return Palette::severityIcon(severity);
    case Qt::BackgroundRole:
        // An event of no concern stays on the plain background.
        return severity == Cluster::Severity::Info ? QVariant() : QVariant(Palette::rowBackground(healthOf(severity)));
    case Qt::FontRole:
        if (severity == Cluster::Severity::Critical) {
            QFont f;
            f.setBold(true);
            return f;
        }
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
