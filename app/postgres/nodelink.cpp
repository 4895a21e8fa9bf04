#include "app/postgres/nodelink.h"

#include "app/postgres/asyncconnection.h"

#include <QElapsedTimer>

namespace Postgres {

NodeLink::NodeLink(QObject* parent)
    : QObject(parent)
{
}

NodeLink::~NodeLink() = default;

void NodeLink::setParams(const ConnectionParams& params)
{
    const bool same = params.host == m_params.host && params.port == m_params.port && params.dbname == m_params.dbname
        && params.user == m_params.user && params.password == m_params.password && params.sslmode == m_params.sslmode
        && params.sslrootcert == m_params.sslrootcert;
    m_params = params;
    if (!same) {
        close();
        m_failures = 0;
        m_skip = 0;
    }
}

bool NodeLink::isConnected() const
{
    return m_conn && m_conn->state() == AsyncConnection::State::Ready;
}

void NodeLink::close()
{
    if (m_conn) {
        m_conn->close();
        m_conn->deleteLater();
        m_conn = nullptr;
    }
    if (m_busy) {
        // A read under way still ends in its one readFinished(), later, never from inside close().
        NodeReading r = m_pending;
        r.error.code = Cluster::SourceError::Code::ConnectionReset;
        r.error.source = m_params.sourceName();
        r.error.detail = QStringLiteral("the console closed the connection (its settings changed)");
        QMetaObject::invokeMethod(
            this, [this, r] { deliver(r); }, Qt::QueuedConnection);
    }
}

NodeLink::Start NodeLink::read(bool asPrimary)
{
    if (m_busy)
        return Start::Busy;
    if (m_skip > 0) {
        --m_skip;
        return Start::BackingOff;
    }
    m_busy = true;
    m_asPrimary = asPrimary;
    m_pending = {};
    m_pending.host = m_params.host;
    m_pending.port = m_params.port;
    m_pending.asPrimary = asPrimary;
    if (isConnected()) {
        // Deliver asynchronously even now: callers count on no signal from inside read().
        QMetaObject::invokeMethod(this, &NodeLink::runQuery, Qt::QueuedConnection);
        return Start::Started;
    }
    if (m_conn) {
        m_conn->deleteLater(); // a lost or failed connection: a fresh one
        m_conn = nullptr;
    }
    m_conn = new AsyncConnection(this);
    AsyncConnection* conn = m_conn;
    connect(conn, &AsyncConnection::connected, this, [this, conn](qint64 ms) {
        if (conn != m_conn)
            return;
        m_pending.newConnection = true;
        m_pending.connectMs = ms;
        runQuery();
    });
    connect(conn, &AsyncConnection::connectFailed, this, [this, conn](const Cluster::SourceError& e) {
        if (conn != m_conn)
            return;
        fail(e);
    });
    // Lost while idle: nothing to report now; the next read reconnects.
    ++m_opened;
    conn->open(m_params);
    return Start::Started;
}

void NodeLink::runQuery()
{
    if (!m_busy || !isConnected()) {
        if (m_busy) {
            Cluster::SourceError e;
            e.code = Cluster::SourceError::Code::ConnectionReset;
            e.source = m_params.sourceName();
            e.detail = QStringLiteral("the connection was lost before the query");
            fail(e);
        }
        return;
    }
    AsyncConnection* conn = m_conn;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto handled = std::make_shared<QMetaObject::Connection>();
    *handled = connect(conn, &AsyncConnection::queryFinished, this, [this, conn, clock, handled](const QueryResult& r) {
        disconnect(*handled);
        if (conn != m_conn)
            return;
        m_pending.totalMs = m_pending.connectMs + clock->elapsed();
        if (m_asPrimary) {
            ReplicationParseResult parsed = parseReplicationStats(r);
            m_pending.snapshot = std::move(parsed.snapshot);
            m_pending.error = parsed.error;
            m_pending.warnings = parsed.warnings;
        } else {
            ReplicaParseResult parsed = parseReplicaStatus(r);
            m_pending.status = std::move(parsed.status);
            m_pending.error = parsed.error;
            m_pending.warnings = parsed.warnings;
        }
        if (m_pending.error.isError() && m_pending.error.source.isEmpty())
            m_pending.error.source = m_params.sourceName();
        // An error that closed the connection (reset, deadline) counts as the node failing; an SQL
        // error on a live connection does not.
        if (m_pending.error.isError() && conn->state() != AsyncConnection::State::Ready) {
            fail(m_pending.error);
            return;
        }
        m_failures = 0;
        m_lastError = m_pending.error;
        deliver(m_pending);
    });
    if (!conn->query(m_asPrimary ? replicationStatsSql() : replicaStatusSql())) {
        disconnect(*handled);
        Cluster::SourceError e;
        e.code = Cluster::SourceError::Code::NetworkError;
        e.source = m_params.sourceName();
        e.detail = QStringLiteral("the connection was not ready for a query");
        fail(e);
    }
}

void NodeLink::fail(const Cluster::SourceError& error)
{
    ++m_failures;
    m_skip = std::min(m_failures - 1, 4);
    m_lastError = error;
    if (m_conn) {
        m_conn->deleteLater();
        m_conn = nullptr;
    }
    NodeReading r = m_pending;
    r.error = error;
    r.snapshot.reset();
    r.status.reset();
    deliver(r);
}

void NodeLink::deliver(NodeReading reading)
{
    m_busy = false;
    Q_EMIT readFinished(reading);
}

} // namespace Postgres
