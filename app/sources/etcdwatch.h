#pragma once

#include "models/cluster/sourceerror.h"
#include "models/etcd/watchstream.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <optional>

class QSslSocket;

namespace Sources {

// Follows one key in etcd — the cluster's leader key — through the v3 JSON gateway's streaming
// `POST /v3/watch`, so that a switchover or failover reaches the console as soon as Patroni writes it
// to the DCS instead of up to a poll later. Every event on the key (a new value, a deletion, an
// expiry of its lease) is reported by keyChanged(); the session answers with an immediate Patroni
// round. It only speeds things up: polling goes on as before, so a watch that cannot be set up costs
// nothing but that speed.
//
// One connection at a time, to one of the client URLs (the next one after a failure). It reconnects
// by itself after 0.5 s, 1 s, 2 s … up to 30 s (back to 0.5 s once a watch was in place). Bounded like
// every source: the watch must be confirmed by etcd ("created") within the deadline, a message may be
// at most 1 MiB, headers at most 16 KiB (Etcd::WatchStream), and a peer that sends garbage is dropped.
class EtcdWatch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EtcdWatch)
public:
    static constexpr int firstRetryMs = 500;
    static constexpr int maxRetryMs = 30000;

    EtcdWatch(const QList<QUrl>& clientUrls, QObject* parent = nullptr);
    ~EtcdWatch() override;

    void setDeadline(int ms) { m_deadlineMs = ms; }
    void setSslConfiguration(const QSslConfiguration& ssl) { m_ssl = ssl; }

    // Watches `key` (e.g. "/service/batman/leader") from now on; another key replaces the watch.
    void watch(const QByteArray& key);
    void stop();
    // etcd said this endpoint is unhealthy or does not answer: a watch through it may be deaf (a
    // member cut off from the quorum, a frozen process), so move to another one.
    void endpointFailed(const QUrl& url);

    QByteArray key() const { return m_key; }
    bool isWatching() const { return m_created; } // etcd confirmed the watch
    QUrl endpoint() const; // the client URL in use (or being tried)
    quint64 eventsSeen() const { return m_events; }
    quint64 connectionsStarted() const { return m_connections; }
    const Cluster::SourceError& lastError() const { return m_lastError; }

Q_SIGNALS:
    // The key was written (value: the new value, for the leader key the member's name) or deleted
    // (value empty, deleted true). `at` is when the event arrived.
    void keyChanged(const QByteArray& value, bool deleted, const QDateTime& at);
    // The watch is in place (true) or was lost (false; lastError() says why).
    void watchingChanged(bool watching);

private:
    void connectNow();
    void closeSocket();
    void failed(const Cluster::SourceError& error);
    void readAvailable();
    void scheduleRetry();

    QList<QUrl> m_urls;
    int m_urlIndex = 0;
    int m_deadlineMs = 2000;
    std::optional<QSslConfiguration> m_ssl;
    QByteArray m_key;
    QSslSocket* m_socket = nullptr;
    Etcd::WatchStream m_stream;
    bool m_created = false;
    bool m_stopped = true;
    int m_retryMs = firstRetryMs;
    QTimer m_retry;
    QTimer m_deadline; // from connecting until etcd confirms the watch
    quint64 m_events = 0;
    quint64 m_connections = 0;
    Cluster::SourceError m_lastError;
};

} // namespace Sources
