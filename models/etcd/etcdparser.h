#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// etcd's HTTP answers as the lab's etcd 3.4 gives them. Its JSON gateway writes every 64-bit number
// as a string ("ID": "17267732601913557412" does not fit a qint64 or a double) and leaves out every
// field whose value is zero, false or empty: a missing "leader" means "no leader", a missing
// "isLearner" means false.
namespace Etcd {

// GET /health: {"health":"true"}; {"health":"false"} with HTTP 503 when the member has no leader or an
// alarm is raised. etcd 3.5+ adds "reason" ("RAFT NO LEADER", "ALARM NOSPACE").
struct Health {
    bool healthy = false;
    QString reason;
    friend bool operator==(const Health&, const Health&) = default;
};

struct HealthParseResult {
    std::optional<Health> health;
    Cluster::SourceError error;
    QStringList warnings;
};

HealthParseResult parseHealth(QByteArrayView body);

// Every gRPC-gateway answer starts with who answered.
struct ResponseHeader {
    quint64 clusterId = 0;
    quint64 memberId = 0; // the member that answered; 0 when absent
    std::optional<qint64> revision;
    std::optional<qint64> raftTerm;
    friend bool operator==(const ResponseHeader&, const ResponseHeader&) = default;
};

struct Member {
    quint64 id = 0; // 0 when absent or unreadable: etcd never gives a member that ID
    QString name; // empty for a member added but never started
    QStringList peerUrls;
    QStringList clientUrls; // empty for a member added but never started
    bool isLearner = false;

    bool isStarted() const { return !name.isEmpty(); }
    friend bool operator==(const Member&, const Member&) = default;
};

// POST /v3/cluster/member/list with body {}. Note that a stopped member is still listed:
// membership is not health; ask the member's own /health.
struct MemberList {
    ResponseHeader header;
    QList<Member> members;

    const Member* member(quint64 id) const;
    const Member* memberNamed(QStringView name) const;
    friend bool operator==(const MemberList&, const MemberList&) = default;
};

struct MemberListParseResult {
    std::optional<MemberList> memberList;
    Cluster::SourceError error;
    QStringList warnings;
};

MemberListParseResult parseMemberList(QByteArrayView body);

// POST /v3/maintenance/status with body {}: the answering member's own view.
struct Status {
    ResponseHeader header; // header.memberId: who answered
    QString version; // "3.4.23"
    std::optional<quint64> leader; // absent: this member knows no leader
    std::optional<qint64> raftTerm;
    std::optional<qint64> raftIndex;
    std::optional<qint64> raftAppliedIndex;
    std::optional<qint64> dbSize; // bytes
    std::optional<qint64> dbSizeInUse; // bytes
    QStringList errors; // e.g. "memberID:... alarm:NOSPACE"
    bool isLearner = false;

    bool isLeader() const { return leader && header.memberId != 0 && *leader == header.memberId; }
    friend bool operator==(const Status&, const Status&) = default;
};

struct StatusParseResult {
    std::optional<Status> status;
    Cluster::SourceError error;
    QStringList warnings;
};

StatusParseResult parseStatus(QByteArrayView body);

// The name of the member `status` says leads, matched by ID in `members`. Empty when there is no
// leader, or when the leader is not in the list (or never started): then use idText(*status.leader).
QString leaderName(const Status& status, const MemberList& members);

// An ID the way etcdctl prints it: lowercase hex, no padding ("efa3b6c1d2e4f5a6").
QString idText(quint64 id);

} // namespace Etcd
