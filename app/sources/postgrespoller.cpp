#include "app/sources/postgrespoller.h"

#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace Sources {

PostgresPoller::PostgresPoller(Cluster::ClusterStore* store, const Cluster::Profile& profile, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_profile(profile)
{
    m_timer.setInterval(profile.intervals.postgresMs);
    connect(&m_timer, &QTimer::timeout, this, &PostgresPoller::pollNow);
    connect(&m_lag, &Postgres::LagProbe::primaryProbed, this, [this](const Postgres::PrimaryLagReading& r) {
        const QString member = m_memberAt.value(r.host + u':' + QString::number(r.port));
        if (r.snapshot) {
            m_round.primary = r.snapshot;
            m_round.primaryMember = member;
        } else {
            m_round.errors.insert(member, r.error);
        }
        partDone();
    });
    connect(&m_lag, &Postgres::LagProbe::replicaProbed, this, [this](const Postgres::ReplicaLagReading& r) {
        const QString member = m_memberAt.value(r.host + u':' + QString::number(r.port));
        if (r.status)
            m_round.replicas.insert(member, *r.status);
        else
            m_round.errors.insert(member, r.error);
        partDone();
    });
    connect(
        &m_routing, &Postgres::RoutingProber::probeFinished, this, [this](const QList<Postgres::RoutingProbe>& probes) {
            m_round.routing = probes;
            partDone();
        });
}

void PostgresPoller::start()
{
    m_timer.start();
    pollNow();
}

void PostgresPoller::pollNow()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    if (m_password) {
        runRound();
        return;
    }
    m_credentials.read(m_profile.name, Cluster::SecretKind::Postgres, this, [this](const Credentials::Result& r) {
        if (!r.ok()) {
            Cluster::SourceError e;
            e.code = Cluster::SourceError::Code::MissingCredentials;
            e.source = u"PostgreSQL user %1"_s.arg(m_profile.postgres.user);
            e.detail = r.message;
            m_inFlight = false;
            m_store->recordPostgresFailure(e, QDateTime::currentDateTimeUtc());
            Q_EMIT roundFinished();
            return;
        }
        m_password = r.secret;
        runRound();
    });
}

Postgres::ConnectionParams PostgresPoller::params(const QString& host, int port) const
{
    Postgres::ConnectionParams p;
    p.host = host;
    p.port = port;
    p.dbname = m_profile.postgres.dbname;
    p.user = m_profile.postgres.user;
    p.password = m_password.value_or(QString());
    p.sslmode = m_profile.postgres.sslmode;
    p.sslrootcert = m_profile.tls.caFile;
    p.connectDeadlineMs = m_profile.requestDeadlineMs;
    p.queryDeadlineMs = m_profile.requestDeadlineMs;
    return p;
}

void PostgresPoller::runRound()
{
    m_round = {};
    m_memberAt.clear();
    m_pending = 1; // held until every probe is started, so a fast answer cannot end the round early
    const QString leader = m_store->leader();
    for (const Cluster::Member& m : m_store->view().members) {
        if (m.host.isEmpty() || m.port <= 0)
            continue;
        m_memberAt.insert(m.host + u':' + QString::number(m.port), m.name);
        const bool started = m.name == leader ? m_lag.probePrimary(params(m.host, m.port))
                                              : m_lag.probeReplica(params(m.host, m.port));
        if (started)
            ++m_pending;
    }
    const Cluster::HaproxyRoutes& r = m_profile.haproxyRoutes;
    if (m_store->state().haproxyConfigured
        && m_routing.probe(params(r.host, r.primaryPort),
            Postgres::RoutingProber::standardTargets(r.primaryPort, r.replicasPort, r.anyPort, 4)))
        ++m_pending;
    partDone();
}

void PostgresPoller::partDone()
{
    if (m_pending <= 0 || --m_pending > 0)
        return;
    m_inFlight = false;
    // A wrong password fails every probe the same way: forget it, so the next round reads it again.
    bool authFailed = false;
    for (const Cluster::SourceError& e : std::as_const(m_round.errors))
        authFailed |= e.code == Cluster::SourceError::Code::PostgresAuthFailed;
    if (authFailed)
        m_password.reset();
    m_store->applyPostgres(m_round, QDateTime::currentDateTimeUtc());
    Q_EMIT roundFinished();
}

} // namespace Sources
