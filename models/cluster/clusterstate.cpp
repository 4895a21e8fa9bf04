#include "models/cluster/clusterstate.h"

using namespace Qt::StringLiterals;

namespace Cluster {

QString sourceKindKey(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Patroni:
        return u"patroni"_s;
    case SourceKind::PatroniConfig:
        return u"patroniConfig"_s;
    case SourceKind::PatroniHistory:
        return u"patroniHistory"_s;
    case SourceKind::PatroniMetrics:
        return u"patroniMetrics"_s;
    case SourceKind::Haproxy:
        return u"haproxy"_s;
    case SourceKind::Etcd:
        return u"etcd"_s;
    case SourceKind::Postgres:
        return u"postgres"_s;
    case SourceKind::PatroniAuth:
        return u"patroniAuth"_s;
    }
    return u"unknown"_s;
}

const SourceState& ClusterState::source(SourceKind kind) const
{
    switch (kind) {
    case SourceKind::Patroni:
        break;
    case SourceKind::PatroniConfig:
        return configSource;
    case SourceKind::PatroniHistory:
        return historySource;
    case SourceKind::PatroniMetrics:
        return metricsSource;
    case SourceKind::Haproxy:
        return haproxySource;
    case SourceKind::Etcd:
        return etcdSource;
    case SourceKind::Postgres:
        return postgresSource;
    case SourceKind::PatroniAuth:
        return apiAuthSource;
    }
    return dcs;
}

int EtcdView::healthyCount() const
{
    int n = 0;
    for (const Endpoint& e : endpoints) {
        if (e.health && e.health->healthy)
            ++n;
    }
    return n;
}

QStringList ClusterState::routedTo(const QString& proxy) const
{
    QStringList names;
    if (!haproxy)
        return names;
    for (const Haproxy::Row* row : haproxy->servers(proxy)) {
        if (!row->takesNewConnections())
            continue;
        const QString member = memberForServer(*row);
        names.append(member.isEmpty() ? row->name : member);
    }
    names.sort();
    return names;
}

QString ClusterState::memberForServer(const Haproxy::Row& row) const
{
    if (view.member(row.name))
        return row.name;
    if (!row.addr.isEmpty()) {
        for (const Member& m : view.members) {
            if (row.addr == m.host + u':' + QString::number(m.port))
                return m.name;
        }
    }
    return {};
}

std::optional<double> ClusterState::lagSeconds(const QString& member) const
{
    if (!postgres)
        return std::nullopt;
    if (postgres->primary) {
        for (const Postgres::ReplicationStat& r : postgres->primary->stats) {
            if (r.applicationName != member)
                continue;
            if (r.replayLagSeconds)
                return r.replayLagSeconds;
            // PostgreSQL leaves replay_lag NULL on an idle primary; a replica that has replayed
            // everything the primary wrote is 0 s behind, whatever its own clock says.
            if (r.replayLagBytes && *r.replayLagBytes == 0)
                return 0.0;
        }
    }
    const auto it = postgres->replicas.constFind(member);
    if (it != postgres->replicas.constEnd())
        return it->effectiveDelaySeconds();
    return std::nullopt;
}

QStringList ClusterState::answerWarnings() const
{
    QStringList out;
    for (const QString& w : dcsWarnings)
        out.append(u"GET /cluster: "_s + w);
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        for (const QString& w : it->warnings)
            out.append(it.key() + u" GET /patroni: "_s + w);
    }
    return out;
}

} // namespace Cluster
