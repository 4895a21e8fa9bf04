#pragma once

#include "models/cluster/laghistory.h"

#include <QList>
#include <QPointF>

// Lag history turned into what a chart draws: at most two points per pixel column (the column's
// lowest and highest value, in the order they happened), so a day of one-second samples draws as
// fast as five minutes and a spike is never averaged away. x is milliseconds since the Unix epoch.
namespace Cluster {

enum class LagUnit {
    Bytes,
    Seconds,
};

// Points of `points` (oldest first) with a value in `unit`, reduced to `columns` columns over
// [fromMs, toMs]. Points without a value in that unit are left out.
QList<QPointF> chartPoints(const QList<LagPoint>& points, LagUnit unit, qint64 fromMs, qint64 toMs, int columns);

// A readable scale for a largest value: the divisor and its unit ("B", "KiB", "MiB", "GiB"; "s",
// "min"), so an axis says "12 MiB" rather than "12582912".
struct AxisScale {
    double divisor = 1;
    QString unit;
};
AxisScale axisScale(LagUnit unit, double maxValue);

} // namespace Cluster
