#include "ui/palette.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Ui::Palette {

QColor healthColor(Cluster::Health health)
{
    switch (health) {
    case Cluster::Health::Healthy:
        return QColor(0x2e, 0x7d, 0x32);
    case Cluster::Health::Warning:
        return QColor(0xef, 0x8f, 0x00);
    case Cluster::Health::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case Cluster::Health::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QBrush rowBackground(Cluster::Health health)
{
    switch (health) {
    case Cluster::Health::Healthy:
        return {};
    case Cluster::Health::Warning:
        return QColor(0xff, 0xf3, 0xcd);
    case Cluster::Health::Critical:
        return QColor(0xfd, 0xdc, 0xdc);
    case Cluster::Health::Unknown:
        break;
    }
    return QColor(0xee, 0xee, 0xee);
}

QBrush staleBackground()
{
    return QBrush(QColor(0xe0, 0xe0, 0xe0), Qt::BDiagPattern);
}

QBrush staleText()
{
    return QColor(0x75, 0x75, 0x75);
}

QIcon healthIcon(Cluster::Health health, bool stale)
{
    // Drawn once per kind and kept: views ask for the icon on every repaint, and a new QIcon each
    // time would fill Qt's pixmap cache with copies (a fleet list repaints often).
    static QHash<int, QIcon> icons;
    const int key = int(health) * 2 + (stale ? 1 : 0);
    const auto it = icons.constFind(key);
    if (it != icons.constEnd())
        return *it;
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = stale ? QColor(0x9e, 0x9e, 0x9e) : healthColor(health);
    p.setPen(c.darker(130));
    p.setBrush(c);
    p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    p.end();
    return *icons.insert(key, QIcon(pm));
}

} // namespace Ui::Palette
