// The first slice end to end against the real lab: poller → parser → store → model.
// Needs the lab running (packaging/run-tests.sh starts it).
#include "app/sources/patronipoller.h"
#include "labcluster.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/membertablemodel.h"
#include "reservedport.h"

#include "app/sources/httpfetch.h"
#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

class TestLabCluster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agreesWithPatronictl();
    void followsSwitchoverWithinTwoPolls();
    void observableWhileOneMemberApiIsDown();

private:
    void waitForFirstView(Sources::PatroniPoller& poller, Cluster::ClusterStore& store);
    LabCluster m_lab;
};

void TestLabCluster::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why + u"\nStart the lab: packaging/lab/manage-cluster.sh start"_s));
    QByteArray out;
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
}

void TestLabCluster::waitForFirstView(Sources::PatroniPoller& poller, Cluster::ClusterStore& store)
{
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(store.hasView(), 5000);
    QVERIFY2(!store.isStale(), qPrintable(Cluster::describe(store.lastError())));
}

void TestLabCluster::agreesWithPatronictl()
{
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    ItemModels::MemberTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    Sources::PatroniPoller poller(&http, &store, m_lab.apiUrls());
    waitForFirstView(poller, store);

    // Both read the DCS; poll again right after patronictl so a change in between cannot confuse us.
    const QJsonArray reference = m_lab.patronictlList();
    QVERIFY(!reference.isEmpty());
    QSignalSpy polled(&poller, &Sources::PatroniPoller::pollFinished);
    QTRY_VERIFY(polled.count() >= 1);

    QString expectedLeader;
    for (const QJsonValue& v : reference) {
        const QJsonObject row = v.toObject();
        const QString name = row.value("Member"_L1).toString();
        const Cluster::Member* m = store.view().member(name);
        QVERIFY2(m, qPrintable(u"console does not know "_s + name));
        QCOMPARE(Cluster::roleName(m->role), row.value("Role"_L1).toString());
        QCOMPARE(m->state, row.value("State"_L1).toString());
        QCOMPARE(m->timeline.value_or(-1), row.value("TL"_L1).toInt(-1));
        QCOMPARE(m->host + u':' + QString::number(m->port), row.value("Host"_L1).toString());
        if (row.value("Role"_L1).toString() == u"Leader"_s)
            expectedLeader = name;
    }
    QCOMPARE(store.view().members.size(), reference.size());
    QVERIFY(!expectedLeader.isEmpty());
    QCOMPARE(store.leader(), expectedLeader);
    QCOMPARE(model.rowCount(), int(reference.size()));
}

void TestLabCluster::followsSwitchoverWithinTwoPolls()
{
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, m_lab.apiUrls());
    waitForFirstView(poller, store);
    const QString before = store.leader();
    QVERIFY(!before.isEmpty());
    QString target;
    for (const Cluster::MemberView& m : Cluster::memberViews(store.state(), store.findings())) {
        if (m.name != before && Cluster::isReplicaRole(m.role) && m.health == Cluster::Health::Healthy) {
            target = m.name;
            break;
        }
    }
    QVERIFY2(!target.isEmpty(), "no healthy replica to switch over to");
    QSignalSpy leaderChanged(&store, &Cluster::ClusterStore::leaderChanged);

    // The verb returns once Patroni itself names the target leader in /cluster.
    QByteArray out;
    QVERIFY2(m_lab.run({ u"failover"_s, target }, &out) == 0, out.constData());
    const quint64 pollsAtReturn = store.pollCount();
    QTRY_COMPARE_WITH_TIMEOUT(store.leader(), target, 5000);
    QVERIFY2(
        store.pollCount() - pollsAtReturn <= 2, qPrintable(u"took %1 polls"_s.arg(store.pollCount() - pollsAtReturn)));
    QVERIFY(!leaderChanged.isEmpty());
    QCOMPARE(leaderChanged.last().at(1).toString(), target);
    qInfo().noquote() << "switchover" << before << "->" << target << "seen by the console"
                      << (store.pollCount() - pollsAtReturn) << "poll(s) after the verb returned";
}

void TestLabCluster::observableWhileOneMemberApiIsDown()
{
    // The first configured member URL points at nothing: the poller must fall through to the next.
    const ReservedClosedPort closed;
    QList<QUrl> urls = m_lab.apiUrls();
    urls.prepend(QUrl(u"http://127.0.0.1:%1"_s.arg(closed.port())));
    Sources::HttpClient http;
    Cluster::ClusterStore store;
    Sources::PatroniPoller poller(&http, &store, urls);
    waitForFirstView(poller, store);
    QCOMPARE(store.view().members.size(), 3);
    QVERIFY(!store.leader().isEmpty());
}

QTEST_GUILESS_MAIN(TestLabCluster)
#include "tst_lab_cluster.moc"
