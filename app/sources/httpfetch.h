#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace Sources {

// HTTP basic authentication (HAProxy's `stats auth`, a proxy in front of Patroni). The password comes
// from the keychain; it is never part of a message.
struct BasicAuth {
    QString user;
    QString password;
};

struct FetchOptions {
    int deadlineMs = 2000; // total: a peer that trickles bytes forever is cut here
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    QString sourceName; // "patroni API http://127.0.0.1:8008", used in errors
    std::optional<QByteArray> postJson; // POST this JSON body instead of a GET (etcd's v3 gateway)
    QByteArray method; // "PATCH", "DELETE", …; empty: POST with postJson, else GET (the body goes with any)
    std::optional<QSslConfiguration> ssl; // the profile's CAs and client certificate, for https URLs
    std::optional<BasicAuth> basicAuth;
};

struct FetchResult {
    QByteArray body;
    int httpStatus = 0;
    Cluster::SourceError error;
    qint64 elapsedMs = 0;
};

// The console's HTTP client: one per application, shared by every session. Patroni, HAProxy's stats
// page and etcd's gateway are small answers from peers that close the connection after each one
// (Patroni speaks HTTP/1.0 without keep-alive), asked a thousand times a second by a fleet: so a
// request here is one non-blocking socket, one HTTP/1.0 exchange and nothing else — no proxy lookup,
// no cookie jar, no timer of its own (one sweeper checks every deadline). https goes through
// QSslSocket with the profile's TLS settings. Redirects are never followed (credentials must not go
// to another host): a 3xx is reported as such.
class HttpClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override;

    // Requests started and not finished yet (a hung peer holds one until its deadline).
    int inFlight() const { return int(m_active.size()); }
    quint64 requestsStarted() const { return m_started; }

    // Answers are handed to their callers (parse, store, checks, models) in slices of at most this
    // long; then the event loop turns (input, painting) before the next slice. A burst of answers — a
    // fleet's network coming back, a slow peer answering a backlog — must not freeze the window.
    static constexpr int sliceMs = 2;

private:
    friend class Exchange;
    friend void fetch(HttpClient*, const QUrl&, const FetchOptions&, QObject*, std::function<void(const FetchResult&)>);
    struct Delivery {
        QPointer<QObject> context;
        std::function<void(const FetchResult&)> done;
        FetchResult result;
    };
    void add(class Exchange* exchange);
    void remove(class Exchange* exchange);
    void deliver(Delivery delivery);
    void drain();
    void sweep();

    QList<class Exchange*> m_active;
    std::deque<Delivery> m_deliveries; // answers not yet handed on, oldest first
    bool m_drainPosted = false;
    QTimer m_sweeper;
    quint64 m_started = 0;
};

// GET (or POST) `url` with a total deadline, a body cap and no redirects. `done` runs exactly once,
// in `context`'s thread, never from inside fetch(), unless `context` dies first.
void fetch(HttpClient* client, const QUrl& url, const FetchOptions& options, QObject* context,
    std::function<void(const FetchResult&)> done);

} // namespace Sources
