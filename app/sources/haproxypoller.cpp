#include "app/sources/haproxypoller.h"

#include "models/cluster/clusterstore.h"
#include "models/haproxy/statsparser.h"

using namespace Qt::StringLiterals;

namespace Sources {

QUrl haproxyCsvUrl(const QUrl& statsUrl)
{
    if (statsUrl.path().endsWith(u";csv"_s))
        return statsUrl;
    QUrl url = statsUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + u";csv"_s);
    return url;
}

HaproxyPoller::HaproxyPoller(
    QNetworkAccessManager* nam, Cluster::ClusterStore* store, const QUrl& csvUrl, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store)
    , m_url(haproxyCsvUrl(csvUrl))
{
    m_options.sourceName = u"HAProxy stats "_s + m_url.authority();
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &HaproxyPoller::pollNow);
}

void HaproxyPoller::start()
{
    m_timer.start();
    pollNow();
}

void HaproxyPoller::pollNow()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    fetch(m_nam, m_url, m_options, this, [this](const FetchResult& r) {
        m_inFlight = false;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (r.error.isError()) {
            m_store->recordHaproxyFailure(r.error, now);
        } else {
            Haproxy::StatsParseResult parsed = Haproxy::parseStatsCsv(r.body);
            if (parsed.stats) {
                m_store->applyHaproxy(*parsed.stats, now);
            } else {
                parsed.error.source = m_options.sourceName;
                m_store->recordHaproxyFailure(parsed.error, now);
            }
        }
        Q_EMIT roundFinished();
    });
}

} // namespace Sources
