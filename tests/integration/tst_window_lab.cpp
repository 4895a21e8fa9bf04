// The window against the real lab: a killed leader is shown as such at once; a planned switchover moves the leader's
// crown, flips the edge of port 5000 to the new leader and puts a marker on the lag chart's time axis. Screenshots of
// the steady state and of the switchover as it lands go under the build folder (screenshots/).
#include "labcluster.h"

#include "app/session/fleet.h"
#include "app/session/fleeteditor.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "app/sources/httpfetch.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "ui/charts/lagchart.h"
#include "ui/charts/sessionschart.h"
#include "ui/cluster/clusterdialog.h"
#include "ui/cluster/clusterpage.h"
#include "ui/mainwindow.h"
#include "ui/topology/topologyscene.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The window on the lab, watching every source, as `run-console.sh` opens it.
struct LabWindow {
    explicit LabWindow(const Cluster::Profile& p)
        : profile(p)
        , session(&http, profile, {})
        , window({ &session }, QStringLiteral("lab"))
    {
        window.show();
        session.start();
    }
    ~LabWindow() { session.stop(); }
    Cluster::Profile profile;
    Sources::HttpClient http;
    App::LiveSession session;
    Ui::MainWindow window;
};

class TestWindowLab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void switchoverMovesLeaderRouteAndMarker();
    void clusterAddedThroughTheDialogShowsItsMembers();
    void killedLeaderIsShownAsSuch();

private:
    void shoot(QWidget* window, const QString& name);
    Cluster::Profile labProfile() const
    {
        Cluster::Profile profile = Settings::ProfileStore::labProfile();
        profile.postgres.dbname = m_lab.value(u"POSTGRES_DB"_s);
        profile.patroniUrls = m_lab.apiUrls();
        return profile;
    }
    LabCluster m_lab;
};

void TestWindowLab::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    for (const QString& key : m_lab.keys())
        if (key.startsWith(u"LAB_"_s))
            qputenv(key.toUtf8().constData(), m_lab.value(key).toUtf8());
    qputenv("PATRONI_CONSOLE_POSTGRES_PASSWORD", m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s).toUtf8());
    QByteArray out;
    QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
}

void TestWindowLab::shoot(QWidget* window, const QString& name)
{
    const QString dir = QStringLiteral(CONSOLE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + u'/' + name;
    QVERIFY2(window->grab().save(path, "PNG"), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

void TestWindowLab::switchoverMovesLeaderRouteAndMarker()
{
    LabWindow lab(labProfile());
    QVERIFY(QTest::qWaitForWindowExposed(&lab.window));
    const Cluster::Profile& profile = lab.profile;
    App::LiveSession& session = lab.session;
    Ui::MainWindow& window = lab.window;
    Ui::TopologyScene* scene = window.page()->topologyScene();

    // Steady: three members, a believed leader, port 5000 to it alone, no finding.
    QTRY_VERIFY_WITH_TIMEOUT(!scene->topology().leader.isEmpty(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(scene->memberNodes().size(), 3, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->findings().isEmpty(), 60000);
    const QString before = scene->topology().leader;
    // The lab's ports (run-tests.sh shifts them when the usual ones are busy).
    const int writerPort = profile.haproxyRoutes.primaryPort;
    const int readerPort = profile.haproxyRoutes.replicasPort;
    const auto edgesOf = [scene](int port) {
        QStringList to;
        for (const auto& [p, member] : scene->routingEdges()) {
            if (p == port)
                to.append(member);
        }
        return to;
    };
    QTRY_COMPARE_WITH_TIMEOUT(edgesOf(writerPort), QStringList { before }, 30000);
    QCOMPARE(scene->memberNodes().first(), before);
    QCOMPARE(scene->replicationEdges().size(), 2);
    QVERIFY(!edgesOf(readerPort).contains(before));
    // Let the lag chart gather a few points, then look.
    QTest::qWait(3000);
    window.page()->lagChart()->refresh();
    shoot(&window, u"lab-steady.png"_s);

    // A planned switchover to a replica (the lab's verb waits until it leads).
    QString target;
    for (const QString& name : scene->memberNodes()) {
        if (name != before && target.isEmpty())
            target = name;
    }
    QByteArray out;
    QVERIFY2(m_lab.run({ u"failover"_s, target }, &out) == 0, out.constData());
    QTRY_COMPARE_WITH_TIMEOUT(scene->topology().leader, target, 30000);
    QCOMPARE(scene->memberNodes().first(), target);
    shoot(&window, u"lab-switchover.png"_s);
    // HAProxy follows within its checks: the writer port flips to the new leader, and only to it.
    QTRY_COMPARE_WITH_TIMEOUT(edgesOf(writerPort), QStringList { target }, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(edgesOf(readerPort).contains(before), 60000);
    // The replication edges now come from the new leader.
    QTRY_VERIFY_WITH_TIMEOUT(scene->replicationEdges().contains(qMakePair(target, before)), 60000);
    // The lag chart marks the change of leader on its time axis.
    Ui::LagChart* chart = window.page()->lagChart();
    chart->setRangeSeconds(300);
    chart->refresh();
    bool marked = false;
    for (const Cluster::LagMarker& m : chart->markers())
        marked = marked || (m.kind == Cluster::EventKind::LeaderChanged && m.subject == target);
    QVERIFY(marked);
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->findings().isEmpty(), 60000);
    chart->refresh();
    shoot(&window, u"lab-after-switchover.png"_s);
    // HAProxy's sessions per member: a line for each member HAProxy knows.
    Ui::SessionsChart* sessions = window.page()->sessionsChart();
    window.page()->findChild<QTabWidget*>(u"chartTabs"_s)->setCurrentWidget(sessions);
    sessions->refresh();
    QCOMPARE(sessions->seriesPoints().size(), 3);
    QTest::qWait(300); // the chart lays its legend out in the event loop
    shoot(&window, u"lab-sessions.png"_s);
}

void TestWindowLab::clusterAddedThroughTheDialogShowsItsMembers()
{
    // One Patroni URL, HAProxy's stats and PostgreSQL with its password (into the keychain): the
    // test says what each source answered, Save adds the cluster, and the window shows its members.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Sources::HttpClient http;
    App::Fleet fleet(&http, {});
    App::FleetEditor editor(&fleet, &http, dir.filePath(u"console.conf"_s));
    Ui::MainWindow window({}, u"fleet"_s);
    window.setEditor(&editor);
    connect(&editor, &App::FleetEditor::fleetChanged, &window, [&](const QString& shown) {
        window.setSessions(fleet.sessions());
        for (Session::ClusterSession* s : fleet.sessions())
            if (s->name() == shown)
                window.showSession(s);
    });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    Ui::ClusterDialog dialog(&editor, std::nullopt, &window);
    dialog.show();
    dialog.nameField()->setText(u"lab-through-dialog"_s);
    dialog.patroniField()->setText(m_lab.apiUrls().first().toString());
    dialog.haproxyField()->setText(m_lab.value(u"LAB_HAPROXY_CSV_URL"_s));
    dialog.postgresUserField()->setText(u"postgres"_s);
    dialog.postgresPasswordField()->setText(m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s));
    QSignalSpy tested(&editor, &Session::ClusterEditor::tested);
    // The variable a script would set must not be what makes PostgreSQL answer here.
    qunsetenv("PATRONI_CONSOLE_POSTGRES_PASSWORD");
    dialog.testButton()->click();
    QVERIFY(tested.wait(30000));
    const QString result = dialog.resultText();
    qInfo().noquote() << result;
    QVERIFY2(result.contains(u"OK      Patroni: "_s) && result.contains(u"3 member(s)"_s), qPrintable(result));
    QVERIFY2(result.contains(u"OK      HAProxy: "_s), qPrintable(result));
    QVERIFY2(result.contains(u"OK      PostgreSQL: connected"_s), qPrintable(result));
    shoot(&dialog, u"cluster-dialog.png"_s);

    QSignalSpy saved(&editor, &Session::ClusterEditor::saved);
    dialog.saveButton()->click();
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().at(1).toStringList(), QStringList());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(fleet.sessions().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.memberView()->model()->rowCount(), 3, 30000);
    QStringList names;
    for (int r = 0; r < 3; ++r)
        names.append(window.memberView()->model()->index(r, 0).data().toString());
    names.sort();
    QCOMPARE(names, (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }));
    // PostgreSQL answered with the password from the keychain: lag in seconds shows.
    QTRY_VERIFY_WITH_TIMEOUT(fleet.sessions().first()->store()->state().postgresSource.everSucceeded(), 30000);
    QVERIFY(!fleet.sessions().first()->store()->state().postgresSource.failing());

    // Removed again: the keychain entries go first, then the profile.
    QSignalSpy removed(&editor, &Session::ClusterEditor::removed);
    editor.remove(u"lab-through-dialog"_s);
    QVERIFY(removed.wait(20000));
    QCOMPARE(removed.first().at(1).toStringList(), QStringList());
    QVERIFY(fleet.sessions().isEmpty());
    qputenv("PATRONI_CONSOLE_POSTGRES_PASSWORD", m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s).toUtf8());
}

void TestWindowLab::killedLeaderIsShownAsSuch()
{
    // The worst minute: the leader's processes killed. Until the DCS's key expires it still names
    // the dead leader; the window must say at once that there is no working leader, that the node
    // only the DCS calls leader is silent, and that port 5000 sends writes nowhere useful.
    LabWindow lab(labProfile());
    QVERIFY(QTest::qWaitForWindowExposed(&lab.window));
    const Cluster::Profile& profile = lab.profile;
    App::LiveSession& session = lab.session;
    Ui::MainWindow& window = lab.window;
    Ui::TopologyScene* scene = window.page()->topologyScene();
    QTRY_VERIFY_WITH_TIMEOUT(!scene->topology().leader.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->findings().isEmpty(), 60000);
    const QString old = scene->topology().leader;
    QByteArray out;
    QVERIFY2(m_lab.run({ u"kill-leader"_s }, &out) == 0, out.constData());
    QTRY_VERIFY_WITH_TIMEOUT(window.bannerText().contains(u"NO LEADER"_s), 30000);
    // The picture follows within its redraw cap (one per 100 ms), before the DCS's key expires.
    QTRY_VERIFY_WITH_TIMEOUT(scene->topology().leader.isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(scene->topology().member(old)
            && Cluster::shownRole(scene->topology().member(old)->view) == u"Leader per DCS only"_s,
        30000);
    QCOMPARE(window.bannerHealth(), Cluster::Health::Critical);
    QTRY_COMPARE_WITH_TIMEOUT(
        scene->topology().route(profile.haproxyRoutes.primaryPort)->health, Cluster::Health::Critical, 30000);
    window.page()->lagChart()->refresh();
    shoot(&window, u"lab-failover.png"_s);
    // Patroni elects a new leader once the key expires; the window follows.
    QTRY_VERIFY_WITH_TIMEOUT(!scene->topology().leader.isEmpty() && scene->topology().leader != old, 90000);
    QCOMPARE(scene->memberNodes().first(), scene->topology().leader);
    lab.session.stop();
    QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"90"_s }, &out) == 0, out.constData());
}

QTEST_MAIN(TestWindowLab)
#include "tst_window_lab.moc"
