#pragma once

#include "models/cluster/profile.h"

#include <QObject>

class QNetworkAccessManager;

namespace Cluster {
class ClusterStore;
}
namespace Sources {
class EtcdPoller;
class HaproxyPoller;
class PatroniPoller;
class PostgresPoller;
} // namespace Sources

namespace Monitor {

// Watches one cluster profile: owns a store and every poller that feeds it — Patroni (/cluster and
// each member's /patroni), HAProxy's stats and etcd — each at its own interval, so a slow source
// never delays another. The window and the CLI both use it; the CLI runs one round. The window and the CLI both use it;
// the CLI runs one round.
class ClusterMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterMonitor)
public:
    ClusterMonitor(QNetworkAccessManager* nam, const Cluster::Profile& profile, QObject* parent = nullptr);

    Cluster::ClusterStore* store() const { return m_store; }
    const Cluster::Profile& profile() const { return m_profile; }

    void start(); // continuous polling at the profile's intervals
    void stop();
    void pollOnce(); // every source once; roundFinished() when all have answered or failed

Q_SIGNALS:
    // Every source has answered or failed once: after pollOnce(), and after the first round of start().
    void roundFinished();

private:
    void sourceRoundDone();
    int sourceCount() const;

    Cluster::Profile m_profile;
    Cluster::ClusterStore* m_store;
    Sources::PatroniPoller* m_patroni;
    Sources::HaproxyPoller* m_haproxy = nullptr; // when the profile names a stats URL
    Sources::EtcdPoller* m_etcd = nullptr; // when the profile names etcd URLs
    Sources::PostgresPoller* m_postgres = nullptr; // when the profile names a PostgreSQL user
    int m_pendingSources = 0;
};

} // namespace Monitor
