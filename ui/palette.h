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

} // namespace Ui::Palette
