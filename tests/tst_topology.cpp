// The topology's content, decided in models/ (Cluster::buildTopology): who replicates from whom and
// how, where each HAProxy port sends new connections and whether that is right. States from
// clusterstatebuilder.h (lab-shaped) and HAProxy CSV captured from the lab (tests/data/haproxy).
#include "clusterstatebuilder.h"
#include "testdata.h"

#include "models/cluster/details.h"
#include "models/cluster/findings.h"
#include "models/cluster/plaintext.h"
#include "models/cluster/sessionhistory.h"
#include "models/cluster/topology.h"
#include "models/haproxy/statsparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Cluster::ClusterState withHaproxy(Cluster::ClusterState s, const QString& csvFile)
{
    const Haproxy::StatsParseResult parsed = Haproxy::parseStatsCsv(TestData::read(u"haproxy/"_s + csvFile));
    if (!parsed.stats)
        qFatal("unparsable capture %s", qPrintable(csvFile));
    s.haproxyConfigured = true;
    s.haproxy = parsed.stats;
    s.haproxySource.lastAttempt = s.haproxySource.lastSuccess = TestStates::t0();
    return s;
}

QStringList targetsOf(const Cluster::Topology& t, int port)
{
    QStringList out;
    if (const Cluster::TopologyRoute* r = t.route(port)) {
        for (const Cluster::RouteTarget& target : r->targets)
            out.append(target.member);
    }
    return out;
}

QStringList names(const Cluster::Topology& t)
{
    QStringList out;
    for (const Cluster::TopologyMember& m : t.members)
        out.append(m.view.name);
    return out;
}

Cluster::Topology build(const Cluster::ClusterState& s)
{
    return Cluster::buildTopology(s, Cluster::evaluateFindings(s, TestStates::t0()));
}
} // namespace

class TestTopology : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthyLabLeaderFirstEveryReplicaStreaming();
    void routesFollowTheCapturedCsv();
    void writerPortToAReplicaIsWrong();
    void killedLeaderStillListed();
    void twoLeadersNeitherBelieved();
    void cascadingReplicaHangsOffItsUpstream();
    void replicatefromLoopDoesNotHang();
    void syncStandbyAndTags();
    void oldTimelineMarked();
    void noHaproxyNoRoutes();
    void displayTextNeutralisesControls();
    void detailsOfAMember();
    void haproxyPanelListsEveryServer();
    void sessionsPerMemberOverAnHour();
};

void TestTopology::healthyLabLeaderFirstEveryReplicaStreaming()
{
    const Cluster::Topology t = build(TestStates::healthy(u"patroni2"_s));
    QCOMPARE(t.leader, u"patroni2"_s);
    QCOMPARE(names(t), (QStringList { u"patroni2"_s, u"patroni1"_s, u"patroni3"_s }));
    QCOMPARE(t.leaderTimeline, 4);
    const Cluster::TopologyMember* leader = t.member(u"patroni2"_s);
    QVERIFY(leader);
    QVERIFY(leader->upstream.isEmpty());
    QVERIFY(leader->leader);
    QVERIFY(!t.member(u"patroni1"_s)->leader);
    QCOMPARE(leader->depth, 0);
    for (const QString& n : { u"patroni1"_s, u"patroni3"_s }) {
        const Cluster::TopologyMember* m = t.member(n);
        QVERIFY(m);
        QCOMPARE(m->upstream, u"patroni2"_s);
        QCOMPARE(m->depth, 1);
        QVERIFY(!m->cascading);
        // Patroni 3.x says "running" for a replica: the leader's pg_stat_replication says streaming.
        QCOMPARE(m->view.state, u"running"_s);
        QVERIFY(m->streaming);
        QCOMPARE(m->link, Cluster::LinkKind::Async);
        QVERIFY(!m->oldTimeline);
    }
    QVERIFY(t.routes.isEmpty());
    QVERIFY(!t.haproxyConfigured);
    // Tooltips say what a state means.
    QCOMPARE(Cluster::explainState(t.member(u"patroni1"_s)->view, u"patroni2"_s),
        u"running: a replica of patroni2, replaying its WAL"_s);
    QCOMPARE(Cluster::explainState(leader->view, {}), u"running: the primary, accepting writes"_s);
    Cluster::MemberView streaming = t.member(u"patroni3"_s)->view;
    streaming.state = u"streaming"_s;
    QCOMPARE(Cluster::explainState(streaming, u"patroni2"_s), u"streaming: receiving WAL from patroni2"_s);
}

void TestTopology::routesFollowTheCapturedCsv()
{
    // The capture: patroni3 UP on primary; patroni1, patroni2 on replicas; all on any.
    const Cluster::Topology t = build(withHaproxy(TestStates::healthy(u"patroni3"_s), u"stats-2.6.12-healthy.csv"_s));
    QVERIFY(t.haproxyKnown);
    QCOMPARE(t.routes.size(), 3);
    QCOMPARE(targetsOf(t, 5000), QStringList { u"patroni3"_s });
    QCOMPARE(targetsOf(t, 5001), (QStringList { u"patroni1"_s, u"patroni2"_s }));
    QCOMPARE(targetsOf(t, 5002), (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }));
    for (const Cluster::TopologyRoute& r : t.routes) {
        QCOMPARE(r.health, Cluster::Health::Healthy);
        for (const Cluster::RouteTarget& target : r.targets) {
            QVERIFY(target.known);
            QVERIFY2(!target.wrong, qPrintable(target.member));
        }
    }
    QCOMPARE(t.route(5000)->purpose, u"read/write"_s);

    // "no check" takes connections too: the picture and the findings agree on it.
    Cluster::ClusterState noCheck = withHaproxy(TestStates::healthy(u"patroni3"_s), u"stats-2.6.12-healthy.csv"_s);
    for (Haproxy::Row& row : noCheck.haproxy->rows) {
        if (row.proxy == u"primary"_s && row.name == u"patroni3"_s)
            row.status.state = Haproxy::State::NoCheck;
    }
    QCOMPARE(noCheck.routedTo(u"primary"_s), QStringList { u"patroni3"_s });
    const Cluster::Topology withNoCheck = build(noCheck);
    QCOMPARE(targetsOf(withNoCheck, 5000), QStringList { u"patroni3"_s });
    QCOMPARE(withNoCheck.route(5000)->health, Cluster::Health::Healthy);

    // A node going down: "UP 2/3" still takes connections, marked as going down.
    const Cluster::Topology stopping
        = build(withHaproxy(TestStates::healthy(u"patroni2"_s), u"stats-2.6.12-node-stopping.csv"_s));
    QCOMPARE(targetsOf(stopping, 5002), (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }));
    QVERIFY(stopping.route(5002)->targets.at(0).goingDown);
    QVERIFY(!stopping.route(5002)->targets.at(1).goingDown);
}

void TestTopology::writerPortToAReplicaIsWrong()
{
    // The DCS and the nodes say patroni1 leads; HAProxy still sends writes to patroni3 (the capture).
    const Cluster::Topology t = build(withHaproxy(TestStates::healthy(u"patroni1"_s), u"stats-2.6.12-healthy.csv"_s));
    QCOMPARE(targetsOf(t, 5000), QStringList { u"patroni3"_s });
    QVERIFY(t.route(5000)->targets.first().wrong);
    QCOMPARE(t.route(5000)->health, Cluster::Health::Critical);
    QVERIFY(!t.route(5000)->findings.isEmpty());
    // And the reader port includes the leader patroni1.
    const Cluster::TopologyRoute* replicas = t.route(5001);
    QCOMPARE(replicas->targets.at(0).member, u"patroni1"_s);
    QVERIFY(replicas->targets.at(0).wrong);
    QVERIFY(!replicas->targets.at(1).wrong);
    QCOMPARE(replicas->health, Cluster::Health::Warning);
    // The any port has no wrong target.
    for (const Cluster::RouteTarget& target : t.route(5002)->targets)
        QVERIFY(!target.wrong);
}

void TestTopology::killedLeaderStillListed()
{
    // The DCS still lists patroni1 as a running leader; its own API refuses. Its last answer (which
    // listed both replicas as streaming) is kept by the store, and is old news.
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s);
    TestStates::apiFails(s, u"patroni1"_s);
    QVERIFY(s.members[u"patroni1"_s].status);
    const Cluster::Topology t = build(s);
    QVERIFY(t.leader.isEmpty());
    const Cluster::TopologyMember* old = t.member(u"patroni1"_s);
    QVERIFY(old);
    QVERIFY(old->dcsCallsLeader);
    QVERIFY(!old->leader);
    // The words the table, the picture and the details use.
    QCOMPARE(Cluster::shownRole(old->view), u"Leader per DCS only"_s);
    QCOMPARE(Cluster::shownRole(t.member(u"patroni2"_s)->view), u"Replica"_s);
    QVERIFY(Cluster::explainState(old->view, {}).startsWith(u"unreachable: its Patroni REST API does not answer"_s));
    QCOMPARE(Cluster::shownRole(build(TestStates::healthy(u"patroni1"_s)).member(u"patroni1"_s)->view), u"Leader"_s);
    QCOMPARE(old->view.reach, Cluster::Reach::Silent);
    QCOMPARE(old->view.health, Cluster::Health::Critical);
    // It still anchors the picture (the DCS's single leader), first.
    QCOMPARE(names(t).first(), u"patroni1"_s);
    // No member can be seen streaming from a silent node's list.
    for (const QString& n : { u"patroni2"_s, u"patroni3"_s })
        QVERIFY(!t.member(n)->streaming);
}

void TestTopology::twoLeadersNeitherBelieved()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s);
    TestStates::member(s, u"patroni2"_s).role = Cluster::Role::Leader;
    s.members[u"patroni2"_s].status->role = Cluster::Role::Leader;
    const Cluster::Topology t = build(s);
    QVERIFY(t.leader.isEmpty());
    QCOMPARE(Cluster::shownRole(t.member(u"patroni1"_s)->view), u"Leader (not believed)"_s);
    QCOMPARE(Cluster::shownRole(t.member(u"patroni2"_s)->view), u"Leader (not believed)"_s);
    QVERIFY(!t.member(u"patroni1"_s)->leader);
}

void TestTopology::cascadingReplicaHangsOffItsUpstream()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s);
    TestStates::member(s, u"patroni3"_s).tags.insert(u"replicatefrom"_s, u"patroni2"_s);
    // patroni2's own list shows patroni3 streaming from it; the leader's no longer lists patroni3.
    auto& leaderList = s.members[u"patroni1"_s].status->replication;
    leaderList.erase(std::remove_if(leaderList.begin(), leaderList.end(),
                         [](const Patroni::ReplicationRow& r) { return r.applicationName == u"patroni3"_s; }),
        leaderList.end());
    Patroni::ReplicationRow row;
    row.applicationName = u"patroni3"_s;
    row.state = u"streaming"_s;
    row.syncState = u"async"_s;
    s.members[u"patroni2"_s].status->replication.append(row);

    const Cluster::Topology t = build(s);
    QCOMPARE(names(t), (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }));
    const Cluster::TopologyMember* p3 = t.member(u"patroni3"_s);
    QCOMPARE(p3->upstream, u"patroni2"_s);
    QVERIFY(p3->cascading);
    QCOMPARE(p3->depth, 2);
    QVERIFY(p3->streaming);
    QVERIFY(p3->tagBadges.contains(u"replicatefrom patroni2"_s));

    // A replicatefrom naming nobody in the cluster falls back to the leader.
    TestStates::member(s, u"patroni3"_s).tags.insert(u"replicatefrom"_s, u"elsewhere"_s);
    const Cluster::Topology fallback = build(s);
    QCOMPARE(fallback.member(u"patroni3"_s)->upstream, u"patroni1"_s);
    QVERIFY(!fallback.member(u"patroni3"_s)->cascading);
}

void TestTopology::replicatefromLoopDoesNotHang()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s);
    TestStates::member(s, u"patroni2"_s).tags.insert(u"replicatefrom"_s, u"patroni3"_s);
    TestStates::member(s, u"patroni3"_s).tags.insert(u"replicatefrom"_s, u"patroni2"_s);
    const Cluster::Topology t = build(s);
    QCOMPARE(t.members.size(), 3);
    QCOMPARE(t.members.first().view.name, u"patroni1"_s);
    QVERIFY(t.member(u"patroni2"_s)->depth <= 3);
    QVERIFY(!t.member(u"patroni2"_s)->streaming);
}

void TestTopology::syncStandbyAndTags()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s);
    for (Patroni::ReplicationRow& r : s.members[u"patroni1"_s].status->replication) {
        if (r.applicationName == u"patroni2"_s)
            r.syncState = u"sync"_s;
        if (r.applicationName == u"patroni3"_s)
            r.syncState = u"quorum"_s;
    }
    TestStates::member(s, u"patroni3"_s).tags.insert(u"nofailover"_s, true);
    TestStates::member(s, u"patroni3"_s).tags.insert(u"noloadbalance"_s, u"true"_s);
    TestStates::member(s, u"patroni3"_s).tags.insert(u"nosync"_s, false);
    const Cluster::Topology t = build(s);
    QCOMPARE(t.member(u"patroni2"_s)->link, Cluster::LinkKind::Sync);
    QCOMPARE(t.member(u"patroni3"_s)->link, Cluster::LinkKind::Quorum);
    QCOMPARE(t.member(u"patroni3"_s)->tagBadges, (QStringList { u"nofailover"_s, u"noloadbalance"_s }));
    QVERIFY(t.member(u"patroni2"_s)->tagBadges.isEmpty());
}

void TestTopology::oldTimelineMarked()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s, 5);
    TestStates::member(s, u"patroni3"_s).timeline = 4;
    s.members[u"patroni3"_s].status->timeline = 4;
    const Cluster::Topology t = build(s);
    QCOMPARE(t.leaderTimeline, 5);
    QVERIFY(t.member(u"patroni3"_s)->oldTimeline);
    QVERIFY(!t.member(u"patroni2"_s)->oldTimeline);
    QVERIFY(!t.member(u"patroni3"_s)->findings.isEmpty());
}

void TestTopology::noHaproxyNoRoutes()
{
    Cluster::ClusterState s = TestStates::healthy();
    s.haproxyConfigured = true; // configured, never answered
    const Cluster::Topology t = build(s);
    QVERIFY(t.haproxyConfigured);
    QVERIFY(!t.haproxyKnown);
    QCOMPARE(t.routes.size(), 3);
    for (const Cluster::TopologyRoute& r : t.routes) {
        QVERIFY(r.targets.isEmpty());
        QCOMPARE(r.health, Cluster::Health::Unknown);
    }
}

void TestTopology::displayTextNeutralisesControls()
{
    QCOMPARE(Cluster::displayText(u"<b>x</b>"), u"<b>x</b>"_s); // markup stays (it is shown as plain text)
    // Control characters are shown escaped: visible, but a terminal does not act on them.
    QCOMPARE(Cluster::displayText(u"a\nb\tc\x1b[31m\r\x7f"), u"a\\nb\\tc\\x1b[31m\\r\\x7f"_s);
    QCOMPARE(Cluster::displayText(u"x\u0085y\u2028"), u"x\\u0085y\\u2028"_s);
    // A right-to-left override would show "patroni1\u202Egpj.exe" reversed: escaped, it cannot.
    QCOMPARE(Cluster::displayText(u"patroni1\u202Egpj\u2066x\u2069"), u"patroni1\\u202egpj\\u2066x\\u2069"_s);
    // A lone half of a surrogate pair is no character: escaped; a whole pair is kept.
    const QChar lone[] = { QChar(u'a'), QChar(char16_t(0xD800)), QChar(u'b') };
    QCOMPARE(Cluster::displayText(QStringView(lone, 3)), u"a\\ud800b"_s);
    QCOMPARE(Cluster::displayText(u"\U0001F418"), u"\U0001F418"_s);
    QVERIFY(Cluster::needsEscaping(QStringView(lone, 3)));
    QVERIFY(!Cluster::needsEscaping(u"patroni1 \U0001F418"));
    QCOMPARE(Cluster::displayText(u"abcdefghij", 5), u"abcd\u2026"_s);
    QCOMPARE(Cluster::displayText(u"abc", 5), u"abc"_s);
    QCOMPARE(Cluster::displayText(u"abcde", 5), u"abcde"_s);
    // Cut between escapes, never inside one.
    QCOMPARE(Cluster::displayText(u"ab\x1b\x1b", 7), u"ab\\x1b\u2026"_s);
    QCOMPARE(Cluster::displayText(u"ab\x1b\x1b", 6), u"ab\u2026"_s);
    QCOMPARE(Cluster::displayText(u"a\U0001F418b", 3), u"a\u2026"_s);
}

void TestTopology::detailsOfAMember()
{
    Cluster::ClusterState s = TestStates::healthy(u"patroni1"_s);
    s.members[u"patroni1"_s].status->xlogLocation = 0x3000060;
    s.members[u"patroni1"_s].status->serverVersion = 150018;
    s.members[u"patroni1"_s].status->patroniVersion = u"3.0.2"_s;
    const QList<Cluster::Finding> findings = Cluster::evaluateFindings(s, TestStates::t0());
    const QList<Cluster::DetailGroup> groups = Cluster::memberDetails(s, findings, u"patroni1"_s, TestStates::t0());
    const auto value = [&groups](const QString& group, const QString& key) {
        for (const Cluster::DetailGroup& g : groups) {
            if (!g.title.startsWith(group))
                continue;
            for (const QStringList& row : g.rows) {
                if (row.value(0) == key)
                    return row.value(1);
            }
        }
        return QString();
    };
    QCOMPARE(value(u"Shown as"_s, u"role"_s), u"Leader"_s);
    QCOMPARE(value(u"Its own view"_s, u"role"_s), u"master"_s);
    QCOMPARE(value(u"Its own view"_s, u"WAL position"_s), u"0/3000060  (50 331 744 B)"_s);
    QCOMPARE(value(u"Its own view"_s, u"PostgreSQL"_s), u"15.18"_s);
    QCOMPARE(value(u"Its own view"_s, u"DCS last seen"_s), u"1 s ago"_s);
    QCOMPARE(value(u"Streaming from it"_s, u"patroni2"_s), u"streaming, async from 127.0.0.1"_s);
    QCOMPARE(value(u"The DCS's view"_s, u"address"_s), u"127.0.0.1:5441"_s);
    QVERIFY(Cluster::memberDetails(s, findings, u"nobody"_s, TestStates::t0()).isEmpty());

    // A silent member says so, with the reason, and keeps the DCS's view beside it.
    TestStates::apiFails(s, u"patroni2"_s);
    const QList<Cluster::DetailGroup> silent
        = Cluster::memberDetails(s, Cluster::evaluateFindings(s, TestStates::t0()), u"patroni2"_s, TestStates::t0());
    bool said = false;
    for (const Cluster::DetailGroup& g : silent) {
        for (const QStringList& row : g.rows)
            said = said || (row.value(0) == u"its REST API"_s && row.value(1).startsWith(u"silent: "_s));
    }
    QVERIFY(said);
}

void TestTopology::haproxyPanelListsEveryServer()
{
    const Cluster::ClusterState s = withHaproxy(TestStates::healthy(u"patroni3"_s), u"stats-2.6.12-healthy.csv"_s);
    const QList<Cluster::DetailGroup> groups = Cluster::haproxyDetails(s);
    QCOMPARE(groups.size(), 3);
    QCOMPARE(groups.at(0).title, u"port 5000 (primary)"_s);
    QCOMPARE(groups.at(0).rows.size(), 3); // DOWN servers too
    QStringList statuses;
    for (const QStringList& row : groups.at(0).rows)
        statuses.append(row.value(0) + u' ' + row.value(1));
    QCOMPARE(statuses, (QStringList { u"patroni1 DOWN"_s, u"patroni2 DOWN"_s, u"patroni3 UP"_s }));
    QCOMPARE(groups.at(0).rows.at(0).size(), Cluster::haproxyDetailColumns().size());
    QVERIFY(Cluster::haproxyDetails(TestStates::healthy()).isEmpty());
    QCOMPARE(Cluster::durationText(59), u"59 s"_s);
    QCOMPARE(Cluster::durationText(7322), u"2 h 2 min"_s);
    QCOMPARE(Cluster::durationText(90000), u"1 d 1 h"_s);
}

void TestTopology::sessionsPerMemberOverAnHour()
{
    Cluster::ClusterState s = withHaproxy(TestStates::healthy(u"patroni3"_s), u"stats-2.6.12-healthy.csv"_s);
    // Sessions on the servers: 5000 -> patroni3 (7), 5001 -> patroni1 (2), 5002 -> patroni1 (1), patroni3 (3).
    const auto setScur = [&s](const QString& proxy, const QString& server, qint64 n) {
        for (Haproxy::Row& row : s.haproxy->rows) {
            if (row.proxy == proxy && row.name == server)
                row.scur = n;
        }
    };
    setScur(u"primary"_s, u"patroni3"_s, 7);
    setScur(u"replicas"_s, u"patroni1"_s, 2);
    setScur(u"any"_s, u"patroni1"_s, 1);
    setScur(u"any"_s, u"patroni3"_s, 3);
    const QHash<QString, qint64> by = Cluster::sessionsByServer(s);
    QCOMPARE(by.value(u"patroni3"_s), 10);
    QCOMPARE(by.value(u"patroni1"_s), 3);
    QCOMPARE(by.value(u"patroni2"_s), 0);
    QCOMPARE(by.size(), 3);

    Cluster::SessionHistory history;
    const QDateTime t = TestStates::t0();
    for (int i = 0; i <= 3600 + 600; i += 2)
        history.record(t.addSecs(i), { { u"patroni1"_s, i / 2 } });
    history.record(t.addSecs(3600 + 600 - 5), { { u"patroni1"_s, 99 } }); // a little backwards: dropped
    QCOMPARE(history.servers(), QStringList { u"patroni1"_s });
    const QList<QPointF> last = history.points(u"patroni1"_s, t, t.addSecs(5000));
    // Only the last hour is kept.
    QCOMPARE(last.first().x(), double(t.addSecs(600).toMSecsSinceEpoch()));
    QCOMPARE(last.last().y(), double((3600 + 600) / 2));
    QCOMPARE(last.size(), 1801);
    // The clock stepped back an hour: the history starts again instead of freezing until it catches up.
    history.record(t, { { u"patroni1"_s, 7 } });
    QCOMPARE(history.points(u"patroni1"_s, t.addSecs(-1), t.addSecs(5000)).size(), 1);
}

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
