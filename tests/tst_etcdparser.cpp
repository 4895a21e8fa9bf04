// Parser tests over etcd 3.4.23's HTTP answers captured from the lab, and hand-made variants for what
// the lab cannot show without breaking etcd. See tests/data/etcd/README.md.
#include "models/etcd/etcdparser.h"
#include "testdata.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

static QByteArray readData(const QString& name)
{
    return TestData::read(u"etcd/"_s + name);
}

// The lab's member IDs: beyond INT64_MAX for etcd1 and etcd3.
static constexpr quint64 Etcd1 = Q_UINT64_C(17267732601913557412);
static constexpr quint64 Etcd2 = Q_UINT64_C(9528749704429682994);
static constexpr quint64 Etcd3 = Q_UINT64_C(13629128252389249318);

enum class Endpoint { Health, MemberList, Status };

static Cluster::SourceError parseWith(Endpoint endpoint, const QByteArray& body, bool* usable)
{
    switch (endpoint) {
    case Endpoint::Health: {
        const auto r = Etcd::parseHealth(body);
        *usable = r.health.has_value();
        return r.error;
    }
    case Endpoint::MemberList: {
        const auto r = Etcd::parseMemberList(body);
        *usable = r.memberList.has_value();
        return r.error;
    }
    case Endpoint::Status: {
        const auto r = Etcd::parseStatus(body);
        *usable = r.status.has_value();
        return r.error;
    }
    }
    return {};
}

class TestEtcdParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void health_data();
    void health();
    void memberList_data();
    void memberList();
    void status_data();
    void status();
    void leaderOfEachAnswer();
    void errors_data();
    void errors();
    void wrongTypesKeepTheRest();
    void idText();
    void hugeMemberList();
    void garbage_data();
    void garbage();
};

void TestEtcdParser::health_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("healthy");
    QTest::addColumn<QString>("reason");

    QTest::newRow("3.4.23 lab") << u"health-3.4.23.json"_s << true << QString();
    QTest::newRow("3.4 unhealthy, trailing newline") << u"health-3.4-unhealthy.json"_s << false << QString();
    QTest::newRow("3.5 no leader") << u"health-3.5-no-leader.json"_s << false << u"RAFT NO LEADER"_s;
    QTest::newRow("3.5 healthy, empty reason") << u"health-3.5-healthy.json"_s << true << QString();
}

void TestEtcdParser::health()
{
    QFETCH(QString, file);
    QFETCH(bool, healthy);
    QFETCH(QString, reason);
    const auto result = Etcd::parseHealth(readData(file));
    QVERIFY2(result.health, qPrintable(Cluster::describe(result.error)));
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.health->healthy, healthy);
    QCOMPARE(result.health->reason, reason);
}

void TestEtcdParser::memberList_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("names"); // in answer order; "" for a member never started
    QTest::addColumn<int>("learners");
    QTest::addColumn<QString>("lastPeerUrl");

    QTest::newRow("3.4.23 lab") << u"member-list-3.4.23.json"_s << QStringList { u"etcd2"_s, u"etcd3"_s, u"etcd1"_s }
                                << 0 << u"http://127.0.0.1:2380"_s;
    QTest::newRow("unstarted learner") << u"member-list-3.4-unstarted-learner.json"_s
                                       << QStringList { u"etcd2"_s, u"etcd3"_s, u"etcd1"_s, QString() } << 1
                                       << u"http://127.0.0.1:2386"_s;
}

void TestEtcdParser::memberList()
{
    QFETCH(QString, file);
    QFETCH(QStringList, names);
    QFETCH(int, learners);
    QFETCH(QString, lastPeerUrl);

    const auto result = Etcd::parseMemberList(readData(file));
    QVERIFY2(result.memberList, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const Etcd::MemberList& list = *result.memberList;
    QStringList got;
    int learnerCount = 0;
    for (const Etcd::Member& m : list.members) {
        got.append(m.name);
        learnerCount += m.isLearner;
        QVERIFY(m.id != 0);
        QCOMPARE(m.isStarted(), !m.clientUrls.isEmpty());
        QCOMPARE(m.peerUrls.size(), 1);
    }
    QCOMPARE(got, names);
    QCOMPARE(learnerCount, learners);
    QCOMPARE(list.members.last().peerUrls.first(), lastPeerUrl);
    // IDs beyond INT64_MAX survive exactly.
    QCOMPARE(list.header.memberId, Etcd1);
    QCOMPARE(list.header.clusterId, Q_UINT64_C(9255690350513912798));
    QCOMPARE(list.header.raftTerm.value_or(-1), 5);
    QVERIFY(!list.header.revision); // member/list's header has none
    QCOMPARE(list.member(Etcd1)->name, u"etcd1"_s);
    QCOMPARE(list.member(Etcd1)->clientUrls, QStringList { u"http://127.0.0.1:2379"_s });
    QCOMPARE(list.member(Etcd3)->name, u"etcd3"_s);
    QCOMPARE(list.memberNamed(u"etcd2")->id, Etcd2);
    QVERIFY(!list.member(0));
    QVERIFY(!list.member(Etcd1 + 1));
    QVERIFY(!list.memberNamed(u""));
}

void TestEtcdParser::status_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<quint64>("answeredBy");
    QTest::addColumn<QString>("leaderName"); // empty: none known
    QTest::addColumn<bool>("isLeader");
    QTest::addColumn<qint64>("raftTerm");
    QTest::addColumn<qint64>("dbSize");
    QTest::addColumn<QStringList>("errors");

    // clang-format off
    QTest::newRow("etcd1, the leader") << u"status-3.4.23-etcd1.json"_s << Etcd1 << u"etcd1"_s << true << qint64(5) << qint64(61440) << QStringList();
    QTest::newRow("etcd2") << u"status-3.4.23-etcd2.json"_s << Etcd2 << u"etcd1"_s << false << qint64(5) << qint64(61440) << QStringList();
    QTest::newRow("etcd3") << u"status-3.4.23-etcd3.json"_s << Etcd3 << u"etcd1"_s << false << qint64(5) << qint64(61440) << QStringList();
    QTest::newRow("no leader: field left out") << u"status-3.4-no-leader.json"_s << Etcd2 << QString() << false << qint64(6) << qint64(61440) << QStringList();
    QTest::newRow("NOSPACE alarm") << u"status-3.4-alarm-nospace.json"_s << Etcd1 << u"etcd1"_s << true << qint64(5) << qint64(2147483648) << QStringList { u"memberID:17267732601913557412 alarm:NOSPACE "_s };
    // clang-format on
}

void TestEtcdParser::status()
{
    QFETCH(QString, file);
    QFETCH(quint64, answeredBy);
    QFETCH(QString, leaderName);
    QFETCH(bool, isLeader);
    QFETCH(qint64, raftTerm);
    QFETCH(qint64, dbSize);
    QFETCH(QStringList, errors);

    const auto members = Etcd::parseMemberList(readData(u"member-list-3.4.23.json"_s));
    QVERIFY(members.memberList);
    const auto result = Etcd::parseStatus(readData(file));
    QVERIFY2(result.status, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const Etcd::Status& s = *result.status;
    QCOMPARE(s.header.memberId, answeredBy);
    QCOMPARE(s.version, u"3.4.23"_s);
    QCOMPARE(s.leader.has_value(), !leaderName.isEmpty());
    QCOMPARE(Etcd::leaderName(s, *members.memberList), leaderName);
    QCOMPARE(s.isLeader(), isLeader);
    QCOMPARE(s.raftTerm.value_or(-1), raftTerm);
    QCOMPARE(s.header.raftTerm.value_or(-1), raftTerm);
    QCOMPARE(s.dbSize.value_or(-1), dbSize);
    QVERIFY(s.dbSizeInUse.has_value());
    QVERIFY(s.raftIndex.has_value());
    QCOMPARE(s.raftAppliedIndex, s.raftIndex);
    QVERIFY(s.header.revision.has_value());
    QCOMPARE(s.errors, errors);
    QVERIFY(!s.isLearner);
}

void TestEtcdParser::leaderOfEachAnswer()
{
    // The three members agree on the leader; a leader missing from the list is named by nobody.
    const auto list = Etcd::parseMemberList(readData(u"member-list-3.4.23.json"_s)).memberList;
    QVERIFY(list);
    for (const auto* file : { "status-3.4.23-etcd1.json", "status-3.4.23-etcd2.json", "status-3.4.23-etcd3.json" }) {
        const auto s = Etcd::parseStatus(readData(QString::fromLatin1(file))).status;
        QVERIFY(s);
        QCOMPARE(*s->leader, Etcd1);
        QVERIFY(list->member(s->header.memberId));
    }
    Etcd::Status orphan;
    orphan.leader = Q_UINT64_C(42);
    QVERIFY(Etcd::leaderName(orphan, *list).isEmpty());
    QVERIFY(Etcd::leaderName(Etcd::Status {}, *list).isEmpty());
    QVERIFY(Etcd::leaderName(orphan, Etcd::MemberList {}).isEmpty());
    // "leader": "0" is raft.None: no leader, as when the field is left out.
    const auto zero = Etcd::parseStatus("{\"version\": \"3.4.23\", \"leader\": \"0\"}").status;
    QVERIFY(zero);
    QVERIFY(!zero->leader);
    QVERIFY(!zero->isLeader());
}

void TestEtcdParser::errors_data()
{
    QTest::addColumn<int>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detailContains");

    const int health = int(Endpoint::Health), list = int(Endpoint::MemberList), status = int(Endpoint::Status);
    const QByteArray capture = readData(u"member-list-3.4.23.json"_s);
    // clang-format off
    QTest::newRow("health: empty") << health << QByteArray() << int(Code::NotJson) << u"at byte 0"_s;
    QTest::newRow("health: POST's 405 text") << health << QByteArray("Method Not Allowed\n") << int(Code::NotJson) << u"body starts: Method Not Allowed"_s;
    QTest::newRow("health: neither true nor false") << health << QByteArray("{\"health\": \"maybe\"}") << int(Code::UnexpectedShape) << u"health"_s;
    QTest::newRow("health: number") << health << QByteArray("{\"health\": 1}") << int(Code::UnexpectedShape) << u"health"_s;
    QTest::newRow("health: {}") << health << QByteArray("{}") << int(Code::UnexpectedShape) << u"health"_s;
    QTest::newRow("health: array") << health << QByteArray("[{\"health\": \"true\"}]") << int(Code::UnexpectedShape) << u"object"_s;
    QTest::newRow("list: GET's 405 (captured)") << list << readData(u"member-list-3.4.23-get-405.txt"_s) << int(Code::NotJson) << u"body starts: Method Not Allowed"_s;
    QTest::newRow("list: members is an object") << list << readData(u"member-list-bad-members-object.json"_s) << int(Code::UnexpectedShape) << u"members"_s;
    QTest::newRow("list: gateway timeout") << list << readData(u"member-list-bad-gateway-timeout.json"_s) << int(Code::UnexpectedShape) << u"etcd says: etcdserver: request timed out"_s;
    QTest::newRow("list: cut off") << list << capture.left(capture.size() / 2) << int(Code::NotJson) << u"at byte"_s;
    QTest::newRow("list: HTML") << list << QByteArray("<html><body>502 Bad Gateway</body></html>") << int(Code::NotJson) << u"body starts: <html>"_s;
    QTest::newRow("status: 400 (captured)") << status << readData(u"status-3.4.23-bad-request-400.json"_s) << int(Code::UnexpectedShape) << u"etcd says: invalid character 'g'"_s;
    QTest::newRow("status: {}") << status << QByteArray("{}") << int(Code::UnexpectedShape) << u"version"_s;
    QTest::newRow("status: a member list") << status << capture << int(Code::UnexpectedShape) << u"version"_s;
    QTest::newRow("status: binary") << status << QByteArray("\x00\xff\xfe{", 4) << int(Code::NotJson) << QString();
    // clang-format on
}

void TestEtcdParser::errors()
{
    QFETCH(int, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, detailContains);
    bool usable = true;
    const Cluster::SourceError error = parseWith(Endpoint(endpoint), body, &usable);
    QVERIFY(!usable);
    QCOMPARE(int(error.code), code);
    QVERIFY2(error.detail.contains(detailContains), qPrintable(error.detail));
    QVERIFY(!Cluster::describe(error).isEmpty());
}

void TestEtcdParser::wrongTypesKeepTheRest()
{
    const auto result = Etcd::parseMemberList(readData(u"member-list-bad-wrongtypes.json"_s));
    QVERIFY(result.memberList);
    const Etcd::MemberList& list = *result.memberList;
    // Kept: ok, id-as-number (no usable ID), the nameless one, hex ID (no usable ID).
    // Dropped: a string, and a repeated ID.
    QCOMPARE(list.members.size(), 4);
    QCOMPARE(list.members.at(0).name, u"ok"_s);
    QCOMPARE(list.members.at(0).clientUrls, QStringList { u"http://127.0.0.1:2381"_s });
    QCOMPARE(list.members.at(1).id, quint64(0)); // 17267732601913557412 as a JSON number is not exact
    QVERIFY(list.members.at(1).peerUrls.isEmpty());
    QCOMPARE(list.members.at(2).id, Etcd3);
    QVERIFY(!list.members.at(2).isStarted());
    QVERIFY(!list.members.at(2).isLearner); // "yes" is not a boolean
    QCOMPARE(list.members.at(3).name, u"hex ID"_s);
    QCOMPARE(list.members.at(3).id, quint64(0));
    QCOMPARE(list.header.clusterId, quint64(12)); // a small JSON number is exact: accepted
    QCOMPARE(list.header.memberId, quint64(0));
    QVERIFY(!list.header.raftTerm);

    const QString all = result.warnings.join(u'\n');
    for (const auto& expected : { u"header.member_id is not an unsigned 64-bit integer"_s,
             u"header.raft_term is not an integer"_s, u"members[0].clientURLs [1] is not a string"_s,
             u"members[1].ID is not an unsigned 64-bit integer"_s, u"members[1].peerURLs is not an array"_s,
             u"members[2].name is not a string"_s, u"members[2].isLearner is not a boolean"_s,
             u"members[3] is not an object"_s, u"members[4] repeats ID"_s, u"members[5].ID is not an unsigned"_s })
        QVERIFY2(all.contains(expected), qPrintable(u"missing warning: "_s + expected + u"\nhave:\n"_s + all));
    QCOMPARE(result.warnings.size(), 10);
}

void TestEtcdParser::idText()
{
    // As etcdctl prints it: lowercase hex, and it reads back to the same ID.
    for (const quint64 id : { Etcd1, Etcd2, Etcd3, Q_UINT64_C(1), std::numeric_limits<quint64>::max() }) {
        const QString text = Etcd::idText(id);
        QCOMPARE(text, text.toLower());
        QVERIFY(!text.startsWith(u'0'));
        bool ok = false;
        QCOMPARE(text.toULongLong(&ok, 16), id);
        QVERIFY(ok);
    }
    QCOMPARE(Etcd::idText(std::numeric_limits<quint64>::max()), u"ffffffffffffffff"_s);
}

void TestEtcdParser::hugeMemberList()
{
    // Thousands of members with long, odd names: all read, IDs intact.
    QByteArray body = "{\"members\": [";
    for (int i = 0; i < 5000; ++i) {
        if (i)
            body += ',';
        body += "{\"ID\": \"" + QByteArray::number(Etcd1 - quint64(i)) + "\", \"name\": \"n\\\"<i>\xc3\xa9"
            + QByteArray::number(i) + QByteArray(1000, 'y') + "\", \"peerURLs\": [\"http://h:1\"]}";
    }
    body += "]}";
    const auto result = Etcd::parseMemberList(body);
    QVERIFY(result.memberList);
    QCOMPARE(result.memberList->members.size(), 5000);
    QCOMPARE(result.memberList->members.at(4999).id, Etcd1 - 4999);
    QVERIFY(result.memberList->members.at(7).name.startsWith(u"n\"<i>é7yy"_s));
    QVERIFY(result.warnings.isEmpty());
}

void TestEtcdParser::garbage_data()
{
    QTest::addColumn<QByteArray>("body");

    QByteArray random(100000, Qt::Uninitialized);
    QRandomGenerator gen(7);
    for (char& c : random)
        c = char(gen.bounded(256));
    QTest::newRow("random bytes") << random;
    QTest::newRow("deep nesting") << QByteArray(
        QByteArray("{\"members\": ") + QByteArray(100000, '[') + QByteArray(100000, ']') + "}");
    QTest::newRow("deep objects") << QByteArray(
        QByteArray(50000, '{').replace("{", "{\"a\":") + "1" + QByteArray(50000, '}'));
    QTest::newRow("NULs in strings") << QByteArray(
        "{\"health\": \"tr\\u0000ue\", \"members\": [{\"ID\": \"1\\u0000\"}]}");
    QTest::newRow("huge numbers") << QByteArray("{\"version\": \"x\", \"leader\": \"99999999999999999999999\", "
                                                "\"raftTerm\": 1e400, \"dbSize\": \"-1\", \"members\": [{\"ID\": "
                                                "\"18446744073709551616\"}]}");
}

void TestEtcdParser::garbage()
{
    QFETCH(QByteArray, body);
    // Never a crash; whatever comes back is either usable or a structured error.
    for (const Endpoint e : { Endpoint::Health, Endpoint::MemberList, Endpoint::Status }) {
        bool usable = false;
        const Cluster::SourceError error = parseWith(e, body, &usable);
        QCOMPARE(usable, !error.isError());
    }
    const auto status = Etcd::parseStatus(body);
    if (status.status)
        QVERIFY(!status.status->leader || *status.status->leader != 0);
}

QTEST_GUILESS_MAIN(TestEtcdParser)
#include "tst_etcdparser.moc"
