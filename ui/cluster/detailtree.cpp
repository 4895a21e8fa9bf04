#include "ui/cluster/detailtree.h"

#include "ui/plaintooltip.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace Ui {

DetailTree::DetailTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    header()->setStretchLastSection(true);
}

void DetailTree::setGroups(
    const QStringList& columns, const QList<Cluster::DetailGroup>& groups, const QString& emptyText)
{
    if (columnCount() != columns.size())
        setColumnCount(int(columns.size()));
    if (headerItem()->text(0) != columns.value(0)) {
        setHeaderLabels(columns);
        header()->setSectionResizeMode(QHeaderView::Interactive);
        for (int c = 0; c + 1 < columns.size(); ++c)
            header()->resizeSection(c, c == 0 ? 190 : 110);
    }
    QList<Cluster::DetailGroup> shown = groups;
    if (shown.isEmpty() && !emptyText.isEmpty())
        shown.append(Cluster::DetailGroup { emptyText, {} });
    const auto setCell = [](QTreeWidgetItem* item, int column, const QString& text) {
        if (item->text(column) != text) {
            item->setText(column, text);
            // Long values are cut by the column: the tooltip shows them whole, as text.
            item->setToolTip(column, text.size() > 30 ? plainToolTip(text) : QString());
        }
    };
    for (int g = 0; g < shown.size(); ++g) {
        QTreeWidgetItem* group = topLevelItem(g);
        if (!group) {
            group = new QTreeWidgetItem(this);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        setCell(group, 0, shown.at(g).title);
        const QList<QStringList>& rows = shown.at(g).rows;
        for (int r = 0; r < rows.size(); ++r) {
            QTreeWidgetItem* row = group->child(r);
            if (!row)
                row = new QTreeWidgetItem(group);
            for (int c = 0; c < columns.size(); ++c)
                setCell(row, c, rows.at(r).value(c));
        }
        while (group->childCount() > rows.size())
            delete group->takeChild(group->childCount() - 1);
    }
    while (topLevelItemCount() > shown.size())
        delete takeTopLevelItem(topLevelItemCount() - 1);
}

QStringList DetailTree::lines() const
{
    QStringList out;
    for (int g = 0; g < topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < columnCount(); ++c)
                cells.append(group->child(r)->text(c));
            out.append(group->text(0) + u" / "_s + cells.join(u" | "_s));
        }
    }
    return out;
}

} // namespace Ui
