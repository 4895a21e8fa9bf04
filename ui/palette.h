#pragma once

#include "models/cluster/finding.h"
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
// Icons from resources/icons (SVG, legible at 16 px on light and dark; each has its own shape, so
// the colour is never the only sign): health (a check, a triangle, an octagon, a question; a clock
// for stale), the member's role (a crown for the leader, databases for replicas) and its state.
QIcon healthIcon(Cluster::Health health, bool stale);
QIcon roleIcon(Cluster::Role role);
QIcon severityIcon(Cluster::Severity severity); // a finding's or an event's: info is a blue "i", not "unknown"
QIcon stateIcon(const QString& patroniState);
// The icon of an action ("switchover", "cancel-restart", "audit", "snapshot", …) from
// resources/icons/actions: coloured glyphs with a dark outline, legible at 16 px on light and dark.
QIcon actionIcon(const QString& name);
// A dark palette on the Fusion style, for --dark and for screenshots of the dark look.
void applyDark();
// Whether the application's palette is a dark one (text lighter than the window).
bool isDark();

} // namespace Ui::Palette
