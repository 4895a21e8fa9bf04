#pragma once

#include "models/cluster/details.h"

#include <QTreeWidget>

namespace Ui {

// Groups of rows of plain text (Cluster::DetailGroup) in a tree, changed in place: an update sets
// only the cells that differ, so the scroll position, the expanded groups and the selection stay.
class DetailTree final : public QTreeWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailTree)
public:
    explicit DetailTree(QWidget* parent = nullptr);

    void setGroups(const QStringList& columns, const QList<Cluster::DetailGroup>& groups, const QString& emptyText);
    // Every row as "group / cell | cell", for tests.
    QStringList lines() const;
};

} // namespace Ui
