#pragma once

#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

namespace Patroni {

// One row of pg_stat_replication as the primary's GET /patroni reports it.
struct ReplicationRow {
    QString usename;
    QString applicationName;
    QString clientAddr;
    QString state; // streaming, catchup, backup, startup
    QString syncState; // async, sync, potential, quorum
    int syncPriority = 0;
    friend bool operator==(const ReplicationRow&, const ReplicationRow&) = default;
};

// GET /patroni of one member: the node's own view, which can disagree with the DCS's /cluster
// (LAB-FACTS: a demoted or killed leader still shows as leader in /cluster for seconds).
struct MemberStatus {
    QString state; // running/streaming/..., "unknown" while PostgreSQL does not answer
    Cluster::Role role = Cluster::Role::Unknown;
    QString roleText; // "master" (3.x), "primary" (4.x), "replica", "standby_leader", "uninitialized"
    std::optional<int> timeline;
    std::optional<int> serverVersion; // 150018
    QString postmasterStartTime;
    // WAL positions in bytes.
    std::optional<qint64> xlogLocation; // primary
    std::optional<qint64> receivedLocation; // replica
    std::optional<qint64> replayedLocation; // replica
    QString replayedTimestamp; // replica, last replayed transaction; empty when none yet
    std::optional<bool> replayPaused;
    QString replicationState; // 4.x replicas: streaming / in archive recovery
    bool syncStandby = false; // 4.x
    bool quorumStandby = false; // 4.x
    QList<ReplicationRow> replication;
    std::optional<qint64> dcsLastSeen; // epoch seconds
    bool paused = false;
    bool clusterUnlocked = false; // no member holds the leader key
    bool failsafeActive = false;
    bool pendingRestart = false;
    QVariantMap tags;
    QString patroniVersion;
    QString scope;
    QString name; // 4.x includes patroni.name
    QString systemIdentifier;

    friend bool operator==(const MemberStatus&, const MemberStatus&) = default;
};

struct MemberStatusParseResult {
    std::optional<MemberStatus> status;
    Cluster::SourceError error;
    QStringList warnings;
};

// Parses the body of GET /patroni (Patroni 3.x or 4.x). Pure.
MemberStatusParseResult parseMemberStatus(QByteArrayView body);

} // namespace Patroni
