#pragma once

#include "app/sources/poller.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/member.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QUrl>

namespace Sources {

// Polls GET /cluster and every member's own GET /patroni, and feeds the answers to a ClusterStore
// (which it never reads back: the member list comes from its own last good answer). Starts from the
// configured member URLs, learns the others from each answer's api_url, and when the member it asks
// for /cluster does not answer, asks the next one in the same poll: the cluster stays observable while
// any one member is down. All members are asked in parallel, never more than one request in flight
// per endpoint. GET /config, /history and /metrics every tenth round and right after the DCS names
// another leader. With credentials, a check that the REST API takes them (see ApiAuthCheck) in the
// round after they are set and every few minutes.
//
// A round is /cluster, then the members' /patroni (and the slow reads when due). A member API that
// hangs does not hold back the next round: at the next tick the round ends without it, its request
// stays in flight (that member is skipped until it answers or its deadline passes).
class PatroniPoller final : public Poller {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatroniPoller)
public:
    PatroniPoller(Sources::HttpClient* http, Cluster::ClusterStore* store, const QList<QUrl>& seedUrls,
        QObject* parent = nullptr);

    void setPollMembers(bool enabled) { m_pollMembers = enabled; }
    // How often the credentials are checked (PATCH /config with `{}`: changes nothing, answers 401 when
    // the password is wrong): with the round after they were set, then at this interval.
    static constexpr int defaultCredentialCheckMs = 5 * 60 * 1000;
    void setCredentialCheckInterval(int ms) { m_authEveryMs = ms; }
    // GET /config, /history and /metrics with the next round (e.g. after an action changed them).
    void requestSlowReads() { m_slowDue = true; }
    QList<QUrl> knownUrls() const { return m_urls; }

Q_SIGNALS:
    // GET /cluster of this round is done (ok: some member answered usably).
    void pollFinished(bool ok);

protected:
    void startRound() override;
    bool releaseStalledRound() override;
    void credentialsChanged() override { m_authDue = true; }

private:
    void pollMembers();
    void finishRoundIfDone();
    void flushAnswers();
    void pollSlow(const QUrl& base);
    void tryUrl(int index, int attempt, QList<Cluster::SourceError> errors);
    void learnUrls();
    void checkCredentials(const QUrl& base);
    // The options for a request to `url`: without the password when the cluster is configured for
    // https and `url` is plain http (an api_url the DCS gave) — it would travel in clear.
    FetchOptions optionsFor(const QUrl& url, const QString& sourceName) const;

    Cluster::ClusterStore* m_store; // written, never read
    QList<QUrl> m_seeds; // the configured base URLs: scheme://host:port
    QList<QUrl> m_urls; // the one that answered last, the seeds, the members' own
    QList<Cluster::Member> m_members; // as the last good GET /cluster listed them
    QList<QUrl> m_learnedApis; // the members' API addresses m_urls was last built from
    QString m_lastLeader; // the DCS's single leader in that answer
    int m_preferred = 0;
    bool m_clusterInFlight = false;
    bool m_roundOk = false;
    QSet<QUrl> m_memberInFlight; // GET /patroni per member API, whichever round started it
    QSet<QUrl> m_roundMembers; // those this round waits for
    QList<Cluster::ClusterStore::MemberAnswer> m_answers; // this round's, until the last is in
    // Backoff for a member API that keeps failing: after the first failure (reported at once) it is
    // asked every second round, then every third, at most every fourth — a dead node costs little,
    // and one that comes back is seen within four rounds.
    QHash<QUrl, int> m_memberFailures;
    QHash<QUrl, int> m_memberSkip;
    int m_rounds = 0;
    bool m_slowDue = true;
    int m_slowInFlight = 0;
    bool m_pollMembers = true;
    bool m_seedsHttps = false; // a configured URL is https
    bool m_authDue = true;
    bool m_authInFlight = false;
    int m_authEveryMs = defaultCredentialCheckMs;
    QElapsedTimer m_authChecked; // since the last verdict
};

// http://127.0.0.1:8008/patroni -> http://127.0.0.1:8008
QUrl apiBase(const QUrl& url);

} // namespace Sources
