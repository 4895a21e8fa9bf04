#pragma once

#include <QIdentityProxyModel>

namespace Ui {

// Severity → icon, colour and weight for the findings list.
class FindingStyleProxy final : public QIdentityProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingStyleProxy)
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

} // namespace Ui
