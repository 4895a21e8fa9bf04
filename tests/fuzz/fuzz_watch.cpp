// libFuzzer target: etcd's watch stream (POST /v3/watch), the HTTP response as bytes arrive, in three
// pieces as TCP may cut them; each finished line is parsed as a watch message.
#include "tests/fuzz/fuzzcommon.h"

#include "models/etcd/watchstream.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes = Fuzz::input(data, size);
    const qsizetype third = bytes.size() / 3;
    Etcd::WatchStream stream;
    QList<QByteArray> lines = stream.feed(bytes.first(third));
    lines += stream.feed(bytes.sliced(third, third));
    lines += stream.feed(bytes.sliced(2 * third));
    if (stream.failed() && stream.error().detail.isEmpty())
        Fuzz::fail("a failed watch stream without a reason");
    for (const QByteArray& line : lines) {
        if (line.size() > Etcd::WatchStream::maxLineBytes)
            Fuzz::fail("a watch line over the limit");
        const Etcd::WatchMessageParseResult parsed = Etcd::parseWatchMessage(line);
        Fuzz::requireValueOrError(parsed, &Etcd::WatchMessageParseResult::message);
    }
    return 0;
}
