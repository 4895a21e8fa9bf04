// Cross-layer findings over whole cluster states: each check named, with the member it is about.
#include "clusterstatebuilder.h"
#include "models/cluster/findings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::Severity;

Q_DECLARE_METATYPE(Cluster::ClusterState)

class TestFindings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void checks_data();
    void checks();
    void worstFirstAndStable();
};

void TestFindings::checks_data()
{
    QTest::addColumn<Cluster::ClusterState>("state");
    QTest::addColumn<QStringList>("expectedKeys"); // exactly these, in this order
    QTest::addColumn<int>("firstSeverity");
    QTest::addColumn<QString>("firstMessageContains");

    using namespace TestStates;
    QTest::newRow("healthy") << healthy() << QStringList {} << -1 << QString();
    {
        auto s = healthy();
        member(s, u"patroni1"_s).role = Cluster::Role::Replica;
        s.members[u"patroni1"_s].status->role = Cluster::Role::Replica; // it demoted itself, as it should
        QTest::newRow("no leader") << s << QStringList { u"cluster.no-leader"_s } << int(Severity::Critical)
                                   << u"writes fail"_s;
    }
    {
        auto s = healthy();
        member(s, u"patroni2"_s).role = Cluster::Role::Leader;
        member(s, u"patroni2"_s).lagBytes.reset();
        // patroni2's own API still says replica: after the grace that is a disagreement too.
        QTest::newRow("two leaders") << s
                                     << QStringList { u"cluster.multiple-leaders"_s,
                                            u"member.role-disagrees/patroni2"_s }
                                     << int(Severity::Critical) << u"patroni1, patroni2"_s;
    }
    {
        auto s = healthy();
        s.view.paused = true;
        QTest::newRow("paused") << s << QStringList { u"cluster.paused"_s } << int(Severity::Warning)
                                << u"will not fail over"_s;
    }
    {
        auto s = healthy();
        member(s, u"patroni3"_s).timeline = 3;
        s.members[u"patroni3"_s].status->timeline = 3;
        QTest::newRow("old timeline") << s << QStringList { u"member.old-timeline/patroni3"_s }
                                      << int(Severity::Warning) << u"patroni3 is on timeline 3, the leader on 4"_s;
    }
    {
        // The DCS's copy is stale (etcd without quorum: no member can update its key); the node
        // itself is on the leader's timeline.
        auto s = healthy();
        member(s, u"patroni3"_s).timeline = 3;
        QTest::newRow("old timeline only in the DCS's copy") << s << QStringList {} << -1 << QString();
    }
    {
        // Not answering: the DCS's word is all there is.
        auto s = healthy();
        member(s, u"patroni3"_s).timeline = 3;
        apiFails(s, u"patroni3"_s);
        QTest::newRow("old timeline, node silent")
            << s << QStringList { u"member.old-timeline/patroni3"_s, u"member.unreachable/patroni3"_s }
            << int(Severity::Warning) << u"patroni3 is on timeline 3, the leader on 4"_s;
    }
    {
        auto s = healthy();
        member(s, u"patroni2"_s).state = u"stopped"_s;
        member(s, u"patroni2"_s).lagBytes.reset();
        member(s, u"patroni2"_s).lagUnknown = true;
        QTest::newRow("stopped replica") << s << QStringList { u"member.not-streaming/patroni2"_s }
                                         << int(Severity::Warning) << u"state \"stopped\""_s;
    }
    {
        auto s = healthy();
        s.members[u"patroni1"_s].status->replication.removeAt(1); // patroni3 no longer streams
        QTest::newRow("missing from pg_stat_replication")
            << s << QStringList { u"member.not-streaming/patroni3"_s } << int(Severity::Warning)
            << u"not in patroni1's pg_stat_replication"_s;
    }
    {
        auto s = healthy();
        s.members[u"patroni1"_s].status->replication.removeAt(1);
        member(s, u"patroni3"_s).tags.insert(u"replicatefrom"_s, u"patroni2"_s);
        QTest::newRow("cascading replica is not the leader's") << s << QStringList {} << -1 << QString();
    }
    {
        auto s = healthy();
        member(s, u"patroni2"_s).lagBytes = 5242880;
        QTest::newRow("lag over limit") << s << QStringList { u"member.lag-over-limit/patroni2"_s }
                                        << int(Severity::Warning) << u"5\u2009242\u2009880 B behind"_s;
    }
    {
        auto s = healthy();
        member(s, u"patroni2"_s).lagBytes = 1048576; // exactly the limit is not over it
        QTest::newRow("lag at limit") << s << QStringList {} << -1 << QString();
    }
    {
        auto s = healthy();
        apiFails(s, u"patroni1"_s);
        QTest::newRow("leader API down") << s << QStringList { u"member.unreachable/patroni1"_s }
                                         << int(Severity::Critical) << u"still lists it as leader running"_s;
    }
    {
        auto s = healthy();
        apiFails(s, u"patroni3"_s);
        QTest::newRow("replica API down") << s << QStringList { u"member.unreachable/patroni3"_s }
                                          << int(Severity::Warning) << u"patroni3's REST API does not answer"_s;
    }
    {
        // etcd quorum lost: /cluster keeps naming patroni1, which has demoted itself.
        auto s = healthy();
        s.members[u"patroni1"_s].status->role = Cluster::Role::Replica;
        s.members[u"patroni1"_s].status->roleText = u"replica"_s;
        QTest::newRow("leader demoted itself") << s << QStringList { u"member.role-disagrees/patroni1"_s }
                                               << int(Severity::Critical) << u"patroni1 itself says it is a replica"_s;
    }
    {
        auto s = healthy();
        s.leaderSince = t0().addSecs(-2); // a switchover two seconds ago: the new leader is still promoting
        s.members[u"patroni1"_s].status->role = Cluster::Role::Replica;
        QTest::newRow("within promotion grace") << s << QStringList {} << -1 << QString();
    }
    {
        auto s = healthy();
        s.members[u"patroni2"_s].status->dcsLastSeen = t0().toSecsSinceEpoch() - 45;
        QTest::newRow("DCS not reached") << s << QStringList { u"member.dcs-stale/patroni2"_s }
                                         << int(Severity::Warning) << u"45 s ago"_s;
    }
    {
        auto s = healthy();
        member(s, u"patroni3"_s).pendingRestart = true;
        QTest::newRow("pending restart") << s << QStringList { u"member.pending-restart/patroni3"_s }
                                         << int(Severity::Info) << u"needs a restart"_s;
    }
    {
        auto s = healthy();
        s.members[u"patroni2"_s].status->pendingRestart = true; // only the node itself knows yet
        QTest::newRow("pending restart, node's word") << s << QStringList { u"member.pending-restart/patroni2"_s }
                                                      << int(Severity::Info) << u"patroni2 needs a restart"_s;
    }
    {
        auto s = healthy();
        s.dcs.error.code = Cluster::SourceError::Code::Timeout;
        s.dcs.error.source = u"Patroni API http://127.0.0.1:8008"_s;
        s.dcs.lastSuccess = t0().addSecs(-12);
        QTest::newRow("Patroni unreachable")
            << s << QStringList { u"source.patroni-unreachable/patroni"_s } << int(Severity::Critical) << u"12 s ago"_s;
    }
    {
        // Patroni's answers to PATCH /config with `{}` (LAB-FACTS: 401 "not authenticated" for a wrong
        // password; 403 "Access is denied" outside restapi.allowlist; 400 once the password passes).
        auto s = healthy();
        s.apiAuth
            = Cluster::ApiAuthCheck { u"patroni"_s, QUrl(u"http://127.0.0.1:8008"_s), 401, u"not authenticated"_s };
        QTest::newRow("API password refused")
            << s << QStringList { u"source.patroni-auth/patroni"_s } << int(Severity::Warning)
            << u"refuses the password the console has for user \"patroni\" (HTTP 401 not authenticated)"_s;
        s.apiAuth
            = Cluster::ApiAuthCheck { u"patroni"_s, QUrl(u"http://127.0.0.1:8008"_s), 403, u"Access is denied"_s };
        QTest::newRow("API denies this console")
            << s << QStringList { u"source.patroni-auth/patroni"_s } << int(Severity::Warning)
            << u"denies actions from this console (HTTP 403 Access is denied)"_s;
        s.apiAuth = Cluster::ApiAuthCheck { u"patroni"_s, QUrl(u"http://127.0.0.1:8008"_s), 400, {} };
        QTest::newRow("API password taken") << s << QStringList {} << 0 << QString();
    }
}

void TestFindings::checks()
{
    QFETCH(Cluster::ClusterState, state);
    QFETCH(QStringList, expectedKeys);
    QFETCH(int, firstSeverity);
    QFETCH(QString, firstMessageContains);

    const auto findings = Cluster::evaluateFindings(state, TestStates::t0());
    QStringList keys;
    for (const auto& f : findings)
        keys.append(f.key());
    QCOMPARE(keys, expectedKeys);
    if (!findings.isEmpty()) {
        QCOMPARE(int(findings.first().severity), firstSeverity);
        QVERIFY2(findings.first().message.contains(firstMessageContains), qPrintable(findings.first().message));
    }
}

void TestFindings::worstFirstAndStable()
{
    auto s = TestStates::healthy();
    s.view.paused = true;
    TestStates::member(s, u"patroni3"_s).pendingRestart = true;
    TestStates::apiFails(s, u"patroni1"_s);
    TestStates::member(s, u"patroni2"_s).timeline = 2;
    s.members[u"patroni2"_s].status->timeline = 2; // the node itself agrees: it is behind
    const auto a = Cluster::evaluateFindings(s, TestStates::t0());
    QStringList keys;
    for (const auto& f : a)
        keys.append(f.key());
    QCOMPARE(keys,
        (QStringList { u"member.unreachable/patroni1"_s, u"cluster.paused"_s, u"member.old-timeline/patroni2"_s,
            u"member.pending-restart/patroni3"_s }));
    QCOMPARE(Cluster::evaluateFindings(s, TestStates::t0()), a);
}

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"
