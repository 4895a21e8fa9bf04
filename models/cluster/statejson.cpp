#include "models/cluster/statejson.h"
#include "models/cluster/translate.h"

#include "models/cluster/assessment.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    QJsonValue optional(const std::optional<qint64>& v)
    {
        return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
    }

    QJsonValue optional(const std::optional<int>& v)
    {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    }

    QJsonValue time(const QDateTime& t)
    {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
    }

    QJsonObject ownToJson(const MemberObservation& o)
    {
        QJsonObject j;
        j.insert("apiUrl"_L1, o.apiUrl.toString());
        j.insert("reachable"_L1, o.reachable());
        j.insert("source"_L1, sourceToJson(o.source));
        if (!o.status)
            return j;
        const Patroni::MemberStatus& s = *o.status;
        j.insert("state"_L1, s.state);
        j.insert("role"_L1, roleKey(s.role));
        j.insert("roleText"_L1, s.roleText);
        j.insert("timeline"_L1, optional(s.timeline));
        j.insert("serverVersion"_L1, optional(s.serverVersion));
        j.insert("patroniVersion"_L1, s.patroniVersion);
        j.insert("dcsLastSeen"_L1, optional(s.dcsLastSeen));
        j.insert("pendingRestart"_L1, s.pendingRestart);
        j.insert("clusterUnlocked"_L1, s.clusterUnlocked);
        QJsonObject xlog;
        xlog.insert("location"_L1, optional(s.xlogLocation));
        xlog.insert("receivedLocation"_L1, optional(s.receivedLocation));
        xlog.insert("replayedLocation"_L1, optional(s.replayedLocation));
        xlog.insert("replayedTimestamp"_L1, s.replayedTimestamp.isEmpty() ? QJsonValue() : s.replayedTimestamp);
        if (s.replayPaused)
            xlog.insert("replayPaused"_L1, *s.replayPaused);
        j.insert("xlog"_L1, xlog);
        QJsonArray replication;
        for (const auto& r : s.replication)
            replication.append(
                QJsonObject { { u"applicationName"_s, r.applicationName }, { u"clientAddr"_s, r.clientAddr },
                    { u"state"_s, r.state }, { u"syncState"_s, r.syncState }, { u"syncPriority"_s, r.syncPriority } });
        if (!replication.isEmpty())
            j.insert("replication"_L1, replication);
        return j;
    }

} // namespace

QJsonValue errorToJson(const SourceError& e)
{
    if (!e.isError())
        return QJsonValue(QJsonValue::Null);
    QJsonObject o { { u"code"_s, codeName(e.code) }, { u"message"_s, describe(e) } };
    if (e.httpStatus)
        o.insert("httpStatus"_L1, e.httpStatus);
    return o;
}

QJsonObject sourceToJson(const SourceState& s)
{
    return QJsonObject { { u"ok"_s, s.everSucceeded() && !s.failing() }, { u"lastAttempt"_s, time(s.lastAttempt) },
        { u"lastSuccess"_s, time(s.lastSuccess) }, { u"error"_s, errorToJson(s.error) } };
}

QJsonObject stateToJson(const ClusterState& state, const QList<Finding>& findings, const QDateTime& now)
{
    const Untranslated english; // for machines: the same words whatever translator the window installed
    QJsonObject root;
    root.insert("schema"_L1, u"patroni-console/status/2"_s);
    root.insert("takenAt"_L1, time(now));
    // The parsers' notes on the answers used (text mended to valid UTF-8, odd fields ignored).
    root.insert("warnings"_L1, QJsonArray::fromStringList(state.answerWarnings()));

    QJsonObject cluster;
    const QStringList leaders = state.view.leaders();
    const ClusterSummary summary = summarize(state, findings);
    cluster.insert("scope"_L1, state.scope().isEmpty() ? QJsonValue() : state.scope());
    // The leader the console believes in (see Cluster::effectiveLeader); the DCS's word beside it.
    cluster.insert("leader"_L1, summary.leader.isEmpty() ? QJsonValue() : summary.leader);
    cluster.insert("dcsLeader"_L1, leaders.size() == 1 ? QJsonValue(leaders.first()) : QJsonValue());
    cluster.insert("dcsLeaders"_L1, QJsonArray::fromStringList(leaders));
    cluster.insert("leaderSince"_L1, time(state.leaderSince));
    cluster.insert("health"_L1, healthKey(summary.health));
    cluster.insert("summary"_L1, summary.headline);
    cluster.insert("membersRunning"_L1, summary.membersRunning);
    cluster.insert("membersTotal"_L1, summary.membersTotal);
    cluster.insert("paused"_L1, state.view.paused);
    if (state.view.scheduledSwitchover)
        cluster.insert("scheduledSwitchover"_L1,
            QJsonObject { { u"at"_s, state.view.scheduledSwitchover->at },
                { u"from"_s, state.view.scheduledSwitchover->from }, { u"to"_s, state.view.scheduledSwitchover->to } });
    else
        cluster.insert("scheduledSwitchover"_L1, QJsonValue());

    if (state.config) {
        const Patroni::DynamicConfig& c = *state.config;
        cluster.insert("config"_L1, c.raw);
    }
    QJsonArray history;
    for (const Patroni::HistoryEntry& h : state.history)
        history.append(
            QJsonObject { { u"timeline"_s, h.timeline }, { u"lsn"_s, double(h.lsn) }, { u"reason"_s, h.reason },
                { u"at"_s, h.timestamp }, { u"newLeader"_s, h.newLeader ? QJsonValue(*h.newLeader) : QJsonValue() } });
    cluster.insert("history"_L1, history);
    QJsonObject metrics;
    for (auto it = state.metrics.cbegin(); it != state.metrics.cend(); ++it)
        metrics.insert(
            it.key(), std::isfinite(it.value()) ? QJsonValue(it.value()) : QJsonValue(QString::number(it.value())));
    cluster.insert("metrics"_L1, QJsonObject { { u"member"_s, state.metricsMember }, { u"samples"_s, metrics } });
    root.insert("cluster"_L1, cluster);

    QJsonObject sources;
    sources.insert("patroni"_L1, sourceToJson(state.dcs));
    sources.insert("patroniConfig"_L1, sourceToJson(state.configSource));
    sources.insert("patroniHistory"_L1, sourceToJson(state.historySource));
    sources.insert("patroniMetrics"_L1, sourceToJson(state.metricsSource));
    if (state.haproxyConfigured)
        sources.insert("haproxy"_L1, sourceToJson(state.haproxySource));
    if (state.etcdConfigured)
        sources.insert("etcd"_L1, sourceToJson(state.etcdSource));
    if (state.postgresConfigured)
        sources.insert("postgres"_L1, sourceToJson(state.postgresSource));
    if (state.apiAuthSource.lastAttempt.isValid()) {
        QJsonObject auth = sourceToJson(state.apiAuthSource);
        if (state.apiAuth) {
            auth.insert("user"_L1, state.apiAuth->user);
            auth.insert("api"_L1, state.apiAuth->api.toString());
            auth.insert("httpStatus"_L1, state.apiAuth->httpStatus);
            auth.insert("accepted"_L1, !state.apiAuth->refused());
        }
        sources.insert("patroniAuth"_L1, auth);
    }
    root.insert("sources"_L1, sources);

    if (state.haproxyConfigured) {
        QJsonObject h;
        const RouteNames& r = state.routes;
        const auto route = [&](const QString& proxy, int port) {
            QJsonArray servers;
            if (state.haproxy) {
                for (const Haproxy::Row* row : state.haproxy->servers(proxy))
                    servers.append(QJsonObject { { u"name"_s, row->name }, { u"status"_s, row->statusText },
                        { u"checkStatus"_s, row->checkStatus },
                        { u"checkDurationMs"_s, optional(row->checkDurationMs) },
                        { u"currentSessions"_s, optional(row->scur) }, { u"totalSessions"_s, optional(row->stot) },
                        { u"lastChangeSecs"_s, optional(row->lastChangeSecs) },
                        { u"downtimeSecs"_s, optional(row->downtimeSecs) } });
            }
            return QJsonObject { { u"proxy"_s, proxy }, { u"port"_s, port },
                { u"routesTo"_s, QJsonArray::fromStringList(state.routedTo(proxy)) }, { u"servers"_s, servers } };
        };
        h.insert("primary"_L1, route(r.primary, r.primaryPort));
        h.insert("replicas"_L1, route(r.replicas, r.replicasPort));
        h.insert("any"_L1, route(r.any, r.anyPort));
        // Every FRONTEND and BACKEND row too: sessions and state per proxy, whatever its name.
        QJsonArray proxies;
        if (state.haproxy) {
            for (const Haproxy::Row& row : state.haproxy->rows) {
                if (row.type != Haproxy::RowType::Frontend && row.type != Haproxy::RowType::Backend)
                    continue;
                proxies.append(QJsonObject { { u"proxy"_s, row.proxy },
                    { u"type"_s, row.type == Haproxy::RowType::Frontend ? u"frontend"_s : u"backend"_s },
                    { u"status"_s, row.statusText }, { u"currentSessions"_s, optional(row.scur) },
                    { u"maxSessions"_s, optional(row.smax) }, { u"totalSessions"_s, optional(row.stot) },
                    { u"serversUp"_s, optional(row.act) }, { u"lastChangeSecs"_s, optional(row.lastChangeSecs) },
                    { u"downtimeSecs"_s, optional(row.downtimeSecs) } });
            }
        }
        h.insert("proxies"_L1, proxies);
        root.insert("haproxy"_L1, h);
    }
    if (state.postgresConfigured && state.postgres) {
        QJsonArray probes;
        for (const Postgres::RoutingProbe& p : state.postgres->routing)
            probes.append(QJsonObject { { u"port"_s, p.port }, { u"ok"_s, p.ok }, { u"inRecovery"_s, p.inRecovery },
                { u"backend"_s, p.backend() }, { u"member"_s, Postgres::memberForProbe(p, state.view.members) },
                { u"elapsedMs"_s, double(p.elapsedMs) }, { u"error"_s, errorToJson(p.error) } });
        QJsonObject errors;
        for (auto it = state.postgres->errors.cbegin(); it != state.postgres->errors.cend(); ++it)
            errors.insert(it.key(), errorToJson(it.value()));
        QJsonObject replicas;
        for (auto it = state.postgres->replicas.cbegin(); it != state.postgres->replicas.cend(); ++it) {
            const Postgres::ReplicaStatus& r = it.value();
            replicas.insert(it.key(),
                QJsonObject { { u"inRecovery"_s, r.inRecovery }, { u"receiveLsn"_s, r.receiveLsn },
                    { u"replayLsn"_s, r.replayLsn },
                    { u"caughtUp"_s, r.caughtUp ? QJsonValue(*r.caughtUp) : QJsonValue() },
                    { u"replayGapBytes"_s, optional(r.replayGapBytes) },
                    { u"replayDelaySeconds"_s,
                        r.replayDelaySeconds ? QJsonValue(*r.replayDelaySeconds) : QJsonValue() },
                    { u"walReceiverStatus"_s, r.walReceiver ? QJsonValue(r.walReceiver->status) : QJsonValue() } });
        }
        root.insert("postgres"_L1,
            QJsonObject { { u"primaryMember"_s, state.postgres->primaryMember }, { u"routingProbes"_s, probes },
                { u"replicas"_s, replicas }, { u"errors"_s, errors } });
    }
    if (state.etcdConfigured && state.etcd) {
        QJsonArray endpoints;
        for (const EtcdView::Endpoint& e : state.etcd->endpoints)
            endpoints.append(QJsonObject { { u"url"_s, e.url.toString() },
                { u"healthy"_s, e.health && e.health->healthy }, { u"error"_s, errorToJson(e.error) } });
        QJsonArray members;
        if (state.etcd->members) {
            for (const Etcd::Member& m : state.etcd->members->members)
                members.append(QJsonObject { { u"id"_s, Etcd::idText(m.id) }, { u"name"_s, m.name },
                    { u"clientUrls"_s, QJsonArray::fromStringList(m.clientUrls) } });
        }
        root.insert("etcd"_L1,
            QJsonObject { { u"endpoints"_s, endpoints }, { u"members"_s, members }, { u"leader"_s, state.etcd->leader },
                { u"version"_s, state.etcd->version }, { u"healthy"_s, state.etcd->healthyCount() },
                { u"detailsError"_s, errorToJson(state.etcd->detailsError) } });
    }

    QJsonArray members;
    for (const MemberView& v : memberViews(state, findings)) {
        const Member& m = v.dcs;
        QJsonObject j;
        j.insert("name"_L1, v.name);
        j.insert("host"_L1, m.host);
        j.insert("port"_L1, m.port);
        j.insert("apiUrl"_L1, m.apiUrl.toString());
        j.insert("role"_L1, roleKey(v.role));
        j.insert("roleText"_L1, v.roleText);
        j.insert("shownRole"_L1, shownRole(v)); // as the window and the table name it
        j.insert("state"_L1, v.state);
        j.insert("timeline"_L1, optional(v.timeline));
        j.insert("lagBytes"_L1, optional(v.lagBytes));
        j.insert("lagUnknown"_L1, v.lagUnknown);
        j.insert("receiveLagBytes"_L1, optional(m.receiveLagBytes));
        j.insert("replayLagBytes"_L1, optional(m.replayLagBytes));
        j.insert("lagSeconds"_L1, v.lagSeconds ? QJsonValue(*v.lagSeconds) : QJsonValue());
        j.insert("pendingRestart"_L1, v.pendingRestart);
        j.insert("scheduledRestart"_L1, m.scheduledRestart.isEmpty() ? QJsonValue() : m.scheduledRestart);
        j.insert("tags"_L1, QJsonObject::fromVariantMap(m.tags));
        j.insert("health"_L1, healthKey(v.health));
        j.insert("reach"_L1,
            v.reach == Reach::Answering    ? u"answering"_s
                : v.reach == Reach::Silent ? u"silent"_s
                                           : u"not-asked"_s);
        // What GET /cluster (the DCS) says, beside what the console concluded.
        j.insert("dcs"_L1,
            QJsonObject { { u"role"_s, roleKey(m.role) }, { u"roleText"_s, m.roleText }, { u"state"_s, m.state },
                { u"timeline"_s, optional(m.timeline) }, { u"lagBytes"_s, optional(m.lagBytes) },
                { u"lagUnknown"_s, m.lagUnknown } });
        const auto obs = state.members.constFind(m.name);
        j.insert("own"_L1, obs != state.members.constEnd() ? QJsonValue(ownToJson(*obs)) : QJsonValue());
        members.append(j);
    }
    root.insert("members"_L1, members);

    QJsonArray f;
    for (const Finding& finding : findings)
        f.append(QJsonObject { { u"id"_s, finding.id }, { u"severity"_s, severityName(finding.severity) },
            { u"subject"_s, finding.subject }, { u"message"_s, finding.message } });
    root.insert("findings"_L1, f);
    return root;
}

} // namespace Cluster
