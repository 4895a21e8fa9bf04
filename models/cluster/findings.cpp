#include "models/cluster/findings.h"

#include "models/itemmodels/membertablemodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    bool isStreamingState(const QString& state)
    {
        return state == u"running"_s || state == u"streaming"_s;
    }

    QString bytes(qint64 n)
    {
        return ItemModels::formatBytes(n);
    }

    void add(QList<Finding>* out, const char* id, Severity severity, const QString& subject, const QString& message)
    {
        out->append(Finding { QString::fromLatin1(id), severity, subject, message });
    }

} // namespace

QString effectiveLeader(const ClusterState& state)
{
    const QStringList leaders = state.view.leaders();
    if (leaders.size() != 1)
        return {};
    const QString name = leaders.first();
    const auto it = state.members.constFind(name);
    if (it != state.members.constEnd() && it->source.failing())
        return {};
    return name;
}

QList<Finding> evaluateFindings(const ClusterState& state, const QDateTime& now, const Thresholds& limits)
{
    QList<Finding> out;
    if (state.dcs.failing()) {
        const qint64 age = state.dcs.lastSuccess.isValid() ? state.dcs.lastSuccess.secsTo(now) : -1;
        add(&out, "source.patroni-unreachable", Severity::Critical, u"patroni"_s,
            describe(state.dcs.error)
                + (age >= 0 ? u"; showing what Patroni said %1 s ago"_s.arg(age) : u"; nothing read yet"_s));
    }
    if (!state.dcs.everSucceeded())
        return out;

    const ClusterView& view = state.view;
    const QStringList leaders = view.leaders();
    if (leaders.isEmpty()) {
        add(&out, "cluster.no-leader", Severity::Critical, {},
            u"No member holds the leader lock: writes fail until Patroni elects one"_s);
    } else if (leaders.size() > 1) {
        add(&out, "cluster.multiple-leaders", Severity::Critical, {},
            u"%1 members claim leadership (%2): clients may write to two primaries"_s.arg(leaders.size())
                .arg(leaders.join(u", "_s)));
    }
    const Member* leader = leaders.size() == 1 ? view.member(leaders.first()) : nullptr;

    if (view.paused)
        add(&out, "cluster.paused", Severity::Warning, {},
            u"Cluster is paused (maintenance mode): Patroni will not fail over automatically"_s);

    std::optional<int> leaderTimeline = leader ? leader->timeline : std::nullopt;
    if (leader && !leaderTimeline) {
        const auto it = state.members.constFind(leader->name);
        if (it != state.members.constEnd() && it->status)
            leaderTimeline = it->status->timeline;
    }
    const qint64 maxLag = limits.defaultMaximumLagOnFailover;

    for (const Member& m : view.members) {
        const auto obs = state.members.constFind(m.name);
        const bool observed = obs != state.members.constEnd();
        const bool isLeader = isLeaderRole(m.role);

        // The node's own word against the DCS's.
        if (observed && obs->source.failing()) {
            add(&out, "member.unreachable", isLeader ? Severity::Critical : Severity::Warning, m.name,
                u"%1's REST API does not answer (%2); the DCS still lists it as %3 %4"_s.arg(
                    m.name, describe(obs->source.error), roleName(m.role).toLower(), m.state));
        } else if (observed && obs->status) {
            const Patroni::MemberStatus& own = *obs->status;
            const bool settled
                = !state.leaderSince.isValid() || state.leaderSince.secsTo(now) >= limits.promotionGraceSeconds;
            if (settled && isLeader && own.role != Role::Unknown && !isLeaderRole(own.role))
                add(&out, "member.role-disagrees", Severity::Critical, m.name,
                    u"The DCS names %1 leader, but %1 itself says it is a %2"_s.arg(m.name, own.roleText));
            else if (settled && !isLeader && own.role == Role::Leader)
                add(&out, "member.role-disagrees", Severity::Critical, m.name,
                    u"%1 runs as a primary, but the DCS lists it as %2"_s.arg(m.name, roleName(m.role).toLower()));
            if (own.dcsLastSeen) {
                const qint64 age = now.toSecsSinceEpoch() - *own.dcsLastSeen;
                if (age > limits.dcsStaleSeconds)
                    add(&out, "member.dcs-stale", Severity::Warning, m.name,
                        u"%1 last reached the DCS %2 s ago"_s.arg(m.name).arg(age));
            }
            if (own.pendingRestart && !m.pendingRestart)
                add(&out, "member.pending-restart", Severity::Info, m.name,
                    u"%1 needs a restart to apply changed parameters"_s.arg(m.name));
        }
        if (m.pendingRestart)
            add(&out, "member.pending-restart", Severity::Info, m.name,
                u"%1 needs a restart to apply changed parameters"_s.arg(m.name));

        if (isLeader)
            continue;
        if (leaderTimeline && m.timeline && *m.timeline < *leaderTimeline)
            add(&out, "member.old-timeline", Severity::Warning, m.name,
                u"%1 is on timeline %2, the leader on %3"_s.arg(m.name).arg(*m.timeline).arg(*leaderTimeline));
        if (!isStreamingState(m.state)) {
            add(&out, "member.not-streaming", Severity::Warning, m.name,
                u"%1 is not replicating: state \"%2\""_s.arg(m.name, m.state));
        } else if (leader && observed && !obs->source.failing() && !m.tags.contains(u"replicatefrom"_s)) {
            // (A cascading replica streams from another replica, not from the leader.)
            // The leader's pg_stat_replication is the ground truth for "streaming".
            const auto lo = state.members.constFind(leader->name);
            if (lo != state.members.constEnd() && lo->status && !lo->source.failing()
                && isLeaderRole(lo->status->role)) {
                const auto& rows = lo->status->replication;
                const bool streams = std::any_of(rows.cbegin(), rows.cend(), [&](const Patroni::ReplicationRow& r) {
                    return r.applicationName == m.name && r.state == u"streaming"_s;
                });
                if (!streams)
                    add(&out, "member.not-streaming", Severity::Warning, m.name,
                        u"%1 is not in %2's pg_stat_replication as streaming"_s.arg(m.name, leader->name));
            }
        }
        if (m.lagUnknown && isStreamingState(m.state))
            add(&out, "member.lag-unknown", Severity::Warning, m.name,
                u"%1's replication position is unknown to Patroni"_s.arg(m.name));
        if (m.lagBytes && *m.lagBytes > maxLag)
            add(&out, "member.lag-over-limit", Severity::Warning, m.name,
                u"%1 is %2 behind, over maximum_lag_on_failover (%3): Patroni will not fail over to it"_s.arg(
                    m.name, bytes(*m.lagBytes), bytes(maxLag)));
    }

    // Worst first, then stable by key so the list does not shuffle between polls.
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        return a.key() < b.key();
    });
    // One finding per key (pending restart can be reported by both views).
    QList<Finding> unique;
    QSet<QString> seen;
    for (const Finding& f : out) {
        if (!seen.contains(f.key())) {
            seen.insert(f.key());
            unique.append(f);
        }
    }
    return unique;
}

} // namespace Cluster
