// Many clusters: each ClusterMonitor polls on its own; a cluster whose API hangs never delays another.
#include "app/monitor/clustermonitor.h"
#include "fakehttpserver.h"
#include "models/cluster/clusterstore.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray body = "{\"members\": [{\"name\": \"a1\", \"role\": \"leader\", \"state\": \"running\", "
                        "\"host\": \"127.0.0.1\", \"port\": 5441, \"timeline\": 1}]}";

Cluster::Profile profile(const QString& name, const QString& url, int deadlineMs)
{
    Cluster::Profile p;
    p.name = name;
    p.patroniUrls = { QUrl(url) };
    p.postgres.user.clear(); // Patroni only
    p.intervals.patroniMs = 200;
    p.requestDeadlineMs = deadlineMs;
    return p;
}
} // namespace

class TestMonitors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hungClusterDoesNotDelayAnother();
};

void TestMonitors::hungClusterDoesNotDelayAnother()
{
    // Judged by order, not by the clock: the healthy cluster completes many rounds while the hung
    // one's first request is still waiting for its (long) deadline. However slow the machine, the
    // fast rounds cannot have been waiting on the hung one.
    FakeHttpServer hung;
    hung.mode = FakeHttpServer::Mode::Hang;
    FakeHttpServer healthy;
    healthy.body = body;
    QNetworkAccessManager nam; // one manager for the whole application, as in the window
    Monitor::ClusterMonitor slow(&nam, profile(u"slow"_s, hung.baseUrl(), 60000));
    Monitor::ClusterMonitor fast(&nam, profile(u"fast"_s, healthy.baseUrl(), 2000));
    slow.start();
    fast.start();
    QTRY_VERIFY_WITH_TIMEOUT(fast.store()->pollCount() >= 5, 30000);
    QVERIFY(!fast.store()->isStale());
    QCOMPARE(slow.store()->pollCount(), 0u); // its first request is still in flight
    QCOMPARE(hung.requestsFor("/cluster"), 1); // one request in flight, never a pile-up
    QCOMPARE(hung.requests, 1);
}

QTEST_GUILESS_MAIN(TestMonitors)
#include "tst_monitors.moc"
