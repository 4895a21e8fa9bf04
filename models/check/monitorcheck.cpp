#include "models/check/monitorcheck.h"

#include "models/cluster/assessment.h"
#include "models/cluster/plaintext.h"
#include "models/itemmodels/membertablemodel.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Check {

QString statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return u"OK"_s;
    case Status::Warning:
        return u"WARNING"_s;
    case Status::Critical:
        return u"CRITICAL"_s;
    case Status::Unknown:
        return u"UNKNOWN"_s;
    }
    return u"UNKNOWN"_s;
}

namespace {

    int rank(Status s)
    {
        switch (s) {
        case Status::Ok:
            return 0;
        case Status::Unknown:
            return 1;
        case Status::Warning:
            return 2;
        case Status::Critical:
            return 3;
        }
        return 1;
    }

    std::optional<double> number(const QString& text)
    {
        bool ok = false;
        const double v = text.toDouble(&ok);
        return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    }

    QString num(double v)
    {
        if (v == std::floor(v) && std::abs(v) < 1e15)
            return QString::number(qint64(v));
        return QString::number(v, 'f', 3);
    }

} // namespace

Status worse(Status a, Status b)
{
    return rank(a) >= rank(b) ? a : b;
}

bool Range::alerts(double value) const
{
    const bool outside = (low && value < *low) || (high && value > *high);
    return inside ? !outside : outside;
}

std::optional<Range> Range::parse(const QString& given)
{
    Range r;
    r.text = given.trimmed();
    QString t = r.text;
    if (t.startsWith(u'@')) {
        r.inside = true;
        t.remove(0, 1);
    }
    if (t.isEmpty())
        return std::nullopt;
    const qsizetype colon = t.indexOf(u':');
    if (colon < 0) {
        r.low = 0;
        r.high = number(t);
        if (!r.high)
            return std::nullopt;
    } else {
        const QString left = t.left(colon);
        const QString right = t.mid(colon + 1);
        if (left == u"~"_s) {
            r.low.reset();
        } else if (left.isEmpty()) {
            r.low = 0;
        } else {
            r.low = number(left);
            if (!r.low)
                return std::nullopt;
        }
        if (!right.isEmpty()) {
            r.high = number(right);
            if (!r.high)
                return std::nullopt;
        }
    }
    if (r.low && r.high && *r.low > *r.high)
        return std::nullopt;
    return r;
}

std::optional<LagLimit> LagLimit::parse(const QString& text)
{
    static const QRegularExpression re(uR"(^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$)"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    LagLimit l;
    static const QHash<QString, double> bytes { { QString(), 1.0 }, { u"b"_s, 1.0 }, { u"k"_s, 1024.0 },
        { u"kb"_s, 1024.0 }, { u"kib"_s, 1024.0 }, { u"m"_s, 1024.0 * 1024 }, { u"mb"_s, 1024.0 * 1024 },
        { u"mib"_s, 1024.0 * 1024 }, { u"g"_s, 1024.0 * 1024 * 1024 }, { u"gb"_s, 1024.0 * 1024 * 1024 },
        { u"gib"_s, 1024.0 * 1024 * 1024 }, { u"tb"_s, 1024.0 * 1024 * 1024 * 1024 },
        { u"tib"_s, 1024.0 * 1024 * 1024 * 1024 } };
    if (unit == u"s"_s)
        l.seconds = v;
    else if (unit == u"ms"_s)
        l.seconds = v / 1000;
    else if (unit == u"min"_s)
        l.seconds = v * 60;
    else if (bytes.contains(unit))
        l.bytes = qint64(std::llround(v * bytes.value(unit)));
    else
        return std::nullopt;
    return l;
}

QString perfText(const PerfValue& p)
{
    QString label = p.label;
    label.replace(u'\'', u"''"_s).replace(u'=', u'_');
    QString out = u"'"_s + label + u"'="_s + num(p.value) + p.unit + u';' + p.warn + u';' + p.crit + u';'
        + (p.min ? num(*p.min) : QString()) + u';' + (p.max ? num(*p.max) : QString());
    while (out.endsWith(u';'))
        out.chop(1);
    return out;
}

QStringList allChecks()
{
    return { u"leader"_s, u"routing"_s, u"replicas"_s, u"lag"_s, u"members"_s, u"maintenance"_s, u"scheduled"_s,
        u"findings"_s, u"config-changed"_s, u"timeline-changed"_s, u"alive"_s, u"primary"_s, u"replica"_s,
        u"pending-restart"_s, u"version"_s };
}

QStringList defaultChecks()
{
    return { u"leader"_s, u"routing"_s, u"replicas"_s, u"lag"_s, u"members"_s, u"maintenance"_s, u"scheduled"_s,
        u"findings"_s };
}

QString describeCheck(const QString& check)
{
    static const QHash<QString, QString> lines {
        { u"leader"_s, u"CRITICAL without a writable leader (check_patroni cluster_has_leader)"_s },
        { u"routing"_s,
            u"CRITICAL when HAProxy's primary port routes writes to anyone but the leader, or to nobody; "
            "WARNING when the replicas port sends clients to the leader or to nobody"_s },
        { u"replicas"_s,
            u"healthy replicas against --warn-replicas/--crit-replicas; without them WARNING for any unhealthy "
            "replica (cluster_has_replica)"_s },
        { u"lag"_s, u"each replica's lag against --warn-lag/--crit-lag, in bytes or seconds"_s },
        { u"members"_s, u"members the DCS lists against --warn-members/--crit-members (cluster_node_count)"_s },
        { u"maintenance"_s, u"CRITICAL when paused (cluster_is_in_maintenance)"_s },
        { u"scheduled"_s, u"CRITICAL when a switchover or restart is scheduled (cluster_has_scheduled_action)"_s },
        { u"findings"_s, u"the worst of the console's findings (critical → CRITICAL, warning → WARNING)"_s },
        { u"config-changed"_s,
            u"CRITICAL when the dynamic configuration changed since the state file's reference "
            "(cluster_config_has_changed; needs --state-file)"_s },
        { u"timeline-changed"_s,
            u"CRITICAL when the timeline changed since the state file's reference (node_tl_has_changed; "
            "needs --state-file)"_s },
        { u"alive"_s, u"CRITICAL when the member's (every member's) REST API does not answer (node_is_alive)"_s },
        { u"primary"_s, u"CRITICAL unless --member is the running leader (node_is_primary)"_s },
        { u"replica"_s,
            u"CRITICAL unless --member is a running replica within the --crit-lag limits (node_is_replica)"_s },
        { u"pending-restart"_s, u"CRITICAL when the member (any member) needs a restart (node_is_pending_restart)"_s },
        { u"version"_s,
            u"CRITICAL when the member (any member) runs another Patroni than --patroni-version "
            "(node_patroni_version)"_s },
    };
    return lines.value(check);
}

QString configHash(const QJsonObject& config)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(config).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

namespace {

    QString bytesText(qint64 b)
    {
        return ItemModels::formatBytes(b);
    }

    QString name(const QString& n)
    {
        return Cluster::displayText(n, 80);
    }

    struct Context {
        const Cluster::ClusterState& state;
        const QList<Cluster::Finding>& findings;
        const Options& options;
        QList<Cluster::MemberView> views;
        Cluster::ClusterSummary summary;
        Remembered* toRemember;

        // The members a node check is about: --member, or every member.
        QList<Cluster::MemberView> subjects(QString* unknown) const
        {
            if (options.member.isEmpty())
                return views;
            for (const Cluster::MemberView& v : views) {
                if (v.name == options.member)
                    return { v };
            }
            *unknown = u"no member named \"%1\"; the cluster has %2"_s.arg(name(options.member), [this] {
                QStringList n;
                for (const Cluster::MemberView& v : views)
                    n.append(name(v.name));
                return n.join(u", "_s);
            }());
            return {};
        }
    };

    Result leader(const Context& c)
    {
        Result r { u"leader"_s, Status::Ok, {}, {} };
        const bool has = !c.summary.leader.isEmpty();
        if (has) {
            r.message = u"leader %1%2"_s.arg(
                name(c.summary.leader), c.summary.timeline ? u" on timeline %1"_s.arg(*c.summary.timeline) : QString());
        } else {
            r.status = Status::Critical;
            r.message = u"no writable leader: "_s + c.summary.headline;
        }
        r.perf.append({ u"has_leader"_s, has ? 1.0 : 0.0, {}, {}, {}, 0.0, 1.0 });
        return r;
    }

    Result routing(const Context& c)
    {
        Result r { u"routing"_s, Status::Ok, {}, {} };
        const Cluster::ClusterState& s = c.state;
        if (!s.haproxyConfigured) {
            r.message = u"HAProxy is not watched for this cluster (no stats URL)"_s;
            return r;
        }
        if (!s.haproxy || s.haproxySource.failing()) {
            r.status = Status::Unknown;
            r.message = u"HAProxy's stats could not be read: "_s + Cluster::describe(s.haproxySource.error);
            return r;
        }
        const Cluster::RouteNames& routes = s.routes;
        const QStringList primary = s.routedTo(routes.primary);
        const QStringList replicas = s.routedTo(routes.replicas);
        const QString leaderName = c.summary.leader;
        QStringList problems;
        if (primary.isEmpty()) {
            r.status = Status::Critical;
            problems.append(u"port %1 routes writes to nobody"_s.arg(routes.primaryPort));
        } else if (leaderName.isEmpty()) {
            r.status = Status::Critical;
            problems.append(u"port %1 routes writes to %2, but there is no writable leader"_s.arg(routes.primaryPort)
                                .arg(primary.join(u", "_s)));
        } else if (primary != QStringList { leaderName }) {
            r.status = Status::Critical;
            problems.append(u"port %1 routes writes to %2, not only to the leader %3"_s.arg(routes.primaryPort)
                                .arg(primary.join(u", "_s), name(leaderName)));
        }
        // PostgreSQL's own word: a connection through the primary port that landed on a server in recovery.
        if (s.postgres) {
            for (const Postgres::RoutingProbe& p : s.postgres->routing) {
                if (p.port == routes.primaryPort && p.ok && p.inRecovery) {
                    r.status = Status::Critical;
                    problems.append(u"a connection through port %1 landed on a replica (in recovery)"_s.arg(p.port));
                    break;
                }
            }
        }
        if (replicas.contains(leaderName) && !leaderName.isEmpty()) {
            r.status = worse(r.status, Status::Warning);
            problems.append(
                u"port %1 sends read-only clients to the leader %2"_s.arg(routes.replicasPort).arg(name(leaderName)));
        } else if (replicas.isEmpty() && c.views.size() > 1) {
            r.status = worse(r.status, Status::Warning);
            problems.append(u"port %1 routes read-only clients to nobody"_s.arg(routes.replicasPort));
        }
        // The routes always, so a reader sees where clients go; then what is wrong with them.
        const auto who = [](const QStringList& l) { return l.isEmpty() ? u"nobody"_s : l.join(u", "_s); };
        r.message = u"port %1 → %2; port %3 → %4"_s.arg(routes.primaryPort)
                        .arg(who(primary))
                        .arg(routes.replicasPort)
                        .arg(who(replicas))
            + (problems.isEmpty() ? QString() : u": "_s + problems.join(u"; "_s));
        r.perf.append({ u"primary_route_servers"_s, double(primary.size()), {}, {}, {}, 0.0, {} });
        r.perf.append({ u"replica_route_servers"_s, double(replicas.size()), {}, {}, {}, 0.0, {} });
        return r;
    }

    Status byRanges(double value, const std::optional<Range>& warn, const std::optional<Range>& crit)
    {
        if (crit && crit->alerts(value))
            return Status::Critical;
        if (warn && warn->alerts(value))
            return Status::Warning;
        return Status::Ok;
    }

    Result replicas(const Context& c)
    {
        Result r { u"replicas"_s, Status::Ok, {}, {} };
        int healthy = 0;
        int sync = 0;
        QStringList unhealthy;
        for (const Cluster::MemberView& v : c.views) {
            if (v.isLeader() || v.believedLeader)
                continue;
            if (v.health == Cluster::Health::Healthy)
                ++healthy;
            else
                unhealthy.append(u"%1 (%2)"_s.arg(name(v.name), name(v.state)));
            if (v.role == Cluster::Role::SyncStandby || v.role == Cluster::Role::QuorumStandby)
                ++sync;
        }
        const Options& o = c.options;
        if (o.warnReplicas || o.critReplicas)
            r.status = byRanges(healthy, o.warnReplicas, o.critReplicas);
        else if (!unhealthy.isEmpty() || healthy == 0)
            r.status = Status::Warning;
        r.message = u"%1 healthy replica(s)"_s.arg(healthy)
            + (unhealthy.isEmpty() ? QString() : u"; not healthy: "_s + unhealthy.join(u", "_s));
        r.perf.append({ u"healthy_replicas"_s, double(healthy), {}, o.warnReplicas ? o.warnReplicas->text : QString(),
            o.critReplicas ? o.critReplicas->text : QString(), 0.0, {} });
        r.perf.append({ u"unhealthy_replicas"_s, double(unhealthy.size()), {}, {}, {}, 0.0, {} });
        r.perf.append({ u"sync_replicas"_s, double(sync), {}, {}, {}, 0.0, {} });
        return r;
    }

    Result lag(const Context& c)
    {
        Result r { u"lag"_s, Status::Ok, {}, {} };
        const Options& o = c.options;
        const QString wb = o.warnLagBytes ? QString::number(*o.warnLagBytes->bytes) : QString();
        const QString cb = o.critLagBytes ? QString::number(*o.critLagBytes->bytes) : QString();
        const QString ws = o.warnLagSeconds ? num(*o.warnLagSeconds->seconds) : QString();
        const QString cs = o.critLagSeconds ? num(*o.critLagSeconds->seconds) : QString();
        QStringList problems;
        QString worst;
        qint64 worstBytes = -1;
        for (const Cluster::MemberView& v : c.views) {
            if (v.isLeader() || v.believedLeader)
                continue;
            if (v.lagBytes) {
                r.perf.append({ u"lag_bytes_"_s + v.name, double(*v.lagBytes), u"B"_s, wb, cb, 0.0, {} });
                if (*v.lagBytes > worstBytes) {
                    worstBytes = *v.lagBytes;
                    worst = v.name;
                }
                if (o.critLagBytes && *v.lagBytes > *o.critLagBytes->bytes) {
                    r.status = worse(r.status, Status::Critical);
                    problems.append(u"%1 is %2 behind (critical above %3)"_s.arg(
                        name(v.name), bytesText(*v.lagBytes), bytesText(*o.critLagBytes->bytes)));
                } else if (o.warnLagBytes && *v.lagBytes > *o.warnLagBytes->bytes) {
                    r.status = worse(r.status, Status::Warning);
                    problems.append(u"%1 is %2 behind (warning above %3)"_s.arg(
                        name(v.name), bytesText(*v.lagBytes), bytesText(*o.warnLagBytes->bytes)));
                }
            } else if (v.lagUnknown && (o.warnLagBytes || o.critLagBytes)) {
                r.status = worse(r.status, Status::Warning);
                problems.append(u"%1's lag in bytes is unknown"_s.arg(name(v.name)));
            }
            if (v.lagSeconds) {
                r.perf.append({ u"lag_seconds_"_s + v.name, *v.lagSeconds, u"s"_s, ws, cs, 0.0, {} });
                if (o.critLagSeconds && *v.lagSeconds > *o.critLagSeconds->seconds) {
                    r.status = worse(r.status, Status::Critical);
                    problems.append(u"%1 is %2 s behind (critical above %3 s)"_s.arg(
                        name(v.name), num(*v.lagSeconds), num(*o.critLagSeconds->seconds)));
                } else if (o.warnLagSeconds && *v.lagSeconds > *o.warnLagSeconds->seconds) {
                    r.status = worse(r.status, Status::Warning);
                    problems.append(u"%1 is %2 s behind (warning above %3 s)"_s.arg(
                        name(v.name), num(*v.lagSeconds), num(*o.warnLagSeconds->seconds)));
                }
            } else if (o.warnLagSeconds || o.critLagSeconds) {
                r.status = worse(r.status, Status::Warning);
                problems.append(
                    u"%1's lag in seconds is unknown (PostgreSQL was not asked or cannot tell)"_s.arg(name(v.name)));
            }
        }
        if (!problems.isEmpty())
            r.message = problems.join(u"; "_s);
        else if (worstBytes >= 0)
            r.message = u"worst lag %1 (%2)"_s.arg(bytesText(worstBytes), name(worst))
                + (c.summary.worstLagSeconds ? u", %1 s"_s.arg(num(*c.summary.worstLagSeconds)) : QString());
        else
            r.message = u"no replica lag known"_s;
        return r;
    }

    Result members(const Context& c)
    {
        Result r { u"members"_s, Status::Ok, {}, {} };
        const int total = int(c.state.view.members.size());
        r.status = byRanges(total, c.options.warnMembers, c.options.critMembers);
        r.message = u"%1 member(s), %2 running"_s.arg(total).arg(c.summary.membersRunning);
        r.perf.append(
            { u"members"_s, double(total), {}, c.options.warnMembers ? c.options.warnMembers->text : QString(),
                c.options.critMembers ? c.options.critMembers->text : QString(), 0.0, {} });
        r.perf.append({ u"members_running"_s, double(c.summary.membersRunning), {}, {}, {}, 0.0, {} });
        return r;
    }

    Result maintenance(const Context& c)
    {
        const bool paused = c.state.view.paused;
        Result r { u"maintenance"_s, paused ? Status::Critical : Status::Ok,
            paused ? u"in maintenance mode (paused): Patroni will not fail over"_s : u"not paused"_s, {} };
        r.perf.append({ u"is_in_maintenance"_s, paused ? 1.0 : 0.0, {}, {}, {}, 0.0, 1.0 });
        return r;
    }

    Result scheduled(const Context& c)
    {
        Result r { u"scheduled"_s, Status::Ok, {}, {} };
        QStringList actions;
        if (const auto& sw = c.state.view.scheduledSwitchover)
            actions.append(
                u"a switchover at %1%2"_s.arg(name(sw->at), sw->to.isEmpty() ? QString() : u" to "_s + name(sw->to)));
        int restarts = 0;
        for (const Cluster::Member& m : c.state.view.members) {
            if (!m.scheduledRestart.isEmpty()) {
                ++restarts;
                actions.append(u"a restart of %1 at %2"_s.arg(name(m.name), name(m.scheduledRestart)));
            }
        }
        if (!actions.isEmpty()) {
            r.status = Status::Critical;
            r.message = u"scheduled: "_s + actions.join(u", "_s);
        } else {
            r.message = u"nothing scheduled"_s;
        }
        r.perf.append({ u"scheduled_actions"_s, double(actions.size()), {}, {}, {}, 0.0, {} });
        r.perf.append({ u"scheduled_restarts"_s, double(restarts), {}, {}, {}, 0.0, {} });
        return r;
    }

    Result findingsCheck(const Context& c)
    {
        Result r { u"findings"_s, Status::Ok, {}, {} };
        int critical = 0;
        int warning = 0;
        QStringList shown;
        for (const Cluster::Finding& f : c.findings) {
            if (f.severity == Cluster::Severity::Critical)
                ++critical;
            else if (f.severity == Cluster::Severity::Warning)
                ++warning;
            else
                continue;
            if (shown.size() < 3)
                shown.append(Cluster::displayText(f.message, 300));
        }
        r.status = critical ? Status::Critical : warning ? Status::Warning : Status::Ok;
        r.message = shown.isEmpty() ? u"no finding"_s
                                    : shown.join(u"; "_s)
                + (critical + warning > shown.size() ? u" (and %1 more)"_s.arg(critical + warning - shown.size())
                                                     : QString());
        r.perf.append({ u"findings_critical"_s, double(critical), {}, {}, {}, 0.0, {} });
        r.perf.append({ u"findings_warning"_s, double(warning), {}, {}, {}, 0.0, {} });
        return r;
    }

    Result configChanged(const Context& c)
    {
        Result r { u"config-changed"_s, Status::Ok, {}, {} };
        if (!c.options.remembered) {
            r.status = Status::Unknown;
            r.message = u"needs --state-file (where the reference is kept)"_s;
            return r;
        }
        if (!c.state.config || c.state.configSource.failing()) {
            r.status = Status::Unknown;
            r.message
                = u"the dynamic configuration could not be read: "_s + Cluster::describe(c.state.configSource.error);
            return r;
        }
        const QString hash = configHash(c.state.config->raw);
        c.toRemember->configHash = hash;
        const QString before = c.options.remembered->configHash;
        if (before.isEmpty())
            r.message = u"the configuration's reference is now %1"_s.arg(hash.left(12));
        else if (before != hash) {
            r.status = Status::Critical;
            r.message
                = u"the dynamic configuration changed (reference %1, now %2)"_s.arg(before.left(12), hash.left(12));
        } else
            r.message = u"the dynamic configuration is unchanged"_s;
        r.perf.append(
            { u"is_configuration_changed"_s, r.status == Status::Critical ? 1.0 : 0.0, {}, {}, {}, 0.0, 1.0 });
        return r;
    }

    Result timelineChanged(const Context& c)
    {
        Result r { u"timeline-changed"_s, Status::Ok, {}, {} };
        if (!c.options.remembered) {
            r.status = Status::Unknown;
            r.message = u"needs --state-file (where the reference is kept)"_s;
            return r;
        }
        std::optional<int> timeline = c.summary.timeline;
        if (!c.options.member.isEmpty()) {
            QString unknown;
            const QList<Cluster::MemberView> subjects = c.subjects(&unknown);
            timeline = subjects.isEmpty() ? std::nullopt : subjects.first().timeline;
        }
        if (!timeline) {
            r.status = Status::Unknown;
            r.message = u"the timeline is not known"_s;
            return r;
        }
        c.toRemember->timeline = timeline;
        const std::optional<int> before = c.options.remembered->timeline;
        if (!before)
            r.message = u"the timeline's reference is now %1"_s.arg(*timeline);
        else if (*before != *timeline) {
            r.status = Status::Critical;
            r.message = u"the timeline changed from %1 to %2"_s.arg(*before).arg(*timeline);
        } else
            r.message = u"timeline %1, unchanged"_s.arg(*timeline);
        r.perf.append({ u"is_timeline_changed"_s, r.status == Status::Critical ? 1.0 : 0.0, {}, {}, {}, 0.0, 1.0 });
        r.perf.append({ u"timeline"_s, double(*timeline), {}, {}, {}, {}, {} });
        return r;
    }

    // The node checks: one verdict per member asked about, the worst wins.
    template <typename Judge> Result perMember(const Context& c, const QString& check, bool needsMember, Judge judge)
    {
        Result r { check, Status::Ok, {}, {} };
        if (needsMember && c.options.member.isEmpty()) {
            r.status = Status::Unknown;
            r.message = u"needs --member NAME"_s;
            return r;
        }
        QString unknown;
        const QList<Cluster::MemberView> subjects = c.subjects(&unknown);
        if (!unknown.isEmpty()) {
            r.status = Status::Unknown;
            r.message = unknown;
            return r;
        }
        QStringList bad;
        QStringList good;
        for (const Cluster::MemberView& v : subjects) {
            QString why;
            const Status s = judge(v, &why);
            r.status = worse(r.status, s);
            (s == Status::Ok ? good : bad).append(why);
        }
        r.message = (bad.isEmpty() ? good : bad).join(u"; "_s);
        return r;
    }

} // namespace

QList<Result> run(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings, const Options& options,
    Remembered* toRemember)
{
    if (options.remembered)
        *toRemember = *options.remembered;
    if (!state.dcs.everSucceeded() || state.dcs.failing()) {
        return { Result { u"patroni"_s, Status::Unknown,
            u"the cluster could not be read: "_s + Cluster::describe(state.dcs.error), {} } };
    }
    Context c { state, findings, options, Cluster::memberViews(state, findings), Cluster::summarize(state, findings),
        toRemember };
    QList<Result> out;
    const QStringList asked = options.checks.isEmpty() ? defaultChecks() : options.checks;
    for (const QString& check : asked) {
        if (check == u"leader"_s)
            out.append(leader(c));
        else if (check == u"routing"_s)
            out.append(routing(c));
        else if (check == u"replicas"_s)
            out.append(replicas(c));
        else if (check == u"lag"_s)
            out.append(lag(c));
        else if (check == u"members"_s)
            out.append(members(c));
        else if (check == u"maintenance"_s)
            out.append(maintenance(c));
        else if (check == u"scheduled"_s)
            out.append(scheduled(c));
        else if (check == u"findings"_s)
            out.append(findingsCheck(c));
        else if (check == u"config-changed"_s)
            out.append(configChanged(c));
        else if (check == u"timeline-changed"_s)
            out.append(timelineChanged(c));
        else if (check == u"alive"_s)
            out.append(perMember(c, check, false, [&state](const Cluster::MemberView& v, QString* why) {
                const auto o = state.members.constFind(v.name);
                const bool alive = o != state.members.constEnd() && o->reachable();
                *why = alive ? u"%1's REST API answers"_s.arg(name(v.name))
                             : u"%1's REST API does not answer%2"_s.arg(name(v.name),
                                 o != state.members.constEnd() && o->source.failing()
                                     ? u": "_s + Cluster::describe(o->source.error)
                                     : QString());
                return alive ? Status::Ok : Status::Critical;
            }));
        else if (check == u"primary"_s)
            out.append(perMember(c, check, true, [&c](const Cluster::MemberView& v, QString* why) {
                const bool primary = v.believedLeader && (v.state == u"running"_s);
                *why = primary
                    ? u"%1 is the running leader"_s.arg(name(v.name))
                    : u"%1 is not the primary: %2 (%3); the leader is %4"_s.arg(name(v.name), Cluster::shownRole(v),
                        name(v.state), c.summary.leader.isEmpty() ? u"nobody"_s : name(c.summary.leader));
                return primary ? Status::Ok : Status::Critical;
            }));
        else if (check == u"replica"_s)
            out.append(perMember(c, check, true, [&options](const Cluster::MemberView& v, QString* why) {
                const bool replica = !v.isLeader() && !v.believedLeader
                    && (v.state == u"running"_s || v.state == u"streaming"_s) && v.health != Cluster::Health::Critical;
                QStringList over;
                if (options.critLagBytes && v.lagBytes && *v.lagBytes > *options.critLagBytes->bytes)
                    over.append(bytesText(*v.lagBytes) + u" behind"_s);
                if (options.critLagSeconds && v.lagSeconds && *v.lagSeconds > *options.critLagSeconds->seconds)
                    over.append(num(*v.lagSeconds) + u" s behind"_s);
                if (replica && over.isEmpty()) {
                    *why = u"%1 is a %2 replica"_s.arg(name(v.name), name(v.state));
                    return Status::Ok;
                }
                *why = replica
                    ? u"%1 is %2"_s.arg(name(v.name), over.join(u" and "_s))
                    : u"%1 is not a running replica: %2 (%3)"_s.arg(name(v.name), Cluster::shownRole(v), name(v.state));
                return Status::Critical;
            }));
        else if (check == u"pending-restart"_s)
            out.append(perMember(c, check, false, [](const Cluster::MemberView& v, QString* why) {
                *why = v.pendingRestart ? u"%1 needs a restart to apply its settings"_s.arg(name(v.name))
                                        : u"%1 needs no restart"_s.arg(name(v.name));
                return v.pendingRestart ? Status::Critical : Status::Ok;
            }));
        else if (check == u"version"_s) {
            if (options.patroniVersion.isEmpty()) {
                out.append({ check, Status::Unknown, u"needs --patroni-version VERSION"_s, {} });
                continue;
            }
            out.append(perMember(c, check, false, [&state, &options](const Cluster::MemberView& v, QString* why) {
                const auto o = state.members.constFind(v.name);
                if (o == state.members.constEnd() || !o->status) {
                    *why = u"%1's Patroni version is unknown (its API did not answer)"_s.arg(name(v.name));
                    return Status::Unknown;
                }
                const QString version = o->status->patroniVersion;
                *why = u"%1 runs Patroni %2"_s.arg(name(v.name), name(version))
                    + (version == options.patroniVersion ? QString() : u", not %1"_s.arg(options.patroniVersion));
                return version == options.patroniVersion ? Status::Ok : Status::Critical;
            }));
        }
    }
    return out;
}

Status overall(const QList<Result>& results)
{
    Status s = Status::Ok;
    for (const Result& r : results)
        s = worse(s, r.status);
    return s;
}

QString pluginOutput(const QString& cluster, const QList<Result>& results)
{
    const Status status = overall(results);
    // The line a pager shows: what is wrong, worst first; all well: every check's word in short.
    QList<Result> sorted = results;
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const Result& a, const Result& b) { return rank(a.status) > rank(b.status); });
    QStringList said;
    for (const Result& r : std::as_const(sorted)) {
        if (r.status != Status::Ok || status == Status::Ok)
            said.append(r.check + u": "_s + Cluster::displayText(r.message, 500));
        if (status == Status::Ok && said.size() >= 2)
            break;
    }
    QStringList perf;
    for (const Result& r : results) {
        for (const PerfValue& p : r.perf)
            perf.append(perfText(p));
    }
    // The plugin guidelines reserve '|' for the performance data: none in the text.
    QString line = (u"PATRONI CONSOLE %1 - %2: "_s.arg(statusName(status), Cluster::displayText(cluster, 80))
        + said.join(u"; "_s));
    line.replace(u'|', u'/');
    QString out = line + (perf.isEmpty() ? QString() : u" | "_s + perf.join(u' ')) + u'\n';
    for (const Result& r : results)
        out += (u"[%1] %2: %3"_s.arg(statusName(r.status), r.check, Cluster::displayText(r.message, 2000)))
                   .replace(u'|', u'/')
            + u'\n';
    return out;
}

} // namespace Check
