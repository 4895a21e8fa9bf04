#pragma once

#include "models/cluster/sourceerror.h"
#include "models/postgres/queryresult.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postgres {

// One row of pg_stat_replication on the primary: one WAL sender, i.e. one connected standby.
struct ReplicationStat {
    int pid = 0;
    QString applicationName; // Patroni sets it to the member name
    QString clientAddr; // host(client_addr): no "/32"; empty over a Unix socket
    QString state; // startup, catchup, streaming, backup, stopping
    QString syncState; // async, potential, sync, quorum
    QString sentLsn;
    QString writeLsn;
    QString flushLsn;
    QString replayLsn;
    // Bytes between the primary's current WAL position and each of the standby's, computed by
    // pg_wal_lsn_diff() in SQL (LSN arithmetic stays on the server). Absent when the LSN is NULL.
    std::optional<qint64> sentLagBytes;
    std::optional<qint64> writeLagBytes;
    std::optional<qint64> flushLagBytes;
    std::optional<qint64> replayLagBytes;
    // Seconds, as PostgreSQL measures them. NULL once the standby has caught up and the primary is
    // idle: that is "nothing to measure", not zero, and stays absent.
    std::optional<double> writeLagSeconds;
    std::optional<double> flushLagSeconds;
    std::optional<double> replayLagSeconds;
    // The role asking lacks pg_read_all_stats / pg_monitor: PostgreSQL shows the row but NULLs the
    // details (state, LSNs, client address). Ask as a superuser or grant pg_monitor.
    bool detailsHidden = false;

    friend bool operator==(const ReplicationStat&, const ReplicationStat&) = default;
};

// What the primary-side query tells: the node's own role and position, and one row per standby.
struct ReplicationSnapshot {
    bool inRecovery = false; // true: this was not a primary (a cascading standby lists its own senders)
    QString currentLsn; // pg_current_wal_lsn() on a primary, the receive LSN on a standby
    QList<ReplicationStat> stats;

    friend bool operator==(const ReplicationSnapshot&, const ReplicationSnapshot&) = default;
};

struct ReplicationParseResult {
    std::optional<ReplicationSnapshot> snapshot;
    Cluster::SourceError error;
    QStringList warnings;
};

// The primary-side statement. One row per standby; a single row with NULL sender columns when there
// is none, so the node's own role and position come back either way.
QString replicationStatsSql();

// Pure: reads the columns of replicationStatsSql() by name.
ReplicationParseResult parseReplicationStats(const QueryResult& result);

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::ReplicationSnapshot)
