#include "ui/charts/timeseriesview.h"

#include "ui/palette.h"

#include "models/cluster/plaintext.h"

#include <QChart>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    QColor markerColor(Cluster::EventKind kind)
    {
        switch (kind) {
        case Cluster::EventKind::LeaderLost:
            return Palette::healthColor(Cluster::Health::Critical);
        case Cluster::EventKind::LeaderChanged:
            return QColor(0x8e, 0x24, 0xaa);
        default:
            break;
        }
        return QColor(0x75, 0x75, 0x75);
    }

    QString markerLabel(const Cluster::LagMarker& m)
    {
        switch (m.kind) {
        case Cluster::EventKind::LeaderLost:
            return TimeSeriesView::tr("no leader");
        case Cluster::EventKind::LeaderChanged:
            return TimeSeriesView::tr("leader %1").arg(Cluster::displayText(m.subject, 24));
        case Cluster::EventKind::TimelineChanged:
            return TimeSeriesView::tr("new timeline");
        default:
            break;
        }
        return Cluster::displayText(m.subject, 24);
    }
} // namespace

QColor TimeSeriesView::seriesColor(int index)
{
    static const QColor colors[] = {
        QColor(0x19, 0x76, 0xd2),
        QColor(0x8e, 0x24, 0xaa),
        QColor(0x00, 0x89, 0x7b),
        QColor(0xf4, 0x51, 0x1e),
        QColor(0x6d, 0x4c, 0x41),
        QColor(0xc2, 0x18, 0x5b),
        QColor(0x43, 0xa0, 0x47),
        QColor(0x5e, 0x35, 0xb1),
        QColor(0x00, 0x97, 0xa7),
        QColor(0x75, 0x75, 0x75),
    };
    return colors[index % int(std::size(colors))];
}

TimeSeriesView::TimeSeriesView(QWidget* parent)
    : QChartView(new QChart, parent)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    QChart* c = chart();
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    // Axis numbers in the reader's locale ("0,8" in German), as the table and the picture.
    c->setLocale(QLocale());
    c->setLocalizeNumbers(true);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_y->setMin(0);
    m_y->setLabelFormat(u"%.4g"_s);
    m_x->setTickCount(7);
}

void TimeSeriesView::followPalette(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart()->theme() != theme) {
        chart()->setTheme(theme); // resets the series' pens: give them their colours back
        for (int i = 0; i < m_order.size(); ++i) {
            if (QLineSeries* s = m_series.value(m_order.at(i)))
                s->setPen(QPen(seriesColor(i), 2));
        }
    }
    chart()->setBackgroundBrush(palette.color(QPalette::Base));
}

void TimeSeriesView::setTimeRange(const QDateTime& from, const QDateTime& to, const QString& format)
{
    m_x->setFormat(format);
    m_x->setRange(from.toLocalTime(), to.toLocalTime());
}

void TimeSeriesView::setValueRange(double top, const QString& title)
{
    m_y->setRange(0, top <= 0 ? 1 : top * 1.15);
    m_y->applyNiceNumbers();
    m_y->setTitleText(title);
}

QString TimeSeriesView::valueTitle() const
{
    return m_y->titleText();
}

int TimeSeriesView::columns() const
{
    return std::max(50, int(chart()->plotArea().width()));
}

void TimeSeriesView::setLines(const QHash<QString, QList<QPointF>>& lines)
{
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        QLineSeries*& series = m_series[it.key()];
        if (!series) {
            series = new QLineSeries;
            // Qt Charts draws legend labels as HTML: escaped, a name is those characters.
            series->setName(Cluster::displayText(it.key(), 32).toHtmlEscaped());
            if (!m_order.contains(it.key()))
                m_order.append(it.key());
            series->setPen(QPen(seriesColor(int(m_order.indexOf(it.key()))), 2));
            chart()->addSeries(series);
            series->attachAxis(m_x);
            series->attachAxis(m_y);
        }
    }
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!lines.contains(it.key())) {
            chart()->removeSeries(it.value());
            delete it.value();
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
    m_lines = lines;
    // A legend laid out while its chart was hidden (a tab behind another) stays empty: lay it out now.
    chart()->legend()->setVisible(!m_series.isEmpty());
    viewport()->update();
}

void TimeSeriesView::setMarkers(const QList<Cluster::LagMarker>& markers)
{
    m_markers = markers;
    viewport()->update();
}

void TimeSeriesView::clearLines()
{
    for (QLineSeries* s : std::as_const(m_series)) {
        chart()->removeSeries(s);
        delete s;
    }
    m_series.clear();
    m_lines.clear();
    m_order.clear();
    m_markers.clear();
    viewport()->update();
}

void TimeSeriesView::showEvent(QShowEvent* event)
{
    QChartView::showEvent(event);
    chart()->legend()->hide();
    chart()->legend()->setVisible(!m_series.isEmpty());
}

void TimeSeriesView::drawForeground(QPainter* p, const QRectF& rect)
{
    QChartView::drawForeground(p, rect);
    const QRectF area = chart()->plotArea();
    if (area.isEmpty())
        return;
    drawLines(p, area);
    drawMarkers(p, area);
}

void TimeSeriesView::drawLines(QPainter* p, const QRectF& area)
{
    const double x0 = double(m_x->min().toMSecsSinceEpoch());
    const double x1 = double(m_x->max().toMSecsSinceEpoch());
    const double y0 = m_y->min();
    const double y1 = m_y->max();
    if (x1 <= x0 || y1 <= y0)
        return;
    const double sx = area.width() / (x1 - x0);
    const double sy = area.height() / (y1 - y0);
    p->save();
    p->setClipRect(area.adjusted(-1, -1, 1, 1));
    p->setRenderHint(QPainter::Antialiasing);
    QPolygonF line;
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        const QLineSeries* series = m_series.value(it.key());
        if (!series || it.value().isEmpty())
            continue;
        line.resize(it.value().size());
        for (qsizetype i = 0; i < it.value().size(); ++i) {
            const QPointF& v = it.value().at(i);
            line[i] = QPointF(area.left() + (v.x() - x0) * sx, area.bottom() - (v.y() - y0) * sy);
        }
        const QColor c = series->pen().color();
        // A cosmetic pen goes through Qt's fast line rasterizer; a wide one through the path stroker,
        // which takes a hundred times longer on a day's zigzag of lows and highs.
        QPen pen(c, 1);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPolyline(line);
        if (line.size() < 40) {
            // A few points are dots, not an invisible line.
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            for (const QPointF& pt : std::as_const(line))
                p->drawEllipse(pt, 3, 3);
        }
    }
    p->restore();
}

void layoutChart(QWidget* owner, const QString& title, QLabel* note, const QList<QWidget*>& controls,
    TimeSeriesView* view, const QString& viewName)
{
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(title, owner);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    bar->addWidget(label);
    bar->addStretch(1);
    note->setTextFormat(Qt::PlainText);
    bar->addWidget(note);
    for (QWidget* control : controls)
        bar->addWidget(control);
    layout->addLayout(bar);
    layout->addWidget(view, 1);
    view->setAccessibleName(viewName);
    view->setMinimumHeight(160);
}

void fillRanges(QComboBox* range, const QList<int>& seconds)
{
    for (int s : seconds) {
        const QString text = s == 300 ? TimeSeriesView::tr("5 min")
            : s == 3600               ? TimeSeriesView::tr("1 h")
            : s == 86400              ? TimeSeriesView::tr("24 h")
                                      : TimeSeriesView::tr("%1 s").arg(s);
        range->addItem(text, s);
    }
    range->setAccessibleName(TimeSeriesView::tr("Time range"));
}

void TimeSeriesView::drawMarkers(QPainter* p, const QRectF& area)
{
    if (m_markers.isEmpty())
        return;
    p->save();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p->setFont(f);
    const qint64 from = m_x->min().toMSecsSinceEpoch();
    const qint64 to = m_x->max().toMSecsSinceEpoch();
    qreal lastLabelRight = -1e9;
    for (const Cluster::LagMarker& m : std::as_const(m_markers)) {
        const qint64 at = m.at.toMSecsSinceEpoch();
        if (at < from || at > to || to <= from)
            continue;
        const qreal x = area.left() + area.width() * double(at - from) / double(to - from);
        const QColor c = markerColor(m.kind);
        p->setPen(QPen(c, 2, Qt::DashLine));
        p->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        const QString label = markerLabel(m);
        const qreal width = p->fontMetrics().horizontalAdvance(label) + 6;
        // A label that would overlap the previous one is left out; its line stays.
        if (x + 3 > lastLabelRight) {
            p->setPen(c);
            p->drawText(QPointF(std::min(x + 3, area.right() - width), area.top() + 12), label);
            lastLabelRight = x + 3 + width;
        }
    }
    p->restore();
}

} // namespace Ui
