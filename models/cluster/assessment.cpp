#include "models/cluster/assessment.h"
#include "models/cluster/translate.h"

#include "models/itemmodels/membertablemodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    QString tr(const char* text)
    {
        return Cluster::translate(text);
    }

    bool isRunningState(const QString& state)
    {
        return state == u"running"_s || state == u"streaming"_s;
    }

    Health worse(Health a, Health b)
    {
        return healthRank(a) <= healthRank(b) ? a : b;
    }

    // A member's health raised to the worst finding about it (info findings only inform).
    Health withFinding(Health h, std::optional<Severity> finding)
    {
        if (!finding || *finding == Severity::Info)
            return h;
        if (*finding == Severity::Critical)
            return Health::Critical;
        return h == Health::Healthy || h == Health::Unknown ? Health::Warning : h;
    }

} // namespace

QString shownRole(const MemberView& v)
{
    if (v.believedLeader && !v.isLeader())
        return tr("Leader (promoting)"); // the DCS named it a moment ago; the node has not said so yet
    if (!v.believedLeader && v.isLeader()) {
        if (v.reach != Reach::Answering && isLeaderRole(v.dcs.role))
            return tr("Leader per DCS only"); // its own API is silent: only the DCS's cache says so
        return tr("Leader (not believed)"); // two leaders, or one the DCS does not name
    }
    return roleName(v.role);
}

QString explainState(const MemberView& v, const QString& upstream)
{
    const QString s = v.state.toLower();
    const QString from = upstream.isEmpty() ? tr("its upstream") : upstream;
    QString why;
    if (s == unreachableState())
        why = tr("its Patroni REST API does not answer; the rest is the DCS's last word on it");
    else if (s == u"streaming"_s)
        why = tr("receiving WAL from %1").arg(from);
    else if (s == u"running"_s)
        why = isLeaderRole(v.role) ? tr("the primary, accepting writes")
                                   : tr("a replica of %1, replaying its WAL").arg(from);
    else if (s == u"stopped"_s)
        why = tr("PostgreSQL is not running on this node");
    else if (s == u"crashed"_s)
        why = tr("PostgreSQL stopped unexpectedly; Patroni will try to start it");
    else if (s == u"start failed"_s || s == u"stop failed"_s)
        why = tr("Patroni could not start or stop PostgreSQL; see the node's log");
    else if (s == u"starting"_s || s == u"restarting"_s)
        why = tr("PostgreSQL is starting; it takes no connections yet");
    else if (s == u"stopping"_s)
        why = tr("PostgreSQL is shutting down");
    else if (s == u"creating replica"_s)
        why = tr("copying the data from another member (pg_basebackup or a restore)");
    else if (s == u"in archive recovery"_s)
        why = tr("replaying WAL from the archive, not streaming from %1").arg(from);
    else if (s.isEmpty())
        return tr("no state known yet");
    else
        return v.state;
    return v.state + u": "_s + why;
}

QString believedLeader(const QList<MemberView>& views)
{
    for (const MemberView& v : views) {
        if (v.believedLeader)
            return v.name;
    }
    return {};
}

QString unreachableState()
{
    return u"unreachable"_s;
}

StateKind stateKind(const QString& state)
{
    const QString s = state.trimmed().toLower();
    if (s.isEmpty())
        return StateKind::Unknown;
    if (s == unreachableState())
        return StateKind::Unreachable;
    if (s == u"streaming"_s)
        return StateKind::Streaming;
    if (s == u"running"_s)
        return StateKind::Running;
    if (s == u"stopped"_s)
        return StateKind::Stopped;
    if (s == u"crashed"_s || s.endsWith(u" failed"_s))
        return StateKind::Failed;
    return StateKind::Transition;
}

QString stateKindKey(StateKind kind)
{
    switch (kind) {
    case StateKind::Running:
        return u"running"_s;
    case StateKind::Streaming:
        return u"streaming"_s;
    case StateKind::Transition:
        return u"transition"_s;
    case StateKind::Stopped:
        return u"stopped"_s;
    case StateKind::Failed:
        return u"failed"_s;
    case StateKind::Unreachable:
        return u"unreachable"_s;
    case StateKind::Unknown:
        break;
    }
    return u"unknown"_s;
}

Health stateHealth(Role role, const QString& state, bool lagUnknown, bool pendingRestart)
{
    const QString s = state.toLower();
    if (s == unreachableState() || s == u"stopped"_s || s == u"crashed"_s || s == u"start failed"_s
        || s == u"stop failed"_s)
        return Health::Critical;
    if (isRunningState(s)) {
        if (isReplicaRole(role) && lagUnknown)
            return Health::Warning;
        if (pendingRestart)
            return Health::Warning;
        return Health::Healthy;
    }
    if (s.isEmpty())
        return Health::Unknown;
    return Health::Warning; // starting, stopping, restarting, creating replica, in archive recovery, unknown…
}

QList<MemberView> memberViews(const ClusterState& state, const QList<Finding>& findings)
{
    QHash<QString, Severity> worst;
    for (const Finding& f : findings) {
        if (f.subject.isEmpty())
            continue;
        const auto it = worst.constFind(f.subject);
        if (it == worst.constEnd() || int(f.severity) > int(*it))
            worst.insert(f.subject, f.severity);
    }
    QList<MemberView> out;
    out.reserve(state.view.members.size());
    const QString believed = effectiveLeader(state);
    for (const Member& m : state.view.members) {
        MemberView v;
        v.name = m.name;
        v.dcs = m;
        v.role = m.role;
        v.roleText = m.roleText;
        v.state = m.state;
        v.timeline = m.timeline;
        v.pendingRestart = m.pendingRestart;
        const auto obs = state.members.constFind(m.name);
        if (obs != state.members.constEnd()) {
            if (obs->source.failing())
                v.reach = Reach::Silent;
            else if (obs->status && obs->source.everSucceeded())
                v.reach = Reach::Answering;
        }
        if (v.reach == Reach::Answering) {
            const Patroni::MemberStatus& own = *obs->status;
            // The node's own role, except that the DCS's finer replica roles (sync or quorum standby)
            // are kept when the node just says "replica".
            if (own.role != Role::Unknown && !(isReplicaRole(own.role) && isReplicaRole(m.role))) {
                v.role = own.role;
                v.roleText = own.roleText;
            }
            if (!own.state.isEmpty())
                v.state = own.state;
            if (own.timeline)
                v.timeline = own.timeline;
            v.pendingRestart = v.pendingRestart || own.pendingRestart;
        } else if (v.reach == Reach::Silent) {
            v.state = unreachableState();
        }
        if (!isLeaderRole(v.role)) {
            v.lagBytes = m.lagBytes;
            v.lagUnknown = m.lagUnknown;
            v.lagSeconds = state.lagSeconds(m.name);
        }
        const auto w = worst.constFind(m.name);
        if (w != worst.constEnd())
            v.worstFinding = *w;
        v.health = withFinding(stateHealth(v.role, v.state, v.lagUnknown, v.pendingRestart), v.worstFinding);
        v.believedLeader = !believed.isEmpty() && v.name == believed;
        out.append(v);
    }
    return out;
}

std::optional<MemberView> memberView(const ClusterState& state, const QList<Finding>& findings, const QString& name)
{
    for (const MemberView& v : memberViews(state, findings)) {
        if (v.name == name)
            return v;
    }
    return std::nullopt;
}

QString effectiveLeader(const ClusterState& state, int promotionGraceSeconds)
{
    const QStringList leaders = state.view.leaders();
    if (leaders.size() != 1)
        return {};
    const QString name = leaders.first();
    const auto obs = state.members.constFind(name);
    if (obs == state.members.constEnd())
        return name; // not asked yet: the DCS's word is all there is
    if (obs->source.failing())
        return {}; // killed, hung or gone: it cannot be taking writes the console can see
    if (obs->status && obs->status->role != Role::Unknown && !isLeaderRole(obs->status->role)) {
        // It says it is not the primary. Right after the DCS named it, that is a promotion under way
        // (LAB-FACTS: ~2 s); later it is a leader that demoted itself (etcd lost quorum) or never rose.
        const QDateTime answered = obs->source.lastSuccess;
        if (state.leaderSince.isValid() && answered.isValid()
            && state.leaderSince.secsTo(answered) < promotionGraceSeconds)
            return name;
        return {};
    }
    return name;
}

QString healthKey(Health health)
{
    switch (health) {
    case Health::Healthy:
        return u"healthy"_s;
    case Health::Warning:
        return u"warning"_s;
    case Health::Critical:
        return u"critical"_s;
    case Health::Unknown:
        break;
    }
    return u"unknown"_s;
}

int healthRank(Health health)
{
    switch (health) {
    case Health::Critical:
        return 0;
    case Health::Warning:
        return 1;
    case Health::Unknown:
        return 2;
    case Health::Healthy:
        return 3;
    }
    return 2;
}

ClusterSummary summarize(const ClusterState& state, const QList<Finding>& findings)
{
    ClusterSummary s;
    s.everRead = state.dcs.everSucceeded();
    s.stale = state.dcs.failing();
    s.paused = state.view.paused;
    if (!findings.isEmpty())
        s.worstFinding = findings.first(); // the store keeps them worst first
    if (!s.everRead) {
        s.health = s.stale ? Health::Critical : Health::Unknown;
        s.headline = s.stale ? tr("UNREACHABLE — %1").arg(describe(state.dcs.error)) : tr("connecting…");
        return s;
    }

    const QList<MemberView> views = memberViews(state, findings);
    s.leader = believedLeader(views);
    s.dcsLeaders = state.view.leaders();
    s.membersTotal = int(views.size());
    Health health = Health::Healthy;
    for (const MemberView& v : views) {
        if (v.reach != Reach::Silent && isRunningState(v.state))
            ++s.membersRunning;
        if (v.name == s.leader)
            s.timeline = v.timeline;
        if (v.health == Health::Critical || v.health == Health::Warning)
            health = worse(health, Health::Warning); // one member down is the cluster's warning
        if (v.isLeader())
            continue;
        if (v.lagBytes && (!s.worstLagBytes || *v.lagBytes > *s.worstLagBytes)) {
            s.worstLagBytes = v.lagBytes;
            s.worstLagMember = v.name;
        }
        if (v.lagSeconds && (!s.worstLagSeconds || *v.lagSeconds > *s.worstLagSeconds))
            s.worstLagSeconds = v.lagSeconds;
    }
    for (const Finding& f : findings) {
        if (f.severity == Severity::Critical)
            health = Health::Critical;
        else if (f.severity == Severity::Warning)
            health = worse(health, Health::Warning);
    }
    if (s.leader.isEmpty() || s.stale)
        health = Health::Critical;
    s.health = health;

    QString leaderPart;
    if (!s.leader.isEmpty()) {
        leaderPart = tr("Leader %1").arg(s.leader);
    } else if (s.dcsLeaders.isEmpty()) {
        leaderPart = tr("NO LEADER");
    } else if (s.dcsLeaders.size() > 1) {
        leaderPart = tr("%1 LEADERS: %2").arg(s.dcsLeaders.size()).arg(s.dcsLeaders.join(u", "_s));
    } else {
        const QString named = s.dcsLeaders.first();
        QString why = tr("which does not run as primary");
        for (const MemberView& v : views) {
            if (v.name != named)
                continue;
            if (v.reach == Reach::Silent)
                why = tr("whose API does not answer");
            else if (!v.isLeader())
                why = tr("which runs as %1").arg(v.roleText.isEmpty() ? roleKey(v.role) : v.roleText);
        }
        leaderPart = tr("NO LEADER (the DCS names %1, %2)").arg(named, why);
    }
    QStringList parts { leaderPart, tr("%1/%2 running").arg(s.membersRunning).arg(s.membersTotal) };
    if (s.timeline)
        parts.append(tr("TL %1").arg(*s.timeline));
    if (s.worstLagBytes)
        parts.append(tr("max lag %1 (%2)").arg(ItemModels::formatBytes(*s.worstLagBytes), s.worstLagMember));
    if (s.paused)
        parts.append(tr("PAUSED"));
    s.headline = parts.join(u" · "_s);
    if (s.stale)
        s.headline = tr("STALE — ") + s.headline;
    return s;
}

} // namespace Cluster
