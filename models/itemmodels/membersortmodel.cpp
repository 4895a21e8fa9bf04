#include "models/itemmodels/membersortmodel.h"

#include "models/itemmodels/membertablemodel.h"

#include <limits>

namespace ItemModels {

MemberSortModel::MemberSortModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

bool MemberSortModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    switch (left.column()) {
    case MemberTableModel::LagColumn: {
        const auto key = [](const QModelIndex& i) -> double {
            if (i.data(MemberTableModel::LagUnknownRole).toBool())
                return std::numeric_limits<double>::max();
            const QVariant v = i.data(MemberTableModel::LagBytesRole);
            return v.isValid() ? v.toDouble() : -1.0;
        };
        return key(left) < key(right);
    }
    case MemberTableModel::LagSecondsColumn: {
        const QVariant l = left.data(MemberTableModel::LagSecondsRole);
        const QVariant r = right.data(MemberTableModel::LagSecondsRole);
        return (l.isValid() ? l.toDouble() : -1.0) < (r.isValid() ? r.toDouble() : -1.0);
    }
    case MemberTableModel::TimelineColumn: {
        const QVariant l = left.data();
        const QVariant r = right.data();
        return (l.isValid() ? l.toInt() : -1) < (r.isValid() ? r.toInt() : -1);
    }
    default:
        return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
    }
}

} // namespace ItemModels
