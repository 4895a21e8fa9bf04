#include "models/postgres/replicationstat.h"

using namespace Qt::StringLiterals;

namespace Postgres {

QString replicationStatsSql()
{
    // The CASE keeps the statement valid on a standby, where pg_current_wal_lsn() raises an error.
    return u"with node as (select pg_is_in_recovery() as in_recovery, "
           "case when pg_is_in_recovery() then pg_last_wal_receive_lsn() else pg_current_wal_lsn() end as lsn) "
           "select node.in_recovery, node.lsn::text as current_lsn, r.pid, r.application_name, "
           "host(r.client_addr) as client_addr, r.state, r.sync_state, "
           "r.sent_lsn::text as sent_lsn, r.write_lsn::text as write_lsn, "
           "r.flush_lsn::text as flush_lsn, r.replay_lsn::text as replay_lsn, "
           "pg_wal_lsn_diff(node.lsn, r.sent_lsn) as sent_lag_bytes, "
           "pg_wal_lsn_diff(node.lsn, r.write_lsn) as write_lag_bytes, "
           "pg_wal_lsn_diff(node.lsn, r.flush_lsn) as flush_lag_bytes, "
           "pg_wal_lsn_diff(node.lsn, r.replay_lsn) as replay_lag_bytes, "
           "extract(epoch from r.write_lag) as write_lag_seconds, "
           "extract(epoch from r.flush_lag) as flush_lag_seconds, "
           "extract(epoch from r.replay_lag) as replay_lag_seconds "
           "from node left join pg_stat_replication r on true "
           "order by r.application_name"_s;
}

ReplicationParseResult parseReplicationStats(const QueryResult& result)
{
    ReplicationParseResult out;
    if (result.isError()) {
        out.error = result.error;
        return out;
    }
    const QStringList required { u"in_recovery"_s, u"current_lsn"_s, u"pid"_s };
    for (const QString& c : required) {
        if (result.column(c) < 0) {
            out.error.code = Cluster::SourceError::Code::UnexpectedShape;
            out.error.detail = u"no column %1 in the pg_stat_replication answer"_s.arg(c);
            return out;
        }
    }
    if (result.rows.isEmpty()) {
        out.error.code = Cluster::SourceError::Code::UnexpectedShape;
        out.error.detail = u"the pg_stat_replication query returned no row"_s;
        return out;
    }

    ReplicationSnapshot snap;
    snap.inRecovery = boolValue(result.value(0, u"in_recovery"_s)).value_or(false);
    snap.currentLsn = textValue(result.value(0, u"current_lsn"_s)).value_or(QString());
    for (qsizetype row = 0; row < result.rows.size(); ++row) {
        auto v = [&](const QString& name) { return result.value(row, name); };
        const std::optional<qint64> pid = integerValue(v(u"pid"_s));
        if (!pid)
            continue; // the LEFT JOIN's row when no standby is connected
        ReplicationStat s;
        s.pid = int(*pid);
        s.applicationName = textValue(v(u"application_name"_s)).value_or(QString());
        s.clientAddr = textValue(v(u"client_addr"_s)).value_or(QString());
        s.state = textValue(v(u"state"_s)).value_or(QString());
        s.syncState = textValue(v(u"sync_state"_s)).value_or(QString());
        s.sentLsn = textValue(v(u"sent_lsn"_s)).value_or(QString());
        s.writeLsn = textValue(v(u"write_lsn"_s)).value_or(QString());
        s.flushLsn = textValue(v(u"flush_lsn"_s)).value_or(QString());
        s.replayLsn = textValue(v(u"replay_lsn"_s)).value_or(QString());
        s.sentLagBytes = integerValue(v(u"sent_lag_bytes"_s));
        s.writeLagBytes = integerValue(v(u"write_lag_bytes"_s));
        s.flushLagBytes = integerValue(v(u"flush_lag_bytes"_s));
        s.replayLagBytes = integerValue(v(u"replay_lag_bytes"_s));
        s.writeLagSeconds = doubleValue(v(u"write_lag_seconds"_s));
        s.flushLagSeconds = doubleValue(v(u"flush_lag_seconds"_s));
        s.replayLagSeconds = doubleValue(v(u"replay_lag_seconds"_s));
        // state is never NULL for a privileged reader: its absence means the details were withheld.
        s.detailsHidden = v(u"state"_s).isNull();
        if (s.detailsHidden)
            out.warnings.append(
                u"details of WAL sender %1 (%2) are hidden: the role lacks pg_read_all_stats"_s.arg(s.pid).arg(
                    s.applicationName));
        snap.stats.append(s);
    }
    out.snapshot = snap;
    return out;
}

} // namespace Postgres
