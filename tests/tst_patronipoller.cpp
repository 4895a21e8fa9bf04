// The poller against fake peers that misbehave in ways a real Patroni cannot be made to:
// every failure must leave the last good view visible, marked stale with a reason, and never block.
#include "app/sources/patronipoller.h"
#include "fakehttpserver.h"
#include "models/cluster/clusterstore.h"
#include "reservedport.h"

#include "app/sources/httpfetch.h"
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

// The members' own APIs in the answer point at ports reserved for the whole run, which refuse at
// once: the poller's fallback to them must not depend on what else listens on this machine.
static quint16 deadMemberPort(int i)
{
    static ReservedClosedPort ports[2];
    return ports[i].port();
}

static QByteArray goodBody()
{
    return QStringLiteral("{\"members\": ["
                          "{\"name\": \"patroni1\", \"role\": \"leader\", \"state\": \"running\", "
                          "\"api_url\": \"http://127.0.0.1:%1/patroni\", \"host\": \"127.0.0.1\", "
                          "\"port\": 5441, \"timeline\": 1},"
                          "{\"name\": \"patroni2\", \"role\": \"replica\", \"state\": \"running\", "
                          "\"api_url\": \"http://127.0.0.1:%2/patroni\", \"host\": \"127.0.0.1\", "
                          "\"port\": 5442, \"timeline\": 1, \"lag\": 0}]}")
        .arg(deadMemberPort(0))
        .arg(deadMemberPort(1))
        .toUtf8();
}

class TestPatroniPoller : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodAnswer();
    void failures_data();
    void failures();
    void nextMemberAnswersWhenFirstIsDown();
    void garbageFromOneMemberFallsThrough();
    void oneRequestInFlight();
    void learnsMembersFromApiUrl();
    void redirectIsNotFollowed();
    void hungMemberDoesNotHoldBackTheDcsView();
    void slowReadFailuresAreRecorded();
};

void TestPatroniPoller::goodAnswer()
{
    FakeHttpServer server;
    server.body = goodBody();
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(server.baseUrl()) });
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(store.leader(), u"patroni1"_s);
    QVERIFY(!store.isStale());
    QCOMPARE(server.requestLines.first(), QByteArray("GET /cluster HTTP/1.0")); // as Patroni speaks
    // The first round also reads the dynamic config and the history from the member that answered.
    QTRY_COMPARE(server.requestsFor("/config"), 1);
    QTRY_COMPARE(server.requestsFor("/history"), 1);
}

void TestPatroniPoller::failures_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");

    using M = FakeHttpServer::Mode;
    QTest::newRow("HTTP 503") << int(M::Answer) << 503 << QByteArray("Service Unavailable") << int(Code::HttpStatus);
    QTest::newRow("HTTP 401") << int(M::Answer) << 401 << QByteArray("not authenticated") << int(Code::AuthFailed);
    QTest::newRow("not JSON") << int(M::Answer) << 200 << QByteArray("<html>hello</html>") << int(Code::NotJson);
    QTest::newRow("wrong shape") << int(M::Answer) << 200 << QByteArray("{\"state\": \"running\"}")
                                 << int(Code::UnexpectedShape);
    QTest::newRow("hangs") << int(M::Hang) << 0 << QByteArray() << int(Code::Timeout);
    QTest::newRow("trickles forever") << int(M::Trickle) << 0 << QByteArray() << int(Code::Timeout);
    QTest::newRow("closes at once") << int(M::CloseAtOnce) << 0 << QByteArray() << int(Code::ConnectionReset);
    QTest::newRow("too large") << int(M::Answer) << 200 << QByteArray(9 * 1024 * 1024, ' ') << int(Code::BodyTooLarge);
}

void TestPatroniPoller::failures()
{
    QFETCH(int, mode);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);

    FakeHttpServer server;
    server.body = goodBody();
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(server.baseUrl()) });
    poller.setDeadline(700);
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    QSignalSpy rounds(&poller, &Sources::Poller::roundFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!store.isStale());
    QTRY_COMPARE(rounds.count(), 1); // one round at a time: the next starts after this one

    server.mode = FakeHttpServer::Mode(mode);
    server.status = status;
    server.body = body;
    poller.pollNow();
    // A hung or trickling peer ends at the poller's own deadline (the error says so), not at the
    // give-up limit of this wait: the limit only stops a broken poller from hanging the test.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QCOMPARE(finished.last().first().toBool(), false);
    if (code == int(Code::Timeout))
        QVERIFY2(store.lastError().detail.contains(u"700 ms"_s), qPrintable(store.lastError().detail));
    QVERIFY(store.isStale());
    QCOMPARE(int(store.lastError().code), code);
    QCOMPARE(store.leader(), u"patroni1"_s); // last good state kept
    QCOMPARE(store.view().members.size(), 2);
    const QString text = Cluster::describe(store.lastError());
    QVERIFY2(text.startsWith(u"Patroni API "_s + server.baseUrl()), qPrintable(text));
    qInfo().noquote() << "message shown:" << text;
}

void TestPatroniPoller::nextMemberAnswersWhenFirstIsDown()
{
    FakeHttpServer alive;
    alive.body = goodBody();
    const ReservedClosedPort closed;
    const QUrl dead(u"http://127.0.0.1:%1"_s.arg(closed.port()));
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { dead, QUrl(alive.baseUrl()) });
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    QSignalSpy rounds(&poller, &Sources::Poller::roundFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!store.isStale());
    QCOMPARE(store.lastGoodSource(), alive.baseUrl());
    QTRY_COMPARE(rounds.count(), 1);
    // The next poll starts with the member that answered.
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(alive.requestsFor("/cluster"), 2);
}

void TestPatroniPoller::garbageFromOneMemberFallsThrough()
{
    FakeHttpServer broken;
    broken.body = "{\"members\": ";
    FakeHttpServer alive;
    alive.body = goodBody();
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(broken.baseUrl()), QUrl(alive.baseUrl()) });
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    QSignalSpy rounds(&poller, &Sources::Poller::roundFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!store.isStale());
    QCOMPARE(store.pollCount(), 1u); // one poll, not one per member asked
    QTRY_COMPARE(rounds.count(), 1);

    alive.mode = FakeHttpServer::Mode::CloseAtOnce;
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 2);
    QVERIFY(store.isStale());
    QCOMPARE(store.pollCount(), 2u);
    QVERIFY2(
        store.lastError().detail.contains(u"other member API(s) failed too"_s), qPrintable(store.lastError().detail));
}

void TestPatroniPoller::oneRequestInFlight()
{
    FakeHttpServer server;
    server.mode = FakeHttpServer::Mode::Hang;
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(server.baseUrl()) });
    poller.setDeadline(500);
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    for (int i = 0; i < 5; ++i)
        poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(server.requests, 1);
}

void TestPatroniPoller::learnsMembersFromApiUrl()
{
    FakeHttpServer server;
    server.body = goodBody();
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(server.baseUrl() + u"/patroni"_s) });
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(poller.knownUrls(),
        (QList<QUrl> { QUrl(server.baseUrl()), QUrl(u"http://127.0.0.1:%1"_s.arg(deadMemberPort(0))),
            QUrl(u"http://127.0.0.1:%1"_s.arg(deadMemberPort(1))) }));
}

void TestPatroniPoller::redirectIsNotFollowed()
{
    FakeHttpServer target;
    target.body = goodBody();
    FakeHttpServer redirector;
    redirector.status = 302;
    redirector.body = "";
    redirector.extraHeaders = "Location: " + target.baseUrl().toUtf8() + "/cluster\r\n";
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(redirector.baseUrl()) });
    QSignalSpy finished(&poller, &Sources::PatroniPoller::pollFinished);
    poller.pollNow();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(store.lastError().code, Code::Redirected);
    QCOMPARE(target.requests, 0);
}

void TestPatroniPoller::hungMemberDoesNotHoldBackTheDcsView()
{
    // patroni2's own API hangs (a SIGSTOPped Patroni): /cluster must still be read every interval.
    FakeHttpServer hung;
    hung.mode = FakeHttpServer::Mode::Hang;
    FakeHttpServer dcs;
    dcs.body = goodBody().replace(QStringLiteral("http://127.0.0.1:%1/patroni").arg(deadMemberPort(1)).toUtf8(),
        (hung.baseUrl() + u"/patroni"_s).toUtf8());
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(dcs.baseUrl()) });
    poller.setInterval(100);
    poller.setDeadline(60000); // far beyond this test: only the order below can make it pass
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(store.pollCount() >= 5, 30000);
    QCOMPARE(hung.requests, 1); // asked once, still waiting: never a pile
    QVERIFY(!store.state().members.value(u"patroni2"_s).source.lastAttempt.isValid()); // not failed yet
    QVERIFY(poller.roundsStarted() >= 5);
}

void TestPatroniPoller::slowReadFailuresAreRecorded()
{
    // /config, /history and /metrics answer something else (here: the /cluster body): each failure is
    // recorded against its own source, not dropped.
    FakeHttpServer server;
    server.body = goodBody();
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, { QUrl(server.baseUrl()) });
    QSignalSpy rounds(&poller, &Sources::Poller::roundFinished);
    QSignalSpy sources(&store, &Cluster::ClusterStore::sourceUpdated);
    poller.pollNow();
    QTRY_COMPARE(rounds.count(), 1);
    const Cluster::ClusterState& s = store.state();
    QVERIFY(s.historySource.failing());
    QCOMPARE(s.historySource.error.code, Code::UnexpectedShape);
    QVERIFY(s.metricsSource.failing());
    QVERIFY2(Cluster::describe(s.metricsSource.error).contains(server.baseUrl()),
        qPrintable(Cluster::describe(s.metricsSource.error)));
    QList<Cluster::SourceKind> kinds;
    for (const auto& args : sources)
        kinds.append(args.first().value<Cluster::SourceKind>());
    QVERIFY(kinds.contains(Cluster::SourceKind::PatroniHistory));
    QVERIFY(kinds.contains(Cluster::SourceKind::PatroniMetrics));
    QVERIFY(kinds.contains(Cluster::SourceKind::Patroni));
}

QTEST_GUILESS_MAIN(TestPatroniPoller)
#include "tst_patronipoller.moc"
