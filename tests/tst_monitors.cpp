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

Cluster::Profile profile(const QString& name, const QString& url)
{
    Cluster::Profile p;
    p.name = name;
    p.patroniUrls = { QUrl(url) };
    p.postgres.user.clear(); // Patroni only
    p.intervals.patroniMs = 200;
    p.requestDeadlineMs = 2500;
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
    FakeHttpServer hung;
    hung.mode = FakeHttpServer::Mode::Hang;
    FakeHttpServer healthy;
    healthy.body = body;
    QNetworkAccessManager nam; // one manager for the whole application, as in the window
    Monitor::ClusterMonitor slow(&nam, profile(u"slow"_s, hung.baseUrl()));
    Monitor::ClusterMonitor fast(&nam, profile(u"fast"_s, healthy.baseUrl()));
    slow.start();
    fast.start();
    QTest::qWait(1400);
    // 200 ms polls for 1.4 s: about 7 rounds for the healthy cluster, while the hung one has not
    // even finished its first request (deadline 2.5 s) — and has not piled up more.
    QVERIFY2(fast.store()->pollCount() >= 5, qPrintable(QString::number(fast.store()->pollCount())));
    QVERIFY(!fast.store()->isStale());
    QCOMPARE(slow.store()->pollCount(), 0u);
    QCOMPARE(hung.requestsFor("/cluster"), 1); // one request in flight, never a pile-up
    QTRY_VERIFY_WITH_TIMEOUT(slow.store()->isStale(), 4000);
    QCOMPARE(slow.store()->lastError().code, Cluster::SourceError::Code::Timeout);
}

QTEST_GUILESS_MAIN(TestMonitors)
#include "tst_monitors.moc"
