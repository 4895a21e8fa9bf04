// The window's heaviest redraws, measured (release build):
//   cmake --preset release && cmake --build --preset release --target bench_ui
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench_ui
// Budget (issue 7): the lag chart of 24 h x 10 replicas redrawn in <= 16 ms.
#include "feedsession.h"

#include "models/cluster/chartseries.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/laghistory.h"
#include "models/cluster/topology.h"
#include "ui/charts/lagchart.h"
#include "ui/topology/topologyscene.h"
#include "ui/topology/topologyview.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QDateTime benchNow()
{
    return QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
}

// A day of one-second samples for `replicas` members, with a slow wave and a spike now and then.
// BENCH_UI_STEP_SECONDS (the smoke test in the suite sets 60) thins them out: the suite only proves
// the benchmark runs.
void fillDay(Cluster::LagHistory* history, int replicas)
{
    const QDateTime start = benchNow().addSecs(-86400);
    const int step = std::max(1, qEnvironmentVariableIntValue("BENCH_UI_STEP_SECONDS"));
    for (int m = 0; m < replicas; ++m) {
        const QString name = u"replica%1"_s.arg(m);
        for (int s = 0; s <= 86400; s += step) {
            const double wave = 40000 + 30000 * std::sin(s / 600.0 + m);
            const qint64 bytes = qint64(wave) + ((s + m * 97) % 3600 == 0 ? 50'000'000 : 0);
            history->record(name, start.addSecs(s), bytes, bytes / 1.0e7);
        }
    }
    Cluster::Event failover;
    failover.at = start.addSecs(43200);
    failover.kind = Cluster::EventKind::LeaderChanged;
    failover.subject = u"replica0"_s;
    history->mark(failover);
}

struct ChartFixture {
    FeedSession session { u"bench"_s };
    Ui::LagChart chart;
    ChartFixture(int replicas, int rangeSeconds)
    {
        fillDay(session.lagHistory(), replicas);
        chart.resize(800, 420);
        chart.show(); // laid out as on screen (offscreen platform)
        QCoreApplication::processEvents();
        chart.setSession(&session);
        chart.setRangeSeconds(rangeSeconds);
        chart.setUnit(Cluster::LagUnit::Bytes);
        chart.refresh(benchNow());
    }
};

// Data to series: the history read and reduced to the chart's pixel columns, series replaced.
void BM_LagChartRefresh(benchmark::State& state)
{
    ChartFixture f(int(state.range(0)), int(state.range(1)));
    for (auto _ : state)
        f.chart.refresh(benchNow());
    int points = 0;
    for (int n : f.chart.seriesPoints())
        points += n;
    state.counters["points"] = points;
}
BENCHMARK(BM_LagChartRefresh)
    ->Args({ 10, 86400 })
    ->Args({ 10, 3600 })
    ->Args({ 10, 300 })
    ->Unit(benchmark::kMillisecond);

// What the user waits for: the refresh and the paint of the whole chart (800 x 420).
void BM_LagChartRedraw(benchmark::State& state)
{
    ChartFixture f(int(state.range(0)), int(state.range(1)));
    QImage image(f.chart.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        f.chart.refresh(benchNow());
        QPainter p(&image);
        f.chart.render(&p);
    }
}
BENCHMARK(BM_LagChartRedraw)->Args({ 10, 86400 })->Args({ 10, 3600 })->Args({ 10, 300 })->Unit(benchmark::kMillisecond);

// Reading a day of 10 replicas out of the history (what refresh() does before reducing).
void BM_HistoryPointsDay(benchmark::State& state)
{
    Cluster::LagHistory history;
    fillDay(&history, 10);
    const QDateTime from = benchNow().addSecs(-86400);
    for (auto _ : state) {
        for (const QString& m : history.members()) {
            auto points = history.points(m, from, benchNow());
            benchmark::DoNotOptimize(points);
        }
    }
}
BENCHMARK(BM_HistoryPointsDay)->Unit(benchmark::kMillisecond);

// The paint alone, data unchanged.
void BM_LagChartPaint(benchmark::State& state)
{
    ChartFixture f(int(state.range(0)), int(state.range(1)));
    QImage image(f.chart.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter p(&image);
        f.chart.render(&p);
    }
}
BENCHMARK(BM_LagChartPaint)->Args({ 10, 86400 })->Args({ 10, 300 })->Unit(benchmark::kMillisecond);

// The reduction alone: a day of one replica to 800 columns.
void BM_ChartPointsDay(benchmark::State& state)
{
    Cluster::LagHistory history;
    fillDay(&history, 1);
    const QDateTime from = benchNow().addSecs(-86400);
    const QList<Cluster::LagPoint> points = history.points(u"replica0"_s, from, benchNow());
    for (auto _ : state) {
        auto out = Cluster::chartPoints(
            points, Cluster::LagUnit::Bytes, from.toMSecsSinceEpoch(), benchNow().toMSecsSinceEpoch(), 800);
        benchmark::DoNotOptimize(out);
    }
    state.counters["in"] = double(points.size());
}
BENCHMARK(BM_ChartPointsDay)->Unit(benchmark::kMicrosecond);

// The topology of a 5-member cluster updated in place and painted (a poll's worth of redraw).
void BM_TopologyUpdateAndPaint(benchmark::State& state)
{
    Cluster::ClusterState s;
    s.dcs.lastAttempt = s.dcs.lastSuccess = benchNow();
    for (int i = 0; i < 5; ++i) {
        Cluster::Member m;
        m.name = u"patroni%1"_s.arg(i + 1);
        m.role = i == 0 ? Cluster::Role::Leader : Cluster::Role::Replica;
        m.state = u"running"_s;
        m.timeline = 4;
        if (i > 0)
            m.lagBytes = 0;
        s.view.members.append(m);
    }
    Ui::TopologyScene scene;
    Ui::TopologyView view(&scene);
    view.resize(800, 500);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    qint64 lag = 0;
    for (auto _ : state) {
        s.view.members[1].lagBytes = ++lag; // something moved
        scene.setTopology(Cluster::buildTopology(s, {}), false);
        QPainter p(&image);
        view.render(&p);
    }
}
BENCHMARK(BM_TopologyUpdateAndPaint)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
