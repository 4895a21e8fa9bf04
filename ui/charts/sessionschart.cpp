#include "ui/charts/sessionschart.h"

#include "ui/charts/timeseriesview.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/laghistory.h"
#include "models/cluster/sessionhistory.h"
#include "models/session/clustersession.h"

#include <QComboBox>
#include <QLabel>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Ui {

SessionsChart::SessionsChart(QWidget* parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_empty(new QLabel(this))
    , m_view(new TimeSeriesView(this))
    , m_timer(new QTimer(this))
{
    setObjectName(u"sessionsChart"_s);
    fillRanges(m_range, { 300, 3600 });
    layoutChart(this, tr("Client sessions through HAProxy, per member"), m_empty, { m_range }, m_view,
        tr("HAProxy sessions chart"));
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start(2000);
    refresh();
}

void SessionsChart::setSession(Session::ClusterSession* session)
{
    if (m_session == session)
        return;
    m_session = session;
    m_view->clearLines();
    refresh();
}

void SessionsChart::setRangeSeconds(int seconds)
{
    const int i = m_range->findData(seconds);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

int SessionsChart::rangeSeconds() const
{
    return m_range->currentData().toInt();
}

void SessionsChart::refresh(const QDateTime& nowArg)
{
    const QDateTime now = nowArg.isValid() ? nowArg : QDateTime::currentDateTimeUtc();
    const QDateTime from = now.addSecs(-rangeSeconds());
    m_view->followPalette(palette());
    const Cluster::SessionHistory* history = m_session ? m_session->sessionHistory() : nullptr;
    QHash<QString, QList<QPointF>> lines;
    double top = 0;
    if (history) {
        for (const QString& server : history->servers()) {
            QList<QPointF> points = history->points(server, from, now);
            for (const QPointF& p : std::as_const(points))
                top = std::max(top, p.y());
            lines.insert(server, std::move(points));
        }
    }
    m_view->setTimeRange(from, now, rangeSeconds() <= 300 ? u"HH:mm:ss"_s : u"HH:mm"_s);
    m_view->setValueRange(std::max(top, 4.0), tr("sessions"));
    m_view->setLines(lines);
    m_view->setMarkers(m_session ? m_session->lagHistory()->markers(from, now) : QList<Cluster::LagMarker>());
    QString emptyText;
    if (m_session && !m_session->store()->state().haproxyConfigured)
        emptyText = tr("HAProxy is not watched for this cluster");
    else if (m_session && lines.isEmpty())
        emptyText = tr("no stats read yet");
    if (m_empty->text() != emptyText)
        m_empty->setText(emptyText);
}

QHash<QString, int> SessionsChart::seriesPoints() const
{
    QHash<QString, int> out;
    for (auto it = m_view->lines().cbegin(); it != m_view->lines().cend(); ++it)
        out.insert(it.key(), int(it.value().size()));
    return out;
}

} // namespace Ui
