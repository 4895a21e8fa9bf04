#pragma once

#include "app/sources/httpfetch.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Polls GET /cluster and every member's own GET /patroni, and feeds the answers to a ClusterStore.
// Starts from the configured member URLs, learns the others from each answer's api_url, and when the
// member it asks for /cluster does not answer, asks the next one in the same poll: the cluster stays
// observable while any one member is down. All members are asked in parallel, never more than one
// request in flight per endpoint.
class PatroniPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatroniPoller)
public:
    PatroniPoller(QNetworkAccessManager* nam, Cluster::ClusterStore* store, const QList<QUrl>& seedUrls,
        QObject* parent = nullptr);

    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    void setDeadline(int ms) { m_options.deadlineMs = ms; }
    void setSslConfiguration(const QSslConfiguration& ssl) { m_options.ssl = ssl; }
    void start();
    void stop();
    // Poll now; endpoints whose previous request is still running are skipped this time.
    void pollNow();
    void setPollMembers(bool enabled) { m_pollMembers = enabled; }

    QList<QUrl> knownUrls() const { return m_urls; }

Q_SIGNALS:
    // GET /cluster of this round is done (ok: some member answered usably).
    void pollFinished(bool ok);
    // GET /cluster and every member's GET /patroni of this round are done.
    void roundFinished();

private:
    void pollCluster();
    void pollMembers();
    void finishRoundIfDone();
    // GET /config and GET /history: every tenth round, and at once after the leader changes.
    void pollConfigAndHistory(const QUrl& base);
    void tryUrl(int index, int attempt, QList<Cluster::SourceError> errors);
    void learnUrls();

    QNetworkAccessManager* m_nam;
    Cluster::ClusterStore* m_store;
    QList<QUrl> m_urls; // base URLs: scheme://host:port
    int m_preferred = 0;
    bool m_inFlight = false; // GET /cluster
    QSet<QUrl> m_memberInFlight; // GET /patroni per member API
    // Backoff for a member API that keeps failing: after the first failure (reported at once) it is
    // asked every second round, then every third, at most every fourth — a dead node costs little,
    // and one that comes back is seen within four rounds.
    QHash<QUrl, int> m_memberFailures;
    QHash<QUrl, int> m_memberSkip;
    bool m_roundOpen = false;
    int m_rounds = 0;
    bool m_slowDue = true;
    int m_slowInFlight = 0;
    FetchOptions m_options;
    bool m_pollMembers = true;
    QTimer m_timer;
};

// http://127.0.0.1:8008/patroni -> http://127.0.0.1:8008
QUrl apiBase(const QUrl& url);

} // namespace Sources
