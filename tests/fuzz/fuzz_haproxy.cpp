// libFuzzer target: HAProxy's stats CSV (`/;csv`).
#include "tests/fuzz/fuzzcommon.h"

#include "models/haproxy/statsparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Haproxy::StatsParseResult parsed = Haproxy::parseStatsCsv(Fuzz::input(data, size));
    Fuzz::requireValueOrError(parsed, &Haproxy::StatsParseResult::stats);
    if (parsed.stats) {
        for (const QString& proxy : { QStringLiteral("primary"), QStringLiteral("replicas") }) {
            for (const QString& server : parsed.stats->upServers(proxy))
                Fuzz::requireDisplayable(server);
        }
    }
    return 0;
}
