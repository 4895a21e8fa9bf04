// Benchmarks for the core: parsing and applying one poll. Run from a release build:
//   cmake --preset release && cmake --build --preset release && build/release/tests/bench_core
#include "models/check/monitorcheck.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/findings.h"
#include "models/cluster/laghistory.h"
#include "models/haproxy/statsparser.h"
#include "models/itemmodels/membertablemodel.h"
#include "models/patroni/clusterparser.h"
#include "models/patroni/memberstatus.h"
#include "models/snapshot/redactor.h"
#include "models/snapshot/report.h"
#include "models/snapshot/snapshot.h"
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

// The same round as the poller now applies it: the members' answers together (one pass of the checks).
void BM_FullPatroniRound5Batched(benchmark::State& state)
{
    const QByteArray bodies[2] = { clusterBody(5, 4096), clusterBody(5, 8192) };
    const QByteArray leader = readData("patroni/patroni-3.0.2-leader.json");
    const QByteArray replica = readData("patroni/patroni-3.0.2-replica.json");
    Cluster::ClusterStore store;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 i = 0;
    for (auto _ : state) {
        auto cluster = Patroni::parseCluster(bodies[i++ & 1]);
        store.applyClusterView(*cluster.view, QStringLiteral("bench"), now, cluster.warnings);
        QList<Cluster::ClusterStore::MemberAnswer> answers;
        for (const Cluster::Member& m : cluster.view->members) {
            auto own = Patroni::parseMemberStatus(Cluster::isLeaderRole(m.role) ? leader : replica);
            answers.append({ m.name, m.apiUrl, own.status, {}, now, {} });
        }
        store.applyMemberAnswers(answers);
    }
    benchmark::DoNotOptimize(store.findings().size());
}
BENCHMARK(BM_FullPatroniRound5Batched);

// The one answer per question over a 5-member state: what every view asks on every change.
void BM_SummarizeCluster5(benchmark::State& state)
{
    const auto cluster = Patroni::parseCluster(clusterBody(5, 4096));
    Cluster::ClusterStore store;
    store.applyClusterView(*cluster.view, QStringLiteral("bench"), QDateTime::currentDateTimeUtc());
    for (auto _ : state)
        benchmark::DoNotOptimize(Cluster::summarize(store.state(), store.findings()).headline.size());
}
BENCHMARK(BM_SummarizeCluster5);

// Findings over a cluster where every replica is over maximum_lag_on_failover (one sentence each, with
// two sizes): evaluated as the store does on every poll, then rendered as the window shows them
// (shownMessage: translated and locale-sized) — what Cluster::Words costs.
void BM_FindingsWords(benchmark::State& state)
{
    const auto cluster = Patroni::parseCluster(clusterBody(int(state.range(0)), 64 * 1048576));
    Cluster::ClusterStore store;
    store.applyClusterView(*cluster.view, QStringLiteral("bench"), QDateTime::currentDateTimeUtc());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qsizetype findings = 0;
    for (auto _ : state) {
        const QList<Cluster::Finding> found = Cluster::evaluateFindings(store.state(), now);
        qsizetype chars = 0;
        for (const Cluster::Finding& f : found)
            chars += f.shownMessage().size();
        findings = found.size();
        benchmark::DoNotOptimize(chars);
    }
    state.counters["findings"] = double(findings);
}
BENCHMARK(BM_FindingsWords)->Arg(5)->Arg(100)->Unit(benchmark::kMicrosecond);

// A snapshot of an N-member cluster with a 100-event journal: build (state JSON and redaction) and
// lay it out as Markdown — what `snapshot` and File → Export do besides reading and writing.
void BM_SnapshotMarkdown(benchmark::State& state)
{
    const auto cluster = Patroni::parseCluster(clusterBody(int(state.range(0)), 4096));
    Cluster::ClusterStore store;
    store.applyClusterView(*cluster.view, QStringLiteral("bench"), QDateTime::currentDateTimeUtc());
    Snapshot::Input in;
    in.profile.name = QStringLiteral("bench");
    in.state = &store.state();
    in.findings = store.findings();
    in.takenAt = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 100; ++i)
        in.journal.append(
            Cluster::Event { in.takenAt.addSecs(-i), Cluster::EventKind::StateChanged, Cluster::Severity::Info,
                QStringLiteral("patroni2"), QStringLiteral("patroni2: running → streaming"), {}, {} });
    Snapshot::Redactor redactor;
    redactor.addSecret(QStringLiteral("superuser_password"));
    qint64 bytes = 0;
    for (auto _ : state) {
        const QString md = Snapshot::toMarkdown(Snapshot::report(Snapshot::build(in, redactor)));
        bytes += md.size();
        benchmark::DoNotOptimize(md.size());
    }
    state.SetBytesProcessed(bytes * 2);
}
BENCHMARK(BM_SnapshotMarkdown)->Arg(3)->Arg(100)->Unit(benchmark::kMicrosecond);

// `check`'s verdicts over an N-member state, every check.
void BM_CheckAll(benchmark::State& state)
{
    const auto cluster = Patroni::parseCluster(clusterBody(int(state.range(0)), 4096));
    Cluster::ClusterStore store;
    store.applyClusterView(*cluster.view, QStringLiteral("bench"), QDateTime::currentDateTimeUtc());
    Check::Options options;
    options.checks = Check::allChecks();
    options.remembered = Check::Remembered {};
    for (auto _ : state) {
        Check::Remembered next;
        benchmark::DoNotOptimize(
            Check::pluginOutput(QStringLiteral("bench"), Check::run(store.state(), store.findings(), options, &next))
                .size());
    }
}
BENCHMARK(BM_CheckAll)->Arg(3)->Arg(100)->Unit(benchmark::kMicrosecond);

// One replica's lag history over a whole day at one poll a second: the time to record it and the
// memory it then holds (the "bytes" counter), i.e. the memory per member-day.
void BM_LagHistoryMemberDay(benchmark::State& state)
{
    const QDateTime t0 = QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC);
    qint64 bytes = 0;
    qint64 samples = 0;
    for (auto _ : state) {
        Cluster::LagHistory h;
        for (int s = 0; s < 24 * 3600; ++s)
            h.record(QStringLiteral("patroni2"), t0.addSecs(s), 1000 + s % 5000, 0.25);
        h.prune(t0.addSecs(24 * 3600));
        bytes = h.memoryBytes();
        samples = h.sampleCount();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = double(bytes);
    state.counters["samples"] = double(samples);
}
BENCHMARK(BM_LagHistoryMemberDay)->Unit(benchmark::kMillisecond);

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
