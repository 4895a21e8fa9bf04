#include "models/cluster/plaintext.h"

namespace Cluster {

namespace {
    bool isBidiControl(char16_t c)
    {
        // LRE RLE PDF LRO RLO, LRI RLI FSI PDI, and the marks LRM RLM ALM.
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
            || c == 0x061C;
    }

    bool isControl(char16_t c)
    {
        return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029;
    }

    void appendHex(QString* out, const char* prefix, unsigned value, int digits)
    {
        out->append(QLatin1StringView(prefix));
        out->append(QString::number(value, 16).rightJustified(digits, u'0'));
    }
} // namespace

bool needsEscaping(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (isControl(c) || isBidiControl(c))
            return true;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            ++i;
            continue;
        }
        if (QChar::isSurrogate(c))
            return true;
    }
    return false;
}

QString displayText(QStringView text, int maxChars)
{
    QString out;
    out.reserve(text.size());
    qsizetype fits = 0; // the length up to the last whole character or escape that leaves room for "…"
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\n') {
            out.append(QLatin1StringView("\\n"));
        } else if (c == u'\t') {
            out.append(QLatin1StringView("\\t"));
        } else if (c == u'\r') {
            out.append(QLatin1StringView("\\r"));
        } else if (c < 0x20 || c == 0x7F) {
            appendHex(&out, "\\x", c, 2);
        } else if (isControl(c) || isBidiControl(c)) {
            appendHex(&out, "\\u", c, 4);
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            out.append(text[i]);
            out.append(text[++i]);
        } else if (QChar::isSurrogate(c)) {
            appendHex(&out, "\\u", c, 4); // a lone half of a pair: no character at all
        } else {
            out.append(text[i]);
        }
        if (maxChars <= 0)
            continue;
        if (out.size() > maxChars) {
            // Cut between characters and escapes, never inside one.
            out.truncate(fits);
            out.append(QChar(0x2026));
            return out;
        }
        if (out.size() <= maxChars - 1)
            fits = out.size();
    }
    return out;
}

} // namespace Cluster
