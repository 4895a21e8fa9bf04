#pragma once

#include "app/credentials/credentialstore.h"
#include "models/session/clustersession.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <optional>

namespace Sources {
class HttpClient;
}

namespace Sources {
class EtcdPoller;
class EtcdWatch;
class HaproxyPoller;
class PatroniPoller;
class Poller;
class PostgresPoller;
} // namespace Sources

namespace App {

class ActionExecutor;

// A cluster's session with its sources: the Patroni, HAProxy, etcd and PostgreSQL pollers (one list,
// one shape, each at its own interval), the profile's TLS settings, and its credentials from the
// keychain, read asynchronously and handed to the pollers that need them. Nothing waits on another
// session: a hung, slow or hostile cluster delays only itself.
class LiveSession final : public Session::ClusterSession {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveSession)
public:
    // How long a source that needs a password waits for the keychain before polling without it (a
    // locked keyring may never answer where nobody can unlock it).
    static constexpr int keychainPatienceMs = 5000;

    LiveSession(Sources::HttpClient* http, const Cluster::Profile& profile, const Session::SessionOptions& options,
        QObject* parent = nullptr);
    ~LiveSession() override;

    // Secrets to use instead of the keychain's (the cluster dialog's "Test connection" with passwords
    // not saved yet). Call before start() or pollOnce().
    void provideSecrets(const QHash<Cluster::SecretKind, QString>& secrets) { m_given = secrets; }

    void start() override;
    void stop() override;
    void pollOnce() override;
    // Created on first use, with the audit log at ActionExecutor::defaultAuditPath().
    Actions::Controller* actions() override;
    ActionExecutor* executor();

    QList<Sources::Poller*> sources() const { return m_sources; }
    // The Patroni REST API's password as the keychain (or the dialog) gave it; empty when none.
    QString patroniApiPassword() const { return m_apiPassword; }
    // A password typed in the window (asked for when the keychain had none), for `user` (empty: the
    // profile's): used from now on — by the pollers too, which check it with their next round — and
    // redacted wherever the console writes for people.
    void usePatroniApiPassword(const QString& password, const QString& user = {});
    Sources::PatroniPoller* patroni() const { return m_patroni; }
    Sources::HaproxyPoller* haproxy() const { return m_haproxy; }
    Sources::EtcdPoller* etcd() const { return m_etcd; }
    Sources::PostgresPoller* postgres() const { return m_postgres; }
    // The watch of the leader key in etcd (when the profile names etcd); it starts once Patroni has
    // told the cluster's scope, and only while the session runs (start(), not pollOnce()).
    Sources::EtcdWatch* etcdWatch() const { return m_watch; }

    // After the watch reports a new leader, Patroni rounds follow at this pace until the DCS's view
    // that Patroni serves names it too (its own cache of etcd may lag by a few milliseconds), at most
    // maxFollowUps times; then the ordinary interval takes over.
    static constexpr int followUpMs = 25;
    static constexpr int maxFollowUps = 8;

private:
    void readSecrets();
    void secretRead(Cluster::SecretKind kind, const Credentials::Result& result);
    void handOnTopology();
    void sourceRoundDone(Sources::Poller* source);
    void finishRoundIfDone();
    void startWaitingSources();
    void followWatch();
    void leaderKeyChanged(const QByteArray& value, bool deleted);

    Sources::HttpClient* m_http;
    ActionExecutor* m_executor = nullptr;
    QList<Sources::Poller*> m_sources;
    Sources::PatroniPoller* m_patroni;
    Sources::HaproxyPoller* m_haproxy = nullptr; // when the profile names a stats URL
    Sources::EtcdPoller* m_etcd = nullptr; // when the profile names etcd URLs
    Sources::PostgresPoller* m_postgres = nullptr; // when the profile names a PostgreSQL user
    Sources::EtcdWatch* m_watch = nullptr; // when the profile names etcd URLs
    QString m_watchedScope; // the scope whose leader key the watch was given
    std::optional<QString> m_watchedLeader; // the leader the watch reported, until Patroni's view agrees
    int m_followUps = 0;
    Credentials::CredentialStore m_credentials;
    QHash<Cluster::SecretKind, QString> m_given;
    QString m_apiPassword;
    // Secrets still being read (bits of 1 << SecretKind); the sources that need them start once they
    // are in, or when the keychain's patience has run out.
    int m_awaiting = 0;
    QTimer m_patience;
    bool m_patienceOver = false;
    bool m_running = false; // start() (continuous) rather than pollOnce()
    bool m_oneShot = false;
    bool m_patroniRoundDone = false;
    bool m_haproxyStarted = false;
    bool m_postgresStarted = false;
    QSet<Sources::Poller*> m_reported; // sources that have finished a round since start()/pollOnce()
    bool m_awaitingRound = false;
};

} // namespace App
