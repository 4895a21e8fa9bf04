#include "app/postgres/lagprobe.h"

#include "app/postgres/asyncconnection.h"

using namespace Qt::StringLiterals;

namespace Postgres {

namespace {

    QString keyOf(const QString& host, int port)
    {
        return host + u':' + QString::number(port);
    }

} // namespace

LagProbe::LagProbe(QObject* parent)
    : QObject(parent)
{
}

bool LagProbe::isProbing(const QString& host, int port) const
{
    return m_inFlight.contains(keyOf(host, port));
}

bool LagProbe::probePrimary(const ConnectionParams& params)
{
    const QString key = keyOf(params.host, params.port);
    if (m_inFlight.contains(key))
        return false;
    m_inFlight.insert(key);
    queryOnce(params, replicationStatsSql(), {}, this, [this, key, params](const OneShotResult& r) {
        m_inFlight.remove(key);
        PrimaryLagReading reading;
        reading.host = params.host;
        reading.port = params.port;
        reading.connectMs = r.connectMs;
        reading.totalMs = r.totalMs;
        ReplicationParseResult parsed = parseReplicationStats(r.result);
        reading.snapshot = std::move(parsed.snapshot);
        reading.error = parsed.error;
        if (reading.error.isError() && reading.error.source.isEmpty())
            reading.error.source = params.sourceName();
        reading.warnings = parsed.warnings;
        Q_EMIT primaryProbed(reading);
    });
    return true;
}

bool LagProbe::probeReplica(const ConnectionParams& params)
{
    const QString key = keyOf(params.host, params.port);
    if (m_inFlight.contains(key))
        return false;
    m_inFlight.insert(key);
    queryOnce(params, replicaStatusSql(), {}, this, [this, key, params](const OneShotResult& r) {
        m_inFlight.remove(key);
        ReplicaLagReading reading;
        reading.host = params.host;
        reading.port = params.port;
        reading.connectMs = r.connectMs;
        reading.totalMs = r.totalMs;
        ReplicaParseResult parsed = parseReplicaStatus(r.result);
        reading.status = std::move(parsed.status);
        reading.error = parsed.error;
        if (reading.error.isError() && reading.error.source.isEmpty())
            reading.error.source = params.sourceName();
        reading.warnings = parsed.warnings;
        Q_EMIT replicaProbed(reading);
    });
    return true;
}

} // namespace Postgres
