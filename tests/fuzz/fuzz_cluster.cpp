// libFuzzer target: the body of Patroni's GET /cluster (3.x and 4.x).
#include "tests/fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Patroni::ClusterParseResult parsed = Patroni::parseCluster(Fuzz::input(data, size));
    Fuzz::requireValueOrError(parsed, &Patroni::ClusterParseResult::view);
    if (parsed.view) {
        for (const Cluster::Member& m : parsed.view->members)
            Fuzz::requireDisplayable(m.name);
        (void)parsed.view->leaders();
    }
    return 0;
}
