#include "app/sources/etcdpoller.h"

#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace Sources {

namespace {
    QUrl at(const QUrl& base, const QString& path)
    {
        QUrl u = base;
        u.setPath(path);
        return u;
    }
} // namespace

EtcdPoller::EtcdPoller(
    Sources::HttpClient* http, Cluster::ClusterStore* store, const QList<QUrl>& clientUrls, QObject* parent)
    : Poller(http, parent)
    , m_store(store)
    , m_urls(clientUrls)
{
    setInterval(5000);
}

void EtcdPoller::startRound()
{
    if (m_urls.isEmpty()) {
        finishRound(false);
        return;
    }
    m_round = {};
    m_pending = int(m_urls.size());
    for (int i = 0; i < m_urls.size(); ++i) {
        const QUrl base = m_urls.at(i);
        m_round.endpoints.append({ base, std::nullopt, {} });
        const FetchOptions options = fetchOptions(u"etcd "_s + base.authority());
        fetch(http(), at(base, u"/health"_s), options, this, [this, i, options](const FetchResult& r) {
            Cluster::EtcdView::Endpoint& e = m_round.endpoints[i];
            if (r.error.isError() && r.httpStatus != 503) {
                e.error = r.error;
            } else {
                // etcd answers 503 with {"health":"false"} when it has no quorum: still an answer.
                Etcd::HealthParseResult parsed = Etcd::parseHealth(r.body);
                if (parsed.health) {
                    e.health = parsed.health;
                } else {
                    e.error = parsed.error;
                    e.error.source = options.sourceName;
                }
            }
            healthDone();
        });
    }
}

void EtcdPoller::healthDone()
{
    if (--m_pending > 0)
        return;
    // Member list and raft status from the first member that answered at all.
    for (const auto& e : std::as_const(m_round.endpoints)) {
        if (e.health) {
            askCluster(e.url);
            return;
        }
    }
    Cluster::SourceError error = m_round.endpoints.first().error;
    if (m_round.endpoints.size() > 1)
        error.detail += (error.detail.isEmpty() ? QString() : u"; "_s)
            + u"none of the %1 etcd members answered"_s.arg(m_round.endpoints.size());
    m_store->recordEtcdFailure(error, QDateTime::currentDateTimeUtc());
    finishRound(false);
}

void EtcdPoller::askCluster(const QUrl& base)
{
    FetchOptions options = fetchOptions(u"etcd "_s + base.authority());
    options.postJson = QByteArrayLiteral("{}");
    m_pending = 2;
    auto members = std::make_shared<std::optional<Etcd::MemberList>>();
    auto status = std::make_shared<std::optional<Etcd::Status>>();
    auto problem = std::make_shared<Cluster::SourceError>();
    const auto done = [this, members, status, problem] {
        if (--m_pending > 0)
            return;
        m_round.detailsError = *problem;
        m_round.members = *members;
        if (*status) {
            m_round.version = (*status)->version;
            if (*members)
                m_round.leader = Etcd::leaderName(**status, **members);
        }
        finish();
    };
    // Either may fail on its own (an old gateway without /v3, a timeout): the reason is kept.
    const QString source = options.sourceName;
    fetch(http(), at(base, u"/v3/cluster/member/list"_s), options, this,
        [members, problem, done, source](const FetchResult& r) {
            if (r.error.isError()) {
                *problem = r.error;
            } else {
                Etcd::MemberListParseResult parsed = Etcd::parseMemberList(r.body);
                *members = parsed.memberList;
                if (!parsed.memberList) {
                    *problem = parsed.error;
                    problem->source = source + u" member list"_s;
                }
            }
            done();
        });
    fetch(http(), at(base, u"/v3/maintenance/status"_s), options, this,
        [status, problem, done, source](const FetchResult& r) {
            if (r.error.isError()) {
                *problem = r.error;
            } else {
                Etcd::StatusParseResult parsed = Etcd::parseStatus(r.body);
                *status = parsed.status;
                if (!parsed.status) {
                    *problem = parsed.error;
                    problem->source = source + u" status"_s;
                }
            }
            done();
        });
}

void EtcdPoller::finish()
{
    m_store->applyEtcd(m_round, QDateTime::currentDateTimeUtc());
    finishRound(true);
}

} // namespace Sources
