// libFuzzer target: what follows the parsers. The input is up to seven answers separated by NUL bytes, in
// this order: GET /cluster, patroni3's GET /patroni, /history, /config, /metrics, HAProxy's CSV, etcd's
// /v3/maintenance/status. Each is parsed and applied to one store (a failure recorded as a poller would),
// then the store's findings, member views, topology, summary and `status --format json` are computed.
// run-fuzzers.sh seeds it with real captures joined by NUL; a single capture is a /cluster answer.
#include "tests/fuzz/fuzzcommon.h"

#include "models/etcd/etcdparser.h"
#include "models/haproxy/statsparser.h"
#include "models/patroni/dynamicconfig.h"
#include "models/patroni/historyparser.h"
#include "models/patroni/memberstatus.h"
#include "models/patroni/metricsparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QList<QByteArrayView> parts;
    QByteArrayView rest = Fuzz::input(data, size);
    while (parts.size() < 6) {
        const qsizetype nul = rest.indexOf('\0');
        if (nul < 0)
            break;
        parts.append(rest.first(nul));
        rest = rest.sliced(nul + 1);
    }
    parts.append(rest);

    Cluster::ClusterStore store;
    store.configureSources(parts.size() > 5, parts.size() > 6, Cluster::RouteNames {});
    const QDateTime at = Fuzz::now();
    const Patroni::ClusterParseResult cluster = Patroni::parseCluster(parts[0]);
    if (cluster.view)
        store.applyClusterView(*cluster.view, QStringLiteral("fuzz"), at, cluster.warnings);
    else
        store.recordFailure(cluster.error, at);
    if (parts.size() > 1) {
        const QUrl api(QStringLiteral("http://127.0.0.1:8010/patroni"));
        const Patroni::MemberStatusParseResult member = Patroni::parseMemberStatus(parts[1]);
        if (member.status)
            store.applyMemberStatus(QStringLiteral("patroni3"), api, *member.status, at);
        else
            store.recordMemberFailure(QStringLiteral("patroni3"), api, member.error, at);
    }
    if (parts.size() > 2) {
        const Patroni::HistoryParseResult history = Patroni::parseHistory(parts[2]);
        if (history.entries)
            store.applyHistory(*history.entries, at);
        else
            store.recordHistoryFailure(history.error, at);
    }
    if (parts.size() > 3) {
        const Patroni::DynamicConfigParseResult config = Patroni::parseDynamicConfig(parts[3]);
        if (config.config)
            store.applyDynamicConfig(*config.config, at);
        else
            store.recordConfigFailure(config.error, at);
    }
    if (parts.size() > 4) {
        const Patroni::MetricsParseResult metrics = Patroni::parseMetrics(parts[4]);
        if (metrics.metrics)
            store.applyMetrics(QStringLiteral("patroni3"), *metrics.metrics, at);
        else
            store.recordMetricsFailure(metrics.error, at);
    }
    if (parts.size() > 5) {
        const Haproxy::StatsParseResult stats = Haproxy::parseStatsCsv(parts[5]);
        if (stats.stats)
            store.applyHaproxy(*stats.stats, at);
        else
            store.recordHaproxyFailure(stats.error, at);
    }
    if (parts.size() > 6) {
        // The etcd poller's view: two answering endpoints, the member list of the base cluster's etcd,
        // and the status given here (its leader ID named through that list when it is in it).
        Cluster::EtcdView view;
        Cluster::EtcdView::Endpoint endpoint;
        endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:2379"));
        endpoint.health = Etcd::Health { true, QString() };
        view.endpoints = { endpoint, endpoint };
        const Etcd::StatusParseResult status = Etcd::parseStatus(parts[6]);
        if (status.status) {
            view.version = status.status->version;
            Etcd::MemberList members;
            members.members.append(
                Etcd::Member { status.status->header.memberId, QStringLiteral("etcd1"), {}, {}, false });
            view.members = members;
            view.leader = Etcd::leaderName(*status.status, members);
        } else {
            view.detailsError = status.error;
        }
        store.applyEtcd(view, at);
    }
    Fuzz::exercise(store);
    return 0;
}
