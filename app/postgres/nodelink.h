#pragma once

#include "app/postgres/connectionparams.h"
#include "models/cluster/sourceerror.h"
#include "models/postgres/replicastatus.h"
#include "models/postgres/replicationstat.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace Postgres {

class AsyncConnection;

// One lag reading of one node: the primary's pg_stat_replication, or a standby's own recovery state.
struct NodeReading {
    QString host;
    int port = 0;
    bool asPrimary = false; // which statement was asked
    std::optional<ReplicationSnapshot> snapshot; // asPrimary and answered
    std::optional<ReplicaStatus> status; // !asPrimary and answered
    Cluster::SourceError error; // set when it did not answer
    QStringList warnings; // e.g. details hidden for lack of pg_read_all_stats
    bool newConnection = false; // this reading had to connect first
    qint64 connectMs = 0;
    qint64 totalMs = 0;
};

// One persistent libpq connection to one node, for the lag queries every poll: a console must not
// fork a backend and run a SCRAM handshake on every node every two seconds (nor leave a log line
// each time where log_connections is on). Connects on the first read, keeps the connection, and
// reconnects on the next read after it is lost (failover, restart, terminated) — after repeated
// failures only every second, third… read, at most every fifth. Never blocks; exactly one
// readFinished() per read() that returned Started, never from inside read().
class NodeLink final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeLink)
public:
    enum class Start {
        Started,
        Busy, // the previous read is still running
        BackingOff, // the node failed repeatedly: lastError() is still its state
    };

    explicit NodeLink(QObject* parent = nullptr);
    ~NodeLink() override;

    // Where and as whom. Another host, port, database, user or password closes the connection.
    void setParams(const ConnectionParams& params);
    const ConnectionParams& params() const { return m_params; }
    Start read(bool asPrimary);
    void close();

    bool isConnected() const;
    const Cluster::SourceError& lastError() const { return m_lastError; }
    quint64 connectionsOpened() const { return m_opened; }

Q_SIGNALS:
    void readFinished(const Postgres::NodeReading& reading);

private:
    void runQuery();
    void fail(const Cluster::SourceError& error);
    void deliver(NodeReading reading);

    ConnectionParams m_params;
    AsyncConnection* m_conn = nullptr;
    bool m_busy = false;
    bool m_asPrimary = false;
    NodeReading m_pending;
    int m_failures = 0;
    int m_skip = 0;
    quint64 m_opened = 0;
    Cluster::SourceError m_lastError;
};

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::NodeReading)
