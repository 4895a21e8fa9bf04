#include "ui/palette.h"

#include "models/cluster/assessment.h"

#include <QApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

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
    // Tints that keep the palette's text legible: pale on a light palette, deep on a dark one.
    const bool dark = isDark();
    switch (health) {
    case Cluster::Health::Healthy:
        return {};
    case Cluster::Health::Warning:
        return dark ? QColor(0x4d, 0x3b, 0x0a) : QColor(0xff, 0xf3, 0xcd);
    case Cluster::Health::Critical:
        return dark ? QColor(0x5c, 0x1e, 0x1e) : QColor(0xfd, 0xdc, 0xdc);
    case Cluster::Health::Unknown:
        break;
    }
    return dark ? QColor(0x3a, 0x3a, 0x3a) : QColor(0xee, 0xee, 0xee);
}

QBrush staleBackground()
{
    return QBrush(isDark() ? QColor(0x50, 0x50, 0x50) : QColor(0xe0, 0xe0, 0xe0), Qt::BDiagPattern);
}

QBrush staleText()
{
    return QColor(0x75, 0x75, 0x75);
}

namespace {
    // One QIcon per file, kept: views ask on every repaint, and a new QIcon each time would fill Qt's
    // pixmap cache with copies (a fleet list repaints often).
    QIcon cachedIcon(const QString& path)
    {
        static QHash<QString, QIcon> icons;
        const auto it = icons.constFind(path);
        if (it != icons.constEnd())
            return *it;
        return *icons.insert(path, QIcon(path));
    }
} // namespace

QIcon healthIcon(Cluster::Health health, bool stale)
{
    return cachedIcon(u":/icons/health/"_s + (stale ? u"stale"_s : Cluster::healthKey(health)) + u".svg"_s);
}

QIcon severityIcon(Cluster::Severity severity)
{
    switch (severity) {
    case Cluster::Severity::Critical:
        return healthIcon(Cluster::Health::Critical, false);
    case Cluster::Severity::Warning:
        return healthIcon(Cluster::Health::Warning, false);
    case Cluster::Severity::Info:
        break;
    }
    return cachedIcon(u":/icons/health/info.svg"_s);
}

QIcon roleIcon(Cluster::Role role)
{
    // roleKey spells Patroni's "sync_standby"; the files use dashes.
    return cachedIcon(u":/icons/roles/"_s + Cluster::roleKey(role).replace(u'_', u'-') + u".svg"_s);
}

QIcon stateIcon(const QString& patroniState)
{
    return cachedIcon(u":/icons/states/"_s + Cluster::stateKindKey(Cluster::stateKind(patroniState)) + u".svg"_s);
}

void applyDark()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9e, 0x9e, 0x9e));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    QApplication::setPalette(p);
}

bool isDark()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::WindowText).lightness() > p.color(QPalette::Window).lightness();
}

QIcon actionIcon(const QString& name)
{
    QString file = name;
    file.remove(u"cancel-"_s); // a cancel wears its action's icon
    return cachedIcon(u":/icons/actions/"_s + file + u".svg"_s);
}

} // namespace Ui::Palette
