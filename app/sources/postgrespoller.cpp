#include "app/sources/postgrespoller.h"

#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace Sources {

PostgresPoller::PostgresPoller(Cluster::ClusterStore* store, const Cluster::Profile& profile, QObject* parent)
    : Poller(nullptr, parent)
    , m_store(store)
    , m_profile(profile)
{
    setInterval(profile.intervals.postgresMs);
    setDeadline(profile.requestDeadlineMs);
    // Each node's link backs off on its own; a round-level backoff on top would multiply the two.
    setMaxBackoffTicks(0);
    m_routingEnabled = profile.haproxyStatsUrl.isValid() && !profile.haproxyStatsUrl.isEmpty();
    connect(
        &m_routing, &Postgres::RoutingProber::probeFinished, this, [this](const QList<Postgres::RoutingProbe>& probes) {
            // The latest probes of each port stand until that port is probed again.
            QMap<int, QList<Postgres::RoutingProbe>> byPort;
            for (const Postgres::RoutingProbe& p : probes)
                byPort[p.port].append(p);
            for (auto it = byPort.cbegin(); it != byPort.cend(); ++it)
                m_lastProbes.insert(it.key(), it.value());
            m_routingInRound = false;
            partDone();
        });
}

void PostgresPoller::setTopology(const QList<Cluster::Member>& members, const QString& leader)
{
    // Where 5000 goes changes with the leader: prove it at once (also when a leader appears after a
    // time without one, the usual course of a failover).
    if (m_topologySeen && leader != m_leader)
        m_fullRoutingDue = true;
    m_topologySeen = true;
    m_members = members;
    m_leader = leader;
}

void PostgresPoller::setPassword(const std::optional<QString>& password, const QString& whyMissing)
{
    m_password = password;
    m_whyNoPassword = whyMissing;
}

quint64 PostgresPoller::connectionsOpened() const
{
    quint64 n = m_routingConnections + m_closedLinkConnections;
    for (const Postgres::NodeLink* link : m_links)
        n += link->connectionsOpened();
    return n;
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
    p.connectDeadlineMs = deadline();
    p.queryDeadlineMs = deadline();
    return p;
}

Postgres::NodeLink* PostgresPoller::linkFor(const Cluster::Member& member)
{
    Postgres::NodeLink* link = m_links.value(member.name);
    if (!link) {
        link = new Postgres::NodeLink(this);
        m_links.insert(member.name, link);
        connect(link, &Postgres::NodeLink::readFinished, this,
            [this, link, name = member.name](const Postgres::NodeReading& r) {
                // A reading of an earlier round (its round ended without it) is history.
                if (!m_roundLinks.remove(link))
                    return;
                if (r.error.isError()) {
                    m_round.errors.insert(name, r.error);
                    m_authFailed |= r.error.code == Cluster::SourceError::Code::PostgresAuthFailed;
                } else if (r.asPrimary && r.snapshot) {
                    m_round.primary = r.snapshot;
                    m_round.primaryMember = name;
                } else if (!r.asPrimary && r.status) {
                    m_round.replicas.insert(name, *r.status);
                }
                partDone();
            });
    }
    link->setParams(params(member.host, member.port));
    return link;
}

void PostgresPoller::startRound()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_password) {
        Cluster::SourceError e;
        e.code = Cluster::SourceError::Code::MissingCredentials;
        e.source = u"PostgreSQL user %1"_s.arg(m_profile.postgres.user);
        e.detail = m_whyNoPassword;
        m_store->recordPostgresFailure(e, now);
        finishRound(false);
        return;
    }
    m_round = {};
    m_roundLinks.clear();
    m_authFailed = false;
    m_pending = 1; // held until every part is started, so a fast answer cannot end the round early
    QSet<QString> present;
    for (const Cluster::Member& m : std::as_const(m_members)) {
        if (m.host.isEmpty() || m.port <= 0)
            continue;
        present.insert(m.name);
        Postgres::NodeLink* link = linkFor(m);
        switch (link->read(m.name == m_leader)) {
        case Postgres::NodeLink::Start::Started:
            m_roundLinks.insert(link);
            ++m_pending;
            break;
        case Postgres::NodeLink::Start::BackingOff:
            m_round.errors.insert(m.name, link->lastError());
            break;
        case Postgres::NodeLink::Start::Busy:
            break;
        }
    }
    // A member the DCS no longer lists: its connection goes.
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (!present.contains(it.key())) {
            m_closedLinkConnections += it.value()->connectionsOpened();
            it.value()->close();
            it.value()->deleteLater();
            it = m_links.erase(it);
        } else {
            ++it;
        }
    }
    if (m_routingEnabled) {
        const bool due = !m_sinceRouting.isValid()
            || m_sinceRouting.elapsed() >= m_routingIntervalMs
            // at once after a change, but not more than one full round every two seconds
            || (m_fullRoutingDue && m_sinceRouting.elapsed() >= 2000);
        if (due)
            startRouting();
    }
    partDone();
}

void PostgresPoller::startRouting()
{
    const Cluster::HaproxyRoutes& r = m_profile.haproxyRoutes;
    QList<Postgres::RoutingTarget> targets;
    if (m_fullRoutingDue || m_lastProbes.isEmpty()) {
        targets = Postgres::RoutingProber::standardTargets(r.primaryPort, r.replicasPort, r.anyPort, 4);
    } else {
        // Steady state: one connection, the ports in turn.
        const int ports[] = { r.primaryPort, r.replicasPort, r.anyPort };
        targets = { { ports[m_nextRoutingPort++ % 3], 1 } };
    }
    if (!m_routing.probe(params(r.host, r.primaryPort), targets))
        return;
    m_fullRoutingDue = false;
    m_sinceRouting.restart();
    for (const Postgres::RoutingTarget& t : std::as_const(targets))
        m_routingConnections += quint64(t.connections);
    m_routingInRound = true;
    ++m_pending;
}

void PostgresPoller::partDone()
{
    if (m_pending <= 0 || --m_pending > 0)
        return;
    for (const QList<Postgres::RoutingProbe>& probes : std::as_const(m_lastProbes))
        m_round.routing += probes;
    // A wrong password fails every node the same way: forget it, the session reads it again.
    if (m_authFailed) {
        m_password.reset();
        m_whyNoPassword = u"PostgreSQL refused the password"_s;
        Q_EMIT passwordRejected();
    }
    const bool answered = m_round.primary || !m_round.replicas.isEmpty() || m_round.errors.isEmpty();
    m_store->applyPostgres(m_round, QDateTime::currentDateTimeUtc());
    finishRound(answered);
}

} // namespace Sources
