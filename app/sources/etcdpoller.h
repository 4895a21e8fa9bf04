#pragma once

#include "app/sources/httpfetch.h"
#include "models/cluster/clusterstate.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Asks etcd itself, not Patroni, about the DCS: every member's GET /health in parallel, then the
// member list and raft status from one that answered (POST /v3/cluster/member/list and
// /v3/maintenance/status on the v3 HTTP gateway). Patroni's own view cannot reveal a quorum loss
// (LAB-FACTS: /cluster keeps answering and dcs_last_seen stays fresh).
class EtcdPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EtcdPoller)
public:
    EtcdPoller(QNetworkAccessManager* nam, Cluster::ClusterStore* store, const QList<QUrl>& clientUrls,
        QObject* parent = nullptr);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void setDeadline(int ms) { m_options.deadlineMs = ms; }
    void setSslConfiguration(const QSslConfiguration& ssl) { m_options.ssl = ssl; }
    void start();
    void stop() { m_timer.stop(); }
    void pollNow();

Q_SIGNALS:
    void roundFinished();

private:
    void healthDone();
    void askCluster(const QUrl& base);
    void finish();

    QNetworkAccessManager* m_nam;
    Cluster::ClusterStore* m_store;
    QList<QUrl> m_urls;
    FetchOptions m_options;
    QTimer m_timer;
    bool m_inFlight = false;
    int m_pending = 0;
    Cluster::EtcdView m_round;
};

} // namespace Sources
