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
    Sources::HttpClient* http, Cluster::ClusterStore* store, const QUrl& csvUrl, QObject* parent)
    : Poller(http, parent)
    , m_store(store)
    , m_url(haproxyCsvUrl(csvUrl))
    , m_sourceName(u"HAProxy stats "_s + m_url.authority())
{
    setInterval(2000);
}

void HaproxyPoller::startRound()
{
    fetch(http(), m_url, fetchOptions(m_sourceName), this, [this](const FetchResult& r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        bool ok = false;
        if (r.error.isError()) {
            Cluster::SourceError e = r.error;
            if (e.code == Cluster::SourceError::Code::AuthFailed && e.httpStatus == 401)
                e.detail = hasCredentials()
                    ? u"the stats page refused the user and password sent; check the HAProxy stats user in the "
                      "cluster's settings and its password in the keychain"_s
                    : u"the stats page wants a user and password; set the HAProxy stats user in the cluster's "
                      "settings and its password in the keychain"_s;
            m_store->recordHaproxyFailure(e, now);
        } else {
            Haproxy::StatsParseResult parsed = Haproxy::parseStatsCsv(r.body);
            if (parsed.stats) {
                m_store->applyHaproxy(*parsed.stats, now);
                ok = true;
            } else {
                parsed.error.source = m_sourceName;
                m_store->recordHaproxyFailure(parsed.error, now);
            }
        }
        finishRound(ok);
    });
}

} // namespace Sources
