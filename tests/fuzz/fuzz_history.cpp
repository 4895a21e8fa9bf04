// libFuzzer target: the body of Patroni's GET /history.
#include "tests/fuzz/fuzzcommon.h"

#include "models/patroni/historyparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Patroni::HistoryParseResult parsed = Patroni::parseHistory(Fuzz::input(data, size));
    Fuzz::requireValueOrError(parsed, &Patroni::HistoryParseResult::entries);
    return 0;
}
