#pragma once

#include "models/cluster/finding.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cluster {

enum class EventKind {
    LeaderLost,
    LeaderChanged,
    TimelineChanged,
    MemberAppeared,
    MemberDisappeared,
    MemberDown, // its own API stopped answering
    MemberBack,
    StateChanged,
    LagOverLimit,
    LagBackUnderLimit,
    Paused,
    Resumed,
    ConfigChanged,
    RoutingChanged,
    FindingRaised,
    FindingCleared,
    SourceLost,
    SourceBack,
};

QString eventKindName(EventKind kind); // "leader-lost", stable: used in the journal and the CLI
std::optional<EventKind> eventKindFromName(const QString& name);

// Something that changed between two polls, as the journal records it.
struct Event {
    QDateTime at;
    EventKind kind = EventKind::StateChanged;
    Severity severity = Severity::Info;
    QString subject; // member, backend, finding key
    QString message; // one plain sentence
    QJsonObject details; // machine-readable: from/to, diff lines, ...
    Words words; // the message, to be shown in the reader's language (empty: use message); kept in the journal

    QString shownMessage() const { return words.isEmpty() ? message : words.text(); }

    friend bool operator==(const Event&, const Event&) = default;
};

// The event for machines (history --format json, snapshots). The journal adds "words" (Words::toJson),
// so a record read back can be shown translated.
QJsonObject toJson(const Event& event);
QJsonObject toJournalJson(const Event& event);
std::optional<Event> eventFromJson(const QJsonObject& object);

} // namespace Cluster
