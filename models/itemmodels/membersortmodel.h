#pragma once

#include <QSortFilterProxyModel>

namespace ItemModels {

// The member table sorted by a column the way a DBA means it: lag by its bytes (unknown lag as the
// largest, the leader's none as the smallest), lag in seconds by its value, the timeline as a number,
// text columns as text. Unsorted (the default) keeps the DCS's order.
class MemberSortModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberSortModel)
public:
    explicit MemberSortModel(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace ItemModels
