// Sources::EtcdWatch against peers that misbehave in ways a real etcd cannot be made to on demand:
// garbage instead of a stream, a refusal, a gateway that never confirms the watch. Each failure is
// said (lastError), the next client URL is tried, nothing is reported as a key change, and the watch
// never claims to be in place. A real etcd's stream is tested on the lab (tst_lab_watch).
#include "app/sources/etcdwatch.h"
#include "fakehttpserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

class TestEtcdWatchPeers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void garbageIsSaid();
    void hungIsCutAtTheDeadline();
    void failureMovesToTheNextMember();
    void refusalIsSaid();
    void stopEndsRetries();
};

void TestEtcdWatchPeers::garbageIsSaid()
{
    FakeHttpServer garbage; // a 200 whose body is no watch message
    garbage.body = "<html>this is not etcd</html>\n";
    Sources::EtcdWatch watch({ QUrl(garbage.baseUrl()) });
    watch.setDeadline(1000);
    QSignalSpy changed(&watch, &Sources::EtcdWatch::keyChanged);
    watch.watch("/service/lab/leader");
    QTRY_VERIFY_WITH_TIMEOUT(watch.lastError().isError(), 10000);
    QVERIFY(garbage.lastRequest.startsWith("POST /v3/watch "));
    QVERIFY2(garbage.lastRequest.contains("\"key\""), garbage.lastRequest.constData());
    QCOMPARE(watch.lastError().code, Code::NotJson);
    QVERIFY2(watch.lastError().source.contains(garbage.baseUrl()), qPrintable(watch.lastError().source));
    QVERIFY(!watch.isWatching());
    QCOMPARE(changed.count(), 0);
}

void TestEtcdWatchPeers::hungIsCutAtTheDeadline()
{
    FakeHttpServer hung;
    hung.mode = FakeHttpServer::Mode::Hang;
    Sources::EtcdWatch watch({ QUrl(hung.baseUrl()) });
    watch.setDeadline(300);
    watch.watch("/service/lab/leader");
    QTRY_VERIFY_WITH_TIMEOUT(watch.lastError().isError(), 10000);
    // etcd never confirmed the watch ("created"): cut, said, and tried again later.
    QCOMPARE(watch.lastError().code, Code::Timeout);
    QVERIFY(!watch.isWatching());
    QTRY_VERIFY_WITH_TIMEOUT(hung.requests >= 2, 10000);
}

void TestEtcdWatchPeers::failureMovesToTheNextMember()
{
    FakeHttpServer garbage;
    garbage.body = "garbage\n";
    FakeHttpServer hung;
    hung.mode = FakeHttpServer::Mode::Hang;
    Sources::EtcdWatch watch({ QUrl(garbage.baseUrl()), QUrl(hung.baseUrl()) });
    watch.setDeadline(300);
    watch.watch("/service/lab/leader");
    // The first member's garbage sends the watch to the second, whose silence sends it back.
    QTRY_VERIFY_WITH_TIMEOUT(hung.requests >= 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(garbage.requests >= 2, 10000);
    QVERIFY(hung.requests >= 1);
    QVERIFY(watch.connectionsStarted() >= 3);
    QVERIFY(!watch.isWatching());
}

void TestEtcdWatchPeers::refusalIsSaid()
{
    FakeHttpServer refusing;
    refusing.status = 401;
    refusing.body = "{\"error\":\"etcdserver: user name is empty\",\"code\":16}";
    Sources::EtcdWatch watch({ QUrl(refusing.baseUrl()) });
    watch.setDeadline(1000);
    QSignalSpy watching(&watch, &Sources::EtcdWatch::watchingChanged);
    watch.watch("/service/lab/leader");
    QTRY_VERIFY_WITH_TIMEOUT(watch.lastError().isError(), 10000);
    QCOMPARE(watch.lastError().code, Code::AuthFailed);
    QCOMPARE(watch.lastError().httpStatus, 401);
    QVERIFY(!watch.isWatching());
    for (const auto& args : watching)
        QVERIFY(!args.at(0).toBool()); // never "in place"
}

void TestEtcdWatchPeers::stopEndsRetries()
{
    FakeHttpServer garbage;
    garbage.body = "garbage";
    Sources::EtcdWatch watch({ QUrl(garbage.baseUrl()) });
    watch.setDeadline(300);
    watch.watch("/service/lab/leader");
    QTRY_VERIFY_WITH_TIMEOUT(watch.lastError().isError(), 10000);
    watch.stop();
    const int asked = garbage.requests;
    const quint64 started = watch.connectionsStarted();
    // Longer than the first retries (0.5 s, 1 s): nothing more is asked once stopped.
    QTest::qWait(2000);
    QCOMPARE(garbage.requests, asked);
    QCOMPARE(watch.connectionsStarted(), started);
}

QTEST_GUILESS_MAIN(TestEtcdWatchPeers)
#include "tst_etcdwatch_peers.moc"
