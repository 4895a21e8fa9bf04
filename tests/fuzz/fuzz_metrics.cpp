// libFuzzer target: the Prometheus text of Patroni's GET /metrics.
#include "tests/fuzz/fuzzcommon.h"

#include "models/patroni/metricsparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Patroni::MetricsParseResult parsed = Patroni::parseMetrics(Fuzz::input(data, size));
    Fuzz::requireValueOrError(parsed, &Patroni::MetricsParseResult::metrics);
    if (parsed.metrics)
        (void)parsed.metrics->sample(u"patroni_primary", { { QStringLiteral("scope"), QStringLiteral("lab") } });
    return 0;
}
