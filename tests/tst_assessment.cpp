// The one answer to each question — a member's health and what it is shown as, the effective leader,
// the cluster's health and its one-line summary — pinned down over captured states (assessmentcases.h).
#include "assessmentcases.h"
#include "models/cluster/assessment.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::Health;
using Cluster::Reach;
using Cluster::Role;

Q_DECLARE_METATYPE(AssessmentCases::Case)

class TestAssessment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void capturedStates_data();
    void capturedStates();
    void stateHealth_data();
    void stateHealth();
    void neverRead();
    void lagIsTheDcsBytesAndPostgresSeconds();
};

void TestAssessment::capturedStates_data()
{
    QTest::addColumn<AssessmentCases::Case>("c");
    QTest::addColumn<QString>("leader"); // effective
    QTest::addColumn<int>("clusterHealth");
    QTest::addColumn<QString>("headlineStart");
    QTest::addColumn<QStringList>("memberHealths"); // patroni1..3: healthy/warning/critical/unknown
    QTest::addColumn<QStringList>("memberStates"); // as shown
    QTest::addColumn<QStringList>("memberRoles"); // roleKey as shown

    const QMap<QString, QString> allAnswer { { u"patroni1"_s, u"replica"_s }, { u"patroni2"_s, u"replica"_s },
        { u"patroni3"_s, u"leader"_s } };
    QTest::newRow("healthy") << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, allAnswer } << u"patroni3"_s
                             << int(Health::Healthy) << u"Leader patroni3 · 3/3 running · TL 4 · max lag 0 B"_s
                             << QStringList { u"healthy"_s, u"healthy"_s, u"healthy"_s }
                             << QStringList { u"running"_s, u"running"_s, u"running"_s }
                             << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };

    auto stopped = allAnswer;
    stopped[u"patroni1"_s] = u"silent"_s; // a stopped Patroni refuses the connection
    QTest::newRow("replica stopped") << AssessmentCases::Case { u"cluster-3.0.2-replica-stopped.json"_s, stopped }
                                     << u"patroni3"_s << int(Health::Warning) << u"Leader patroni3 · 2/3 running"_s
                                     << QStringList { u"critical"_s, u"healthy"_s, u"healthy"_s }
                                     << QStringList { u"unreachable"_s, u"running"_s, u"running"_s }
                                     << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };

    // LAB-FACTS: /cluster keeps a SIGKILLed leader "running" until its key expires; its API refuses.
    auto killed = allAnswer;
    killed[u"patroni3"_s] = u"silent"_s;
    QTest::newRow("killed leader still listed")
        << AssessmentCases::Case { u"cluster-3.0.2-leader-killed-still-listed.json"_s, killed } << QString()
        << int(Health::Critical) << u"NO LEADER (the DCS names patroni3, whose API does not answer) · 2/3 running"_s
        << QStringList { u"healthy"_s, u"healthy"_s, u"critical"_s }
        << QStringList { u"running"_s, u"running"_s, u"unreachable"_s }
        << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };

    // The leader's own pg_stat_replication as captured: patroni2 still in "startup", not streaming.
    auto startup = allAnswer;
    startup[u"patroni3"_s] = u"leader-as-captured"_s;
    QTest::newRow("replica not yet streaming")
        << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, startup } << u"patroni3"_s << int(Health::Warning)
        << u"Leader patroni3 · 3/3 running"_s << QStringList { u"healthy"_s, u"warning"_s, u"healthy"_s }
        << QStringList { u"running"_s, u"running"_s, u"running"_s }
        << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };

    QTest::newRow("paused") << AssessmentCases::Case { u"cluster-3.0.2-paused.json"_s, allAnswer } << u"patroni3"_s
                            << int(Health::Warning)
                            << u"Leader patroni3 · 3/3 running · TL 4 · max lag 0 B (patroni1) · PAUSED"_s
                            << QStringList { u"healthy"_s, u"healthy"_s, u"healthy"_s }
                            << QStringList { u"running"_s, u"running"_s, u"running"_s }
                            << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };

    QTest::newRow("two leaders") << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, allAnswer, u"patroni1"_s }
                                 << QString() << int(Health::Critical) << u"2 LEADERS: patroni1, patroni3"_s
                                 << QStringList { u"healthy"_s, u"healthy"_s, u"healthy"_s }
                                 << QStringList { u"running"_s, u"running"_s, u"running"_s }
                                 << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };

    // etcd lost quorum: the leader demoted itself (its own API says replica), /cluster still names it.
    auto demoted = allAnswer;
    demoted[u"patroni3"_s] = u"replica"_s;
    QTest::newRow("leader demoted, DCS cache still names it")
        << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, demoted } << QString() << int(Health::Critical)
        << u"NO LEADER (the DCS names patroni3, which runs as replica)"_s
        << QStringList { u"healthy"_s, u"healthy"_s, u"critical"_s }
        << QStringList { u"running"_s, u"running"_s, u"running"_s }
        << QStringList { u"replica"_s, u"replica"_s, u"replica"_s };

    // A switchover 2 s ago: the new leader has not finished promoting; the DCS's word stands.
    QTest::newRow("promotion under way") << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, demoted, {}, 2 }
                                         << u"patroni3"_s << int(Health::Healthy) << u"Leader patroni3 · 3/3 running"_s
                                         << QStringList { u"healthy"_s, u"healthy"_s, u"healthy"_s }
                                         << QStringList { u"running"_s, u"running"_s, u"running"_s }
                                         << QStringList { u"replica"_s, u"replica"_s, u"replica"_s };

    // Nothing asked yet: the DCS's view is all there is.
    QTest::newRow("members not asked yet")
        << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, {} } << u"patroni3"_s << int(Health::Healthy)
        << u"Leader patroni3"_s << QStringList { u"healthy"_s, u"healthy"_s, u"healthy"_s }
        << QStringList { u"running"_s, u"running"_s, u"running"_s }
        << QStringList { u"replica"_s, u"replica"_s, u"leader"_s };
}

void TestAssessment::capturedStates()
{
    QFETCH(AssessmentCases::Case, c);
    QFETCH(QString, leader);
    QFETCH(int, clusterHealth);
    QFETCH(QString, headlineStart);
    QFETCH(QStringList, memberHealths);
    QFETCH(QStringList, memberStates);
    QFETCH(QStringList, memberRoles);

    Cluster::ClusterStore store;
    AssessmentCases::feed(c, &store);
    QCOMPARE(Cluster::effectiveLeader(store.state()), leader);
    QCOMPARE(store.effectiveLeader(), leader);

    const QList<Cluster::MemberView> views = Cluster::memberViews(store.state(), store.findings());
    QCOMPARE(views.size(), 3);
    QStringList healths, states, roles;
    for (const Cluster::MemberView& v : views) {
        healths.append(Cluster::healthKey(v.health));
        states.append(v.state);
        roles.append(Cluster::roleKey(v.role));
        // The DCS's view beside it, never in its place.
        QCOMPARE(v.dcs, *store.view().member(v.name));
    }
    QCOMPARE(healths, memberHealths);
    QCOMPARE(states, memberStates);
    QCOMPARE(roles, memberRoles);

    const Cluster::ClusterSummary s = Cluster::summarize(store.state(), store.findings());
    QCOMPARE(int(s.health), clusterHealth);
    QVERIFY2(s.headline.startsWith(headlineStart), qPrintable(s.headline));
    QCOMPARE(s.leader, leader);
    QVERIFY(s.everRead);
    QVERIFY(!s.stale);
    QCOMPARE(s.membersTotal, 3);
    // The worst finding leads when there is one; a healthy cluster has none.
    QCOMPARE(s.worstFinding.has_value(), !store.findings().isEmpty());
    if (clusterHealth == int(Health::Healthy))
        QVERIFY(store.findings().isEmpty());
}

void TestAssessment::stateHealth_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("lagUnknown");
    QTest::addColumn<bool>("pendingRestart");
    QTest::addColumn<int>("health");
    const int replica = int(Role::Replica);
    const int leader = int(Role::Leader);
    QTest::newRow("running replica") << replica << u"running"_s << false << false << int(Health::Healthy);
    QTest::newRow("streaming replica (3.0.4+)") << replica << u"streaming"_s << false << false << int(Health::Healthy);
    QTest::newRow("lag unknown") << replica << u"running"_s << true << false << int(Health::Warning);
    QTest::newRow("leader, lag unknown is no matter")
        << leader << u"running"_s << true << false << int(Health::Healthy);
    QTest::newRow("pending restart") << leader << u"running"_s << false << true << int(Health::Warning);
    QTest::newRow("archive recovery") << replica << u"in archive recovery"_s << false << false << int(Health::Warning);
    QTest::newRow("starting") << replica << u"starting"_s << false << false << int(Health::Warning);
    QTest::newRow("unknown (PostgreSQL down)") << replica << u"unknown"_s << false << false << int(Health::Warning);
    QTest::newRow("stopped") << replica << u"stopped"_s << false << false << int(Health::Critical);
    QTest::newRow("crashed") << leader << u"crashed"_s << false << false << int(Health::Critical);
    QTest::newRow("start failed") << replica << u"start failed"_s << false << false << int(Health::Critical);
    QTest::newRow("unreachable") << replica << u"unreachable"_s << false << false << int(Health::Critical);
    QTest::newRow("no state") << replica << QString() << false << false << int(Health::Unknown);
}

void TestAssessment::stateHealth()
{
    QFETCH(int, role);
    QFETCH(QString, state);
    QFETCH(bool, lagUnknown);
    QFETCH(bool, pendingRestart);
    QFETCH(int, health);
    QCOMPARE(int(Cluster::stateHealth(Role(role), state, lagUnknown, pendingRestart)), health);
}

void TestAssessment::neverRead()
{
    Cluster::ClusterStore store;
    Cluster::ClusterSummary s = Cluster::summarize(store.state(), store.findings());
    QCOMPARE(s.health, Health::Unknown);
    QCOMPARE(s.headline, u"connecting…"_s);
    Cluster::SourceError e;
    e.code = Cluster::SourceError::Code::ConnectionRefused;
    e.source = u"Patroni API http://127.0.0.1:8008"_s;
    store.recordFailure(e, AssessmentCases::captured());
    s = Cluster::summarize(store.state(), store.findings());
    QCOMPARE(s.health, Health::Critical);
    QVERIFY2(s.headline.startsWith(u"UNREACHABLE — Patroni API http://127.0.0.1:8008: connection refused"_s),
        qPrintable(s.headline));
    QVERIFY(!s.everRead);
    QVERIFY(s.stale);

    // Read once, then failing: the last good view, marked stale, and critical.
    AssessmentCases::feed({ u"cluster-3.0.2-healthy.json"_s, {} }, &store);
    store.recordFailure(e, AssessmentCases::captured().addSecs(3));
    s = Cluster::summarize(store.state(), store.findings());
    QCOMPARE(s.health, Health::Critical);
    QVERIFY2(s.headline.startsWith(u"STALE — Leader patroni3"_s), qPrintable(s.headline));
}

void TestAssessment::lagIsTheDcsBytesAndPostgresSeconds()
{
    Cluster::ClusterStore store;
    AssessmentCases::feedHealthyWithPostgresLag(&store);
    const auto v = Cluster::memberView(store.state(), store.findings(), u"patroni1"_s);
    QVERIFY(v);
    QCOMPARE(v->lagBytes, std::optional<qint64>(0)); // Patroni's, from the DCS
    QCOMPARE(v->lagSeconds, std::optional<double>(0.25)); // PostgreSQL's
    const auto l = Cluster::memberView(store.state(), store.findings(), u"patroni3"_s);
    QVERIFY(!l->lagBytes && !l->lagSeconds); // a leader has no lag
    const Cluster::ClusterSummary s = Cluster::summarize(store.state(), store.findings());
    QCOMPARE(s.worstLagSeconds, std::optional<double>(0.25));
}

QTEST_GUILESS_MAIN(TestAssessment)
#include "tst_assessment.moc"
