#include "ui/charts/lagchart.h"

#include "ui/palette.h"

#include "models/cluster/plaintext.h"
#include "models/session/clustersession.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    QColor seriesColor(int index)
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
            return LagChart::tr("no leader");
        case Cluster::EventKind::LeaderChanged:
            return LagChart::tr("leader %1").arg(Cluster::displayText(m.subject, 24));
        case Cluster::EventKind::TimelineChanged:
            return LagChart::tr("new timeline");
        default:
            break;
        }
        return Cluster::displayText(m.subject, 24);
    }
} // namespace

// The chart plus the markers drawn over its plot area.
class LagChartView final : public QChartView {
public:
    explicit LagChartView(QWidget* parent)
        : QChartView(new QChart, parent)
        , m_x(new QDateTimeAxis)
        , m_y(new QValueAxis)
    {
        setRenderHint(QPainter::Antialiasing);
        QChart* c = chart();
        c->legend()->setAlignment(Qt::AlignBottom);
        c->setMargins(QMargins(4, 4, 4, 4));
        c->addAxis(m_x, Qt::AlignBottom);
        c->addAxis(m_y, Qt::AlignLeft);
        m_y->setMin(0);
        m_y->setLabelFormat(u"%.4g"_s);
        m_x->setTickCount(7);
    }

    QDateTimeAxis* m_x;
    QValueAxis* m_y;
    // The series carry the legend and the colours; their lines are painted here from m_lines. Qt
    // Charts re-lays out every point of a replaced series (about 2 µs a point): a day of ten replicas
    // would take 30 ms a refresh, painted here it takes well under one (bench_ui measures both).
    QHash<QString, QLineSeries*> m_series;
    QHash<QString, QList<QPointF>> m_lines; // x: ms since the epoch, y: in the axis's unit
    QStringList m_order; // first seen first: a member keeps its colour
    QList<Cluster::LagMarker> m_markers;

protected:
    void drawLines(QPainter* p, const QRectF& area);
    void drawForeground(QPainter* p, const QRectF& rect) override
    {
        QChartView::drawForeground(p, rect);
        const QRectF area = chart()->plotArea();
        if (area.isEmpty())
            return;
        drawLines(p, area);
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
            // Labels that would overlap the previous one are left to the tooltip-free line.
            if (x + 3 > lastLabelRight) {
                p->setPen(c);
                p->drawText(QPointF(std::min(x + 3, area.right() - width), area.top() + 12), label);
                lastLabelRight = x + 3 + width;
            }
        }
        p->restore();
    }
};

void LagChartView::drawLines(QPainter* p, const QRectF& area)
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

LagChart::LagChart(QWidget* parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_unit(new QComboBox(this))
    , m_empty(new QLabel(this))
    , m_view(new LagChartView(this))
    , m_timer(new QTimer(this))
{
    setObjectName(u"lagChart"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* title = new QLabel(tr("Replication lag"), this);
    QFont tf = title->font();
    tf.setBold(true);
    title->setFont(tf);
    bar->addWidget(title);
    bar->addStretch(1);
    m_empty->setTextFormat(Qt::PlainText);
    bar->addWidget(m_empty);
    m_unit->addItem(tr("bytes"), int(Cluster::LagUnit::Bytes));
    m_unit->addItem(tr("seconds"), int(Cluster::LagUnit::Seconds));
    m_unit->setAccessibleName(tr("Lag unit"));
    m_unit->setToolTip(tr("Bytes from Patroni's WAL positions; seconds from PostgreSQL, where it can tell"));
    m_range->addItem(tr("5 min"), 300);
    m_range->addItem(tr("1 h"), 3600);
    m_range->addItem(tr("24 h"), 86400);
    m_range->setAccessibleName(tr("Time range"));
    bar->addWidget(m_unit);
    bar->addWidget(m_range);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    m_view->setAccessibleName(tr("Replication lag chart"));
    m_view->setMinimumHeight(160);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        scheduleTimer();
        refresh();
    });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    scheduleTimer();
    refresh();
}

LagChart::~LagChart() = default;

void LagChart::setSession(Session::ClusterSession* session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_lastRefresh.invalidate();
    // Another cluster: its members, its colours.
    for (QLineSeries* s : std::as_const(m_view->m_series)) {
        m_view->chart()->removeSeries(s);
        delete s;
    }
    m_view->m_series.clear();
    m_view->m_lines.clear();
    m_view->m_order.clear();
    if (session) {
        // A round's new points show at once on the short range; longer ranges follow the timer.
        connect(session, &Session::ClusterSession::roundFinished, this, [this, session] {
            if (m_session == session && isVisible()
                && (!m_hasPoints || !m_lastRefresh.isValid() || m_lastRefresh.elapsed() >= m_timer->interval()))
                refresh();
        });
    }
    refresh();
}

void LagChart::setRangeSeconds(int seconds)
{
    const int i = m_range->findData(seconds);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

void LagChart::setUnit(Cluster::LagUnit unit)
{
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
}

int LagChart::rangeSeconds() const
{
    return m_range->currentData().toInt();
}

Cluster::LagUnit LagChart::unit() const
{
    return Cluster::LagUnit(m_unit->currentData().toInt());
}

void LagChart::scheduleTimer()
{
    // One redraw per pixel column's worth of time is plenty: 1 s for 5 minutes, 30 s for a day.
    const int range = rangeSeconds();
    m_timer->start(range <= 300 ? 1000 : range <= 3600 ? 5000 : 30000);
}

void LagChart::refresh(const QDateTime& nowArg)
{
    m_lastRefresh.start();
    const QDateTime now = nowArg.isValid() ? nowArg : QDateTime::currentDateTimeUtc();
    const QDateTime from = now.addSecs(-rangeSeconds());
    QChart* chart = m_view->chart();
    // The chart follows the palette (dark or light).
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme) {
        chart->setTheme(theme);
        for (int i = 0; i < m_view->m_order.size(); ++i) {
            if (QLineSeries* s = m_view->m_series.value(m_view->m_order.at(i)))
                s->setPen(QPen(seriesColor(i), 2));
        }
    }
    chart->setBackgroundBrush(palette().color(QPalette::Base));

    const Cluster::LagHistory* history = m_session ? m_session->lagHistory() : nullptr;
    const QStringList members = history ? history->members() : QStringList();
    // Two points (lowest, highest) per pixel column: as sharp as the screen, never more.
    const int columns = std::max(50, int(chart->plotArea().width()));
    const Cluster::LagUnit u = unit();
    double maxValue = 0;
    QHash<QString, QList<QPointF>> data;
    for (const QString& name : members) {
        QList<QPointF> points = Cluster::chartPoints(
            history->points(name, from, now), u, from.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), columns);
        for (const QPointF& p : std::as_const(points))
            maxValue = std::max(maxValue, p.y());
        data.insert(name, std::move(points));
    }
    const Cluster::AxisScale scale = Cluster::axisScale(u, maxValue);
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (scale.divisor != 1) {
            for (QPointF& p : it.value())
                p.setY(p.y() / scale.divisor);
        }
        QLineSeries*& series = m_view->m_series[it.key()];
        if (!series) {
            series = new QLineSeries;
            series->setName(Cluster::displayText(it.key(), 32));
            if (!m_view->m_order.contains(it.key()))
                m_view->m_order.append(it.key());
            series->setPen(QPen(seriesColor(int(m_view->m_order.indexOf(it.key()))), 2));
            chart->addSeries(series);
            series->attachAxis(m_view->m_x);
            series->attachAxis(m_view->m_y);
        }
        m_view->m_lines.insert(it.key(), it.value());
    }
    for (auto it = m_view->m_series.begin(); it != m_view->m_series.end();) {
        if (!data.contains(it.key())) {
            m_view->m_lines.remove(it.key());
            chart->removeSeries(it.value());
            delete it.value();
            it = m_view->m_series.erase(it);
        } else {
            ++it;
        }
    }
    m_view->m_x->setFormat(rangeSeconds() <= 300 ? u"HH:mm:ss"_s : u"HH:mm"_s);
    m_view->m_x->setRange(from.toLocalTime(), now.toLocalTime());
    double top = maxValue / scale.divisor;
    top = top <= 0 ? 1 : top * 1.15;
    m_view->m_y->setRange(0, top);
    m_view->m_y->applyNiceNumbers();
    m_view->m_y->setTitleText(tr("lag (%1)").arg(scale.unit));
    m_view->m_markers = history ? history->markers(from, now) : QList<Cluster::LagMarker>();

    bool anyPoint = false;
    for (const QList<QPointF>& d : std::as_const(data))
        anyPoint = anyPoint || !d.isEmpty();
    m_hasPoints = anyPoint;
    const QString emptyText = !m_session ? QString()
        : members.isEmpty()              ? tr("no replica lag recorded yet")
        : !anyPoint && u == Cluster::LagUnit::Seconds
        ? tr("PostgreSQL has not reported lag in seconds (connect it in the cluster's settings)")
        : QString();
    if (m_empty->text() != emptyText)
        m_empty->setText(emptyText);
    m_view->viewport()->update();
}

QHash<QString, int> LagChart::seriesPoints() const
{
    QHash<QString, int> out;
    for (auto it = m_view->m_lines.cbegin(); it != m_view->m_lines.cend(); ++it)
        out.insert(it.key(), int(it.value().size()));
    return out;
}

QList<Cluster::LagMarker> LagChart::markers() const
{
    return m_view->m_markers;
}

QString LagChart::axisTitle() const
{
    return m_view->m_y->titleText();
}

} // namespace Ui
