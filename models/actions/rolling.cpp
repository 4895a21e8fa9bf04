#include "models/actions/rolling.h"

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace Actions {

QString RollingPlan::summary() const
{
    QString s = replicas.isEmpty() ? u"no replica"_s : replicas.join(u", "_s) + u" one at a time"_s;
    if (leaderToo)
        s += u", then a switchover away from %1, then %1"_s.arg(leader);
    return s;
}

bool settled(const Cluster::ClusterStore& store, QString* why)
{
    if (!store.hasView() || store.isStale()) {
        *why = u"the cluster cannot be read"_s;
        return false;
    }
    const QList<Cluster::MemberView> views = Cluster::memberViews(store.state(), store.findings());
    const QString leader = Cluster::believedLeader(views);
    if (leader.isEmpty()) {
        *why = u"there is no leader"_s;
        return false;
    }
    for (const Cluster::MemberView& v : views) {
        if ((v.state != u"running"_s && v.state != u"streaming"_s) || v.reach != Cluster::Reach::Answering) {
            *why = u"%1 is %2"_s.arg(v.name, v.state);
            return false;
        }
        if (v.name != leader && (!v.lagBytes || v.lagUnknown)) {
            *why = u"%1's lag is not known yet"_s.arg(v.name);
            return false;
        }
    }
    return true;
}

RollingPlan restartOrder(const Cluster::ClusterStore& store, bool pendingOnly)
{
    RollingPlan plan;
    const QList<Cluster::MemberView> views = Cluster::memberViews(store.state(), store.findings());
    plan.leader = Cluster::believedLeader(views);
    for (const Cluster::MemberView& v : views) {
        if (pendingOnly && !v.pendingRestart)
            continue;
        if (v.name == plan.leader)
            plan.leaderToo = true;
        else
            plan.replicas.append(v.name);
    }
    return plan;
}

RollingPlan rollingPlan(const Cluster::ClusterStore& store, bool pendingOnly)
{
    QString why;
    if (!settled(store, &why)) {
        RollingPlan refused;
        refused.problem = u"a rolling restart starts from a healthy cluster, and "_s + why;
        return refused;
    }
    RollingPlan plan = restartOrder(store, pendingOnly);
    if (plan.replicas.isEmpty() && !plan.leaderToo)
        plan.problem = u"no member needs a restart"_s;
    return plan;
}

QString rollingCandidate(const Cluster::ClusterStore& store, const RollingPlan& plan)
{
    QString candidate;
    QString anyEligible;
    for (const Candidate& c : candidates(store.state(), store.findings())) {
        if (!c.eligible())
            continue;
        if (anyEligible.isEmpty())
            anyEligible = c.name;
        if (candidate.isEmpty() && plan.replicas.contains(c.name))
            candidate = c.name;
    }
    return candidate.isEmpty() ? anyEligible : candidate;
}

RollingStep rollingStep(const Cluster::ClusterStore& store, const RollingPlan& plan, int index)
{
    RollingStep step;
    Request& r = step.request;
    r.kind = Kind::Restart;
    if (index < plan.replicas.size()) {
        r.member = plan.replicas.at(index);
    } else if (index == plan.replicas.size()) {
        r.kind = Kind::Switchover;
        r.candidate = rollingCandidate(store, plan);
        step.expectedLeader = plan.leader;
        return step;
    } else {
        r.member = plan.leader;
    }
    step.expectedLeader = Cluster::summarize(store.state(), store.findings()).leader;
    return step;
}

} // namespace Actions
