#include "app/benchprobe.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/laghistory.h"
#include "models/session/clustersession.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;

namespace App {

namespace {
    qint64 statusKb(const QByteArray& key)
    {
        QFile f(u"/proc/self/status"_s);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.startsWith(key))
                return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }

    qint64 openFds()
    {
        return qint64(
            QDir(u"/proc/self/fd"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
    }

    qint64 threadCpuUs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
    }

    double seconds(const timeval& t)
    {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    }

    void count(QList<quint32>* histogram, qint64 value)
    {
        const qsizetype bin = std::clamp<qint64>(value, 0, histogram->size() - 1);
        ++(*histogram)[bin];
    }

    // Percentiles of a histogram whose bins are `scale` units wide.
    QJsonObject percentiles(const QList<quint32>& histogram, double scale)
    {
        quint64 total = 0;
        qsizetype maxBin = 0;
        for (qsizetype i = 0; i < histogram.size(); ++i) {
            total += histogram.at(i);
            if (histogram.at(i))
                maxBin = i;
        }
        if (total == 0)
            return {};
        const auto at = [&](double q) {
            const quint64 want = quint64(q * double(total));
            quint64 seen = 0;
            for (qsizetype i = 0; i < histogram.size(); ++i) {
                seen += histogram.at(i);
                if (seen > want)
                    return double(i) * scale;
            }
            return double(maxBin) * scale;
        };
        return QJsonObject { { u"count"_s, double(total) }, { u"p50"_s, at(0.50) }, { u"p90"_s, at(0.90) },
            { u"p99"_s, at(0.99) }, { u"p999"_s, at(0.999) }, { u"max"_s, double(maxBin) * scale } };
    }
} // namespace

BenchProbe* BenchProbe::createIfRequested(const QList<Session::ClusterSession*>& sessions, QObject* parent)
{
    const QString path = qEnvironmentVariable("PATRONI_CONSOLE_BENCH_REPORT");
    if (path.isEmpty())
        return nullptr;
    bool ok = false;
    int warmup = qEnvironmentVariableIntValue("PATRONI_CONSOLE_BENCH_WARMUP", &ok);
    if (!ok)
        warmup = 15;
    int measure = qEnvironmentVariableIntValue("PATRONI_CONSOLE_BENCH_SECONDS", &ok);
    if (!ok)
        measure = 60;
    return new BenchProbe(sessions, path, warmup, measure, parent);
}

BenchProbe::BenchProbe(
    const QList<Session::ClusterSession*>& sessions, QString path, int warmupS, int measureS, QObject* parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_path(std::move(path))
    , m_measureS(measureS)
    , m_busyTenUs(20001, 0) // up to 200 ms
    , m_ageMs(60001, 0) // up to 60 s
{
    // Busy at a stretch = the CPU time of one turn of the event loop (from one `awake` to the next):
    // input and painting wait at most that long. Thread CPU time, not wall time: on cores shared
    // with the simulator the scheduler may pause the process, which is not the GUI thread working.
    QAbstractEventDispatcher* d = QAbstractEventDispatcher::instance(QThread::currentThread());
    connect(d, &QAbstractEventDispatcher::awake, this, [this] {
        const qint64 cpuUs = threadCpuUs();
        if (m_measuring && m_lastCpuUs > 0)
            count(&m_busyTenUs, (cpuUs - m_lastCpuUs) / 10);
        m_lastCpuUs = cpuUs;
    });
    m_sampler.setInterval(200);
    connect(&m_sampler, &QTimer::timeout, this, &BenchProbe::sample);
    QTimer::singleShot(warmupS * 1000, this, &BenchProbe::beginMeasuring);
}

void BenchProbe::beginMeasuring()
{
    m_measuring = true;
    getrusage(RUSAGE_SELF, &m_startUsage);
    m_startRssKb = statusKb("VmRSS:");
    m_startFds = openFds();
    m_startHistoryKb = historyKb();
    m_window.start();
    m_sampler.start();
    QTimer::singleShot(m_measureS * 1000, this, &BenchProbe::finish);
}

qint64 BenchProbe::historyKb() const
{
    qint64 bytes = 0;
    for (const Session::ClusterSession* s : std::as_const(m_sessions))
        bytes += s->lagHistory()->memoryBytes();
    return bytes / 1024;
}

void BenchProbe::sample()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Session::ClusterSession* s : std::as_const(m_sessions)) {
        const Cluster::ClusterStore* store = s->store();
        if (!store->hasView()) {
            ++m_neverRead;
            continue;
        }
        count(&m_ageMs, store->lastGoodAt().msecsTo(now));
    }
    m_peakFds = std::max(m_peakFds, openFds());
    const qint64 rss = statusKb("VmRSS:");
    m_peakRssKb = std::max(m_peakRssKb, rss);
    if (++m_samples % 50 == 0) // every 10 s: does memory level off?
        m_rssTimelineKb.append(QJsonArray { double(m_window.elapsed() / 1000), double(rss), double(historyKb()) });
}

void BenchProbe::finish()
{
    m_sampler.stop();
    m_measuring = false;
    rusage end {};
    getrusage(RUSAGE_SELF, &end);
    const double wall = double(m_window.elapsed()) / 1000.0;
    const double user = seconds(end.ru_utime) - seconds(m_startUsage.ru_utime);
    const double sys = seconds(end.ru_stime) - seconds(m_startUsage.ru_stime);
    QJsonObject report {
        { u"sessions"_s, double(m_sessions.size()) }, { u"seconds"_s, wall },
        { u"cpuPercentOfOneCore"_s, 100.0 * (user + sys) / wall }, { u"cpuUserSeconds"_s, user },
        { u"cpuSystemSeconds"_s, sys }, { u"rssKbStart"_s, double(m_startRssKb) },
        { u"rssKbEnd"_s, double(statusKb("VmRSS:")) }, { u"rssKbPeak"_s, double(m_peakRssKb) },
        { u"rssKbHighWaterMark"_s, double(statusKb("VmHWM:")) }, { u"openFdsPeak"_s, double(m_peakFds) },
        { u"openFdsStart"_s, double(m_startFds) }, { u"openFdsEnd"_s, double(openFds()) },
        // The lag history grows by design for its first hour (every poll of every replica is kept):
        // the rest of the memory should stay flat.
        { u"lagHistoryKbStart"_s, double(m_startHistoryKb) }, { u"lagHistoryKbEnd"_s, double(historyKb()) },
        { u"dataAgeMs"_s, percentiles(m_ageMs, 1.0) }, { u"samplesWithoutData"_s, m_neverRead },
        { u"guiBusyMs"_s, percentiles(m_busyTenUs, 0.01) },
        { u"rssTimeline"_s, m_rssTimelineKb }, // [seconds, RSS KiB, lag history KiB] every 10 s
    };
    QFile f(m_path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
    QCoreApplication::quit();
}

} // namespace App
