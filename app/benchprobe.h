#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <sys/resource.h>

namespace Session {
class ClusterSession;
}

namespace App {

// Whole-process figures for tests/bench/fleet_bench.sh, measured inside the console itself: how long
// the GUI thread is busy at a stretch (the CPU time of each turn of its event loop),
// how old each cluster's data is (sampled every 200 ms), CPU time, RSS and open file descriptors.
// Off unless PATRONI_CONSOLE_BENCH_REPORT names a file; then it measures for
// PATRONI_CONSOLE_BENCH_SECONDS (default 60) after PATRONI_CONSOLE_BENCH_WARMUP (default 15), writes a
// JSON report there and quits the application.
class BenchProbe final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchProbe)
public:
    // Null when the environment does not ask for a benchmark.
    static BenchProbe* createIfRequested(const QList<Session::ClusterSession*>& sessions, QObject* parent);

private:
    BenchProbe(
        const QList<Session::ClusterSession*>& sessions, QString path, int warmupS, int measureS, QObject* parent);
    void beginMeasuring();
    void sample();
    void finish();
    qint64 historyKb() const;

    QList<Session::ClusterSession*> m_sessions;
    QString m_path;
    int m_measureS;
    bool m_measuring = false;
    qint64 m_lastCpuUs = 0;
    // Histograms, not lists: the probe must not grow the memory it measures.
    QList<quint32> m_busyTenUs; // CPU time of each turn of the event loop, in 10 µs steps (last: over)
    QList<quint32> m_ageMs; // each session's data age at each sample, in ms (last: over)
    int m_neverRead = 0; // session samples without any data yet
    QTimer m_sampler;
    QElapsedTimer m_window;
    rusage m_startUsage {};
    qint64 m_peakFds = 0;
    qint64 m_peakRssKb = 0;
    qint64 m_startRssKb = 0;
    qint64 m_startFds = 0;
    qint64 m_startHistoryKb = 0;
    int m_samples = 0;
    QJsonArray m_rssTimelineKb;
};

} // namespace App
