#include "models/cluster/eventquery.h"

#include "models/itemmodels/eventlogmodel.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cluster {

bool concernsMember(const Event& e, const QString& member)
{
    if (member.isEmpty())
        return true;
    if (e.subject == member || e.subject.endsWith(u'/' + member))
        return true;
    const QRegularExpression word(
        u"(^|[^A-Za-z0-9_.-])"_s + QRegularExpression::escape(member) + u"($|[^A-Za-z0-9_-])"_s);
    return word.match(e.message).hasMatch();
}

bool matches(const Event& e, const EventFilter& f)
{
    if (f.since.isValid() && e.at < f.since)
        return false;
    if (!f.kinds.isEmpty() && !f.kinds.contains(e.kind))
        return false;
    return concernsMember(e, f.member);
}

QList<Event> mergeTimeline(const QList<Event>& journal, const QList<Patroni::HistoryEntry>& history)
{
    QList<Event> out = journal;
    out += ItemModels::historyEvents(history);
    std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    return out;
}

std::optional<QDateTime> parseSince(const QString& text, const QDateTime& now)
{
    static const QRegularExpression ago(uR"(^\s*(\d+)\s*(s|m|h|d)\s*$)"_s);
    const QRegularExpressionMatch m = ago.match(text);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == u"s"_s ? 1
            : m.captured(2) == u"m"_s               ? 60
            : m.captured(2) == u"h"_s               ? 3600
                                                    : 86400;
        return now.addSecs(-n * unit);
    }
    return parseUtcTime(text);
}

std::optional<QDateTime> parseUtcTime(const QString& text)
{
    QDateTime at = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!at.isValid())
        return std::nullopt;
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at;
}

} // namespace Cluster
