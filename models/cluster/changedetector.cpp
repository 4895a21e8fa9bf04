#include "models/cluster/changedetector.h"

#include "models/cluster/assessment.h"
#include "models/itemmodels/membertablemodel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    // lupdate files the tr() calls in ChangeDetector's members under the class.
    Words tr(const char* text)
    {
        return Words::source(text, -1, "Cluster::ChangeDetector");
    }

    Event make(const QDateTime& at, EventKind kind, Severity severity, const QString& subject, const Words& message,
        const QJsonObject& details = {})
    {
        return Event { at, kind, severity, subject, message.english(), details, message };
    }

    bool failing(const ClusterState& s, const QString& member)
    {
        const auto it = s.members.constFind(member);
        return it != s.members.constEnd() && it->source.failing();
    }

    bool answered(const ClusterState& s, const QString& member)
    {
        const auto it = s.members.constFind(member);
        return it != s.members.constEnd() && it->source.everSucceeded() && !it->source.failing();
    }

} // namespace

QList<Event> ChangeDetector::update(
    const ClusterState& state, const QList<Finding>& findings, const QDateTime& now, qint64 maximumLagOnFailover)
{
    QList<Event> out;
    const QString leader = effectiveLeader(state);
    const Member* leaderMember = leader.isEmpty() ? nullptr : state.view.member(leader);
    // Nothing to compare before the DCS has been read once: HAProxy or etcd may answer first.
    if (!state.dcs.everSucceeded())
        return out;
    if (!m_primed) {
        m_primed = true;
        m_previous = state;
        m_previousFindings = findings;
        m_currentLeader = leader;
        if (!leader.isEmpty())
            m_lastLeader = leader;
        m_leaderTimeline = leaderMember ? leaderMember->timeline : std::nullopt;
        return out;
    }
    const ClusterState& before = m_previous;

    // The Patroni API as a whole.
    if (!before.dcs.failing() && state.dcs.failing())
        out.append(make(now, EventKind::SourceLost, Severity::Critical, u"patroni"_s, describeWords(state.dcs.error)));
    else if (before.dcs.failing() && !state.dcs.failing())
        out.append(make(now, EventKind::SourceBack, Severity::Info, u"patroni"_s, tr("Patroni API answers again")));

    // Members: the node's own API first — it is the fastest signal of a crash.
    for (auto it = state.members.cbegin(); it != state.members.cend(); ++it) {
        const QString& name = it.key();
        if (it->source.failing() && !failing(before, name))
            out.append(make(now, EventKind::MemberDown, Severity::Critical, name,
                tr("%1 stopped answering: %2").arg(name, describeWords(it->source.error))));
        else if (answered(state, name) && failing(before, name))
            out.append(
                make(now, EventKind::MemberBack, Severity::Info, name, tr("%1's REST API answers again").arg(name)));
    }

    // Leadership.
    if (!m_currentLeader.isEmpty() && leader.isEmpty()) {
        const QStringList named = state.view.leaders();
        Words why;
        if (named.isEmpty())
            why = tr("the DCS names no leader");
        else if (named.size() > 1)
            why = tr("the DCS names %1 leaders").arg(named.size());
        else
            why = tr("%1 is still named leader by the DCS but does not answer").arg(named.first());
        out.append(make(now, EventKind::LeaderLost, Severity::Critical, m_currentLeader,
            tr("Leader %1 lost: %2").arg(m_currentLeader, why), QJsonObject { { u"leader"_s, m_currentLeader } }));
    }
    if (!leader.isEmpty() && leader != m_lastLeader) {
        out.append(make(now, EventKind::LeaderChanged, Severity::Warning, leader,
            m_lastLeader.isEmpty() ? tr("%1 is the leader").arg(leader)
                                   : tr("Leader changed from %1 to %2").arg(m_lastLeader, leader),
            QJsonObject { { u"from"_s, m_lastLeader }, { u"to"_s, leader } }));
    }
    if (leaderMember && leaderMember->timeline) {
        const int tl = *leaderMember->timeline;
        if (m_leaderTimeline && tl != *m_leaderTimeline)
            out.append(make(now, EventKind::TimelineChanged, Severity::Warning, leader,
                tr("Timeline %1 → %2 (leader %3)").arg(*m_leaderTimeline).arg(tl).arg(leader),
                QJsonObject { { u"from"_s, *m_leaderTimeline }, { u"to"_s, tl } }));
        m_leaderTimeline = tl;
    }
    m_currentLeader = leader;
    if (!leader.isEmpty())
        m_lastLeader = leader;

    // Membership and state, as the DCS lists them.
    if (state.dcs.everSucceeded() && !state.dcs.failing()) {
        for (const Member& m : state.view.members) {
            const Member* was = before.view.member(m.name);
            if (!was) {
                out.append(make(now, EventKind::MemberAppeared, Severity::Info, m.name,
                    tr("%1 joined the cluster as %2").arg(m.name, roleName(m.role).toLower())));
                continue;
            }
            if (was->state != m.state)
                out.append(make(now, EventKind::StateChanged,
                    m.state == u"running"_s || m.state == u"streaming"_s ? Severity::Info : Severity::Warning, m.name,
                    Words::verbatim(u"%1: %2 → %3"_s.arg(m.name, was->state, m.state)),
                    QJsonObject { { u"from"_s, was->state }, { u"to"_s, m.state } }));
            const bool over = m.lagBytes && *m.lagBytes > maximumLagOnFailover;
            const bool wasOver = was->lagBytes && *was->lagBytes > maximumLagOnFailover;
            if (over && !wasOver)
                out.append(make(now, EventKind::LagOverLimit, Severity::Warning, m.name,
                    tr("%1 lag %2 crossed maximum_lag_on_failover (%3)")
                        .arg(m.name, Words::bytes(*m.lagBytes), Words::bytes(maximumLagOnFailover)),
                    QJsonObject { { u"lagBytes"_s, double(*m.lagBytes) } }));
            else if (wasOver && m.lagBytes && !over)
                out.append(make(now, EventKind::LagBackUnderLimit, Severity::Info, m.name,
                    tr("%1 lag back under maximum_lag_on_failover: %2").arg(m.name, Words::bytes(*m.lagBytes))));
        }
        for (const Member& m : before.view.members) {
            if (!state.view.member(m.name))
                out.append(make(now, EventKind::MemberDisappeared, Severity::Warning, m.name,
                    tr("%1 left the cluster (its DCS key is gone)").arg(m.name)));
        }
        if (!before.view.paused && state.view.paused)
            out.append(
                make(now, EventKind::Paused, Severity::Warning, {}, tr("Cluster paused: automatic failover is off")));
        else if (before.view.paused && !state.view.paused)
            out.append(make(now, EventKind::Resumed, Severity::Info, {}, tr("Cluster resumed")));
    }

    // Dynamic configuration: what changed, key by key.
    if (before.config && state.config && before.config->raw != state.config->raw) {
        const QStringList diff = Patroni::diffConfig(before.config->raw, state.config->raw);
        if (!diff.isEmpty())
            out.append(make(now, EventKind::ConfigChanged, Severity::Warning, {},
                tr("Dynamic configuration changed: %1").arg(diff.join(u"; "_s)),
                QJsonObject { { u"diff"_s, QJsonArray::fromStringList(diff) } }));
    }

    // Where HAProxy sends each route's new connections.
    if (before.haproxy && state.haproxy) {
        for (const QString& proxy : { state.routes.primary, state.routes.replicas, state.routes.any }) {
            const QStringList was = before.routedTo(proxy);
            const QStringList is = state.routedTo(proxy);
            if (was != is)
                out.append(make(now, EventKind::RoutingChanged, Severity::Info, proxy,
                    tr("HAProxy %1: %2 → %3")
                        .arg(proxy, was.isEmpty() ? tr("nothing") : Words::verbatim(was.join(u", "_s)),
                            is.isEmpty() ? tr("nothing") : Words::verbatim(is.join(u", "_s))),
                    QJsonObject {
                        { u"from"_s, QJsonArray::fromStringList(was) }, { u"to"_s, QJsonArray::fromStringList(is) } }));
        }
    }

    // Findings raised and cleared, by key.
    QSet<QString> was;
    for (const Finding& f : m_previousFindings)
        was.insert(f.key());
    QSet<QString> is;
    for (const Finding& f : findings) {
        is.insert(f.key());
        if (!was.contains(f.key()))
            out.append(make(now, EventKind::FindingRaised, f.severity, f.key(), f.sentence(),
                QJsonObject { { u"id"_s, f.id }, { u"subject"_s, f.subject } }));
    }
    for (const Finding& f : m_previousFindings) {
        if (!is.contains(f.key()))
            out.append(make(now, EventKind::FindingCleared, Severity::Info, f.key(),
                tr("Cleared: %1").arg(f.sentence()), QJsonObject { { u"id"_s, f.id }, { u"subject"_s, f.subject } }));
    }

    m_previous = state;
    m_previousFindings = findings;
    return out;
}

} // namespace Cluster
