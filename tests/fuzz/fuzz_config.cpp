// libFuzzer target: the body of Patroni's GET /config (the dynamic configuration), and its difference
// from the lab's configuration as `edit-config` shows it.
#include "tests/fuzz/fuzzcommon.h"

#include "models/patroni/dynamicconfig.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Patroni::DynamicConfigParseResult parsed = Patroni::parseDynamicConfig(Fuzz::input(data, size));
    Fuzz::requireValueOrError(parsed, &Patroni::DynamicConfigParseResult::config);
    if (parsed.config) {
        static const QJsonObject lab { { QStringLiteral("ttl"), 15 }, { QStringLiteral("loop_wait"), 3 } };
        (void)Patroni::diffConfig(lab, parsed.config->raw);
    }
    return 0;
}
