// libFuzzer target: the body of a member's own GET /patroni (3.x and 4.x).
#include "tests/fuzz/fuzzcommon.h"

#include "models/patroni/memberstatus.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Patroni::MemberStatusParseResult parsed = Patroni::parseMemberStatus(Fuzz::input(data, size));
    Fuzz::requireValueOrError(parsed, &Patroni::MemberStatusParseResult::status);
    if (parsed.status)
        Fuzz::requireDisplayable(parsed.status->state);
    return 0;
}
