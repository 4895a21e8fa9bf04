#include "models/cluster/plaintext.h"

namespace Cluster {

namespace {
    bool isBidiControl(char16_t c)
    {
        // LRE RLE PDF LRO RLO, LRI RLI FSI PDI, and the marks LRM RLM ALM.
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
            || c == 0x061C;
    }
} // namespace

QString displayText(QStringView text, int maxChars)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (isBidiControl(c))
            continue;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029)
            out.append(QChar(0xFFFD));
        else
            out.append(ch);
    }
    if (maxChars > 0 && out.size() > maxChars) {
        out.truncate(std::max(0, maxChars - 1));
        // Do not leave half a surrogate pair behind.
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
        out.append(QChar(0x2026));
    }
    return out;
}

} // namespace Cluster
