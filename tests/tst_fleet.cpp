// A fleet against tests/fleetsim (a fake is right here: a fleet does not fit on one machine): clusters
// that never answer cost a bounded number of sockets and never hold back the others, and
// `status --all` reads every saved cluster in parallel, worst first, with exit 1 when any could not be
// read. Judged by order and outcome; times are the benchmark's business (tests/bench/fleet_bench.sh).
#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/sources/haproxypoller.h"
#include "app/sources/httpfetch.h"
#include "app/sources/patronipoller.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/profilefile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

qsizetype openFds()
{
    return QDir(u"/proc/self/fd"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size();
}

// The simulator as a child of the test, ended by its handle.
class Simulator {
public:
    bool start(int clusters, int members, int hung, const QString& profilesPath)
    {
        m_process.start(QStringLiteral(PATRONI_FLEET_SIM),
            { u"--clusters"_s, QString::number(clusters), u"--members"_s, QString::number(members), u"--hung"_s,
                QString::number(hung), u"--profiles"_s, profilesPath });
        if (!m_process.waitForStarted(10000))
            return false;
        for (int i = 0; i < 300 && !QFile::exists(profilesPath); ++i)
            QTest::qWait(100);
        return QFile::exists(profilesPath);
    }
    ~Simulator()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
};

QList<Cluster::Profile> readFleet(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return Cluster::parseProfileFile(f.readAll()).profiles;
}

} // namespace

class TestFleet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hungClustersCostBoundedSocketsAndNeverDelayTheOthers();
    void statusAllReadsTheFleetWorstFirst();
};

void TestFleet::hungClustersCostBoundedSocketsAndNeverDelayTheOthers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Simulator sim;
    QVERIFY(sim.start(30, 3, 10, dir.filePath(u"fleet.json"_s)));
    const QList<Cluster::Profile> profiles = readFleet(dir.filePath(u"fleet.json"_s));
    QCOMPARE(profiles.size(), 30);

    const qsizetype fdsBefore = openFds();
    Sources::HttpClient http;
    App::Fleet fleet(&http, {});
    // Fast polls, and a deadline well beyond them: the ten hung clusters hold a request each all along.
    for (const Cluster::Profile& p : profiles)
        fleet.add(App::applyOverrides(p, { 200, 30000 }));
    fleet.startAll();
    const QList<App::LiveSession*> sessions = fleet.liveSessions();
    // The first ten never answer (the simulator's --hung); the others are read again and again.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(sessions.begin() + 10, sessions.end(),
                                 [](const App::LiveSession* s) { return s->store()->pollCount() >= 8; }),
        60000);
    qsizetype peakFds = 0;
    for (int i = 0; i < 20; ++i) {
        peakFds = std::max(peakFds, openFds() - fdsBefore);
        QTest::qWait(50);
    }
    for (int i = 10; i < 30; ++i) {
        QVERIFY2(!sessions.at(i)->store()->isStale(), qPrintable(sessions.at(i)->name()));
        QCOMPARE(sessions.at(i)->summary().membersTotal, 3);
    }
    for (int i = 0; i < 10; ++i) {
        // Not one answer yet, and not one request piled on the one waiting for its deadline.
        QVERIFY(!sessions.at(i)->store()->hasView());
        QCOMPARE(sessions.at(i)->patroni()->roundsStarted(), quint64(1));
    }
    // Each hung cluster holds one Patroni and one HAProxy request, never more; an answering one at most
    // a round's worth (/cluster, 3 members, HAProxy, the 3 slow reads) for a moment.
    QVERIFY2(peakFds <= 10 * 2 + 20 * 8, qPrintable(u"%1 sockets open at once"_s.arg(peakFds)));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(sessions.at(i)->haproxy()->roundsStarted(), quint64(1));
    qInfo().noquote() << "peak sockets open:" << peakFds << "; requests so far:" << http.requestsStarted();
}

void TestFleet::statusAllReadsTheFleetWorstFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Simulator sim;
    QVERIFY(sim.start(8, 3, 2, dir.filePath(u"fleet.json"_s)));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    const auto run = [&env](const QStringList& args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PATRONI_CONSOLE_EXE), args);
        p.waitForFinished(60000);
        return std::tuple { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    };
    auto [importCode, importOut, importErr] = run({ u"profiles"_s, u"import"_s, dir.filePath(u"fleet.json"_s) });
    QVERIFY2(importCode == 0, importErr.constData());

    auto [code, out, err] = run({ u"status"_s, u"--all"_s, u"--format"_s, u"json"_s, u"--timeout"_s, u"1000"_s });
    QCOMPARE(code, 1); // two could not be read
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    QCOMPARE(doc.value("schema"_L1).toString(), u"patroni-console/fleet/1"_s);
    const QJsonArray clusters = doc.value("clusters"_L1).toArray();
    QCOMPARE(clusters.size(), 8);
    // Worst first: the two that never answered lead, critical and unread, with the reason.
    for (int i = 0; i < 2; ++i) {
        const QJsonObject c = clusters.at(i).toObject();
        QCOMPARE(c.value("health"_L1).toString(), u"critical"_s);
        QVERIFY(!c.value("read"_L1).toBool());
        QCOMPARE(c.value("error"_L1).toObject().value("code"_L1).toString(), u"timeout"_s);
        QVERIFY(QStringList({ u"sim-000"_s, u"sim-001"_s }).contains(c.value("name"_L1).toString()));
    }
    for (int i = 2; i < 8; ++i) {
        const QJsonObject c = clusters.at(i).toObject();
        QVERIFY2(c.value("read"_L1).toBool(), qPrintable(c.value("name"_L1).toString()));
        QCOMPARE(c.value("membersTotal"_L1).toInt(), 3);
        QVERIFY(!c.value("leader"_L1).toString().isEmpty());
        QVERIFY(c.value("timeline"_L1).toInt() >= 1);
    }
    for (const QByteArray& name : { QByteArray("sim-000"), QByteArray("sim-001") })
        QVERIFY2(err.contains(QByteArray("could not read " + name)), err.constData());

    auto [tsvCode, tsv, tsvErr] = run({ u"status"_s, u"--all"_s, u"--format"_s, u"tsv"_s, u"--timeout"_s, u"1000"_s });
    QCOMPARE(tsvCode, 1);
    const QList<QByteArray> lines = tsv.trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 8);
    QVERIFY(lines.first().startsWith("cluster\thealth\tleader\t"));
    QVERIFY(lines.at(1).startsWith("sim-00") && lines.at(1).contains("\tcritical\t"));

    // --all reads the clusters as saved: other cluster options are refused.
    auto [usageCode, usageOut, usageErr] = run({ u"status"_s, u"--all"_s, u"--url"_s, u"http://127.0.0.1:1"_s });
    QCOMPARE(usageCode, 2);
    QVERIFY(usageErr.contains("cannot be combined"));
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
