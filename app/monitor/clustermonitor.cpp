#include "app/monitor/clustermonitor.h"

#include "app/sources/patronipoller.h"
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
}

void ClusterMonitor::start()
{
    m_pendingSources = 1; // the first round is reported, as after pollOnce()
    m_patroni->start();
}

void ClusterMonitor::stop()
{
    m_patroni->stop();
}

void ClusterMonitor::pollOnce()
{
    m_pendingSources = 1;
    m_patroni->pollNow();
}

void ClusterMonitor::sourceRoundDone()
{
    if (m_pendingSources > 0 && --m_pendingSources == 0)
        Q_EMIT roundFinished();
}

} // namespace Monitor
