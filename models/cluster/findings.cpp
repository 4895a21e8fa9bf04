#include "models/cluster/findings.h"

#include "models/cluster/assessment.h"

#include "models/itemmodels/membertablemodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    bool isStreamingState(const QString& state)
    {
        return state == u"running"_s || state == u"streaming"_s;
    }

    Words tr(const char* text, const char* disambiguation = nullptr, int n = -1)
    {
        Q_UNUSED(disambiguation);
        return Words::source(text, n);
    }

    void add(QList<Finding>* out, const char* id, Severity severity, const QString& subject, const Words& message)
    {
        out->append(Finding { QString::fromLatin1(id), severity, subject, message.english(), message });
    }

    bool healthyReplica(const ClusterState& s, const Member& m)
    {
        if (!isReplicaRole(m.role) || !isStreamingState(m.state))
            return false;
        if (m.tags.value(u"noloadbalance"_s).toBool())
            return false; // Patroni's /replica answers 503 for it on purpose
        const auto it = s.members.constFind(m.name);
        return it == s.members.constEnd() || !it->source.failing();
    }

    void evaluateRouting(const ClusterState& s, const Thresholds& limits, QList<Finding>* out)
    {
        if (!s.haproxyConfigured)
            return;
        if (s.haproxySource.failing())
            add(out, "source.haproxy-unreachable", Severity::Critical, u"haproxy"_s,
                describeWords(s.haproxySource.error) + tr("; where clients are routed cannot be checked"));
        if (!s.haproxy || !s.dcs.everSucceeded())
            return;
        const RouteNames& r = s.routes;
        const auto missing = [&](const QString& proxy, int port) {
            if (s.haproxy->backend(proxy))
                return false;
            add(out, "routing.proxy-missing", Severity::Warning, proxy,
                tr("HAProxy has no proxy named \"%1\" (port %2); set the route names in the cluster's settings")
                    .arg(proxy)
                    .arg(port));
            return true;
        };
        // The leader the console believes in: a killed one, or one that demoted itself, is no
        // member HAProxy should send writes to.
        const QString leader = effectiveLeader(s, limits.promotionGraceSeconds);
        if (!missing(r.primary, r.primaryPort)) {
            const QStringList primary = s.routedTo(r.primary);
            if (primary.isEmpty())
                add(out, "routing.primary-mismatch", Severity::Critical, r.primary,
                    tr("Port %1 routes to nothing: no server is UP in HAProxy's \"%2\", writes through it fail")
                        .arg(r.primaryPort)
                        .arg(r.primary));
            else if (leader.isEmpty())
                add(out, "routing.primary-mismatch", Severity::Critical, r.primary,
                    tr("Port %1 routes to %2, but no member is a working leader right now")
                        .arg(r.primaryPort)
                        .arg(primary.join(u", "_s)));
            else if (primary != QStringList { leader })
                add(out, "routing.primary-mismatch", Severity::Critical, r.primary,
                    tr("Port %1 routes to %2, not only to Patroni's leader %3")
                        .arg(r.primaryPort)
                        .arg(primary.join(u", "_s), leader));
        }
        if (!missing(r.replicas, r.replicasPort)) {
            const QStringList replicas = s.routedTo(r.replicas);
            if (!leader.isEmpty() && replicas.contains(leader))
                add(out, "routing.replicas-include-leader", Severity::Warning, r.replicas,
                    tr("Port %1 (read-only) also routes to the leader %2").arg(r.replicasPort).arg(leader));
            for (const Member& m : s.view.members) {
                if (healthyReplica(s, m) && !replicas.contains(m.name))
                    add(out, "routing.replicas-missing", Severity::Warning, m.name,
                        tr("Port %1 (read-only) does not route to %2, a healthy replica")
                            .arg(r.replicasPort)
                            .arg(m.name));
            }
        }
    }

    // What real connections through HAProxy found: the proof, not the configuration.
    void evaluateProbes(const ClusterState& s, QList<Finding>* out)
    {
        if (!s.postgresConfigured)
            return;
        if (s.postgresSource.failing()) {
            add(out, "source.postgres-unreachable", Severity::Warning, u"postgres"_s,
                describeWords(s.postgresSource.error) + tr("; lag in seconds and routing proof are unavailable"));
            return;
        }
        if (!s.postgres)
            return;
        for (auto it = s.postgres->errors.cbegin(); it != s.postgres->errors.cend(); ++it)
            add(out, "member.postgres-unreachable", Severity::Warning, it.key(),
                tr("%1's PostgreSQL does not answer: %2").arg(it.key(), describeWords(it.value())));
        const RouteNames& r = s.routes;
        QSet<int> failedPorts;
        for (const Postgres::RoutingProbe& p : s.postgres->routing) {
            if (!p.ok) {
                if (!failedPorts.contains(p.port)) {
                    failedPorts.insert(p.port);
                    add(out, "routing.probe-failed", p.port == r.primaryPort ? Severity::Critical : Severity::Warning,
                        QString::number(p.port),
                        tr("A connection through port %1 failed: %2").arg(p.port).arg(describeWords(p.error)));
                }
                continue;
            }
            const QString member = Postgres::memberForProbe(p, s.view.members);
            const QString who = member.isEmpty() ? p.backend() : member;
            if (p.port == r.primaryPort && p.inRecovery)
                add(out, "routing.probe-primary-in-recovery", Severity::Critical, who,
                    tr("A connection through port %1 landed on %2, which is in recovery: writes fail there")
                        .arg(p.port)
                        .arg(who));
            if (p.port == r.replicasPort && !p.inRecovery)
                add(out, "routing.probe-replicas-on-primary", Severity::Warning, who,
                    tr("A read-only connection through port %1 landed on the primary %2").arg(p.port).arg(who));
        }
    }

    void evaluateEtcd(const ClusterState& s, QList<Finding>* out)
    {
        if (!s.etcdConfigured)
            return;
        if (s.etcdSource.failing()) {
            add(out, "source.etcd-unreachable", Severity::Critical, u"etcd"_s,
                describeWords(s.etcdSource.error) + tr("; Patroni cannot renew the leader lock without the DCS"));
            return;
        }
        if (!s.etcd)
            return;
        const int total
            = std::max<int>(int(s.etcd->endpoints.size()), s.etcd->members ? int(s.etcd->members->members.size()) : 0);
        const int healthy = s.etcd->healthyCount();
        if (total > 0 && healthy < total / 2 + 1)
            add(out, "dcs.quorum-lost", Severity::Critical, u"etcd"_s,
                tr("Only %1 of %2 etcd members are healthy: no quorum, the leader will demote itself and no "
                   "failover can happen (Patroni's own /cluster keeps showing the last view)")
                    .arg(healthy)
                    .arg(total));
        if (s.etcd->detailsError.isError())
            add(out, "dcs.details-unreadable", Severity::Info, u"etcd"_s,
                tr("etcd's member list or raft status could not be read (%1): who leads etcd is unknown")
                    .arg(describeWords(s.etcd->detailsError)));
        for (const EtcdView::Endpoint& e : s.etcd->endpoints) {
            if (e.health && e.health->healthy)
                continue;
            // An error's sentence names the member already ("etcd 127.0.0.1:2379: connection refused …").
            const Words said = e.error.isError()
                ? describeWords(e.error)
                : tr("etcd %1: %2")
                      .arg(e.url.authority(),
                          e.health && !e.health->reason.isEmpty() ? tr("reports unhealthy (%1)").arg(e.health->reason)
                                                                  : tr("reports unhealthy"));
            add(out, "dcs.member-unhealthy", Severity::Warning, e.url.authority(), said);
        }
    }

} // namespace

QList<Finding> evaluateFindings(const ClusterState& state, const QDateTime& now, const Thresholds& limits)
{
    QList<Finding> out;
    for (const QString& problem : state.settingsProblems)
        add(&out, "settings.unusable", Severity::Critical, {},
            tr("The cluster's settings cannot be used: %1").arg(problem));
    if (state.dcs.failing()) {
        const qint64 age = state.dcs.lastSuccess.isValid() ? state.dcs.lastSuccess.secsTo(now) : -1;
        add(&out, "source.patroni-unreachable", Severity::Critical, u"patroni"_s,
            describeWords(state.dcs.error)
                + (age >= 0 ? tr("; showing what Patroni said %1 s ago").arg(age) : tr("; nothing read yet")));
    }
    if (state.apiAuth && state.apiAuth->refused()) {
        const ApiAuthCheck& auth = *state.apiAuth;
        const QString said = auth.reason.isEmpty() ? QString::number(auth.httpStatus)
                                                   : u"%1 %2"_s.arg(auth.httpStatus).arg(auth.reason);
        if (auth.httpStatus == 401)
            add(&out, "source.patroni-auth", Severity::Warning, u"patroni"_s,
                tr("Patroni's REST API at %1 refuses the password the console has for user \"%2\" (HTTP %3): "
                   "switchover, restart and every other action would be refused; store the cluster's current API "
                   "password in its settings")
                    .arg(auth.api.toString(), auth.user, said));
        else
            add(&out, "source.patroni-auth", Severity::Warning, u"patroni"_s,
                tr("Patroni's REST API at %1 denies actions from this console (HTTP %2): check restapi.allowlist "
                   "and the client certificate Patroni requires")
                    .arg(auth.api.toString(), said));
    }
    if (!state.dcs.everSucceeded())
        return out;

    const ClusterView& view = state.view;
    const QStringList leaders = view.leaders();
    if (leaders.isEmpty()) {
        add(&out, "cluster.no-leader", Severity::Critical, {},
            tr("No member holds the leader lock: writes fail until Patroni elects one"));
    } else if (leaders.size() > 1) {
        add(&out, "cluster.multiple-leaders", Severity::Critical, {},
            tr("%1 members claim leadership (%2): clients may write to two primaries")
                .arg(leaders.size())
                .arg(leaders.join(u", "_s)));
    }
    const Member* leader = leaders.size() == 1 ? view.member(leaders.first()) : nullptr;

    if (view.paused)
        add(&out, "cluster.paused", Severity::Warning, {},
            tr("Cluster is paused (maintenance mode): Patroni will not fail over automatically"));

    // Timelines as the nodes themselves report them when they answer: the DCS's copy goes stale
    // exactly when it matters (while etcd has no quorum, no member can update its key).
    const auto timelineOf = [&state](const Member& m) -> std::optional<int> {
        const auto it = state.members.constFind(m.name);
        if (it != state.members.constEnd() && !it->source.failing() && it->status && it->status->timeline)
            return it->status->timeline;
        return m.timeline;
    };
    const std::optional<int> leaderTimeline = leader ? timelineOf(*leader) : std::nullopt;
    const qint64 maxLag = limits.defaultMaximumLagOnFailover;

    for (const Member& m : view.members) {
        const auto obs = state.members.constFind(m.name);
        const bool observed = obs != state.members.constEnd();
        const bool isLeader = isLeaderRole(m.role);

        // The node's own word against the DCS's.
        if (observed && obs->source.failing()) {
            add(&out, "member.unreachable", isLeader ? Severity::Critical : Severity::Warning, m.name,
                tr("%1's REST API does not answer (%2); the DCS still lists it as %3 %4")
                    .arg(m.name, describeWords(obs->source.error), roleName(m.role).toLower(), m.state));
        } else if (observed && obs->status) {
            const Patroni::MemberStatus& own = *obs->status;
            const bool settled
                = !state.leaderSince.isValid() || state.leaderSince.secsTo(now) >= limits.promotionGraceSeconds;
            if (settled && isLeader && own.role != Role::Unknown && !isLeaderRole(own.role))
                add(&out, "member.role-disagrees", Severity::Critical, m.name,
                    tr("The DCS names %1 leader, but %1 itself says it is a %2").arg(m.name, own.roleText));
            else if (settled && !isLeader && own.role == Role::Leader)
                add(&out, "member.role-disagrees", Severity::Critical, m.name,
                    tr("%1 runs as a primary, but the DCS lists it as %2").arg(m.name, roleName(m.role).toLower()));
            if (own.dcsLastSeen) {
                const qint64 age = now.toSecsSinceEpoch() - *own.dcsLastSeen;
                if (age > limits.dcsStaleSeconds)
                    add(&out, "member.dcs-stale", Severity::Warning, m.name,
                        tr("%1 last reached the DCS %2 s ago").arg(m.name).arg(age));
            }
        }
        // The DCS's flag or the node's own: either is enough.
        if (m.pendingRestart || (observed && obs->status && obs->status->pendingRestart))
            add(&out, "member.pending-restart", Severity::Info, m.name,
                tr("%1 needs a restart to apply changed parameters").arg(m.name));

        if (isLeader)
            continue;
        const std::optional<int> timeline = timelineOf(m);
        if (leaderTimeline && timeline && *timeline < *leaderTimeline)
            add(&out, "member.old-timeline", Severity::Warning, m.name,
                tr("%1 is on timeline %2, the leader on %3").arg(m.name).arg(*timeline).arg(*leaderTimeline));
        if (!isStreamingState(m.state)) {
            add(&out, "member.not-streaming", Severity::Warning, m.name,
                tr("%1 is not replicating: state \"%2\"").arg(m.name, m.state));
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
                        tr("%1 is not in %2's pg_stat_replication as streaming").arg(m.name, leader->name));
            }
        }
        if (m.lagUnknown && isStreamingState(m.state))
            add(&out, "member.lag-unknown", Severity::Warning, m.name,
                tr("%1's replication position is unknown to Patroni").arg(m.name));
        if (m.lagBytes && *m.lagBytes > maxLag)
            add(&out, "member.lag-over-limit", Severity::Warning, m.name,
                tr("%1 is %2 behind, over maximum_lag_on_failover (%3): Patroni will not fail over to it")
                    .arg(m.name, Words::bytes(*m.lagBytes), Words::bytes(maxLag)));
    }

    evaluateRouting(state, limits, &out);
    evaluateProbes(state, &out);
    evaluateEtcd(state, &out);

    // Worst first, then stable by key so the list does not shuffle between polls.
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        return a.key() < b.key();
    });
    // One finding per key: several probes through one port can land on the same member.
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
