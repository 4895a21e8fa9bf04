#include "models/patroni/historyparser.h"
#include "models/patroni/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Patroni {

namespace {

    // The elements of one line are positional, so JsonReader (which reads object keys) does not
    // apply; these follow its rules: wrong type = absent, with a warning.
    std::optional<qint64> integerAt(const QJsonArray& line, qsizetype i)
    {
        const QJsonValue v = line.at(i);
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= 9007199254740992.0)
                return static_cast<qint64>(d);
            return std::nullopt;
        }
        if (v.isString()) {
            bool ok = false;
            const qint64 n = v.toString().toLongLong(&ok);
            if (ok)
                return n;
        }
        return std::nullopt;
    }

    // An LSN: Patroni writes bytes as an integer; accept PostgreSQL's "16/B374D848" too.
    std::optional<qint64> lsnAt(const QJsonArray& line, qsizetype i)
    {
        if (const auto n = integerAt(line, i); n && *n >= 0)
            return n;
        const QJsonValue v = line.at(i);
        if (!v.isString())
            return std::nullopt;
        const QString text = v.toString();
        const qsizetype slash = text.indexOf(u'/');
        if (slash <= 0 || slash > 8 || text.size() - slash - 1 > 8 || text.size() - slash - 1 < 1)
            return std::nullopt;
        bool okHigh = false;
        bool okLow = false;
        const quint64 high = QStringView(text).first(slash).toULongLong(&okHigh, 16);
        const quint64 low = QStringView(text).sliced(slash + 1).toULongLong(&okLow, 16);
        if (!okHigh || !okLow || high > 0x7fffffff)
            return std::nullopt;
        return static_cast<qint64>((high << 32) | low);
    }

} // namespace

HistoryParseResult parseHistory(QByteArrayView body)
{
    HistoryParseResult result;
    const std::optional<QJsonDocument> parsed = parseJson(body, &result.error, &result.warnings);
    if (!parsed)
        return result;
    const QJsonDocument& doc = *parsed;
    if (!doc.isArray()) {
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        result.error.detail = u"expected a JSON array of [timeline, lsn, reason, timestamp, new_leader]"_s;
        return result;
    }

    QList<HistoryEntry> entries;
    const QJsonArray lines = doc.array();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString where = u"history["_s + QString::number(i) + u']';
        if (!lines.at(i).isArray()) {
            result.warnings.append(where + u" is not an array: ignored"_s);
            continue;
        }
        const QJsonArray line = lines.at(i).toArray();
        if (line.size() < 2) {
            result.warnings.append(where + u" has fewer than 2 elements: ignored"_s);
            continue;
        }
        HistoryEntry e;
        const auto timeline = integerAt(line, 0);
        if (!timeline || *timeline < 0 || *timeline > std::numeric_limits<int>::max()) {
            result.warnings.append(where + u"[0] (timeline) is not a timeline: line ignored"_s);
            continue;
        }
        e.timeline = int(*timeline);
        const auto lsn = lsnAt(line, 1);
        if (!lsn) {
            result.warnings.append(where + u"[1] (lsn) is not a position: line ignored"_s);
            continue;
        }
        e.lsn = *lsn;
        if (line.size() > 2) {
            if (line.at(2).isString())
                e.reason = line.at(2).toString();
            else if (!line.at(2).isNull())
                result.warnings.append(where + u"[2] (reason) is not a string"_s);
        }
        if (line.size() > 3) {
            if (line.at(3).isString()) {
                e.timestamp = line.at(3).toString();
                e.at = QDateTime::fromString(e.timestamp, Qt::ISODateWithMs);
                if (!e.at.isValid()) {
                    result.warnings.append(
                        where + u"[3] (timestamp) \""_s + e.timestamp.left(40) + u"\" is not an ISO 8601 time"_s);
                } else if (e.at.timeSpec() == Qt::LocalTime) {
                    // Patroni always writes an offset; without one, read UTC rather than this machine's zone.
                    e.at = QDateTime(e.at.date(), e.at.time(), QTimeZone::utc());
                    result.warnings.append(where + u"[3] (timestamp) has no UTC offset: read as UTC"_s);
                }
            } else if (!line.at(3).isNull()) {
                result.warnings.append(where + u"[3] (timestamp) is not a string"_s);
            }
        }
        if (line.size() > 4) {
            if (line.at(4).isString())
                e.newLeader = line.at(4).toString();
            else if (!line.at(4).isNull())
                result.warnings.append(where + u"[4] (new leader) is not a string"_s);
        }
        if (line.size() > 5)
            result.warnings.append(where + u" has more than 5 elements: the rest ignored"_s);
        entries.append(std::move(e));
    }
    result.entries = std::move(entries);
    return result;
}

} // namespace Patroni
