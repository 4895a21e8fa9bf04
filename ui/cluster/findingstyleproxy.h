#pragma once

#include "models/cluster/finding.h"

#include <QIdentityProxyModel>

namespace Ui {

// Severity → icon, colour and weight for the findings list.
class FindingStyleProxy final : public QIdentityProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingStyleProxy)
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // "CRITICAL", "WARNING", "INFO" in the reader's language (severityName is the machines' word).
    static QString severityText(Cluster::Severity severity);
};

} // namespace Ui
