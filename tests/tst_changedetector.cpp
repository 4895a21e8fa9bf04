// Events between successive states: what the journal records and a DBA reads afterwards.
#include "clusterstatebuilder.h"
#include "models/cluster/changedetector.h"
#include "models/cluster/findings.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::EventKind;

namespace {

struct Run {
    Cluster::ChangeDetector detector;
    int second = 0;
    QList<Cluster::Event> step(const Cluster::ClusterState& s)
    {
        const QDateTime now = TestStates::t0().addSecs(++second);
        return detector.update(s, Cluster::evaluateFindings(s, now), now, 1048576);
    }
};

QStringList kinds(const QList<Cluster::Event>& events, bool withFindings = false)
{
    QStringList out;
    for (const auto& e : events) {
        if (!withFindings && (e.kind == EventKind::FindingRaised || e.kind == EventKind::FindingCleared))
            continue;
        out.append(Cluster::eventKindName(e.kind) + u':' + e.subject);
    }
    return out;
}

} // namespace

class TestChangeDetector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstStateOnlyPrimes();
    void leaderKilled();
    void plannedSwitchover();
    void memberStopsAndLeaves();
    void lagCrossesLimit();
    void pauseResume();
    void findingsRaisedOnceClearedOnce();
    void patroniApiLostAndBack();
    void configChangedWithDiff();
    void routingChanged();
    void eventJsonRoundTrip();
};

void TestChangeDetector::firstStateOnlyPrimes()
{
    Run run;
    // HAProxy or etcd can answer before Patroni: a state without a DCS view does not prime.
    Cluster::ClusterState empty;
    empty.haproxyConfigured = true;
    QVERIFY(run.step(empty).isEmpty());
    auto s = TestStates::healthy();
    s.view.paused = true;
    QVERIFY(run.step(s).isEmpty());
    QVERIFY(run.step(s).isEmpty());
}

void TestChangeDetector::leaderKilled()
{
    // As on the lab: SIGKILL the leader; its API refuses at once while the DCS still names it
    // for a TTL; then another member takes over on a new timeline and the dead one's key expires.
    Run run;
    auto s = TestStates::healthy(u"patroni3"_s, 4);
    run.step(s);

    TestStates::apiFails(s, u"patroni3"_s);
    const auto down = run.step(s);
    QCOMPARE(kinds(down), (QStringList { u"member-down:patroni3"_s, u"leader-lost:patroni3"_s }));
    QCOMPARE(down.at(1).severity, Cluster::Severity::Critical);
    QVERIFY2(down.at(1).message.contains(u"still named leader by the DCS but does not answer"_s),
        qPrintable(down.at(1).message));
    QVERIFY(run.step(s).isEmpty() || kinds(run.step(s)).isEmpty()); // nothing new while it stays down

    auto after = TestStates::healthy(u"patroni1"_s, 5);
    after.view.members.removeLast(); // patroni3's key expired
    after.members.remove(u"patroni3"_s);
    const auto changed = run.step(after);
    QCOMPARE(kinds(changed),
        (QStringList {
            u"leader-changed:patroni1"_s, u"timeline-changed:patroni1"_s, u"member-disappeared:patroni3"_s }));
    QCOMPARE(changed.first().details.value("from"_L1).toString(), u"patroni3"_s);
    QCOMPARE(changed.at(1).details.value("to"_L1).toInt(), 5);
}

void TestChangeDetector::plannedSwitchover()
{
    Run run;
    run.step(TestStates::healthy(u"patroni1"_s, 4));
    auto s = TestStates::healthy(u"patroni2"_s, 5);
    s.leaderSince = TestStates::t0(); // the DCS just started naming patroni2
    const auto events = run.step(s);
    // No "leader lost" for a planned handover: the DCS names the next leader straight away.
    QCOMPARE(kinds(events), (QStringList { u"leader-changed:patroni2"_s, u"timeline-changed:patroni2"_s }));
    QCOMPARE(events.first().message, u"Leader changed from patroni1 to patroni2"_s);
}

void TestChangeDetector::memberStopsAndLeaves()
{
    Run run;
    auto s = TestStates::healthy();
    run.step(s);
    TestStates::member(s, u"patroni2"_s).state = u"stopped"_s;
    TestStates::member(s, u"patroni2"_s).lagBytes.reset();
    TestStates::apiFails(s, u"patroni2"_s);
    QCOMPARE(kinds(run.step(s)), (QStringList { u"member-down:patroni2"_s, u"state-changed:patroni2"_s }));
    s.view.members.removeAt(1);
    s.members.remove(u"patroni2"_s);
    QCOMPARE(kinds(run.step(s)), (QStringList { u"member-disappeared:patroni2"_s }));
    auto back = TestStates::healthy();
    QCOMPARE(kinds(run.step(back)), (QStringList { u"member-appeared:patroni2"_s }));
}

void TestChangeDetector::lagCrossesLimit()
{
    Run run;
    auto s = TestStates::healthy();
    run.step(s);
    TestStates::member(s, u"patroni3"_s).lagBytes = 2 * 1048576;
    QCOMPARE(kinds(run.step(s)), (QStringList { u"lag-over-limit:patroni3"_s }));
    TestStates::member(s, u"patroni3"_s).lagBytes = 3 * 1048576;
    QCOMPARE(kinds(run.step(s)), QStringList {});
    TestStates::member(s, u"patroni3"_s).lagBytes = 100;
    QCOMPARE(kinds(run.step(s)), (QStringList { u"lag-back-under-limit:patroni3"_s }));
}

void TestChangeDetector::pauseResume()
{
    Run run;
    auto s = TestStates::healthy();
    run.step(s);
    s.view.paused = true;
    QCOMPARE(kinds(run.step(s)), (QStringList { u"paused:"_s }));
    s.view.paused = false;
    QCOMPARE(kinds(run.step(s)), (QStringList { u"resumed:"_s }));
}

void TestChangeDetector::findingsRaisedOnceClearedOnce()
{
    Run run;
    auto s = TestStates::healthy();
    run.step(s);
    TestStates::member(s, u"patroni2"_s).timeline = 3;
    s.members[u"patroni2"_s].status->timeline = 3;
    QCOMPARE(kinds(run.step(s), true), (QStringList { u"finding-raised:member.old-timeline/patroni2"_s }));
    QCOMPARE(kinds(run.step(s), true), QStringList {});
    TestStates::member(s, u"patroni2"_s).timeline = 4;
    s.members[u"patroni2"_s].status->timeline = 4;
    const auto cleared = run.step(s);
    QCOMPARE(kinds(cleared, true), (QStringList { u"finding-cleared:member.old-timeline/patroni2"_s }));
    QVERIFY(cleared.first().message.startsWith(u"Cleared: patroni2 is on timeline 3"_s));
}

void TestChangeDetector::patroniApiLostAndBack()
{
    Run run;
    auto s = TestStates::healthy();
    run.step(s);
    s.dcs.error.code = Cluster::SourceError::Code::ConnectionRefused;
    QCOMPARE(kinds(run.step(s)), (QStringList { u"source-lost:patroni"_s }));
    s.dcs.error = {};
    QCOMPARE(kinds(run.step(s)), (QStringList { u"source-back:patroni"_s }));
}

void TestChangeDetector::configChangedWithDiff()
{
    Run run;
    auto s = TestStates::healthy();
    Patroni::DynamicConfig c;
    c.raw = QJsonObject { { u"ttl"_s, 15 }, { u"maximum_lag_on_failover"_s, 1048576 } };
    s.config = c;
    run.step(s);
    QCOMPARE(kinds(run.step(s)), QStringList {});
    c.raw.insert(u"maximum_lag_on_failover"_s, 2097152);
    c.raw.insert(u"pause"_s, true);
    s.config = c;
    const auto events = run.step(s);
    QCOMPARE(kinds(events), (QStringList { u"config-changed:"_s }));
    const QJsonArray diff = events.first().details.value("diff"_L1).toArray();
    QCOMPARE(diff.size(), 2);
    QVERIFY2(events.first().message.contains(u"maximum_lag_on_failover: 1048576 → 2097152"_s),
        qPrintable(events.first().message));
}

void TestChangeDetector::routingChanged()
{
    // HAProxy moves port 5000 from the old leader to the new one: one event per route that changed.
    const QByteArray csv = "# pxname,svname,status,type,\n"
                           "primary,patroni1,UP,2,\nprimary,patroni2,DOWN,2,\nprimary,BACKEND,UP,1,\n";
    const QByteArray after = "# pxname,svname,status,type,\n"
                             "primary,patroni1,DOWN,2,\nprimary,patroni2,UP,2,\nprimary,BACKEND,UP,1,\n";
    Run run;
    auto s = TestStates::healthy();
    s.haproxyConfigured = true;
    s.haproxy = *Haproxy::parseStatsCsv(csv).stats;
    run.step(s);
    s.haproxy = *Haproxy::parseStatsCsv(after).stats;
    const auto events = run.step(s);
    QCOMPARE(kinds(events), (QStringList { u"routing-changed:primary"_s }));
    QCOMPARE(events.first().message, u"HAProxy primary: patroni1 → patroni2"_s);
}

void TestChangeDetector::eventJsonRoundTrip()
{
    Cluster::Event e { TestStates::t0(), EventKind::TimelineChanged, Cluster::Severity::Warning, u"patroni1"_s,
        u"Timeline 4 → 5 (leader patroni1)"_s, QJsonObject { { u"from"_s, 4 }, { u"to"_s, 5 } }, {} };
    const auto back = Cluster::eventFromJson(Cluster::toJson(e));
    QVERIFY(back);
    QCOMPARE(*back, e);
    QVERIFY(!Cluster::eventFromJson(QJsonObject { { u"kind"_s, u"nonsense"_s } }));
}

QTEST_GUILESS_MAIN(TestChangeDetector)
#include "tst_changedetector.moc"
