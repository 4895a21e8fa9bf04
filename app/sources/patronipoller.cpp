#include "app/sources/patronipoller.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/plaintext.h"
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
    Sources::HttpClient* http, Cluster::ClusterStore* store, const QList<QUrl>& seedUrls, QObject* parent)
    : Poller(http, parent)
    , m_store(store)
{
    for (const QUrl& url : seedUrls) {
        const QUrl base = apiBase(url);
        if (!m_seeds.contains(base))
            m_seeds.append(base);
    }
    m_urls = m_seeds;
    for (const QUrl& base : std::as_const(m_seeds))
        m_seedsHttps |= base.scheme() == u"https"_s;
    // The DCS's view is what every other check hangs on: asked every interval, no backoff.
    setMaxBackoffTicks(0);
}

void PatroniPoller::startRound()
{
    if (m_urls.isEmpty()) {
        finishRound(false);
        return;
    }
    m_clusterInFlight = true;
    m_roundOk = false;
    m_roundMembers.clear();
    tryUrl(m_preferred, 0, {});
}

bool PatroniPoller::releaseStalledRound()
{
    // Only member APIs still answering (or hanging): the DCS's view must not wait for them. What the
    // others said goes to the store now; the late ones follow when they come.
    if (m_clusterInFlight || m_slowInFlight > 0 || m_authInFlight)
        return false;
    m_roundMembers.clear();
    flushAnswers();
    finishRound(m_roundOk);
    return true;
}

void PatroniPoller::flushAnswers()
{
    if (m_answers.isEmpty())
        return;
    m_store->applyMemberAnswers(std::exchange(m_answers, {}));
}

void PatroniPoller::finishRoundIfDone()
{
    if (roundInFlight() && !m_clusterInFlight && m_roundMembers.isEmpty() && m_slowInFlight == 0 && !m_authInFlight)
        finishRound(m_roundOk);
}

void PatroniPoller::pollMembers()
{
    // The members the DCS listed last. A member whose own API refuses is the fastest sign it is down
    // (LAB-FACTS: /cluster keeps a SIGKILLed member "running" for up to a TTL).
    for (const Cluster::Member& m : std::as_const(m_members)) {
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
        m_roundMembers.insert(url);
        const QString source = u"%1 API %2"_s.arg(m.name, apiBase(url).toString());
        fetch(http(), url, optionsFor(url, source), this, [this, url, name = m.name, source](const FetchResult& r) {
            m_memberInFlight.remove(url);
            const bool ofThisRound = m_roundMembers.remove(url);
            Cluster::ClusterStore::MemberAnswer answer { name, url, std::nullopt, {}, QDateTime::currentDateTimeUtc(),
                {} };
            if (r.error.isError()) {
                const int failures = ++m_memberFailures[url];
                m_memberSkip[url] = std::min(failures - 1, 3);
                answer.error = r.error;
            } else {
                m_memberFailures.remove(url);
                Patroni::MemberStatusParseResult parsed = Patroni::parseMemberStatus(r.body);
                if (parsed.status) {
                    answer.status = std::move(parsed.status);
                    answer.warnings = std::move(parsed.warnings);
                } else {
                    parsed.error.source = source;
                    answer.error = parsed.error;
                }
            }
            if (!ofThisRound) {
                m_store->applyMemberAnswers({ answer }); // a straggler of an earlier round: at once
                return;
            }
            // The round's answers go to the store together: its checks run once per round, not once
            // per member.
            m_answers.append(answer);
            if (m_roundMembers.isEmpty())
                flushAnswers();
            finishRoundIfDone();
        });
    }
}

void PatroniPoller::tryUrl(int index, int attempt, QList<Cluster::SourceError> errors)
{
    const QUrl base = m_urls.at(index);
    QUrl url = base;
    url.setPath(u"/cluster"_s);
    fetch(http(), url, optionsFor(base, u"Patroni API "_s + base.toString()), this,
        [this, index, attempt, errors, base](const FetchResult& r) mutable {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!r.error.isError()) {
                Patroni::ClusterParseResult parsed = Patroni::parseCluster(r.body);
                if (parsed.view) {
                    m_members = parsed.view->members;
                    const QStringList leaders = parsed.view->leaders();
                    const QString leader = leaders.size() == 1 ? leaders.first() : QString();
                    if (leader != m_lastLeader)
                        m_slowDue = true; // a new leader: its config, history and metrics now
                    m_lastLeader = leader;
                    m_store->applyClusterView(*parsed.view, base.toString(), now, parsed.warnings);
                    m_preferred = index;
                    m_clusterInFlight = false;
                    m_roundOk = true;
                    learnUrls();
                    Q_EMIT pollFinished(true);
                    if (m_pollMembers)
                        pollMembers();
                    if (m_slowDue || ++m_rounds % 10 == 0)
                        pollSlow(base);
                    if (hasCredentials() && !m_authInFlight
                        && (m_authDue || !m_authChecked.isValid() || m_authChecked.hasExpired(m_authEveryMs)))
                        checkCredentials(base);
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
            m_clusterInFlight = false;
            Q_EMIT pollFinished(false);
            // The members' own APIs still tell who is alive when /cluster cannot be had.
            if (m_pollMembers)
                pollMembers();
            finishRoundIfDone();
        });
}

void PatroniPoller::pollSlow(const QUrl& base)
{
    if (m_slowInFlight > 0)
        return;
    m_slowDue = false;
    m_slowInFlight = 3;
    const QString source = u"Patroni API "_s + base.toString();
    const FetchOptions options = optionsFor(base, source);
    // The member that answers the slow reads, for the metrics' label.
    QString member;
    for (const Cluster::Member& m : std::as_const(m_members))
        if (apiBase(m.apiUrl) == base)
            member = m.name;

    QUrl config = base;
    config.setPath(u"/config"_s);
    fetch(http(), config, options, this, [this, source](const FetchResult& r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (r.error.isError()) {
            m_store->recordConfigFailure(r.error, now);
        } else {
            Patroni::DynamicConfigParseResult parsed = Patroni::parseDynamicConfig(r.body);
            if (parsed.config) {
                m_store->applyDynamicConfig(*parsed.config, now);
            } else {
                parsed.error.source = source;
                m_store->recordConfigFailure(parsed.error, now);
            }
        }
        --m_slowInFlight;
        finishRoundIfDone();
    });
    QUrl metrics = base;
    metrics.setPath(u"/metrics"_s);
    fetch(http(), metrics, options, this, [this, member, source](const FetchResult& r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (r.error.isError()) {
            m_store->recordMetricsFailure(r.error, now);
        } else {
            Patroni::MetricsParseResult parsed = Patroni::parseMetrics(r.body);
            if (parsed.metrics) {
                m_store->applyMetrics(member, *parsed.metrics, now);
            } else {
                parsed.error.source = source;
                m_store->recordMetricsFailure(parsed.error, now);
            }
        }
        --m_slowInFlight;
        finishRoundIfDone();
    });
    QUrl history = base;
    history.setPath(u"/history"_s);
    fetch(http(), history, options, this, [this, source](const FetchResult& r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (r.error.isError()) {
            m_store->recordHistoryFailure(r.error, now);
        } else {
            Patroni::HistoryParseResult parsed = Patroni::parseHistory(r.body);
            if (parsed.entries) {
                m_store->applyHistory(*parsed.entries, now);
            } else {
                parsed.error.source = source;
                m_store->recordHistoryFailure(parsed.error, now);
            }
        }
        --m_slowInFlight;
        finishRoundIfDone();
    });
}

FetchOptions PatroniPoller::optionsFor(const QUrl& url, const QString& sourceName) const
{
    FetchOptions options = fetchOptions(sourceName);
    if (m_seedsHttps && url.scheme() != u"https"_s)
        options.basicAuth.reset();
    return options;
}

void PatroniPoller::checkCredentials(const QUrl& base)
{
    // The password would travel in clear to an http address the DCS gave: no verdict rather than a leak.
    if (m_seedsHttps && base.scheme() != u"https"_s)
        return;
    m_authDue = false;
    m_authInFlight = true;
    const QString source = u"Patroni API "_s + base.toString();
    FetchOptions options = fetchOptions(source);
    // Unsafe, so Patroni checks the credentials first; an empty object is refused (400) before any
    // change. The answer is a line or an HTML page: never large.
    options.method = "PATCH";
    options.postJson = QByteArray("{}");
    options.maxBodyBytes = 64 * 1024;
    const QString user = options.basicAuth ? options.basicAuth->user : QString();
    QUrl url = base;
    url.setPath(u"/config"_s);
    fetch(http(), url, options, this, [this, base, user](const FetchResult& r) {
        m_authInFlight = false;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // A verdict is any HTTP answer but a redirect; without one (refused, hung, reset) the check
        // is due again with the next round.
        if (r.httpStatus < 100 || (r.httpStatus >= 300 && r.httpStatus < 400)) {
            m_authDue = true;
            m_store->recordApiAuthFailure(r.error, now);
        } else {
            m_authChecked.start();
            Cluster::ApiAuthCheck check { user, base, r.httpStatus, {} };
            if (check.refused()) {
                const QString text = QString::fromUtf8(r.body).trimmed().section(u'\n', 0, 0).trimmed();
                if (!text.startsWith(u'<')) // a proxy's HTML page says nothing Patroni said
                    check.reason = Cluster::displayText(text, 120);
            }
            m_store->applyApiAuth(check, now);
        }
        finishRoundIfDone();
    });
}

void PatroniPoller::learnUrls()
{
    // The member that just answered first, then the configured ones, then the members the DCS lists
    // now: an address that left (a replaced host, a rescheduled pod) is not tried again and again.
    // Nothing to redo when the member that answered is already first and the members' addresses
    // are the ones learned last time (the common case: every good round, every cluster).
    QList<QUrl> apis;
    apis.reserve(m_members.size());
    for (const Cluster::Member& m : std::as_const(m_members))
        apis.append(m.apiUrl);
    if (m_preferred == 0 && apis == m_learnedApis)
        return;
    m_learnedApis = std::move(apis);
    const QUrl answered = m_urls.value(m_preferred);
    QList<QUrl> urls { answered };
    for (const QUrl& base : std::as_const(m_seeds)) {
        if (!urls.contains(base))
            urls.append(base);
    }
    QSet<QUrl> memberApis;
    for (const Cluster::Member& m : std::as_const(m_members)) {
        if (!m.apiUrl.isValid() || m.apiUrl.host().isEmpty())
            continue;
        QUrl own = m.apiUrl;
        if (own.path().isEmpty() || own.path() == u"/"_s)
            own.setPath(u"/patroni"_s);
        memberApis.insert(own);
        const QUrl base = apiBase(m.apiUrl);
        if (!urls.contains(base))
            urls.append(base);
    }
    m_urls = urls;
    m_preferred = 0;
    // Backoff of members that are gone: forgotten.
    for (auto it = m_memberSkip.begin(); it != m_memberSkip.end();)
        it = memberApis.contains(it.key()) ? std::next(it) : m_memberSkip.erase(it);
    for (auto it = m_memberFailures.begin(); it != m_memberFailures.end();)
        it = memberApis.contains(it.key()) ? std::next(it) : m_memberFailures.erase(it);
}

} // namespace Sources
