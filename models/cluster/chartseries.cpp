#include "models/cluster/chartseries.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Cluster {

QList<QPointF> chartPoints(const QList<LagPoint>& points, LagUnit unit, qint64 fromMs, qint64 toMs, int columns)
{
    QList<QPointF> out;
    if (columns <= 0 || toMs <= fromMs)
        return out;
    out.reserve(std::min<qsizetype>(points.size(), 2 * qsizetype(columns) + 2));
    const double span = double(toMs - fromMs);
    int column = -1;
    QPointF low, high;
    bool have = false;
    auto flush = [&] {
        if (!have)
            return;
        if (low == high) {
            out.append(low);
        } else if (low.x() <= high.x()) {
            out.append(low);
            out.append(high);
        } else {
            out.append(high);
            out.append(low);
        }
        have = false;
    };
    for (const LagPoint& p : points) {
        double value = 0;
        if (unit == LagUnit::Bytes) {
            if (!p.bytes)
                continue;
            value = double(*p.bytes);
        } else {
            if (!p.seconds || !std::isfinite(*p.seconds))
                continue;
            value = *p.seconds;
        }
        const qint64 at = p.at.toMSecsSinceEpoch();
        if (at < fromMs || at > toMs)
            continue;
        const int c = std::min(columns - 1, int(double(at - fromMs) / span * columns));
        const QPointF point(double(at), value);
        if (c != column) {
            flush();
            column = c;
            low = high = point;
            have = true;
            continue;
        }
        if (value < low.y())
            low = point;
        if (value > high.y())
            high = point;
    }
    flush();
    return out;
}

AxisScale axisScale(LagUnit unit, double maxValue)
{
    if (unit == LagUnit::Seconds) {
        if (maxValue >= 600)
            return { 60, u"min"_s };
        return { 1, u"s"_s };
    }
    if (maxValue >= 1024.0 * 1024 * 1024)
        return { 1024.0 * 1024 * 1024, u"GiB"_s };
    if (maxValue >= 1024.0 * 1024)
        return { 1024.0 * 1024, u"MiB"_s };
    if (maxValue >= 1024.0)
        return { 1024.0, u"KiB"_s };
    return { 1, u"B"_s };
}

} // namespace Cluster
