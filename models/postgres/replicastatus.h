#pragma once

#include "models/cluster/sourceerror.h"
#include "models/postgres/queryresult.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postgres {

// pg_stat_wal_receiver, when the standby runs a WAL receiver.
struct WalReceiverStatus {
    int pid = 0;
    QString status; // streaming, starting, waiting, restarting, stopping
    QString senderHost;
    int senderPort = 0;
    // The role lacks pg_read_all_stats: PostgreSQL shows only the pid, the rest is NULL.
    bool detailsHidden = false;

    friend bool operator==(const WalReceiverStatus&, const WalReceiverStatus&) = default;
};

// A standby's own view of its replication, from the recovery functions.
struct ReplicaStatus {
    bool inRecovery = false; // false: this node is a primary and the rest means little
    QString receiveLsn; // pg_last_wal_receive_lsn(); empty when nothing was streamed (archive recovery)
    QString replayLsn; // pg_last_wal_replay_lsn()
    // receive == replay: everything received has been replayed. With a growing replayDelaySeconds this
    // tells an idle primary (nothing new to replay) from a standby that is really behind.
    std::optional<bool> caughtUp;
    std::optional<qint64> replayGapBytes; // received but not yet replayed
    // Commit time of the last replayed transaction. NULL until the first commit after the standby
    // started: absent, not "the epoch".
    std::optional<QDateTime> lastReplayTimestamp;
    // now() - lastReplayTimestamp, in seconds, by the standby's clock. Grows while the primary is idle.
    std::optional<double> replayDelaySeconds;
    std::optional<bool> replayPaused; // pg_wal_replay_pause() in effect
    std::optional<WalReceiverStatus> walReceiver; // absent when no WAL receiver runs

    // The delay that matters: zero when caught up (idle primary), the measured delay otherwise.
    std::optional<double> effectiveDelaySeconds() const;

    friend bool operator==(const ReplicaStatus&, const ReplicaStatus&) = default;
};

struct ReplicaParseResult {
    std::optional<ReplicaStatus> status;
    Cluster::SourceError error;
    QStringList warnings;
};

// The standby-side statement; also valid on a primary (inRecovery false, most fields NULL).
QString replicaStatusSql();

// Pure: reads the columns of replicaStatusSql() by name.
ReplicaParseResult parseReplicaStatus(const QueryResult& result);

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::ReplicaStatus)
