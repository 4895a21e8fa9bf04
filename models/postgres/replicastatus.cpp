#include "models/postgres/replicastatus.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Postgres {

std::optional<double> ReplicaStatus::effectiveDelaySeconds() const
{
    if (caughtUp.value_or(false))
        return 0.0;
    return replayDelaySeconds;
}

QString replicaStatusSql()
{
    // pg_is_wal_replay_paused() raises an error outside recovery, hence the CASE. The timestamp goes out
    // as epoch seconds so DateStyle and TimeZone cannot change how it reads.
    return u"select pg_is_in_recovery() as in_recovery, "
           "pg_last_wal_receive_lsn()::text as receive_lsn, "
           "pg_last_wal_replay_lsn()::text as replay_lsn, "
           "pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() as caught_up, "
           "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) as replay_gap_bytes, "
           "extract(epoch from pg_last_xact_replay_timestamp()) as last_replay_epoch, "
           "extract(epoch from now() - pg_last_xact_replay_timestamp()) as replay_delay_seconds, "
           "case when pg_is_in_recovery() then pg_is_wal_replay_paused() end as replay_paused, "
           "w.pid as wal_receiver_pid, w.status as wal_receiver_status, "
           "w.sender_host as wal_sender_host, w.sender_port as wal_sender_port "
           "from (select 1) one left join pg_stat_wal_receiver w on true"_s;
}

ReplicaParseResult parseReplicaStatus(const QueryResult& result)
{
    ReplicaParseResult out;
    if (result.isError()) {
        out.error = result.error;
        return out;
    }
    if (result.column(u"in_recovery"_s) < 0 || result.column(u"replay_lsn"_s) < 0) {
        out.error.code = Cluster::SourceError::Code::UnexpectedShape;
        out.error.detail = u"no in_recovery/replay_lsn column in the replica status answer"_s;
        return out;
    }
    if (result.rows.size() != 1) {
        out.error.code = Cluster::SourceError::Code::UnexpectedShape;
        out.error.detail = u"the replica status query returned %1 rows instead of 1"_s.arg(result.rows.size());
        return out;
    }
    auto v = [&](const QString& name) { return result.value(0, name); };
    ReplicaStatus s;
    s.inRecovery = boolValue(v(u"in_recovery"_s)).value_or(false);
    s.receiveLsn = textValue(v(u"receive_lsn"_s)).value_or(QString());
    s.replayLsn = textValue(v(u"replay_lsn"_s)).value_or(QString());
    s.caughtUp = boolValue(v(u"caught_up"_s));
    s.replayGapBytes = integerValue(v(u"replay_gap_bytes"_s));
    if (const auto epoch = doubleValue(v(u"last_replay_epoch"_s)))
        s.lastReplayTimestamp = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(*epoch * 1000.0)), Qt::UTC);
    s.replayDelaySeconds = doubleValue(v(u"replay_delay_seconds"_s));
    s.replayPaused = boolValue(v(u"replay_paused"_s));
    if (const auto pid = integerValue(v(u"wal_receiver_pid"_s))) {
        WalReceiverStatus w;
        w.pid = int(*pid);
        w.status = textValue(v(u"wal_receiver_status"_s)).value_or(QString());
        w.senderHost = textValue(v(u"wal_sender_host"_s)).value_or(QString());
        w.senderPort = int(integerValue(v(u"wal_sender_port"_s)).value_or(0));
        w.detailsHidden = v(u"wal_receiver_status"_s).isNull();
        if (w.detailsHidden)
            out.warnings.append(u"WAL receiver details are hidden: the role lacks pg_read_all_stats"_s);
        s.walReceiver = w;
    }
    out.status = s;
    return out;
}

} // namespace Postgres
