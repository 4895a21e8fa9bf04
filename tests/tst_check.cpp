// `patroni-console check`: plugin ranges, lag limits, each check's verdict over captured states, the
// plugin's output format.
#include "clusterstatebuilder.h"
#include "testdata.h"

#include "models/check/monitorcheck.h"
#include "models/cluster/findings.h"
#include "models/haproxy/statsparser.h"
#include "models/patroni/dynamicconfig.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The lab as HAProxy saw it healthy (tests/data/haproxy): patroni3 leads and is alone on "primary".
Cluster::ClusterState labWithHaproxy()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni3"_s, 37);
    const auto parsed = Haproxy::parseStatsCsv(TestData::read(u"haproxy/stats-2.6.12-healthy.csv"_s));
    s.haproxyConfigured = true;
    s.haproxy = parsed.stats;
    s.haproxySource.lastAttempt = s.haproxySource.lastSuccess = TestStates::t0();
    for (Cluster::MemberObservation& o : s.members)
        o.status->patroniVersion = u"3.0.2"_s;
    return s;
}

Check::Result only(const Cluster::ClusterState& s, const QString& check, Check::Options o = {},
    Check::Remembered* remembered = nullptr)
{
    o.checks = { check };
    Check::Remembered next;
    const QList<Check::Result> results = Check::run(s, Cluster::evaluateFindings(s, TestStates::t0()), o, &next);
    if (remembered)
        *remembered = next;
    return results.size() == 1 ? results.first() : Check::Result { u"none"_s, Check::Status::Unknown, {}, {} };
}

} // namespace

class TestCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ranges_data();
    void ranges();
    void lagLimits_data();
    void lagLimits();
    void healthyIsOk();
    void leaderLost();
    void routingWrong();
    void replicasByThreshold();
    void lagThresholds();
    void maintenanceAndScheduled();
    void stateFileReferences();
    void nodeChecks();
    void unreadableIsUnknown();
    void outputFormat();
};

void TestCheck::ranges_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("alerts");
    QTest::newRow("10, inside") << u"10"_s << 10.0 << false;
    QTest::newRow("10, above") << u"10"_s << 11.0 << true;
    QTest::newRow("10, negative") << u"10"_s << -1.0 << true;
    QTest::newRow("2:, below") << u"2:"_s << 1.0 << true;
    QTest::newRow("2:, at") << u"2:"_s << 2.0 << false;
    QTest::newRow("~:5, above") << u"~:5"_s << 6.0 << true;
    QTest::newRow("~:5, very negative") << u"~:5"_s << -100.0 << false;
    QTest::newRow("1:3, outside") << u"1:3"_s << 4.0 << true;
    QTest::newRow("1:3, in") << u"1:3"_s << 2.0 << false;
    QTest::newRow("@1:3, in") << u"@1:3"_s << 1.0 << true;
    QTest::newRow("@1:3, outside") << u"@1:3"_s << 0.0 << false;
}

void TestCheck::ranges()
{
    QFETCH(QString, range);
    QFETCH(double, value);
    QFETCH(bool, alerts);
    const auto r = Check::Range::parse(range);
    QVERIFY(r);
    QCOMPARE(r->alerts(value), alerts);
    QCOMPARE(r->text, range);
    for (const QString& bad : { u""_s, u"x"_s, u"3:1"_s, u"1:y"_s, u"@"_s })
        QVERIFY2(!Check::Range::parse(bad), qPrintable(bad));
}

void TestCheck::lagLimits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<double>("seconds");
    QTest::newRow("plain") << u"1048576"_s << qint64(1048576) << -1.0;
    QTest::newRow("MB") << u"16MB"_s << qint64(16 * 1024 * 1024) << -1.0;
    QTest::newRow("kB") << u"512kB"_s << qint64(512 * 1024) << -1.0;
    QTest::newRow("GiB") << u"1.5GiB"_s << qint64(1610612736) << -1.0;
    QTest::newRow("s") << u"30s"_s << qint64(-1) << 30.0;
    QTest::newRow("ms") << u"500ms"_s << qint64(-1) << 0.5;
    QTest::newRow("bad unit") << u"5 parsecs"_s << qint64(-2) << -2.0;
    QTest::newRow("negative") << u"-5"_s << qint64(-2) << -2.0;
}

void TestCheck::lagLimits()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QFETCH(double, seconds);
    const auto l = Check::LagLimit::parse(text);
    if (bytes == -2) {
        QVERIFY(!l);
        return;
    }
    QVERIFY(l);
    QCOMPARE(l->bytes.value_or(-1), bytes);
    QCOMPARE(l->seconds.value_or(-1.0), seconds);
}

void TestCheck::healthyIsOk()
{
    const Cluster::ClusterState s = labWithHaproxy();
    Check::Remembered next;
    const QList<Check::Result> results = Check::run(s, Cluster::evaluateFindings(s, TestStates::t0()), {}, &next);
    QCOMPARE(results.size(), Check::defaultChecks().size());
    for (const Check::Result& r : results)
        QVERIFY2(r.status == Check::Status::Ok, qPrintable(r.check + u": "_s + r.message));
    QCOMPARE(Check::overall(results), Check::Status::Ok);
}

void TestCheck::leaderLost()
{
    Cluster::ClusterState s = labWithHaproxy();
    TestStates::member(s, u"patroni3"_s).role = Cluster::Role::Replica;
    TestStates::member(s, u"patroni3"_s).roleText = u"replica"_s;
    s.members[u"patroni3"_s].status->role = Cluster::Role::Replica;
    const Check::Result r = only(s, u"leader"_s);
    QCOMPARE(r.status, Check::Status::Critical);
    QVERIFY2(r.message.startsWith(u"no writable leader"_s), qPrintable(r.message));
    // HAProxy still sends writes to the old leader: the routing check says so too.
    const Check::Result routing = only(s, u"routing"_s);
    QCOMPARE(routing.status, Check::Status::Critical);
    QVERIFY2(routing.message.contains(u"no writable leader"_s), qPrintable(routing.message));
}

void TestCheck::routingWrong()
{
    // A new leader the DCS knows, but HAProxy still routes 5000 to the old one.
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s, 38);
    const Cluster::ClusterState lab = labWithHaproxy();
    s.haproxyConfigured = true;
    s.haproxy = lab.haproxy;
    s.haproxySource = lab.haproxySource;
    Check::Result r = only(s, u"routing"_s);
    QCOMPARE(r.status, Check::Status::Critical);
    QVERIFY2(r.message.contains(u"port 5000 routes writes to patroni3, not only to the leader patroni1"_s),
        qPrintable(r.message));
    QVERIFY2(r.message.contains(u"port 5001 sends read-only clients to the leader patroni1"_s), qPrintable(r.message));
    // HAProxy unreadable: routing is unknown, not OK.
    s.haproxySource.error.code = Cluster::SourceError::Code::ConnectionRefused;
    QCOMPARE(only(s, u"routing"_s).status, Check::Status::Unknown);
    // Not configured: nothing to judge.
    s.haproxyConfigured = false;
    QCOMPARE(only(s, u"routing"_s).status, Check::Status::Ok);
}

void TestCheck::replicasByThreshold()
{
    Cluster::ClusterState s = labWithHaproxy();
    TestStates::member(s, u"patroni1"_s).state = u"stopped"_s;
    s.members[u"patroni1"_s].status->state = u"stopped"_s;
    Check::Result r = only(s, u"replicas"_s);
    QCOMPARE(r.status, Check::Status::Warning); // no threshold: any unhealthy replica warns
    QVERIFY2(r.message.contains(u"1 healthy replica(s); not healthy: patroni1 (stopped)"_s), qPrintable(r.message));
    Check::Options o;
    o.warnReplicas = Check::Range::parse(u"2:"_s);
    QCOMPARE(only(s, u"replicas"_s, o).status, Check::Status::Warning);
    o.critReplicas = Check::Range::parse(u"2:"_s);
    QCOMPARE(only(s, u"replicas"_s, o).status, Check::Status::Critical);
    o = {};
    o.warnReplicas = Check::Range::parse(u"1:"_s);
    QCOMPARE(only(s, u"replicas"_s, o).status, Check::Status::Ok); // one is enough by this threshold
    QVERIFY(Check::perfText(only(s, u"replicas"_s, o).perf.first()) == u"'healthy_replicas'=1;1:;;0"_s);
}

void TestCheck::lagThresholds()
{
    Cluster::ClusterState s = labWithHaproxy();
    TestStates::member(s, u"patroni1"_s).lagBytes = 20 * 1024 * 1024;
    Check::Options o;
    o.warnLagBytes = Check::LagLimit::parse(u"1MB"_s);
    Check::Result r = only(s, u"lag"_s, o);
    QCOMPARE(r.status, Check::Status::Warning);
    o.critLagBytes = Check::LagLimit::parse(u"16MB"_s);
    r = only(s, u"lag"_s, o);
    QCOMPARE(r.status, Check::Status::Critical);
    QVERIFY2(r.message.contains(u"patroni1 is"_s) && r.message.contains(u"critical above"_s), qPrintable(r.message));
    QVERIFY(r.perf.size() >= 2);
    // Seconds asked but PostgreSQL not: said, as a warning, never a silent OK.
    o = {};
    o.critLagSeconds = Check::LagLimit::parse(u"10s"_s);
    r = only(labWithHaproxy(), u"lag"_s, o);
    QCOMPARE(r.status, Check::Status::Warning);
    QVERIFY2(r.message.contains(u"lag in seconds is unknown"_s), qPrintable(r.message));
}

void TestCheck::maintenanceAndScheduled()
{
    Cluster::ClusterState s = labWithHaproxy();
    QCOMPARE(only(s, u"maintenance"_s).status, Check::Status::Ok);
    QCOMPARE(only(s, u"scheduled"_s).status, Check::Status::Ok);
    s.view.paused = true;
    QCOMPARE(only(s, u"maintenance"_s).status, Check::Status::Critical);
    s.view.scheduledSwitchover
        = Cluster::ScheduledSwitchover { u"2026-12-01T03:00:00+00:00"_s, u"patroni3"_s, u"patroni2"_s };
    const Check::Result r = only(s, u"scheduled"_s);
    QCOMPARE(r.status, Check::Status::Critical);
    QVERIFY2(r.message.contains(u"a switchover at 2026-12-01T03:00:00+00:00 to patroni2"_s), qPrintable(r.message));
}

void TestCheck::stateFileReferences()
{
    Cluster::ClusterState s = labWithHaproxy();
    auto parsed = Patroni::parseDynamicConfig(TestData::read(u"patroni/config-3.0.2-lab.json"_s));
    s.config = parsed.config;
    s.configSource.lastAttempt = s.configSource.lastSuccess = TestStates::t0();
    Check::Options o;
    // Without a state file there is no reference: unknown, not OK.
    QCOMPARE(only(s, u"config-changed"_s, o).status, Check::Status::Unknown);
    o.remembered = Check::Remembered {};
    Check::Remembered next;
    QCOMPARE(only(s, u"config-changed"_s, o, &next).status, Check::Status::Ok); // the first call: the reference
    QCOMPARE(next.configHash, Check::configHash(s.config->raw));
    o.remembered = next;
    QCOMPARE(only(s, u"config-changed"_s, o).status, Check::Status::Ok);
    s.config->raw.insert("loop_wait"_L1, 7);
    QCOMPARE(only(s, u"config-changed"_s, o).status, Check::Status::Critical);

    QCOMPARE(only(s, u"timeline-changed"_s, o, &next).status, Check::Status::Ok);
    QCOMPARE(next.timeline, std::optional<int>(37));
    o.remembered = next;
    Cluster::ClusterState promoted = TestStates::healthy(u"patroni2"_s, 38);
    const Check::Result r = only(promoted, u"timeline-changed"_s, o);
    QCOMPARE(r.status, Check::Status::Critical);
    QCOMPARE(r.message, u"the timeline changed from 37 to 38"_s);
}

void TestCheck::nodeChecks()
{
    Cluster::ClusterState s = labWithHaproxy();
    Check::Options o;
    QCOMPARE(only(s, u"primary"_s, o).status, Check::Status::Unknown); // needs --member
    o.member = u"patroni3"_s;
    QCOMPARE(only(s, u"primary"_s, o).status, Check::Status::Ok);
    QCOMPARE(only(s, u"replica"_s, o).status, Check::Status::Critical);
    o.member = u"patroni1"_s;
    QCOMPARE(only(s, u"primary"_s, o).status, Check::Status::Critical);
    QCOMPARE(only(s, u"replica"_s, o).status, Check::Status::Ok);
    o.member = u"nobody"_s;
    const Check::Result unknown = only(s, u"alive"_s, o);
    QCOMPARE(unknown.status, Check::Status::Unknown);
    QVERIFY2(unknown.message.contains(u"patroni1, patroni2, patroni3"_s), qPrintable(unknown.message));
    o.member.clear();
    QCOMPARE(only(s, u"alive"_s, o).status, Check::Status::Ok);
    TestStates::apiFails(s, u"patroni2"_s);
    QCOMPARE(only(s, u"alive"_s, o).status, Check::Status::Critical);
    o.member = u"patroni1"_s;
    QCOMPARE(only(s, u"alive"_s, o).status, Check::Status::Ok);
    QCOMPARE(only(s, u"pending-restart"_s, o).status, Check::Status::Ok);
    TestStates::member(s, u"patroni1"_s).pendingRestart = true;
    QCOMPARE(only(s, u"pending-restart"_s, o).status, Check::Status::Critical);
    QCOMPARE(only(s, u"version"_s, o).status, Check::Status::Unknown); // needs --patroni-version
    o.patroniVersion = u"3.0.2"_s;
    QCOMPARE(only(s, u"version"_s, o).status, Check::Status::Ok);
    o.patroniVersion = u"4.0.4"_s;
    const Check::Result v = only(s, u"version"_s, o);
    QCOMPARE(v.status, Check::Status::Critical);
    QCOMPARE(v.message, u"patroni1 runs Patroni 3.0.2, not 4.0.4"_s);
}

void TestCheck::unreadableIsUnknown()
{
    Cluster::ClusterState s;
    s.dcs.lastAttempt = TestStates::t0();
    s.dcs.error.code = Cluster::SourceError::Code::Timeout;
    s.dcs.error.source = u"Patroni API http://127.0.0.1:8008"_s;
    Check::Remembered next;
    const QList<Check::Result> results = Check::run(s, {}, {}, &next);
    QCOMPARE(results.size(), 1);
    QCOMPARE(Check::overall(results), Check::Status::Unknown);
    QVERIFY(Check::pluginOutput(u"lab"_s, results).startsWith(u"PATRONI CONSOLE UNKNOWN - lab: patroni: "_s));
    // A reading that went stale is unknown too, not the last good verdict.
    Cluster::ClusterState stale = labWithHaproxy();
    stale.dcs.error = s.dcs.error;
    QCOMPARE(Check::overall(Check::run(stale, {}, {}, &next)), Check::Status::Unknown);
}

void TestCheck::outputFormat()
{
    Cluster::ClusterState s = labWithHaproxy();
    TestStates::member(s, u"patroni1"_s).state = u"stopped"_s;
    s.members[u"patroni1"_s].status->state = u"stopped"_s;
    Check::Remembered next;
    const QList<Check::Result> results = Check::run(s, Cluster::evaluateFindings(s, TestStates::t0()), {}, &next);
    const QString out = Check::pluginOutput(u"la|b"_s, results);
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + results.size());
    const QString first = lines.first();
    QVERIFY2(first.startsWith(u"PATRONI CONSOLE WARNING - la/b: "_s), qPrintable(first));
    QCOMPARE(first.count(u'|'), 1); // the text never carries the separator of the performance data
    const QString perf = first.mid(first.indexOf(u'|') + 1).trimmed();
    static const QRegularExpression one(uR"(^'[^'=]+'=-?[0-9.]+(B|s|%|c)?(;[^; ]*){0,4}$)"_s);
    for (const QString& p : perf.split(u' '))
        QVERIFY2(one.match(p).hasMatch(), qPrintable(p));
    QVERIFY(perf.contains(u"'healthy_replicas'=1;;;0"_s));
    QVERIFY(lines.contains(u"[WARNING] replicas: 1 healthy replica(s); not healthy: patroni1 (stopped)"_s));
    QCOMPARE(Check::perfText({ u"it's=odd"_s, 1.5, u"s"_s, u"1"_s, u"2"_s, 0.0, {} }), u"'it''s_odd'=1.500s;1;2;0"_s);
}

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
