#pragma once

#include "app/postgres/connectionparams.h"
#include "models/cluster/sourceerror.h"
#include "models/postgres/queryresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class QHostInfo;
class QSocketNotifier;
struct pg_conn; // libpq's PGconn; libpq stays a private dependency of console_services

namespace Postgres {

// One libpq connection that never blocks the thread it lives in: PQconnectStartParams/PQconnectPoll
// and PQsendQueryParams/PQconsumeInput/PQgetResult, driven by QSocketNotifiers, with a total deadline
// of our own for connecting and for each statement (libpq's connect_timeout is whole seconds, at least
// two). Host names are resolved with QHostInfo first and handed to libpq as hostaddr, because libpq's
// own getaddrinfo() would block.
//
// Signals are emitted last in each handler; a receiver may deleteLater() the connection from a slot
// (not delete it).
class AsyncConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AsyncConnection)
public:
    enum class State {
        Idle, // never opened
        Resolving, // waiting for QHostInfo
        Connecting, // TCP, TLS, startup and authentication
        Ready, // connected, no statement running
        Busy, // a statement is running
        Closed, // failed, lost, abandoned at a deadline, or closed: open() again to reconnect
    };
    Q_ENUM(State)

    explicit AsyncConnection(QObject* parent = nullptr);
    ~AsyncConnection() override;

    // Starts connecting. Exactly one of connected() or connectFailed() follows, never from inside
    // open() itself. Opening again abandons whatever was under way, silently.
    void open(const ConnectionParams& params);
    // Sends one statement (no multi-statement strings) with text parameters; a null QString is SQL
    // NULL. Only while Ready: returns false otherwise. Exactly one queryFinished() follows.
    // deadlineMs < 0: params().queryDeadlineMs.
    bool query(const QString& sql, const QStringList& parameters = {}, int deadlineMs = -1);
    // Abandons everything without a signal and frees the connection.
    void close();

    State state() const { return m_state; }
    const ConnectionParams& params() const { return m_params; }
    QString sourceName() const { return m_params.sourceName(); }
    int serverVersion() const; // 150018 for 15.18; 0 when not connected
    int backendPid() const; // 0 when not connected

Q_SIGNALS:
    void connected(qint64 elapsedMs);
    void connectFailed(const Cluster::SourceError& error);
    void queryFinished(const Postgres::QueryResult& result);
    // A Ready connection went away: server restart, failover, HAProxy shutting the session down.
    void connectionLost(const Cluster::SourceError& error);

private:
    void handleHostResolved(const QHostInfo& info, quint64 generation);
    void startConnect(const QStringList& addresses);
    void pollConnect();
    void handleReadable();
    void handleWritable();
    void handleDeadline();
    void flushOutput();
    void readResults();
    void finishQuery();
    void failConnect(const Cluster::SourceError& error);
    void failConnectLater(const Cluster::SourceError& error);
    // Points the notifiers at libpq's current socket; false when libpq has none any more.
    bool watch(bool read, bool write);
    void dropNotifiers();
    // Frees the PGconn and the notifiers and invalidates every pending callback.
    void release();
    Cluster::SourceError errorFrom(Cluster::SourceError::Code code, const QString& detail) const;
    Cluster::SourceError errorFromLibpq() const;
    QString connectStage() const;

    ConnectionParams m_params;
    State m_state = State::Idle;
    pg_conn* m_conn = nullptr;
    int m_fd = -1;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    int m_lookupId = -1;
    quint64 m_generation = 0; // bumped by release(): stale lookups and posted failures are ignored
    QTimer m_deadline;
    int m_deadlineMs = 0;
    QElapsedTimer m_clock; // connect: since open(); query: since query()
    QueryResult m_result;
    bool m_resultIsCopy = false;
};

// What queryOnce() delivers.
struct OneShotResult {
    QueryResult result; // result.error covers connect failures too
    bool connected = false;
    qint64 connectMs = 0; // open() to connected (or to the failure)
    qint64 totalMs = 0; // open() to the result
    int serverVersion = 0;
};

// Connects, runs one statement, closes. `done` runs exactly once in `context`'s thread unless `context`
// is destroyed first (the connection is its child and dies with it).
void queryOnce(const ConnectionParams& params, const QString& sql, const QStringList& parameters, QObject* context,
    std::function<void(const OneShotResult&)> done);

// The libpq this program runs with (PQlibVersion): "15.18"; for --version.
QString libpqVersion();

} // namespace Postgres
