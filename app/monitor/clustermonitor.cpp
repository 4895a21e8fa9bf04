#include "app/monitor/clustermonitor.h"

#include "app/sources/etcdpoller.h"
#include "app/sources/haproxypoller.h"
#include "app/sources/patronipoller.h"
#include "app/sources/postgrespoller.h"
#include "app/sources/tlsconfig.h"
#include "models/cluster/clusterstore.h"

namespace Monitor {

ClusterMonitor::ClusterMonitor(QNetworkAccessManager* nam, const Cluster::Profile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(new Cluster::ClusterStore(this))
    , m_patroni(new Sources::PatroniPoller(nam, m_store, profile.patroniUrls, this))
{
    m_patroni->setInterval(profile.intervals.patroniMs);
    m_patroni->setDeadline(profile.requestDeadlineMs);
    connect(m_patroni, &Sources::PatroniPoller::roundFinished, this, &ClusterMonitor::sourceRoundDone);
    if (profile.haproxyStatsUrl.isValid() && !profile.haproxyStatsUrl.isEmpty()) {
        m_haproxy = new Sources::HaproxyPoller(nam, m_store, profile.haproxyStatsUrl, this);
        m_haproxy->setInterval(profile.intervals.haproxyMs);
        m_haproxy->setDeadline(profile.requestDeadlineMs);
        connect(m_haproxy, &Sources::HaproxyPoller::roundFinished, this, &ClusterMonitor::sourceRoundDone);
    }
    if (!profile.etcdUrls.isEmpty()) {
        m_etcd = new Sources::EtcdPoller(nam, m_store, profile.etcdUrls, this);
        m_etcd->setInterval(profile.intervals.etcdMs);
        m_etcd->setDeadline(profile.requestDeadlineMs);
        connect(m_etcd, &Sources::EtcdPoller::roundFinished, this, &ClusterMonitor::sourceRoundDone);
    }
    // One TLS configuration for every HTTPS source of this cluster. A file that cannot be used is an
    // error of every source, said once per poll, rather than a silent fallback to the system CAs.
    QString tlsError;
    if (const auto ssl = Sources::sslConfigurationFor(profile.tls, &tlsError)) {
        m_patroni->setSslConfiguration(*ssl);
        if (m_haproxy)
            m_haproxy->setSslConfiguration(*ssl);
        if (m_etcd)
            m_etcd->setSslConfiguration(*ssl);
    } else {
        m_store->setSettingsProblems({ tlsError });
    }
    const Cluster::HaproxyRoutes& r = profile.haproxyRoutes;
    if (!profile.postgres.user.isEmpty()) {
        m_postgres = new Sources::PostgresPoller(m_store, profile, this);
        connect(m_postgres, &Sources::PostgresPoller::roundFinished, this, &ClusterMonitor::sourceRoundDone);
        m_store->configurePostgres(true);
    }
    m_store->configureSources(m_haproxy, m_etcd,
        Cluster::RouteNames { r.primaryProxy, r.replicasProxy, r.anyProxy, r.primaryPort, r.replicasPort, r.anyPort });
}

int ClusterMonitor::sourceCount() const
{
    return 1 + (m_haproxy ? 1 : 0) + (m_etcd ? 1 : 0) + (m_postgres ? 1 : 0);
}

void ClusterMonitor::start()
{
    m_pendingSources = sourceCount(); // the first round is reported, as after pollOnce()
    m_patroni->start();
    if (m_haproxy)
        m_haproxy->start();
    if (m_etcd)
        m_etcd->start();
    // PostgreSQL needs the member list: its first round follows Patroni's first.
    if (m_postgres)
        connect(
            m_patroni, &Sources::PatroniPoller::roundFinished, m_postgres, [this] { m_postgres->start(); },
            Qt::SingleShotConnection);
}

void ClusterMonitor::stop()
{
    m_patroni->stop();
    if (m_haproxy)
        m_haproxy->stop();
    if (m_etcd)
        m_etcd->stop();
    if (m_postgres)
        m_postgres->stop();
}

void ClusterMonitor::pollOnce()
{
    m_pendingSources = sourceCount();
    m_patroni->pollNow();
    if (m_haproxy)
        m_haproxy->pollNow();
    if (m_etcd)
        m_etcd->pollNow();
    if (m_postgres)
        connect(
            m_patroni, &Sources::PatroniPoller::roundFinished, m_postgres, [this] { m_postgres->pollNow(); },
            Qt::SingleShotConnection);
}

void ClusterMonitor::sourceRoundDone()
{
    if (m_pendingSources > 0 && --m_pendingSources == 0)
        Q_EMIT roundFinished();
}

} // namespace Monitor
