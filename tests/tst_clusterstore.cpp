#include "models/cluster/clusterstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::Role;

namespace {
Cluster::ClusterView viewWithLeader(const QString& leader, const QStringList& others = { u"b"_s, u"c"_s })
{
    Cluster::ClusterView v;
    QStringList all = others;
    if (!leader.isEmpty())
        all.append(leader);
    all.sort();
    for (const QString& n : all) {
        Cluster::Member m;
        m.name = n;
        m.role = n == leader ? Role::Leader : Role::Replica;
        m.state = u"running"_s;
        m.timeline = 1;
        if (n != leader)
            m.lagBytes = 0;
        v.members.append(m);
    }
    return v;
}
} // namespace

class TestClusterStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void leaderChanges();
    void failureKeepsLastGoodView();
};

void TestClusterStore::leaderChanges()
{
    Cluster::ClusterStore store;
    QSignalSpy leader(&store, &Cluster::ClusterStore::leaderChanged);
    const auto t = QDateTime::currentDateTimeUtc();
    store.applyClusterView(viewWithLeader(u"a"_s), u"s"_s, t);
    QCOMPARE(leader.count(), 1);
    QCOMPARE(leader.last(), (QVariantList { QString(), u"a"_s }));
    store.applyClusterView(viewWithLeader(u"a"_s), u"s"_s, t);
    QCOMPARE(leader.count(), 1);
    // Mid-switchover Patroni can briefly show no leader (LAB-FACTS: ~0.3 s): that is a change too.
    store.applyClusterView(viewWithLeader(QString(), { u"a"_s, u"b"_s, u"c"_s }), u"s"_s, t);
    QCOMPARE(leader.last(), (QVariantList { u"a"_s, QString() }));
    store.applyClusterView(viewWithLeader(u"b"_s, { u"a"_s, u"c"_s }), u"s"_s, t);
    QCOMPARE(leader.last(), (QVariantList { QString(), u"b"_s }));
    QCOMPARE(store.leader(), u"b"_s);
    QCOMPARE(store.pollCount(), 4u);
}

void TestClusterStore::failureKeepsLastGoodView()
{
    Cluster::ClusterStore store;
    QSignalSpy stale(&store, &Cluster::ClusterStore::stalenessChanged);
    QSignalSpy viewChanged(&store, &Cluster::ClusterStore::viewChanged);
    const auto t0 = QDateTime::currentDateTimeUtc();
    store.applyClusterView(viewWithLeader(u"a"_s), u"http://127.0.0.1:8008"_s, t0);
    QVERIFY(!store.isStale());

    Cluster::SourceError e;
    e.code = Cluster::SourceError::Code::Timeout;
    e.source = u"Patroni API http://127.0.0.1:8008"_s;
    const auto t1 = t0.addSecs(5);
    store.recordFailure(e, t1);
    QVERIFY(store.isStale());
    QCOMPARE(stale.count(), 1);
    QCOMPARE(viewChanged.count(), 1); // only the first view
    QCOMPARE(store.leader(), u"a"_s);
    QCOMPARE(store.lastGoodAt(), t0);
    QCOMPARE(store.lastPollAt(), t1);
    QVERIFY(
        Cluster::describe(store.lastError()).startsWith(u"Patroni API http://127.0.0.1:8008: no complete answer"_s));

    store.applyClusterView(viewWithLeader(u"a"_s), u"http://127.0.0.1:8009"_s, t1.addSecs(1));
    QVERIFY(!store.isStale());
    QCOMPARE(stale.count(), 2);
    QCOMPARE(store.lastGoodSource(), u"http://127.0.0.1:8009"_s);
}

QTEST_GUILESS_MAIN(TestClusterStore)
#include "tst_clusterstore.moc"
