// Parser tests over bodies captured from the lab (Patroni 3.0.2) and Patroni 4.1's documented shapes.
// See tests/data/patroni/README.md for where each file came from.
#include "models/patroni/clusterparser.h"
#include "testdata.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::Role;
using Code = Cluster::SourceError::Code;

static QByteArray readData(const QString& name)
{
    return TestData::read(u"patroni/"_s + name);
}

class TestClusterParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void members_data();
    void members();
    void cluster_data();
    void cluster();
    void errors_data();
    void errors();
    void wrongTypesKeepTheRest();
    void masterIsLeader();
    void hugeOddNames();
    void deepNesting();
    void warningsAreCapped();
};

void TestClusterParser::members_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("member");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("timeline"); // -1: absent
    QTest::addColumn<qint64>("lag"); // -1: absent
    QTest::addColumn<bool>("lagUnknown");
    QTest::addColumn<QString>("hostPort");

    // clang-format off
    QTest::newRow("4.1 docs leader") << u"cluster-4.1-docs-scheduled.json"_s << u"patroni1"_s << int(Role::Leader) << u"running"_s << 5 << qint64(-1) << false << u"10.89.0.4:5432"_s;
    QTest::newRow("4.1 docs streaming replica") << u"cluster-4.1-docs-scheduled.json"_s << u"patroni2"_s << int(Role::Replica) << u"streaming"_s << 5 << qint64(0) << false << u"10.89.0.6:5433"_s;
    QTest::newRow("4.1 quorum standby") << u"cluster-4.1-quorum-lagging.json"_s << u"pg-b"_s << int(Role::QuorumStandby) << u"streaming"_s << 12 << qint64(5242880) << false << u"10.0.0.12:5432"_s;
    QTest::newRow("4.1 archive recovery, older TL") << u"cluster-4.1-quorum-lagging.json"_s << u"pg-c"_s << int(Role::Replica) << u"in archive recovery"_s << 11 << qint64(33554432) << false << u"10.0.0.13:5432"_s;
    // clang-format on
    // Captured from the lab, Patroni 3.0.2 (tests/data/patroni/README.md).
    // clang-format off
    QTest::newRow("3.0.2 healthy leader") << u"cluster-3.0.2-healthy.json"_s << u"patroni3"_s << int(Role::Leader) << u"running"_s << 4 << qint64(-1) << false << u"127.0.0.1:5443"_s;
    QTest::newRow("3.0.2 healthy replica") << u"cluster-3.0.2-healthy.json"_s << u"patroni1"_s << int(Role::Replica) << u"running"_s << 4 << qint64(0) << false << u"127.0.0.1:5441"_s;
    QTest::newRow("3.0.2 replica behind, old TL") << u"cluster-3.0.2-replica-behind-timeline.json"_s << u"patroni2"_s << int(Role::Replica) << u"running"_s << 3 << qint64(224) << false << u"127.0.0.1:5442"_s;
    QTest::newRow("3.0.2 stopped replica: no TL, lag unknown") << u"cluster-3.0.2-replica-stopped.json"_s << u"patroni1"_s << int(Role::Replica) << u"stopped"_s << -1 << qint64(-1) << true << u"127.0.0.1:5441"_s;
    QTest::newRow("3.0.2 killed leader still listed") << u"cluster-3.0.2-leader-killed-still-listed.json"_s << u"patroni3"_s << int(Role::Leader) << u"running"_s << 4 << qint64(-1) << false << u"127.0.0.1:5443"_s;
    QTest::newRow("3.0.2 new leader after failover") << u"cluster-3.0.2-after-failover-killed-leader-gone.json"_s << u"patroni1"_s << int(Role::Leader) << u"running"_s << 5 << qint64(-1) << false << u"127.0.0.1:5441"_s;
    // clang-format on
}

void TestClusterParser::members()
{
    QFETCH(QString, file);
    QFETCH(QString, member);
    QFETCH(int, role);
    QFETCH(QString, state);
    QFETCH(int, timeline);
    QFETCH(qint64, lag);
    QFETCH(bool, lagUnknown);
    QFETCH(QString, hostPort);

    const auto result = Patroni::parseCluster(readData(file));
    QVERIFY2(result.view, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const Cluster::Member* m = result.view->member(member);
    QVERIFY(m);
    QCOMPARE(int(m->role), role);
    QCOMPARE(m->state, state);
    QCOMPARE(m->timeline.value_or(-1), timeline);
    QCOMPARE(m->lagBytes.value_or(-1), lag);
    QCOMPARE(m->lagUnknown, lagUnknown);
    QCOMPARE(m->host + u':' + QString::number(m->port), hostPort);
}

void TestClusterParser::cluster_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("memberCount");
    QTest::addColumn<QStringList>("leaders");
    QTest::addColumn<bool>("paused");
    QTest::addColumn<QString>("switchoverTo"); // empty: none scheduled
    QTest::addColumn<QString>("scope");

    // clang-format off
    QTest::newRow("4.1 docs") << u"cluster-4.1-docs-scheduled.json"_s << 2 << QStringList{u"patroni1"_s} << false << u"patroni3"_s << u"demo"_s;
    QTest::newRow("4.1 quorum, paused") << u"cluster-4.1-quorum-lagging.json"_s << 3 << QStringList{u"pg-a"_s} << true << QString() << u"billing"_s;
    // clang-format on
    // clang-format off
    QTest::newRow("3.0.2 healthy") << u"cluster-3.0.2-healthy.json"_s << 3 << QStringList{u"patroni3"_s} << false << QString() << QString();
    QTest::newRow("3.0.2 replica gone from DCS") << u"cluster-3.0.2-replica-gone.json"_s << 2 << QStringList{u"patroni3"_s} << false << QString() << QString();
    QTest::newRow("3.0.2 paused") << u"cluster-3.0.2-paused.json"_s << 3 << QStringList{u"patroni3"_s} << true << QString() << QString();
    QTest::newRow("3.0.2 scheduled switchover") << u"cluster-3.0.2-scheduled-switchover.json"_s << 3 << QStringList{u"patroni3"_s} << false << u"patroni2"_s << QString();
    QTest::newRow("3.0.2 after failover") << u"cluster-3.0.2-after-failover-killed-leader-gone.json"_s << 2 << QStringList{u"patroni1"_s} << false << QString() << QString();
    // clang-format on
}

void TestClusterParser::cluster()
{
    QFETCH(QString, file);
    QFETCH(int, memberCount);
    QFETCH(QStringList, leaders);
    QFETCH(bool, paused);
    QFETCH(QString, switchoverTo);
    QFETCH(QString, scope);

    const auto result = Patroni::parseCluster(readData(file));
    QVERIFY2(result.view, qPrintable(Cluster::describe(result.error)));
    QCOMPARE(result.view->members.size(), memberCount);
    QCOMPARE(result.view->leaders(), leaders);
    QCOMPARE(result.view->paused, paused);
    QCOMPARE(result.view->scheduledSwitchover.has_value(), !switchoverTo.isEmpty());
    if (!switchoverTo.isEmpty())
        QCOMPARE(result.view->scheduledSwitchover->to, switchoverTo);
    QCOMPARE(result.view->scope, scope);
}

void TestClusterParser::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detailContains");

    QTest::newRow("empty") << QByteArray() << int(Code::NotJson) << u"at byte 0"_s;
    QTest::newRow("truncated") << readData(u"cluster-bad-truncated.json"_s) << int(Code::NotJson) << u"at byte"_s;
    QTest::newRow("html error page") << readData(u"cluster-bad-htmlpage.json"_s) << int(Code::NotJson)
                                     << u"body starts: <!DOCTYPE"_s;
    QTest::newRow("array") << readData(u"cluster-bad-array.json"_s) << int(Code::UnexpectedShape) << u"object"_s;
    QTest::newRow("members not array") << readData(u"cluster-bad-members-object.json"_s) << int(Code::UnexpectedShape)
                                       << u"members"_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << int(Code::NotJson) << QString();
}

void TestClusterParser::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, detailContains);
    const auto result = Patroni::parseCluster(body);
    QVERIFY(!result.view);
    QCOMPARE(int(result.error.code), code);
    QVERIFY2(result.error.detail.contains(detailContains), qPrintable(result.error.detail));
    QVERIFY(!Cluster::describe(result.error).isEmpty());
}

void TestClusterParser::wrongTypesKeepTheRest()
{
    const auto result = Patroni::parseCluster(readData(u"cluster-bad-wrongtypes.json"_s));
    QVERIFY(result.view);
    // ok1 and ok2 survive; a numeric name, a missing name, a non-object and a duplicate are dropped.
    QCOMPARE(result.view->members.size(), 2);
    const Cluster::Member* ok1 = result.view->member(u"ok1"_s);
    QVERIFY(ok1);
    QCOMPARE(ok1->timeline.value_or(-1), 7); // numeric string accepted
    QCOMPARE(ok1->port, 0); // "x" ignored
    QVERIFY(ok1->host.isEmpty());
    QVERIFY(ok1->tags.isEmpty());
    const Cluster::Member* ok2 = result.view->member(u"ok2"_s);
    QVERIFY(ok2);
    QVERIFY(!ok2->lagBytes); // 1.5 bytes is not a lag
    QVERIFY(!ok2->pendingRestart);
    QCOMPARE(ok2->role, Role::Replica); // the duplicate "ok1 replica" did not overwrite the leader
    QCOMPARE(result.view->leaders(), QStringList { u"ok1"_s });
    QVERIFY(!result.view->paused);
    const QString all = result.warnings.join(u'\n');
    for (const auto& expected : { u"members[0].port is not an integer"_s, u"members[0].host is not a string"_s,
             u"members[1].name is not a string"_s, u"members[2].name missing"_s, u"members[3] is not an object"_s,
             u"appears twice"_s, u"members[4].lag is not an integer"_s, u"cluster.pause is not a boolean"_s })
        QVERIFY2(all.contains(expected), qPrintable(u"missing warning: "_s + expected + u"\nhave:\n"_s + all));
}

void TestClusterParser::masterIsLeader()
{
    QCOMPARE(Cluster::roleFromPatroni(u"master"_s), Role::Leader);
    QCOMPARE(Cluster::roleFromPatroni(u"primary"_s), Role::Leader);
    QCOMPARE(Cluster::roleFromPatroni(u"standby_leader"_s), Role::StandbyLeader);
    QCOMPARE(Cluster::roleFromPatroni(u"quorum_standby"_s), Role::QuorumStandby);
    QCOMPARE(Cluster::roleFromPatroni(u"something new"_s), Role::Unknown);
}

void TestClusterParser::hugeOddNames()
{
    // Hundreds of members with quotes, markup, unicode and kilobyte-long names.
    QByteArray body = "{\"members\": [";
    for (int i = 0; i < 500; ++i) {
        if (i)
            body += ',';
        const QByteArray name = "n\\\"<b>\xc3\xa9\xe2\x9c\x93</b>" + QByteArray::number(i) + QByteArray(2048, 'x');
        body += "{\"name\": \"" + name
            + "\", \"role\": \"replica\", \"state\": \"running\", \"lag\": " + QByteArray::number(i) + "}";
    }
    body += "]}";
    const auto result = Patroni::parseCluster(body);
    QVERIFY(result.view);
    QCOMPARE(result.view->members.size(), 500);
    QVERIFY(result.view->members.at(3).name.startsWith(u"n\"<b>é✓</b>3"_s));
    QCOMPARE(result.view->members.at(499).lagBytes.value_or(-1), 499);
}

void TestClusterParser::deepNesting()
{
    QByteArray body = "{\"members\": [], \"x\": ";
    body += QByteArray(100000, '[');
    body += QByteArray(100000, ']');
    body += "}";
    const auto result = Patroni::parseCluster(body);
    QVERIFY(!result.view);
    QCOMPARE(result.error.code, Code::NotJson);
}

void TestClusterParser::warningsAreCapped()
{
    QByteArray body = "{\"members\": [";
    for (int i = 0; i < 500; ++i)
        body += (i ? "," : "") + QByteArray("{\"name\": \"m") + QByteArray::number(i) + "\", \"port\": \"x\"}";
    body += "]}";
    const auto result = Patroni::parseCluster(body);
    QVERIFY(result.view);
    QCOMPARE(result.view->members.size(), 500); // every member kept; only the notes are capped
    QCOMPARE(result.warnings.size(), 101);
    QCOMPARE(result.warnings.last(), u"(more fields ignored, not listed)"_s);
}

QTEST_GUILESS_MAIN(TestClusterParser)
#include "tst_clusterparser.moc"
