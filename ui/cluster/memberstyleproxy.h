#pragma once

#include <QIdentityProxyModel>

namespace Ui {

// Turns the member model's semantic roles (health, staleness, leadership) into colours, fonts and icons.
class MemberStyleProxy final : public QIdentityProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberStyleProxy)
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

} // namespace Ui
