#include "app/sources/patronipoller.h"

#include "models/cluster/clusterstore.h"
#include "models/patroni/clusterparser.h"
#include "models/patroni/dynamicconfig.h"
#include "models/patroni/historyparser.h"
#include "models/patroni/memberstatus.h"
#include "models/patroni/metricsparser.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Sources {

QUrl apiBase(const QUrl& url)
{
    QUrl base;
    base.setScheme(url.scheme().isEmpty() ? u"http"_s : url.scheme());
    base.setHost(url.host());
    base.setPort(url.port());
    return base;
}

PatroniPoller::PatroniPoller(
    QNetworkAccessManager* nam, Cluster::ClusterStore* store, const QList<QUrl>& seedUrls, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store)
{
    for (const QUrl& url : seedUrls) {
        const QUrl base = apiBase(url);
        if (!m_urls.contains(base))
            m_urls.append(base);
    }
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &PatroniPoller::pollNow);
    connect(store, &Cluster::ClusterStore::leaderChanged, this, [this] { m_slowDue = true; });
}

void PatroniPoller::start()
{
    m_timer.start();
    pollNow();
}

void PatroniPoller::stop()
{
    m_timer.stop();
}

void PatroniPoller::pollNow()
{
    // Members are asked right after /cluster answers (or fails), so each round asks exactly the
    // members the DCS lists now; a member still busy from the last round is skipped.
    pollCluster();
}

void PatroniPoller::pollCluster()
{
    if (m_inFlight || m_urls.isEmpty())
        return;
    m_inFlight = true;
    m_roundOpen = true;
    tryUrl(m_preferred, 0, {});
}

void PatroniPoller::finishRoundIfDone()
{
    if (m_roundOpen && !m_inFlight && m_memberInFlight.isEmpty() && m_slowInFlight == 0) {
        m_roundOpen = false;
        Q_EMIT roundFinished();
    }
}

void PatroniPoller::pollMembers()
{
    // The members the DCS knows. A member whose own API refuses is the fastest sign it is down
    // (LAB-FACTS: /cluster keeps a SIGKILLed member "running" for up to a TTL).
    for (const Cluster::Member& m : m_store->view().members) {
        if (!m.apiUrl.isValid() || m.apiUrl.host().isEmpty())
            continue;
        QUrl url = m.apiUrl;
        if (url.path().isEmpty() || url.path() == u"/"_s)
            url.setPath(u"/patroni"_s);
        if (m_memberInFlight.contains(url))
            continue;
        if (int& skip = m_memberSkip[url]; skip > 0) {
            --skip;
            continue;
        }
        m_memberInFlight.insert(url);
        FetchOptions options = m_options;
        options.sourceName = u"%1 API %2"_s.arg(m.name, apiBase(url).toString());
        fetch(m_nam, url, options, this, [this, url, name = m.name](const FetchResult& r) {
            m_memberInFlight.remove(url);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (r.error.isError()) {
                const int failures = ++m_memberFailures[url];
                m_memberSkip[url] = std::min(failures - 1, 3);
                m_store->recordMemberFailure(name, url, r.error, now);
            } else {
                m_memberFailures.remove(url);
                Patroni::MemberStatusParseResult parsed = Patroni::parseMemberStatus(r.body);
                if (parsed.status) {
                    m_store->applyMemberStatus(name, url, *parsed.status, now);
                } else {
                    parsed.error.source = u"%1 API %2"_s.arg(name, apiBase(url).toString());
                    m_store->recordMemberFailure(name, url, parsed.error, now);
                }
            }
            finishRoundIfDone();
        });
    }
}

void PatroniPoller::tryUrl(int index, int attempt, QList<Cluster::SourceError> errors)
{
    const QUrl base = m_urls.at(index);
    QUrl url = base;
    url.setPath(u"/cluster"_s);
    FetchOptions options = m_options;
    options.sourceName = u"Patroni API "_s + base.toString();
    fetch(m_nam, url, options, this, [this, index, attempt, errors, base](const FetchResult& r) mutable {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!r.error.isError()) {
            Patroni::ClusterParseResult parsed = Patroni::parseCluster(r.body);
            if (parsed.view) {
                m_store->applyClusterView(*parsed.view, base.toString(), now, parsed.warnings);
                m_preferred = index;
                m_inFlight = false;
                learnUrls();
                Q_EMIT pollFinished(true);
                if (m_pollMembers)
                    pollMembers();
                if (m_slowDue || ++m_rounds % 10 == 0)
                    pollConfigAndHistory(base);
                finishRoundIfDone();
                return;
            }
            // A body that does not parse is as bad as no answer: ask the next member before going stale.
            parsed.error.source = u"Patroni API "_s + base.toString();
            errors.append(parsed.error);
        } else {
            errors.append(r.error);
        }
        if (attempt + 1 < m_urls.size()) {
            tryUrl((index + 1) % int(m_urls.size()), attempt + 1, std::move(errors));
            return;
        }
        Cluster::SourceError first = errors.first();
        if (errors.size() > 1)
            first.detail += (first.detail.isEmpty() ? u""_s : u"; "_s)
                + u"the %1 other member API(s) failed too"_s.arg(errors.size() - 1);
        m_store->recordFailure(first, now);
        m_inFlight = false;
        Q_EMIT pollFinished(false);
        // The members' own APIs still tell who is alive when /cluster cannot be had.
        if (m_pollMembers)
            pollMembers();
        finishRoundIfDone();
    });
}

void PatroniPoller::pollConfigAndHistory(const QUrl& base)
{
    if (m_slowInFlight > 0)
        return;
    m_slowDue = false;
    m_slowInFlight = 3;
    FetchOptions options = m_options;
    options.sourceName = u"Patroni API "_s + base.toString();
    QUrl config = base;
    config.setPath(u"/config"_s);
    fetch(m_nam, config, options, this, [this, options](const FetchResult& r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (r.error.isError()) {
            m_store->recordConfigFailure(r.error, now);
        } else {
            Patroni::DynamicConfigParseResult parsed = Patroni::parseDynamicConfig(r.body);
            if (parsed.config) {
                m_store->applyDynamicConfig(*parsed.config, now);
            } else {
                parsed.error.source = options.sourceName;
                m_store->recordConfigFailure(parsed.error, now);
            }
        }
        --m_slowInFlight;
        finishRoundIfDone();
    });
    QUrl metrics = base;
    metrics.setPath(u"/metrics"_s);
    fetch(m_nam, metrics, options, this, [this, base](const FetchResult& r) {
        if (!r.error.isError()) {
            const Patroni::MetricsParseResult parsed = Patroni::parseMetrics(r.body);
            QString member;
            for (const Cluster::Member& m : m_store->view().members)
                if (apiBase(m.apiUrl) == base)
                    member = m.name;
            if (parsed.metrics)
                m_store->applyMetrics(member, *parsed.metrics);
        }
        --m_slowInFlight;
        finishRoundIfDone();
    });
    QUrl history = base;
    history.setPath(u"/history"_s);
    fetch(m_nam, history, options, this, [this](const FetchResult& r) {
        if (!r.error.isError()) {
            const Patroni::HistoryParseResult parsed = Patroni::parseHistory(r.body);
            if (parsed.entries)
                m_store->applyHistory(*parsed.entries, QDateTime::currentDateTimeUtc());
        }
        --m_slowInFlight;
        finishRoundIfDone();
    });
}

void PatroniPoller::learnUrls()
{
    for (const Cluster::Member& m : m_store->view().members) {
        if (!m.apiUrl.isValid() || m.apiUrl.host().isEmpty())
            continue;
        const QUrl base = apiBase(m.apiUrl);
        if (!m_urls.contains(base))
            m_urls.append(base);
    }
}

} // namespace Sources
