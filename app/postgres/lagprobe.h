#pragma once

#include "app/postgres/connectionparams.h"
#include "models/cluster/sourceerror.h"
#include "models/postgres/replicastatus.h"
#include "models/postgres/replicationstat.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Postgres {

// One reading of pg_stat_replication on a node meant to be the primary.
struct PrimaryLagReading {
    QString host;
    int port = 0;
    std::optional<ReplicationSnapshot> snapshot; // set when the query answered
    Cluster::SourceError error; // set when it did not
    QStringList warnings; // e.g. details hidden for lack of pg_read_all_stats
    qint64 connectMs = 0;
    qint64 totalMs = 0;
};

// One reading of a standby's own recovery state.
struct ReplicaLagReading {
    QString host;
    int port = 0;
    std::optional<ReplicaStatus> status;
    Cluster::SourceError error;
    QStringList warnings;
    qint64 connectMs = 0;
    qint64 totalMs = 0;
};

// Asks PostgreSQL itself for replication lag in seconds and bytes: the primary's pg_stat_replication, or
// a standby's recovery functions and pg_stat_wal_receiver. Every probe is a fresh connection (a poll
// every few seconds does not justify holding one open through failovers), never blocks, and ends in
// exactly one signal. The details need a role with pg_monitor (or a superuser): an unprivileged role
// gets rows with the details hidden, flagged as such.
class LagProbe final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagProbe)
public:
    explicit LagProbe(QObject* parent = nullptr);

    // false (and no signal) while a probe of the same host:port is still running.
    bool probePrimary(const ConnectionParams& params);
    bool probeReplica(const ConnectionParams& params);
    bool isProbing(const QString& host, int port) const;

Q_SIGNALS:
    void primaryProbed(const Postgres::PrimaryLagReading& reading);
    void replicaProbed(const Postgres::ReplicaLagReading& reading);

private:
    QSet<QString> m_inFlight; // "host:port"
};

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::PrimaryLagReading)
Q_DECLARE_METATYPE(Postgres::ReplicaLagReading)
