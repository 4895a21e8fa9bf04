#include "ui/charts/lagchart.h"

#include "ui/charts/timeseriesview.h"

#include "models/cluster/plaintext.h"
#include "models/session/clustersession.h"

#include <QComboBox>
#include <QLabel>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Ui {

LagChart::LagChart(QWidget* parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_unit(new QComboBox(this))
    , m_empty(new QLabel(this))
    , m_view(new TimeSeriesView(this))
    , m_timer(new QTimer(this))
{
    setObjectName(u"lagChart"_s);
    m_unit->addItem(tr("bytes"), int(Cluster::LagUnit::Bytes));
    m_unit->addItem(tr("seconds"), int(Cluster::LagUnit::Seconds));
    m_unit->setAccessibleName(tr("Lag unit"));
    m_unit->setToolTip(tr("Bytes from Patroni's WAL positions; seconds from PostgreSQL, where it can tell"));
    fillRanges(m_range, { 300, 3600, 86400 });
    layoutChart(this, tr("Replication lag"), m_empty, { m_unit, m_range }, m_view, tr("Replication lag chart"));

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
    m_view->clearLines(); // another cluster: its members, its colours
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
    m_view->followPalette(palette());
    const Cluster::LagHistory* history = m_session ? m_session->lagHistory() : nullptr;
    const QStringList members = history ? history->members() : QStringList();
    // Two points (lowest, highest) per pixel column: as sharp as the screen, never more.
    const int columns = m_view->columns();
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
    if (scale.divisor != 1) {
        for (QList<QPointF>& points : data) {
            for (QPointF& p : points)
                p.setY(p.y() / scale.divisor);
        }
    }
    m_view->setTimeRange(from, now, rangeSeconds() <= 300 ? u"HH:mm:ss"_s : u"HH:mm"_s);
    m_view->setValueRange(maxValue / scale.divisor, tr("lag (%1)").arg(scale.unit));
    m_view->setLines(data);
    m_view->setMarkers(history ? history->markers(from, now) : QList<Cluster::LagMarker>());

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
}

QHash<QString, int> LagChart::seriesPoints() const
{
    QHash<QString, int> out;
    for (auto it = m_view->lines().cbegin(); it != m_view->lines().cend(); ++it)
        out.insert(it.key(), int(it.value().size()));
    return out;
}

QList<Cluster::LagMarker> LagChart::markers() const
{
    return m_view->markers();
}

QString LagChart::axisTitle() const
{
    return m_view->valueTitle();
}

} // namespace Ui
