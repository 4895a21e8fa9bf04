#include "models/cluster/event.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {
    struct KindName {
        EventKind kind;
        const char* name;
    };
    constexpr std::array kindNames {
        KindName { EventKind::LeaderLost, "leader-lost" },
        KindName { EventKind::LeaderChanged, "leader-changed" },
        KindName { EventKind::TimelineChanged, "timeline-changed" },
        KindName { EventKind::MemberAppeared, "member-appeared" },
        KindName { EventKind::MemberDisappeared, "member-disappeared" },
        KindName { EventKind::MemberDown, "member-down" },
        KindName { EventKind::MemberBack, "member-back" },
        KindName { EventKind::StateChanged, "state-changed" },
        KindName { EventKind::LagOverLimit, "lag-over-limit" },
        KindName { EventKind::LagBackUnderLimit, "lag-back-under-limit" },
        KindName { EventKind::Paused, "paused" },
        KindName { EventKind::Resumed, "resumed" },
        KindName { EventKind::ConfigChanged, "config-changed" },
        KindName { EventKind::RoutingChanged, "routing-changed" },
        KindName { EventKind::FindingRaised, "finding-raised" },
        KindName { EventKind::FindingCleared, "finding-cleared" },
        KindName { EventKind::SourceLost, "source-lost" },
        KindName { EventKind::SourceBack, "source-back" },
    };
} // namespace

QString eventKindName(EventKind kind)
{
    for (const auto& k : kindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return u"unknown"_s;
}

std::optional<EventKind> eventKindFromName(const QString& name)
{
    for (const auto& k : kindNames) {
        if (name == QLatin1StringView(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QJsonObject toJson(const Event& e)
{
    QJsonObject o;
    o.insert("at"_L1, e.at.toUTC().toString(Qt::ISODateWithMs));
    o.insert("kind"_L1, eventKindName(e.kind));
    o.insert("severity"_L1, severityName(e.severity));
    if (!e.subject.isEmpty())
        o.insert("subject"_L1, e.subject);
    o.insert("message"_L1, e.message);
    if (!e.details.isEmpty())
        o.insert("details"_L1, e.details);
    return o;
}

QJsonObject toJournalJson(const Event& e)
{
    QJsonObject o = toJson(e);
    if (!e.words.isEmpty())
        o.insert("words"_L1, e.words.toJson());
    return o;
}

std::optional<Event> eventFromJson(const QJsonObject& o)
{
    const auto kind = eventKindFromName(o.value("kind"_L1).toString());
    const QDateTime at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODateWithMs);
    if (!kind || !at.isValid())
        return std::nullopt;
    Event e;
    e.at = at;
    e.kind = *kind;
    const QString sev = o.value("severity"_L1).toString();
    e.severity = sev == u"critical"_s ? Severity::Critical : sev == u"warning"_s ? Severity::Warning : Severity::Info;
    e.subject = o.value("subject"_L1).toString();
    e.message = o.value("message"_L1).toString();
    e.details = o.value("details"_L1).toObject();
    e.words = Words::fromJson(o.value("words"_L1));
    return e;
}

} // namespace Cluster
