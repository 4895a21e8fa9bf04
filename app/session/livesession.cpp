#include "app/session/livesession.h"

#include "app/actions/actionexecutor.h"
#include "app/sources/etcdpoller.h"
#include "app/sources/etcdwatch.h"
#include "app/sources/haproxypoller.h"
#include "app/sources/patronipoller.h"
#include "app/sources/postgrespoller.h"
#include "app/sources/tlsconfig.h"
#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace App {

namespace {
    int bit(Cluster::SecretKind kind)
    {
        return 1 << int(kind);
    }
} // namespace

LiveSession::LiveSession(
    Sources::HttpClient* http, const Cluster::Profile& profile, const Session::SessionOptions& options, QObject* parent)
    : ClusterSession(profile, options, parent)
    , m_http(http)
    , m_patroni(new Sources::PatroniPoller(http, store(), profile.patroniUrls, this))
{
    m_sources.append(m_patroni);
    m_patroni->setInterval(profile.intervals.patroniMs);
    if (profile.haproxyStatsUrl.isValid() && !profile.haproxyStatsUrl.isEmpty()) {
        m_haproxy = new Sources::HaproxyPoller(http, store(), profile.haproxyStatsUrl, this);
        m_haproxy->setInterval(profile.intervals.haproxyMs);
        m_sources.append(m_haproxy);
    }
    if (!profile.etcdUrls.isEmpty()) {
        m_etcd = new Sources::EtcdPoller(http, store(), profile.etcdUrls, this);
        m_etcd->setInterval(profile.intervals.etcdMs);
        m_sources.append(m_etcd);
        m_watch = new Sources::EtcdWatch(profile.etcdUrls, this);
        m_watch->setDeadline(profile.requestDeadlineMs);
        connect(m_watch, &Sources::EtcdWatch::keyChanged, this,
            [this](const QByteArray& value, bool deleted) { leaderKeyChanged(value, deleted); });
        // A member etcd calls unhealthy may be cut off from the quorum: its watch would stay silent.
        connect(m_etcd, &Sources::Poller::roundFinished, this, [this] {
            if (const auto& etcd = store()->state().etcd) {
                for (const Cluster::EtcdView::Endpoint& e : etcd->endpoints) {
                    if (e.error.isError() || (e.health && !e.health->healthy))
                        m_watch->endpointFailed(e.url);
                }
            }
        });
    }
    for (Sources::Poller* p : std::as_const(m_sources))
        p->setDeadline(profile.requestDeadlineMs);
    // One TLS configuration for every HTTPS source of this cluster. A file that cannot be used is a
    // finding, said once per poll, rather than a silent fallback to the system CAs.
    QString tlsError;
    if (const auto ssl = Sources::sslConfigurationFor(profile.tls, &tlsError)) {
        for (Sources::Poller* p : std::as_const(m_sources))
            p->setSslConfiguration(*ssl);
        if (m_watch)
            m_watch->setSslConfiguration(*ssl);
    } else {
        store()->setSettingsProblems({ tlsError });
    }
    if (!profile.postgres.user.isEmpty()) {
        m_postgres = new Sources::PostgresPoller(store(), profile, this);
        m_sources.append(m_postgres);
        store()->configurePostgres(true);
        connect(m_postgres, &Sources::PostgresPoller::passwordRejected, this, [this] {
            m_awaiting |= bit(Cluster::SecretKind::Postgres);
            m_credentials.read(name(), Cluster::SecretKind::Postgres, this,
                [this](const Credentials::Result& r) { secretRead(Cluster::SecretKind::Postgres, r); });
        });
        // PostgreSQL is asked where the DCS says the members are, the leader as the primary.
        connect(store(), &Cluster::ClusterStore::viewChanged, this, &LiveSession::handOnTopology);
        connect(store(), &Cluster::ClusterStore::leaderChanged, this, &LiveSession::handOnTopology);
        connect(store(), &Cluster::ClusterStore::eventsDetected, this, [this](const QList<Cluster::Event>& events) {
            for (const Cluster::Event& e : events) {
                if (e.kind == Cluster::EventKind::RoutingChanged) {
                    m_postgres->requestFullRouting(); // HAProxy moved: prove where it sends clients now
                    break;
                }
            }
        });
    }
    const Cluster::HaproxyRoutes& r = profile.haproxyRoutes;
    store()->configureSources(m_haproxy, m_etcd,
        Cluster::RouteNames { r.primaryProxy, r.replicasProxy, r.anyProxy, r.primaryPort, r.replicasPort, r.anyPort });

    for (Sources::Poller* p : std::as_const(m_sources))
        connect(p, &Sources::Poller::roundFinished, this, [this, p] { sourceRoundDone(p); });
    connect(m_patroni, &Sources::Poller::roundFinished, this, &LiveSession::followWatch);
    connect(m_patroni, &Sources::Poller::roundFinished, this, [this] {
        if (m_patroniRoundDone)
            return;
        m_patroniRoundDone = true;
        handOnTopology();
        startWaitingSources();
    });
    m_patience.setSingleShot(true);
    m_patience.setInterval(keychainPatienceMs);
    connect(&m_patience, &QTimer::timeout, this, [this] {
        m_patienceOver = true;
        startWaitingSources();
        finishRoundIfDone();
    });
}

LiveSession::~LiveSession() = default;

Actions::Controller* LiveSession::actions()
{
    return executor();
}

ActionExecutor* LiveSession::executor()
{
    if (!m_executor)
        m_executor = new ActionExecutor(m_http, this, ActionExecutor::defaultAuditPath(), this);
    return m_executor;
}

void LiveSession::usePatroniApiPassword(const QString& password, const QString& user)
{
    rememberSecret(password);
    m_apiPassword = password;
    // Monitoring sends it too, and checks it with its next round (a forgotten one leaves the last).
    const QString who = user.isEmpty() ? profile().patroniApiUser : user;
    if (!password.isEmpty() && !who.isEmpty())
        m_patroni->setCredentials(who, password);
}

void LiveSession::readSecrets()
{
    const Cluster::Profile& p = profile();
    QList<Cluster::SecretKind> kinds;
    if (!p.patroniApiUser.isEmpty())
        kinds.append(Cluster::SecretKind::PatroniApi);
    if (m_haproxy && !p.haproxyStatsUser.isEmpty())
        kinds.append(Cluster::SecretKind::HaproxyStats);
    if (m_postgres)
        kinds.append(Cluster::SecretKind::Postgres);
    for (Cluster::SecretKind kind : std::as_const(kinds)) {
        if (m_awaiting & bit(kind))
            continue;
        m_awaiting |= bit(kind);
        if (m_given.contains(kind)) {
            Credentials::Result given;
            given.kind = kind;
            given.profile = name();
            given.secret = m_given.value(kind);
            secretRead(kind, given); // at once: the round that follows must carry it
            continue;
        }
        m_credentials.read(name(), kind, this, [this, kind](const Credentials::Result& r) { secretRead(kind, r); });
    }
    if (m_awaiting)
        m_patience.start();
}

void LiveSession::secretRead(Cluster::SecretKind kind, const Credentials::Result& r)
{
    m_awaiting &= ~bit(kind);
    if (r.ok())
        rememberSecret(r.secret);
    switch (kind) {
    case Cluster::SecretKind::PatroniApi:
        // Patroni asks only unsafe methods for it; a proxy in front of its API may ask every request.
        if (r.ok()) {
            m_patroni->setCredentials(profile().patroniApiUser, r.secret);
            m_apiPassword = r.secret;
        }
        break;
    case Cluster::SecretKind::HaproxyStats:
        if (m_haproxy && r.ok())
            m_haproxy->setCredentials(profile().haproxyStatsUser, r.secret);
        break;
    case Cluster::SecretKind::Postgres:
        if (m_postgres) {
            if (r.ok())
                m_postgres->setPassword(r.secret);
            else
                m_postgres->setPassword(std::nullopt, r.message);
        }
        break;
    }
    startWaitingSources();
    finishRoundIfDone();
}

void LiveSession::handOnTopology()
{
    if (m_postgres)
        m_postgres->setTopology(store()->view().members, store()->leader());
}

void LiveSession::followWatch()
{
    if (!m_watch || !m_running)
        return;
    // The key needs the scope, which Patroni tells (3.x only in each member's /patroni).
    const QString scope = store()->state().scope();
    if (!scope.isEmpty() && scope != m_watchedScope) {
        m_watchedScope = scope; // the key is built once per scope, not every round
        m_watch->watch(Etcd::leaderKey(profile().etcdNamespace, scope));
    }
    if (!m_watchedLeader)
        return;
    if (store()->leader() == *m_watchedLeader || m_followUps >= maxFollowUps) {
        m_watchedLeader.reset();
        return;
    }
    ++m_followUps;
    QTimer::singleShot(followUpMs, this, [this] {
        if (m_running)
            m_patroni->pollAfterChange();
    });
}

void LiveSession::leaderKeyChanged(const QByteArray& value, bool deleted)
{
    if (!m_running)
        return;
    m_watchedLeader = deleted ? QString() : QString::fromUtf8(value);
    m_followUps = 0;
    m_patroni->pollAfterChange();
}

void LiveSession::startWaitingSources()
{
    if (!m_running && !m_oneShot)
        return;
    const auto go = [this](Sources::Poller* p) {
        if (m_running)
            p->start();
        else
            p->pollNow();
    };
    if (m_haproxy && !m_haproxyStarted && (m_patienceOver || !(m_awaiting & bit(Cluster::SecretKind::HaproxyStats)))) {
        m_haproxyStarted = true;
        go(m_haproxy);
    }
    // PostgreSQL needs the member list: it follows Patroni's first round.
    if (m_postgres && !m_postgresStarted && m_patroniRoundDone) {
        const bool waiting = m_awaiting & bit(Cluster::SecretKind::Postgres);
        if (!waiting || m_patienceOver) {
            m_postgresStarted = true;
            if (waiting)
                m_postgres->setPassword(std::nullopt, tr("the keychain has not answered (is it locked?)"));
            go(m_postgres);
        }
    }
}

void LiveSession::start()
{
    m_running = true;
    m_reported.clear(); // the first round is reported, as after pollOnce()
    m_awaitingRound = true;
    readSecrets();
    m_patroni->start();
    if (m_etcd)
        m_etcd->start();
    startWaitingSources();
}

void LiveSession::stop()
{
    m_running = false;
    m_patience.stop();
    if (m_watch)
        m_watch->stop();
    m_watchedScope.clear(); // a later start() watches again
    m_watchedLeader.reset();
    for (Sources::Poller* p : std::as_const(m_sources))
        p->stop();
    // A later start() starts them again.
    m_haproxyStarted = false;
    m_postgresStarted = false;
}

void LiveSession::pollOnce()
{
    m_oneShot = true;
    m_haproxyStarted = false;
    m_postgresStarted = false;
    m_reported.clear();
    m_awaitingRound = true;
    readSecrets();
    m_patroni->pollNow();
    if (m_etcd)
        m_etcd->pollNow();
    startWaitingSources();
}

void LiveSession::sourceRoundDone(Sources::Poller* source)
{
    // Every source once, not any source N times: Patroni finishes several rounds while HAProxy may
    // still wait for its password.
    if (!m_awaitingRound)
        return;
    m_reported.insert(source);
    finishRoundIfDone();
}

void LiveSession::finishRoundIfDone()
{
    if (!m_awaitingRound || m_reported.size() != m_sources.size())
        return;
    // The keychain's answers too: what is printed after a round is searched for every secret in use
    // (Snapshot::Redactor), and a password that arrives later would not be.
    if (m_awaiting && !m_patienceOver)
        return;
    m_awaitingRound = false;
    Q_EMIT roundFinished();
}

} // namespace App
