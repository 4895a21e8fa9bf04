#pragma once

#include "app/sources/poller.h"
#include "models/cluster/clusterstate.h"

#include <QUrl>

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Asks etcd itself, not Patroni, about the DCS: every member's GET /health in parallel, then the
// member list and raft status from one that answered (POST /v3/cluster/member/list and
// /v3/maintenance/status on the v3 HTTP gateway). Patroni's own view cannot reveal a quorum loss
// (LAB-FACTS: /cluster keeps answering and dcs_last_seen stays fresh).
class EtcdPoller final : public Poller {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EtcdPoller)
public:
    EtcdPoller(Sources::HttpClient* http, Cluster::ClusterStore* store, const QList<QUrl>& clientUrls,
        QObject* parent = nullptr);

protected:
    void startRound() override;

private:
    void healthDone();
    void askCluster(const QUrl& base);
    void finish();

    Cluster::ClusterStore* m_store; // written, never read
    QList<QUrl> m_urls;
    int m_pending = 0;
    Cluster::EtcdView m_round;
};

} // namespace Sources
