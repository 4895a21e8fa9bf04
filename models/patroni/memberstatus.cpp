#include "models/patroni/memberstatus.h"

#include "models/patroni/jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Patroni {

MemberStatusParseResult parseMemberStatus(QByteArrayView body)
{
    MemberStatusParseResult result;
    const auto root = parseObject(body, &result.error, &result.warnings);
    if (!root)
        return result;
    const JsonReader r(*root, u"patroni"_s, &result.warnings);
    // A node always reports its state; without it this is not a /patroni answer.
    const auto state = r.string("state"_L1);
    if (!state) {
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        result.error.detail = u"no \"state\""_s;
        return result;
    }
    MemberStatus s;
    s.state = *state;
    s.roleText = r.string("role"_L1).value_or(QString());
    s.role = Cluster::roleFromPatroni(s.roleText);
    if (const auto tl = r.integer("timeline"_L1))
        s.timeline = int(std::clamp<qint64>(*tl, 0, std::numeric_limits<int>::max()));
    if (const auto v = r.integer("server_version"_L1))
        s.serverVersion = int(std::clamp<qint64>(*v, 0, std::numeric_limits<int>::max()));
    s.postmasterStartTime = r.string("postmaster_start_time"_L1).value_or(QString());
    if (const auto xlog = r.object("xlog"_L1)) {
        const JsonReader x(*xlog, u"patroni.xlog"_s, &result.warnings);
        s.xlogLocation = x.integer("location"_L1);
        s.receivedLocation = x.integer("received_location"_L1);
        s.replayedLocation = x.integer("replayed_location"_L1);
        s.replayedTimestamp = x.string("replayed_timestamp"_L1).value_or(QString());
        s.replayPaused = x.boolean("paused"_L1);
    }
    s.replicationState = r.string("replication_state"_L1).value_or(QString());
    s.syncStandby = r.boolean("sync_standby"_L1).value_or(false);
    s.quorumStandby = r.boolean("quorum_standby"_L1).value_or(false);
    // A 4.x replica that is a sync/quorum standby says so beside role "replica".
    if (s.role == Cluster::Role::Replica && s.syncStandby)
        s.role = Cluster::Role::SyncStandby;
    if (s.role == Cluster::Role::Replica && s.quorumStandby)
        s.role = Cluster::Role::QuorumStandby;
    const QJsonValue replication = root->value("replication"_L1);
    if (replication.isArray()) {
        const QJsonArray rows = replication.toArray();
        for (int i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                continue;
            const JsonReader rr(rows.at(i).toObject(), u"patroni.replication[%1]"_s.arg(i), &result.warnings);
            ReplicationRow row;
            row.usename = rr.string("usename"_L1).value_or(QString());
            row.applicationName = rr.string("application_name"_L1).value_or(QString());
            row.clientAddr = rr.string("client_addr"_L1).value_or(QString());
            row.state = rr.string("state"_L1).value_or(QString());
            row.syncState = rr.string("sync_state"_L1).value_or(QString());
            row.syncPriority = int(rr.integer("sync_priority"_L1).value_or(0));
            s.replication.append(row);
        }
    } else if (!replication.isUndefined() && !replication.isNull()) {
        r.warn("replication"_L1, u"is not an array"_s);
    }
    s.dcsLastSeen = r.integer("dcs_last_seen"_L1);
    s.paused = r.boolean("pause"_L1).value_or(false);
    s.clusterUnlocked = r.boolean("cluster_unlocked"_L1).value_or(false);
    s.failsafeActive = r.boolean("failsafe_mode_is_active"_L1).value_or(false);
    s.pendingRestart = r.boolean("pending_restart"_L1).value_or(false);
    if (const auto tags = r.object("tags"_L1))
        s.tags = tags->toVariantMap();
    if (const auto patroni = r.object("patroni"_L1)) {
        const JsonReader p(*patroni, u"patroni.patroni"_s, &result.warnings);
        s.patroniVersion = p.string("version"_L1).value_or(QString());
        s.scope = p.string("scope"_L1).value_or(QString());
        s.name = p.string("name"_L1).value_or(QString());
    }
    s.systemIdentifier = r.string("database_system_identifier"_L1).value_or(QString());
    result.status = std::move(s);
    return result;
}

} // namespace Patroni
