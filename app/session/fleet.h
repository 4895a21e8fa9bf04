#pragma once

#include "models/cluster/profile.h"
#include "models/session/clustersession.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <optional>

namespace Sources {
class HttpClient;
}

namespace App {

class LiveSession;

// What the command line may override in every profile: only options actually given.
struct ProfileOverrides {
    std::optional<int> patroniIntervalMs;
    std::optional<int> requestDeadlineMs;
};

// A cluster that is not saved, from its members' API URLs: Patroni only, named after the first URL
// (that name keys its journal and its keychain entries).
Cluster::Profile adHocProfile(const QList<QUrl>& patroniUrls);
Cluster::Profile applyOverrides(Cluster::Profile profile, const ProfileOverrides& overrides);

// Where the window keeps each cluster's journal (JSON Lines, one file per profile name); the
// command line reads it from there (snapshot, history) and never writes it.
QString journalDirectory();

// The sessions of one console: one per profile, sharing one network access manager and nothing else.
class Fleet final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Fleet)
public:
    Fleet(Sources::HttpClient* http, const Session::SessionOptions& options, QObject* parent = nullptr);

    LiveSession* add(const Cluster::Profile& profile);
    // The session of that name stops and goes; a new one for `profile` takes its place (or is added).
    LiveSession* replace(const Cluster::Profile& profile);
    // Stops and deletes the session of that name (later, from the event loop: views may still hold it
    // for this turn). False when there is none.
    bool remove(const QString& name);
    QList<Session::ClusterSession*> sessions() const;
    QList<LiveSession*> liveSessions() const { return m_sessions; }

    void startAll();
    // Every session once; allRoundsFinished() when each has reported its round.
    void pollOnceAll();

Q_SIGNALS:
    void allRoundsFinished();

private:
    Sources::HttpClient* m_http;
    Session::SessionOptions m_options;
    QList<LiveSession*> m_sessions;
    int m_pending = 0;
};

} // namespace App
