// The first slice end to end against the real lab: poller → parser → store → model.
// Needs the lab running (packaging/run-tests.sh starts it).
#include "app/actions/actionexecutor.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "app/sources/patronipoller.h"
#include "labcluster.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/membertablemodel.h"
#include "reservedport.h"

#include "app/sources/httpfetch.h"
#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestLabCluster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agreesWithPatronictl();
    void followsSwitchoverWithinTwoPolls();
    void observableWhileOneMemberApiIsDown();
    void editedConfigVerifiedWithTheNextRound();

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

// An action's verification reads /config (and /history) with the session's next round, not with the
// tenth, when the poller reads them anyway: an edit of the dynamic configuration is verified within a
// round or two of Patroni's answer. Counted in rounds, not milliseconds; three edits, so that the
// tenth round falling right after an answer by chance cannot pass it.
void TestLabCluster::editedConfigVerifiedWithTheNextRound()
{
    Cluster::Profile profile = Settings::ProfileStore::labProfile();
    profile.patroniUrls = m_lab.apiUrls();
    Sources::HttpClient http;
    App::LiveSession session(&http, profile, {});
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        session.store()->state().config.has_value() && session.store()->state().view.leaders().size() == 1, 60000);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    App::ActionExecutor executor(&http, &session, dir.filePath(u"audit.jsonl"_s));
    executor.setCredentials(
        Sources::BasicAuth { m_lab.value(u"PATRONI_API_USER"_s), m_lab.value(u"PATRONI_API_PASSWORD"_s) });
    const int was = session.store()->state().config->raw.value(u"loop_wait"_s).toInt();
    QVERIFY(was > 0);
    const QString leader = session.store()->state().view.leaders().first();
    // A failure half-way leaves the lab as it was for the tests after this one.
    const auto restore = qScopeGuard([&] {
        if (executor.busy() || session.store()->state().config->raw.value(u"loop_wait"_s).toInt() == was)
            return;
        Actions::Request back;
        back.kind = Actions::Kind::EditConfig;
        back.configPatch = QJsonObject { { u"loop_wait"_s, was } };
        QEventLoop loop;
        connect(&executor, &Actions::Controller::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        executor.run(back, leader);
        loop.exec();
    });
    for (const int to : { was + 1, was + 2, was }) {
        Actions::Request request;
        request.kind = Actions::Kind::EditConfig;
        request.configPatch = QJsonObject { { u"loop_wait"_s, to } };
        quint64 atAnswer = 0;
        quint64 atVerified = 0;
        std::optional<Actions::Outcome> outcome;
        const QMetaObject::Connection answered = connect(
            &executor, &Actions::Controller::answered, this, [&] { atAnswer = session.patroni()->roundsStarted(); });
        const QMetaObject::Connection finished
            = connect(&executor, &Actions::Controller::finished, this, [&](const Actions::Outcome& o) {
                  atVerified = session.patroni()->roundsStarted();
                  outcome = o;
              });
        executor.run(request, leader);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 90000);
        disconnect(answered);
        disconnect(finished);
        QVERIFY2(outcome->result == Actions::Outcome::Result::Done, qPrintable(outcome->message));
        QCOMPARE(session.store()->state().config->raw.value(u"loop_wait"_s).toInt(), to);
        QVERIFY2(atVerified - atAnswer <= 2,
            qPrintable(u"loop_wait=%1 verified %2 rounds after the answer"_s.arg(to).arg(atVerified - atAnswer)));
    }
}

QTEST_GUILESS_MAIN(TestLabCluster)
#include "tst_lab_cluster.moc"
