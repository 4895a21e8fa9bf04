#include "models/patroni/metricsparser.h"

#include "models/cluster/sourceerror.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Patroni {

namespace {

    constexpr qsizetype MaxWarnings = 100;

    bool isBlank(char c)
    {
        return c == ' ' || c == '\t';
    }
    bool isNameStart(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }
    bool isNameChar(char c)
    {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    // Reads one sample line; on failure returns nullopt and says why in *why.
    class LineParser {
    public:
        explicit LineParser(QByteArrayView line)
            : m_line(line)
        {
        }

        std::optional<MetricSample> parse(QString* why, QString* note)
        {
            MetricSample sample;
            const qsizetype nameStart = m_pos;
            if (atEnd() || !isNameStart(peek()))
                return fail(why, u"no metric name"_s);
            while (!atEnd() && isNameChar(peek()))
                ++m_pos;
            sample.name = QString::fromLatin1(m_line.sliced(nameStart, m_pos - nameStart));

            bool separated = skipBlanks();
            if (!atEnd() && peek() == '{') {
                ++m_pos;
                if (!parseLabels(&sample.labels, why))
                    return std::nullopt;
                separated = true; // "}" ends the labels; a blank after it is customary, not needed
                skipBlanks();
            }
            if (!separated || atEnd())
                return fail(why, u"no value"_s);

            const QByteArrayView valueText = token();
            const auto value = parseValue(valueText);
            if (!value)
                return fail(why,
                    u"value \""_s + QString::fromUtf8(valueText.first(std::min<qsizetype>(valueText.size(), 40)))
                        + u"\" is not a number"_s);
            sample.value = *value;

            skipBlanks();
            if (!atEnd()) {
                const QByteArrayView ts = token();
                bool ok = false;
                const qint64 ms = ts.toByteArray().toLongLong(&ok);
                if (ok)
                    sample.timestampMs = ms;
                else
                    *note = u"timestamp is not an integer: ignored"_s;
                skipBlanks();
                if (!atEnd())
                    *note = u"text after the value: ignored"_s;
            }
            return sample;
        }

    private:
        bool atEnd() const { return m_pos >= m_line.size(); }
        char peek() const { return m_line[m_pos]; }
        bool skipBlanks()
        {
            const qsizetype from = m_pos;
            while (!atEnd() && isBlank(peek()))
                ++m_pos;
            return m_pos > from;
        }
        QByteArrayView token()
        {
            const qsizetype from = m_pos;
            while (!atEnd() && !isBlank(peek()))
                ++m_pos;
            return m_line.sliced(from, m_pos - from);
        }
        std::nullopt_t fail(QString* why, const QString& what)
        {
            *why = what;
            return std::nullopt;
        }

        // After "{": label="value", ... "}". Values escape \\, \" and \n.
        bool parseLabels(QMap<QString, QString>* labels, QString* why)
        {
            while (true) {
                skipBlanks();
                if (atEnd()) {
                    *why = u"labels not closed"_s;
                    return false;
                }
                if (peek() == '}') {
                    ++m_pos;
                    return true;
                }
                const qsizetype nameStart = m_pos;
                if (!isNameStart(peek()) || peek() == ':') {
                    *why = u"bad label name"_s;
                    return false;
                }
                while (!atEnd() && isNameChar(peek()) && peek() != ':')
                    ++m_pos;
                const QString name = QString::fromLatin1(m_line.sliced(nameStart, m_pos - nameStart));
                skipBlanks();
                if (atEnd() || peek() != '=') {
                    *why = u"label "_s + name + u" has no '='"_s;
                    return false;
                }
                ++m_pos;
                skipBlanks();
                if (atEnd() || peek() != '"') {
                    *why = u"label "_s + name + u" has no quoted value"_s;
                    return false;
                }
                ++m_pos;
                QByteArray value;
                bool closed = false;
                while (!atEnd()) {
                    const char c = m_line[m_pos++];
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && !atEnd()) {
                        const char e = m_line[m_pos++];
                        if (e == 'n') {
                            value += '\n';
                        } else if (e == '\\' || e == '"') {
                            value += e;
                        } else { // not an escape: keep it as written
                            value += '\\';
                            value += e;
                        }
                        continue;
                    }
                    value += c;
                }
                if (!closed) {
                    *why = u"label "_s + name + u" value not closed"_s;
                    return false;
                }
                if (labels->contains(name)) {
                    *why = u"label "_s + name + u" appears twice"_s;
                    return false;
                }
                labels->insert(name, QString::fromUtf8(value));
                skipBlanks();
                if (!atEnd() && peek() == ',')
                    ++m_pos;
                else if (atEnd() || peek() != '}') {
                    *why = u"expected ',' or '}' after label "_s + name;
                    return false;
                }
            }
        }

        static std::optional<double> parseValue(QByteArrayView text)
        {
            const QByteArray lower = text.toByteArray().toLower();
            if (lower == "nan")
                return std::numeric_limits<double>::quiet_NaN();
            if (lower == "+inf" || lower == "inf")
                return std::numeric_limits<double>::infinity();
            if (lower == "-inf")
                return -std::numeric_limits<double>::infinity();
            bool ok = false;
            const double d = lower.toDouble(&ok); // C locale: "1.5e3", "030002"
            if (!ok || !std::isfinite(d))
                return std::nullopt;
            return d;
        }

        QByteArrayView m_line;
        qsizetype m_pos = 0;
    };

} // namespace

const MetricSample* Metrics::sample(QStringView name, const QMap<QString, QString>& labels) const
{
    for (const MetricSample& s : samples) {
        if (s.name != name)
            continue;
        bool all = true;
        for (auto it = labels.cbegin(); it != labels.cend() && all; ++it)
            all = s.labels.value(it.key()) == it.value() && s.labels.contains(it.key());
        if (all)
            return &s;
    }
    return nullptr;
}

std::optional<double> Metrics::value(QStringView name, const QMap<QString, QString>& labels) const
{
    const MetricSample* s = sample(name, labels);
    return s ? std::optional<double>(s->value) : std::nullopt;
}

MetricsParseResult parseMetrics(QByteArrayView body)
{
    MetricsParseResult result;
    Metrics metrics;
    qsizetype failed = 0;
    qsizetype dropped = 0;
    const auto warn = [&](const QString& text) {
        if (result.warnings.size() < MaxWarnings)
            result.warnings.append(text);
        else
            ++dropped;
    };

    qsizetype pos = 0;
    qsizetype lineNumber = 0;
    while (pos < body.size()) {
        qsizetype end = body.indexOf('\n', pos);
        if (end < 0)
            end = body.size();
        QByteArrayView line = body.sliced(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        while (!line.isEmpty() && isBlank(line.front()))
            line = line.sliced(1);
        if (line.isEmpty() || line.front() == '#')
            continue;

        QString why;
        QString note;
        auto sample = LineParser(line).parse(&why, &note);
        const QString where = u"line "_s + QString::number(lineNumber) + u": "_s;
        if (!sample) {
            ++failed;
            warn(where + why + u": ignored"_s);
            continue;
        }
        if (!note.isEmpty())
            warn(where + sample->name + u' ' + note);
        metrics.samples.append(std::move(*sample));
    }
    if (dropped)
        result.warnings.append(QString::number(dropped) + u" more warnings not shown"_s);

    if (metrics.samples.isEmpty()) {
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        if (body.trimmed().isEmpty())
            result.error.detail = u"empty body"_s;
        else
            result.error.detail = u"no Prometheus sample in "_s + QString::number(lineNumber) + u" lines ("_s
                + QString::number(failed) + u" unreadable); body starts: "_s + Cluster::bodyHead(body);
        return result;
    }
    result.metrics = std::move(metrics);
    return result;
}

} // namespace Patroni
