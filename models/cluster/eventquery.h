#pragma once

#include "models/cluster/event.h"
#include "models/patroni/historyparser.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// `patroni-console history`: the console's journal and Patroni's own /history as one time line,
// and the filters a DBA asks with (--since, --member, --kind).
namespace Cluster {

struct EventFilter {
    QDateTime since; // invalid: from the beginning
    QString member; // empty: every member
    QList<EventKind> kinds; // empty: every kind
};

// Whether an event is about `member`: its subject is the member, names it last ("member.lag/patroni2"),
// or its message names it as a word.
bool concernsMember(const Event& event, const QString& member);
bool matches(const Event& event, const EventFilter& filter);

// The journal's events and Patroni's history (one timeline-changed event per promotion, marked
// details.source = "history") as one list, oldest first.
QList<Event> mergeTimeline(const QList<Event>& journal, const QList<Patroni::HistoryEntry>& history);

// An ISO 8601 time: "2026-12-01T22:00:00+01:00", "…Z", or without a zone ("2026-12-01 02:00") in UTC,
// as every time the console prints.
std::optional<QDateTime> parseUtcTime(const QString& text);

// "2026-12-01T02:00:00Z", "2026-12-01 02:00" (UTC), or a time ago: "90s", "30m", "2h", "7d".
std::optional<QDateTime> parseSince(const QString& text, const QDateTime& now);

} // namespace Cluster
