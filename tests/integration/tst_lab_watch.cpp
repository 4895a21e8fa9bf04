// The leader key watched in the lab's etcd (Sources::EtcdWatch through LiveSession): a switchover
// reaches the console through the watch, not through the poll timer, which is set to ten minutes here.
// Latency is measured by tests/bench/leader-latency.py, not asserted here (ASan on loaded cores).
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "app/sources/etcdwatch.h"
#include "app/sources/httpfetch.h"
#include "app/sources/patronipoller.h"
#include "labcluster.h"
#include "models/cluster/clusterstore.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using Cluster::EventKind;

class TestLabWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_lab.load(&why), qPrintable(why));
        for (const QString& key : m_lab.keys())
            if (key.startsWith(u"LAB_"_s))
                qputenv(key.toUtf8().constData(), m_lab.value(key).toUtf8());
        QByteArray out;
        QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    }

    void switchoverArrivesThroughTheWatch()
    {
        Cluster::Profile profile = Settings::ProfileStore::labProfile();
        profile.patroniUrls = m_lab.apiUrls();
        profile.postgres.user.clear(); // Patroni and etcd are what this is about
        profile.intervals.patroniMs = 600000; // the timer cannot be what brings the news
        Sources::HttpClient http;
        App::LiveSession session(&http, profile, {});
        QElapsedTimer clock;
        clock.start();
        QList<std::pair<qint64, Cluster::Event>> events;
        connect(session.store(), &Cluster::ClusterStore::eventsDetected, this, [&](const QList<Cluster::Event>& list) {
            for (const Cluster::Event& e : list)
                events.append({ clock.elapsed(), e });
        });
        qint64 putAt = -1;
        QString putValue;
        Sources::EtcdWatch* watch = session.etcdWatch();
        QVERIFY(watch);
        connect(watch, &Sources::EtcdWatch::keyChanged, this, [&](const QByteArray& value, bool deleted) {
            if (!deleted && putAt < 0) {
                putAt = clock.elapsed();
                putValue = QString::fromUtf8(value);
            }
        });
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(!session.store()->leader().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(watch->isWatching(), 20000);
        QCOMPARE(watch->key(), QByteArray("/service/") + m_lab.value(u"LAB_SCOPE"_s).toUtf8() + "/leader");

        const QString old = session.store()->leader();
        QString candidate;
        for (const Cluster::Member& m : session.store()->view().members)
            if (m.name != old && Cluster::isReplicaRole(m.role))
                candidate = m.name;
        QVERIFY(!candidate.isEmpty());
        const quint64 startedBefore = session.patroni()->roundsStarted();
        const quint64 changeRoundsBefore = session.patroni()->roundsAfterChange();

        QByteArray out;
        QVERIFY2(m_lab.run({ u"failover"_s, candidate }, &out) == 0, out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(session.store()->leader(), candidate, 30000);

        // etcd told of the old leader's key going and the new one's arriving, with its name.
        QVERIFY(watch->eventsSeen() >= 2);
        QCOMPARE(putValue, candidate);
        const quint64 changeRounds = session.patroni()->roundsAfterChange() - changeRoundsBefore;
        const quint64 rounds = session.patroni()->roundsStarted() - startedBefore;
        QVERIFY(changeRounds >= 1);
        // Every round since came from the watch, save at most the timer's first tick (at a random
        // moment within its ten minutes).
        QVERIFY2(
            rounds <= changeRounds + 1, qPrintable(u"%1 rounds, %2 after a change"_s.arg(rounds).arg(changeRounds)));
        qint64 changedAt = -1;
        for (const auto& [at, e] : events)
            if (e.kind == EventKind::LeaderChanged && e.subject == candidate && changedAt < 0)
                changedAt = at;
        QVERIFY(changedAt >= 0);
        // (The round after the old key's deletion may already see the new leader: then the event comes
        // before the new key's report, and the difference below is negative.)
        qInfo().noquote()
            << u"leader key written (%1) → console's leader-changed event: %2 ms (%3 rounds after changes)"_s
                   .arg(candidate)
                   .arg(changedAt - putAt)
                   .arg(changeRounds);
        for (const auto& [at, e] : events)
            qInfo().noquote() << at << "ms" << Cluster::eventKindName(e.kind) << e.subject << "-" << e.message;
        session.stop();
        QVERIFY(!watch->isWatching());
    }

private:
    LabCluster m_lab;
};

QTEST_GUILESS_MAIN(TestLabWatch)
#include "tst_lab_watch.moc"
