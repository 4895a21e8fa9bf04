#include "models/cluster/topology.h"
#include "models/cluster/translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    QString tr(const char* text)
    {
        return Cluster::translate(text);
    }

    Health healthOf(Severity severity)
    {
        switch (severity) {
        case Severity::Critical:
            return Health::Critical;
        case Severity::Warning:
            return Health::Warning;
        case Severity::Info:
            break;
        }
        return Health::Healthy;
    }

    bool tagSet(const QVariantMap& tags, const QString& name)
    {
        const QVariant v = tags.value(name);
        return v.isValid() && v.toBool();
    }

    QStringList badgesOf(const QVariantMap& tags)
    {
        QStringList out;
        for (const QString& flag : { u"nofailover"_s, u"noloadbalance"_s, u"nosync"_s, u"nostream"_s }) {
            if (tagSet(tags, flag))
                out.append(flag);
        }
        if (const QString from = tags.value(u"replicatefrom"_s).toString(); !from.isEmpty())
            out.append(u"replicatefrom "_s + from);
        if (tags.contains(u"failover_priority"_s))
            out.append(u"failover_priority "_s + tags.value(u"failover_priority"_s).toString());
        if (tags.contains(u"clonefrom"_s) && tagSet(tags, u"clonefrom"_s))
            out.append(u"clonefrom"_s);
        return out;
    }

    LinkKind linkOf(const QString& syncState, Role role)
    {
        if (syncState == u"sync"_s)
            return LinkKind::Sync;
        if (syncState == u"quorum"_s)
            return LinkKind::Quorum;
        if (syncState == u"potential"_s)
            return LinkKind::Potential;
        if (role == Role::SyncStandby)
            return LinkKind::Sync;
        if (role == Role::QuorumStandby)
            return LinkKind::Quorum;
        return LinkKind::Async;
    }

    // The upstream's own list of who streams from it: PostgreSQL's (libpq) when it is this
    // upstream's, else the one in the upstream's GET /patroni.
    struct Downstream {
        QString state;
        QString syncState;
    };
    QHash<QString, Downstream> downstreamOf(const ClusterState& s, const QString& upstream)
    {
        QHash<QString, Downstream> out;
        if (upstream.isEmpty())
            return out;
        // A silent upstream's last answer is old news: nobody is seen streaming from it.
        const auto obs = s.members.constFind(upstream);
        if (obs != s.members.constEnd() && obs->status && !obs->source.failing()) {
            for (const Patroni::ReplicationRow& r : obs->status->replication)
                out.insert(r.applicationName, Downstream { r.state, r.syncState });
        }
        if (s.postgres && s.postgres->primaryMember == upstream && s.postgres->primary && !s.postgresSource.failing()
            && !s.postgres->errors.contains(upstream)) {
            for (const Postgres::ReplicationStat& r : s.postgres->primary->stats)
                out.insert(r.applicationName, Downstream { r.state, r.syncState });
        }
        return out;
    }

} // namespace

const TopologyMember* Topology::member(const QString& name) const
{
    for (const TopologyMember& m : members) {
        if (m.view.name == name)
            return &m;
    }
    return nullptr;
}

const TopologyRoute* Topology::route(int port) const
{
    for (const TopologyRoute& r : routes) {
        if (r.port == port)
            return &r;
    }
    return nullptr;
}

Topology buildTopology(const ClusterState& state, const QList<Finding>& findings)
{
    Topology t;
    const QList<MemberView> views = memberViews(state, findings);
    t.leader = believedLeader(views);
    const QStringList dcsLeaders = state.view.leaders();
    // The anchor of the replication tree: the leader believed in, else the DCS's single one.
    const QString anchor = !t.leader.isEmpty() ? t.leader : (dcsLeaders.size() == 1 ? dcsLeaders.first() : QString());

    QHash<QString, QStringList> sentences; // subject -> sentences, worst first (findings come worst first)
    for (const Finding& f : findings) {
        if (!f.subject.isEmpty())
            sentences[f.subject].append(f.shownMessage());
    }

    QSet<QString> names;
    for (const MemberView& v : views)
        names.insert(v.name);
    for (const MemberView& v : views) {
        if (v.name == anchor && v.timeline)
            t.leaderTimeline = v.timeline;
    }

    QList<TopologyMember> unordered;
    for (const MemberView& v : views) {
        TopologyMember m;
        m.view = v;
        m.tagBadges = badgesOf(v.dcs.tags);
        m.findings = sentences.value(v.name);
        m.leader = !t.leader.isEmpty() && v.name == t.leader;
        m.dcsCallsLeader = isLeaderRole(v.dcs.role) && v.name != t.leader;
        m.oldTimeline = t.leaderTimeline && v.timeline && *v.timeline != *t.leaderTimeline;
        if (v.name != anchor && !(anchor.isEmpty() && isLeaderRole(v.role))) {
            const QString from = v.dcs.tags.value(u"replicatefrom"_s).toString();
            if (!from.isEmpty() && from != v.name && names.contains(from)) {
                m.upstream = from;
                m.cascading = from != anchor;
            } else {
                m.upstream = anchor;
            }
        }
        unordered.append(m);
    }

    // Streaming and sync state from each upstream's own list.
    QHash<QString, QHash<QString, Downstream>> lists;
    for (TopologyMember& m : unordered) {
        if (m.upstream.isEmpty())
            continue;
        if (!lists.contains(m.upstream))
            lists.insert(m.upstream, downstreamOf(state, m.upstream));
        const QHash<QString, Downstream>& list = lists[m.upstream];
        const auto row = list.constFind(m.view.name);
        const QString syncState = row != list.constEnd() ? row->syncState : QString();
        m.link = linkOf(syncState, m.view.role);
        m.streaming = (row != list.constEnd() && row->state == u"streaming"_s) || m.view.state == u"streaming"_s;
        if (m.view.reach == Reach::Silent)
            m.streaming = false;
    }

    // Depth by following upstreams (a loop of replicatefrom tags stops at the member count).
    QHash<QString, QString> upstreamOf;
    for (const TopologyMember& m : std::as_const(unordered))
        upstreamOf.insert(m.view.name, m.upstream);
    for (TopologyMember& m : unordered) {
        int depth = 0;
        QString at = m.upstream;
        while (!at.isEmpty() && depth <= unordered.size()) {
            ++depth;
            at = upstreamOf.value(at);
        }
        m.depth = std::min(depth, int(unordered.size()));
    }
    // The leader first, then by depth; the DCS's order within a level (stable sort).
    std::stable_sort(unordered.begin(), unordered.end(), [&anchor](const TopologyMember& a, const TopologyMember& b) {
        const bool aAnchor = a.view.name == anchor;
        const bool bAnchor = b.view.name == anchor;
        if (aAnchor != bAnchor)
            return aAnchor;
        return a.depth < b.depth;
    });
    t.members = unordered;

    // HAProxy's routes.
    t.haproxyConfigured = state.haproxyConfigured;
    t.haproxyKnown = state.haproxy.has_value();
    t.haproxyStale = state.haproxySource.failing();
    if (!state.haproxyConfigured)
        return t;
    const RouteNames& r = state.routes;
    for (const RouteNames::Route& p : r.all()) {
        TopologyRoute route;
        route.proxy = p.proxy;
        route.port = p.port;
        route.purpose = p.port == r.primaryPort ? tr("read/write")
            : p.port == r.replicasPort          ? tr("read-only")
                                                : tr("any");
        route.health = t.haproxyKnown && !t.haproxyStale ? Health::Healthy : Health::Unknown;
        if (state.haproxy) {
            if (const Haproxy::Row* backend = state.haproxy->backend(p.proxy))
                route.sessions = backend->scur;
            for (const Haproxy::Row* row : state.haproxy->servers(p.proxy)) {
                if (!row->takesNewConnections())
                    continue;
                RouteTarget target;
                const QString member = state.memberForServer(*row);
                target.known = !member.isEmpty();
                target.member = target.known ? member : row->name;
                target.goingDown = row->status.goingDown;
                target.sessions = row->scur;
                if (p.port == r.primaryPort)
                    target.wrong = t.leader.isEmpty() || target.member != t.leader;
                else if (p.port == r.replicasPort)
                    target.wrong = !t.leader.isEmpty() && target.member == t.leader;
                route.targets.append(target);
            }
        }
        // The routing findings about this port: by proxy name, port number, or the kind of check.
        for (const Finding& f : findings) {
            bool about = false;
            if (f.subject == p.proxy || f.subject == QString::number(p.port))
                about = f.id.startsWith(u"routing."_s);
            else if (f.id == u"routing.probe-primary-in-recovery"_s)
                about = p.port == r.primaryPort;
            else if (f.id == u"routing.probe-replicas-on-primary"_s || f.id == u"routing.replicas-missing"_s)
                about = p.port == r.replicasPort;
            else if (f.id == u"source.haproxy-unreachable"_s)
                about = true;
            if (!about)
                continue;
            route.findings.append(f.shownMessage());
            const Health h = healthOf(f.severity);
            if (h != Health::Healthy && healthRank(h) < healthRank(route.health))
                route.health = h;
        }
        t.routes.append(route);
    }
    return t;
}

} // namespace Cluster
