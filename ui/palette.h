#pragma once

#include "models/cluster/member.h"

#include <QBrush>
#include <QColor>
#include <QIcon>

// The console's colours, in one place: health must read the same in the table, the banner and charts.
namespace Ui::Palette {

QColor healthColor(Cluster::Health health);
QBrush rowBackground(Cluster::Health health);
QBrush staleBackground();
QBrush staleText();
QIcon healthIcon(Cluster::Health health, bool stale);
// The icon of an action ("switchover", "cancel-restart", "audit", "snapshot", …) from
// resources/icons/actions: coloured glyphs with a dark outline, legible at 16 px on light and dark.
QIcon actionIcon(const QString& name);
// A dark palette on the Fusion style, for --dark and for screenshots of the dark look.
void applyDark();
// Whether the application's palette is a dark one (text lighter than the window).
bool isDark();

} // namespace Ui::Palette
