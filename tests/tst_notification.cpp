// Which events deserve a desktop notification (Cluster::notificationFor), and the window's notifier
// following the store, muted per cluster.
#include "feedsession.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/notification.h"
#include "ui/notifier.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Cluster::Event ev(Cluster::EventKind kind, Cluster::Severity severity, const QString& message,
    const QJsonObject& details = {}, const QString& subject = QStringLiteral("patroni1"))
{
    return Cluster::Event { QDateTime::currentDateTimeUtc(), kind, severity, subject, message, details, {} };
}

Cluster::ClusterView lab(const QString& leader)
{
    Cluster::ClusterView v;
    for (const QString& n : { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }) {
        Cluster::Member m;
        m.name = n;
        m.role = n == leader ? Cluster::Role::Leader : Cluster::Role::Replica;
        m.state = u"running"_s;
        m.timeline = 4;
        if (n != leader)
            m.lagBytes = 0;
        v.members.append(m);
    }
    return v;
}
} // namespace

class TestNotification : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void whatDeservesANotification();
    void notifierFollowsTheStoreAndMutes();
};

void TestNotification::whatDeservesANotification()
{
    using K = Cluster::EventKind;
    using S = Cluster::Severity;
    // Start-up's first leader, a state change, a warning finding: nothing.
    QVERIFY(!Cluster::notificationFor(u"prod"_s,
        { ev(K::LeaderChanged, S::Warning, u"patroni1 is the leader"_s,
              { { u"from"_s, QString() }, { u"to"_s, u"patroni1"_s } }),
            ev(K::StateChanged, S::Warning, u"patroni2: running → stopped"_s),
            ev(K::FindingRaised, S::Warning, u"patroni2 is not replicating"_s) }));
    // A change of leader: one notification, titled for the cluster.
    const auto changed = Cluster::notificationFor(u"prod"_s,
        { ev(K::LeaderChanged, S::Warning, u"Leader changed from patroni1 to patroni2"_s,
            { { u"from"_s, u"patroni1"_s }, { u"to"_s, u"patroni2"_s } }) });
    QVERIFY(changed);
    QCOMPARE(changed->title, u"prod: leader changed"_s);
    QCOMPARE(changed->text, u"Leader changed from patroni1 to patroni2"_s);
    QVERIFY(!changed->critical);
    // A lost leader and critical findings in one batch: one critical notification, the lines capped.
    QList<Cluster::Event> batch { ev(K::LeaderLost, S::Critical, u"Leader patroni1 lost: its API does not answer"_s) };
    for (int i = 0; i < 5; ++i)
        batch.append(ev(K::FindingRaised, S::Critical, u"critical %1"_s.arg(i)));
    const auto lost = Cluster::notificationFor(u"prod"_s, batch);
    QVERIFY(lost);
    QCOMPARE(lost->title, u"prod: leader lost"_s);
    QVERIFY(lost->critical);
    QCOMPARE(lost->text.split(u'\n').size(), 5);
    QVERIFY2(lost->text.endsWith(u"and 2 more"_s), qPrintable(lost->text));
    // A switchover as the etcd watch shows it: the leader lost, no leader for a moment, the new one.
    const QList<Cluster::Event> handover { ev(K::LeaderLost, S::Critical,
                                               u"Leader patroni1 lost: the DCS names no leader"_s),
        ev(K::FindingRaised, S::Critical, u"No member holds the leader lock"_s, {}, u"cluster.no-leader"_s),
        ev(K::LeaderChanged, S::Warning, u"Leader changed from patroni1 to patroni2"_s,
            { { u"from"_s, u"patroni1"_s }, { u"to"_s, u"patroni2"_s } }),
        ev(K::FindingCleared, S::Info, u"Cleared: No member holds the leader lock"_s, {}, u"cluster.no-leader"_s) };
    const auto handed = Cluster::notificationFor(u"prod"_s, handover);
    QVERIFY(handed);
    QCOMPARE(handed->title, u"prod: leader changed"_s);
    QCOMPARE(handed->text, u"Leader changed from patroni1 to patroni2"_s);
    QVERIFY(!handed->critical);
    // The leader lost with no new one yet: still the alarm.
    const auto alone = Cluster::notificationFor(u"prod"_s, handover.first(2));
    QVERIFY(alone && alone->critical);
    QCOMPARE(alone->title, u"prod: leader lost"_s);
}

void TestNotification::notifierFollowsTheStoreAndMutes()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(u"notifications"_s);
    FeedSession prod(u"prod"_s);
    FeedSession test(u"test"_s);
    Ui::Notifier notifier;
    notifier.setSessions({ &prod, &test });
    QSignalSpy spy(&notifier, &Ui::Notifier::notified);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    prod.store()->applyClusterView(lab(u"patroni1"_s), u"x"_s, now);
    test.store()->applyClusterView(lab(u"patroni1"_s), u"x"_s, now);
    QCOMPARE(spy.count(), 0); // the first leaders are not news
    prod.store()->applyClusterView(lab(u"patroni2"_s), u"x"_s, now.addSecs(1));
    QCOMPARE(spy.count(), 0); // held a moment: more of the same change may follow
    QVERIFY(spy.wait(Ui::Notifier::holdMs * 10));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), u"prod"_s);
    QCOMPARE(spy.first().at(1).value<Cluster::Notification>().title, u"prod: leader changed"_s);
    // Muted: nothing from test; the choice is remembered.
    notifier.setMuted(u"test"_s, true);
    test.store()->applyClusterView(lab(u"patroni3"_s), u"x"_s, now.addSecs(1));
    QVERIFY(!spy.wait(Ui::Notifier::holdMs * 2));
    QCOMPARE(spy.count(), 1);
    Ui::Notifier again;
    QVERIFY(again.isMuted(u"test"_s));
    QVERIFY(!again.isMuted(u"prod"_s));
    QSettings().remove(u"notifications"_s);
}

QTEST_MAIN(TestNotification)
#include "tst_notification.moc"
