// Benchmarks for the core: parsing and applying one poll. Run from a release build:
//   cmake --preset release && cmake --build --preset release && build/release/tests/bench_core
#include "models/cluster/clusterstore.h"
#include "models/cluster/findings.h"
#include "models/haproxy/statsparser.h"
#include "models/itemmodels/membertablemodel.h"
#include "models/patroni/clusterparser.h"
#include "models/patroni/memberstatus.h"
#include "tests/testdata.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>

namespace {

QByteArray clusterBody(int members, qint64 lagSeed)
{
    QByteArray body = "{\"members\": [";
    for (int i = 0; i < members; ++i) {
        if (i)
            body += ',';
        const QByteArray n = QByteArray::number(i + 1);
        body += "{\"name\": \"patroni" + n + "\", \"role\": \"" + (i == 0 ? "leader" : "replica") + "\", \"state\": \""
            + (i == 0 ? "running" : "streaming") + "\", \"api_url\": \"http://127.0.0.1:80" + QByteArray::number(8 + i)
            + "/patroni\", \"host\": \"127.0.0.1\", \"port\": 544" + n + ", \"timeline\": 3";
        if (i)
            body += ", \"lag\": " + QByteArray::number(lagSeed * i) + ", \"receive_lag\": 0, \"replay_lag\": "
                + QByteArray::number(lagSeed * i) + ", \"lsn\": \"0/5000060\"";
        body += ", \"tags\": {\"nofailover\": false}}";
    }
    body += "], \"scope\": \"enterprise-email\"}";
    return body;
}

void BM_ParseCluster(benchmark::State& state)
{
    const QByteArray body = clusterBody(int(state.range(0)), 4096);
    for (auto _ : state) {
        auto result = Patroni::parseCluster(body);
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * body.size());
}
BENCHMARK(BM_ParseCluster)->Arg(5)->Arg(100)->Arg(1000);

// One poll end to end in the core: parse, apply to the store, diff into the member model.
// Lag changes every iteration, as it does on a busy cluster.
void BM_ParseAndApplyPoll(benchmark::State& state)
{
    const int members = int(state.range(0));
    const QByteArray bodies[2] = { clusterBody(members, 4096), clusterBody(members, 8192) };
    Cluster::ClusterStore store;
    ItemModels::MemberTableModel model;
    model.setStore(&store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 i = 0;
    for (auto _ : state) {
        auto result = Patroni::parseCluster(bodies[i++ & 1]);
        store.applyClusterView(*result.view, QStringLiteral("bench"), now, result.warnings);
    }
    benchmark::DoNotOptimize(model.rowCount());
}
BENCHMARK(BM_ParseAndApplyPoll)->Arg(5)->Arg(100);

QByteArray readData(const char* relative)
{
    return TestData::read(QString::fromLatin1(relative));
}

// HAProxy's stats CSV as captured from the lab (18 rows, 128 columns).
void BM_ParseHaproxyCsv(benchmark::State& state)
{
    const QByteArray body = readData("haproxy/stats-2.6.12-healthy.csv");
    for (auto _ : state) {
        auto result = Haproxy::parseStatsCsv(body);
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * body.size());
}
BENCHMARK(BM_ParseHaproxyCsv);

// One full Patroni round of a 5-member cluster as the console applies it: GET /cluster, then each
// member's GET /patroni, each applied to the store (findings and change detection run every time).
void BM_FullPatroniRound5(benchmark::State& state)
{
    const QByteArray bodies[2] = { clusterBody(5, 4096), clusterBody(5, 8192) };
    const QByteArray leader = readData("patroni/patroni-3.0.2-leader.json");
    const QByteArray replica = readData("patroni/patroni-3.0.2-replica.json");
    Cluster::ClusterStore store;
    ItemModels::MemberTableModel model;
    model.setStore(&store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 i = 0;
    for (auto _ : state) {
        auto cluster = Patroni::parseCluster(bodies[i++ & 1]);
        store.applyClusterView(*cluster.view, QStringLiteral("bench"), now, cluster.warnings);
        for (const Cluster::Member& m : cluster.view->members) {
            auto own = Patroni::parseMemberStatus(Cluster::isLeaderRole(m.role) ? leader : replica);
            store.applyMemberStatus(m.name, m.apiUrl, *own.status, now);
        }
    }
    benchmark::DoNotOptimize(store.findings().size());
}
BENCHMARK(BM_FullPatroniRound5);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
