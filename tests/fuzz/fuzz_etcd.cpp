// libFuzzer target: etcd's JSON answers — /health, /v3/cluster/member/list, /v3/maintenance/status.
// The same bytes go to all three parsers (each body is a JSON object; the seeds hold all three kinds).
#include "tests/fuzz/fuzzcommon.h"

#include "models/etcd/etcdparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView body = Fuzz::input(data, size);
    const Etcd::HealthParseResult health = Etcd::parseHealth(body);
    Fuzz::requireValueOrError(health, &Etcd::HealthParseResult::health);
    const Etcd::MemberListParseResult members = Etcd::parseMemberList(body);
    Fuzz::requireValueOrError(members, &Etcd::MemberListParseResult::memberList);
    const Etcd::StatusParseResult status = Etcd::parseStatus(body);
    Fuzz::requireValueOrError(status, &Etcd::StatusParseResult::status);
    if (status.status && members.memberList)
        Fuzz::requireDisplayable(Etcd::leaderName(*status.status, *members.memberList));
    return 0;
}
