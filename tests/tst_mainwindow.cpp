// The window reads sessions: banner, problems and staleness must say what a DBA needs at a glance.
#include "assessmentcases.h"
#include "feedsession.h"
#include "testdata.h"

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/laghistory.h"
#include "models/cluster/statejson.h"
#include "models/haproxy/statsparser.h"
#include "models/itemmodels/fleetmodel.h"
#include "models/itemmodels/membertablemodel.h"
#include "ui/charts/lagchart.h"
#include "ui/charts/sessionschart.h"
#include "ui/cluster/clusterpage.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/topology/topologyscene.h"
#include "ui/topology/topologyview.h"
#include "ui/translation.h"

#include "models/itemmodels/eventfiltermodel.h"
#include "ui/cluster/detailtree.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QGraphicsItem>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

#include <QChartView>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
Cluster::ClusterView lab(const QString& thirdState = u"running"_s)
{
    Cluster::ClusterView v;
    const QStringList names { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s };
    for (const QString& n : names) {
        Cluster::Member m;
        m.name = n;
        m.role = n == names.first() ? Cluster::Role::Leader : Cluster::Role::Replica;
        m.state = n == names.last() ? thirdState : u"running"_s;
        m.timeline = 4;
        if (m.role == Cluster::Role::Replica)
            m.lagBytes = 0;
        v.members.append(m);
    }
    return v;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bannerFollowsStore();
    void fleetWorstFirst();
    void topologyFollowsTheStoreInPlace();
    void markupInNamesStaysText();
    void lagChartDrawsHistoryAndMarkers();
    void layoutAndClusterRememberedBetweenRuns();
    void viewShortcutsReachEveryPart();
    void everyModelAndProxyKeepsItsContract();
    void exportSnapshotInEveryFormat();
    void noticeIsSaidWithoutBlocking();
    void germanUnderAGermanLocaleEnglishOtherwise();
    void everyActionHasAnIconLegibleAt16px();
    void rolesStatesAndHealthHaveLegibleIcons();
    void numbersInTheReadersLocale();
};

void TestMainWindow::bannerFollowsStore()
{
    FeedSession session(u"lab"_s);
    Cluster::ClusterStore& store = *session.store();
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.bannerText().contains(u"connecting"_s), qPrintable(window.bannerText()));

    Cluster::SourceError refused;
    refused.code = Cluster::SourceError::Code::ConnectionRefused;
    refused.source = u"Patroni API http://127.0.0.1:8008"_s;
    store.recordFailure(refused, QDateTime::currentDateTimeUtc());
    QVERIFY2(window.bannerText().contains(u"UNREACHABLE"_s), qPrintable(window.bannerText()));
    QListView* list = window.findingsView();
    const auto shown = [list] {
        QStringList lines;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            lines.append(list->model()->index(r, 0).data().toString());
        return lines;
    };
    QVERIFY(list->isVisible());
    QCOMPARE(shown().size(), 1);
    QVERIFY2(shown().first().startsWith(u"CRITICAL  Patroni API http://127.0.0.1:8008: connection refused"_s),
        qPrintable(shown().first()));

    store.applyClusterView(lab(), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(window.bannerText(), u"lab — Leader patroni1 · 3/3 running · TL 4 · max lag 0 B (patroni2)"_s);
    QCOMPARE(window.bannerHealth(), Cluster::Health::Healthy);
    QVERIFY(list->isHidden());
    QCOMPARE(window.memberView()->model()->rowCount(), 3);

    store.applyClusterView(lab(u"stopped"_s), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    QVERIFY2(window.bannerText().contains(u"2/3 running"_s), qPrintable(window.bannerText()));
    QCOMPARE(window.bannerHealth(), Cluster::Health::Warning);
    // The change shows at the top of "Recent changes", with its severity.
    QVERIFY(window.eventsView()->model()->rowCount() >= 1);
    QVERIFY2(window.eventsView()->model()->index(0, 0).data().toString().contains(u"patroni3: running → stopped"_s)
            || window.eventsView()->model()->index(1, 0).data().toString().contains(u"patroni3: running → stopped"_s),
        qPrintable(window.eventsView()->model()->index(0, 0).data().toString()));
    QCOMPARE(shown(), QStringList { u"WARNING  patroni3 is not replicating: state \"stopped\""_s });
    QVERIFY(list->isVisible());
    // Colour comes from the proxy in ui/: a stopped member's row is not painted like a healthy one.
    const QAbstractItemModel* table = window.memberView()->model();
    QVERIFY(table->index(2, 0).data(Qt::BackgroundRole) != table->index(1, 0).data(Qt::BackgroundRole));

    store.recordFailure(refused, QDateTime::currentDateTimeUtc());
    QVERIFY2(window.bannerText().startsWith(u"lab — STALE"_s), qPrintable(window.bannerText()));
    QCOMPARE(window.bannerHealth(), Cluster::Health::Critical);
    QVERIFY(shown().first().startsWith(u"CRITICAL  Patroni API http://127.0.0.1:8008: connection refused"_s));
    QCOMPARE(window.memberView()->model()->rowCount(), 3); // last good rows stay
}

void TestMainWindow::fleetWorstFirst()
{
    // Three clusters: the one without a leader comes first, the healthy ones after it, by name.
    FeedSession alpha(u"alpha"_s);
    FeedSession beta(u"beta"_s);
    FeedSession gamma(u"gamma"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    alpha.store()->applyClusterView(lab(), u"x"_s, now);
    Cluster::ClusterView headless = lab();
    headless.members[0].role = Cluster::Role::Replica;
    beta.store()->applyClusterView(headless, u"x"_s, now);
    gamma.store()->applyClusterView(lab(), u"x"_s, now);
    Ui::MainWindow window({ &alpha, &beta, &gamma }, u"fleet"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto order = [&window] {
        QStringList names;
        const QAbstractItemModel* m = window.fleetView()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            names.append(m->index(r, 0).data(ItemModels::FleetModel::NameRole).toString());
        return names;
    };
    QTRY_COMPARE(order(), (QStringList { u"beta"_s, u"alpha"_s, u"gamma"_s }));
    // It recovers; gamma loses its leader: the list follows, without a reset of the user's choice.
    window.showSession(&alpha);
    beta.store()->applyClusterView(lab(), u"x"_s, now.addSecs(1));
    gamma.store()->applyClusterView(headless, u"x"_s, now.addSecs(1));
    // (The list follows within its refresh interval: it repaints a row at most four times a second.)
    QTRY_COMPARE(order(), (QStringList { u"gamma"_s, u"alpha"_s, u"beta"_s }));
    QCOMPARE(window.currentSession(), &alpha);
    QVERIFY2(window.bannerText().startsWith(u"alpha — Leader patroni1"_s), qPrintable(window.bannerText()));
    // The row's text is the cluster's one-line summary: the same words as the banner.
    const QModelIndex first = window.fleetView()->model()->index(0, 0);
    QVERIFY2(first.data().toString().contains(u"NO LEADER"_s), qPrintable(first.data().toString()));
}

void TestMainWindow::topologyFollowsTheStoreInPlace()
{
    FeedSession session(u"lab"_s);
    Cluster::ClusterStore& store = *session.store();
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::TopologyScene* scene = window.page()->topologyScene();
    QVERIFY(scene->memberNodes().isEmpty());

    // patroni1 leads; HAProxy (captured on the lab) sends writes to patroni3: misrouted.
    store.configureSources(true, false, Cluster::RouteNames {});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store.applyClusterView(lab(), u"http://127.0.0.1:8008"_s, now);
    const auto csv = Haproxy::parseStatsCsv(TestData::read(u"haproxy/stats-2.6.12-healthy.csv"_s));
    QVERIFY(csv.stats);
    store.applyHaproxy(*csv.stats, now);
    QTRY_COMPARE(scene->memberNodes(), (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }));
    using Route = QPair<int, QString>;
    // One routing edge per server HAProxy has UP in each proxy of the CSV.
    QCOMPARE(scene->routingEdges(),
        (QList<Route> { { 5000, u"patroni3"_s }, { 5001, u"patroni1"_s }, { 5001, u"patroni2"_s },
            { 5002, u"patroni1"_s }, { 5002, u"patroni2"_s }, { 5002, u"patroni3"_s } }));
    using Link = QPair<QString, QString>;
    QCOMPARE(scene->replicationEdges(),
        (QList<Link> { { u"patroni1"_s, u"patroni2"_s }, { u"patroni1"_s, u"patroni3"_s } }));
    QCOMPARE(scene->topology().route(5000)->health, Cluster::Health::Critical);
    // The sessions chart has a line per member HAProxy knows.
    window.page()->sessionsChart()->refresh();
    QCOMPARE(window.page()->sessionsChart()->seriesPoints().size(), 3);

    // The user zooms and selects patroni2; a switchover to patroni3 arrives: edges and the leader mark
    // move, the items, the zoom and the selection stay.
    Ui::TopologyView* view = window.page()->topologyView();
    view->zoomBy(1.5);
    const QTransform zoomed = view->transform();
    scene->selectMember(u"patroni2"_s);
    QCOMPARE(scene->selectedMember(), u"patroni2"_s);
    const QList<QGraphicsItem*> before = scene->items();
    Cluster::ClusterView switched = lab();
    switched.members[0].role = Cluster::Role::Replica;
    switched.members[0].lagBytes = 0;
    switched.members[2].role = Cluster::Role::Leader;
    switched.members[2].lagBytes.reset();
    store.applyClusterView(switched, u"http://127.0.0.1:8008"_s, now.addSecs(1));
    QTRY_COMPARE(scene->topology().leader, u"patroni3"_s);
    QCOMPARE(scene->memberNodes(), (QStringList { u"patroni3"_s, u"patroni1"_s, u"patroni2"_s }));
    QCOMPARE(scene->replicationEdges(),
        (QList<Link> { { u"patroni3"_s, u"patroni1"_s }, { u"patroni3"_s, u"patroni2"_s } }));
    QCOMPARE(scene->topology().route(5000)->health, Cluster::Health::Healthy);
    QCOMPARE(scene->selectedMember(), u"patroni2"_s);
    QCOMPARE(view->transform(), zoomed);
    // The member and port items are the same objects (edges of the old leader were replaced).
    int kept = 0;
    const QList<QGraphicsItem*> after = scene->items();
    for (QGraphicsItem* item : after)
        kept += before.contains(item) ? 1 : 0;
    QVERIFY2(kept >= 6, qPrintable(QString::number(kept)));
    // The table sorts by lag as numbers (click on the header); unsorted it is the DCS's order.
    window.memberView()->sortByColumn(ItemModels::MemberTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(window.memberView()->model()->index(0, 0).data().toString(), u"patroni3"_s);
    window.memberView()->sortByColumn(-1, Qt::AscendingOrder);
    // Selecting in the picture selects the member's row in the table and shows it in detail.
    QTRY_COMPARE(window.memberView()->currentIndex().data().toString(), u"patroni2"_s);
    QCOMPARE(window.page()->detailTabs()->currentWidget(), window.page()->memberTab());
    QVERIFY2(window.page()->memberDetails()->lines().contains(u"Shown as / member | patroni2"_s),
        qPrintable(window.page()->memberDetails()->lines().join(u'\n')));
    // The HAProxy panel lists every server of every port with its status, DOWN ones too.
    window.page()->detailTabs()->setCurrentWidget(window.page()->haproxyPanel());
    const QStringList haproxy = window.page()->haproxyPanel()->lines();
    QVERIFY2(
        haproxy.filter(u"port 5000 (primary) / patroni3 | UP | L7OK"_s).size() == 1, qPrintable(haproxy.join(u'\n')));
    QCOMPARE(haproxy.filter(u"port 5000 (primary) / "_s).size(), 3);
    // etcd is not watched by this profile: the panel says so.
    window.page()->detailTabs()->setCurrentWidget(window.page()->etcdPanel());
    QVERIFY(window.page()->etcdPanel()->topLevelItem(0)->text(0).contains(u"not watched"_s));
}

void TestMainWindow::markupInNamesStaysText()
{
    FeedSession session(u"lab"_s);
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Cluster::ClusterView v = lab();
    v.members[1].name = u"<b>x</b>"_s;
    v.members[1].tags.insert(u"<i>tag</i>"_s, true);
    session.store()->applyClusterView(v, u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    Ui::TopologyScene* scene = window.page()->topologyScene();
    QTRY_VERIFY(scene->memberNodes().contains(u"<b>x</b>"_s));
    // The node shows those eight characters (drawn with QPainter::drawText: never rich text).
    QCOMPARE(scene->memberLines(u"<b>x</b>"_s).value(0), u"<b>x</b>"_s);
    // Its tooltip is HTML that shows the name escaped, not interpreted.
    QString tip;
    for (QGraphicsItem* item : scene->items()) {
        if (item->toolTip().contains(u"&lt;b&gt;x&lt;/b&gt;"_s))
            tip = item->toolTip();
        QVERIFY2(!item->toolTip().contains(u"<b>x</b>"_s), qPrintable(item->toolTip()));
    }
    QVERIFY(!tip.isEmpty());
    // The table cell and the banner carry the text itself.
    bool found = false;
    const QAbstractItemModel* table = window.memberView()->model();
    for (int r = 0; r < table->rowCount(); ++r)
        found = found || table->index(r, 0).data().toString() == u"<b>x</b>"_s;
    QVERIFY(found);
}

void TestMainWindow::lagChartDrawsHistoryAndMarkers()
{
    FeedSession session(u"lab"_s);
    Cluster::ClusterStore& store = *session.store();
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::LagChart* chart = window.page()->lagChart();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-120);
    // Two minutes of polls, one a second, patroni3 falling behind; then patroni2 takes over.
    for (int i = 0; i < 120; ++i) {
        Cluster::ClusterView v = lab();
        v.members[2].lagBytes = qint64(i) * 1024 * 1024;
        if (i >= 100) {
            v.members[0].role = Cluster::Role::Replica;
            v.members[0].lagBytes = 0;
            v.members[1].role = Cluster::Role::Leader;
            v.members[1].lagBytes.reset();
        }
        store.applyClusterView(v, u"http://127.0.0.1:8008"_s, start.addSecs(i));
    }
    chart->setUnit(Cluster::LagUnit::Bytes);
    chart->setRangeSeconds(300);
    chart->refresh(start.addSecs(121));
    const QHash<QString, int> points = chart->seriesPoints();
    QVERIFY2(points.value(u"patroni3"_s) > 50, qPrintable(QString::number(points.value(u"patroni3"_s))));
    QVERIFY(points.contains(u"patroni2"_s)); // its replica time before it led
    QVERIFY(points.contains(u"patroni1"_s)); // a replica since the switchover
    QCOMPARE(chart->axisTitle(), u"lag (MiB)"_s);
    bool leaderMarker = false;
    for (const Cluster::LagMarker& m : chart->markers())
        leaderMarker = leaderMarker || (m.kind == Cluster::EventKind::LeaderChanged && m.subject == u"patroni2"_s);
    QVERIFY(leaderMarker);
    // Seconds: nothing recorded (no PostgreSQL here): no points, and the chart says why.
    chart->setUnit(Cluster::LagUnit::Seconds);
    chart->refresh(start.addSecs(121));
    for (int n : chart->seriesPoints())
        QCOMPARE(n, 0);
    // Out of range: 5 minutes after the last sample there is nothing left to draw.
    chart->setUnit(Cluster::LagUnit::Bytes);
    chart->refresh(start.addSecs(121 + 600));
    for (int n : chart->seriesPoints())
        QCOMPARE(n, 0);
}

void TestMainWindow::layoutAndClusterRememberedBetweenRuns()
{
    QStandardPaths::setTestModeEnabled(true); // settings under ~/.qttest, not the user's
    QSettings().remove(u"window"_s);
    FeedSession alpha(u"alpha"_s);
    FeedSession beta(u"beta"_s);
    {
        Ui::MainWindow window({ &alpha, &beta }, u"fleet"_s);
        window.restoreWindowState(); // nothing saved yet: the defaults
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showSession(&beta);
        window.page()->lagChart()->setRangeSeconds(3600);
        window.page()->detailTabs()->setCurrentIndex(2);
        window.close(); // saves
    }
    Ui::MainWindow again({ &alpha, &beta }, u"fleet"_s);
    QCOMPARE(again.currentSession(), &alpha); // before restoring: the first
    again.restoreWindowState();
    QCOMPARE(again.currentSession(), &beta);
    QCOMPARE(again.page()->lagChart()->rangeSeconds(), 3600);
    QCOMPARE(again.page()->detailTabs()->currentIndex(), 2);
    QSettings().remove(u"window"_s);
}

void TestMainWindow::viewShortcutsReachEveryPart()
{
    FeedSession session(u"lab"_s);
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_6, Qt::AltModifier);
    QCOMPARE(window.page()->detailTabs()->currentWidget(), window.page()->haproxyPanel());
    QTest::keyClick(&window, Qt::Key_7, Qt::AltModifier);
    QCOMPARE(window.page()->detailTabs()->currentWidget(), window.page()->etcdPanel());
    QTest::keyClick(&window, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), window.memberView());
    QTest::keyClick(&window, Qt::Key_1, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), window.page()->topologyView());
}

void TestMainWindow::everyModelAndProxyKeepsItsContract()
{
    // QAbstractItemModelTester on every model and proxy the window shows, while the fleet and the
    // clusters change under it: rows added, moved, removed, data changed, sessions swapped.
    FeedSession alpha(u"alpha"_s);
    FeedSession beta(u"beta"_s);
    Ui::MainWindow window({ &alpha, &beta }, u"fleet"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    using Tester = QAbstractItemModelTester;
    const auto mode = Tester::FailureReportingMode::QtTest;
    Tester fleet(window.fleetView()->model(), mode);
    Tester members(window.memberView()->model(), mode);
    Tester findings(window.findingsView()->model(), mode);
    Tester events(window.eventsView()->model(), mode);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    alpha.store()->applyClusterView(lab(), u"x"_s, now);
    beta.store()->applyClusterView(lab(u"stopped"_s), u"x"_s, now);
    Cluster::ClusterView fewer = lab();
    fewer.members.removeLast();
    alpha.store()->applyClusterView(fewer, u"x"_s, now.addSecs(1));
    Cluster::ClusterView reordered = lab();
    std::swap(reordered.members[0], reordered.members[2]);
    reordered.members[0].name = u"patroni9"_s;
    alpha.store()->applyClusterView(reordered, u"x"_s, now.addSecs(2));
    Cluster::SourceError refused;
    refused.code = Cluster::SourceError::Code::ConnectionRefused;
    refused.source = u"Patroni API http://127.0.0.1:8008"_s;
    alpha.store()->recordFailure(refused, now.addSecs(3));
    window.page()->eventFilter()->setMinimumSeverity(Cluster::Severity::Warning);
    window.page()->eventFilter()->setSubject(u"patroni"_s);
    window.showSession(&beta);
    window.setSessions({ &beta });
    window.setSessions({ &alpha, &beta });
    QTest::qWait(2 * ItemModels::FleetModel::refreshIntervalMs);
    QCOMPARE(window.fleetView()->model()->rowCount(), 2);
}

void TestMainWindow::exportSnapshotInEveryFormat()
{
    FeedSession session(u"lab"_s);
    session.store()->applyClusterView(lab(), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    session.store()->applyClusterView(lab(u"stopped"_s), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const Snapshot::Format f : Snapshot::formats()) {
        const QString path = dir.filePath(u"lab."_s + Snapshot::formatExtension(f));
        QCOMPARE(window.exportSnapshot(path, f, true), QString());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.size() > 500, qPrintable(path));
        switch (f) {
        case Snapshot::Format::Json: {
            const QJsonObject snap = QJsonDocument::fromJson(bytes).object();
            QCOMPARE(snap.value("schema"_L1).toString(), Snapshot::schema());
            QCOMPARE(snap.value("state"_L1).toObject().value("members"_L1).toArray().size(), 3);
            // The change the window showed is in the snapshot's journal too.
            QVERIFY(QString::fromUtf8(QJsonDocument(snap.value("journal"_L1).toArray()).toJson())
                        .contains(u"patroni3: running → stopped"_s));
            break;
        }
        case Snapshot::Format::Markdown:
            QVERIFY(bytes.startsWith("# Cluster lab"));
            QVERIFY(bytes.contains("**WARNING**"));
            break;
        case Snapshot::Format::Html:
            QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
            break;
        case Snapshot::Format::Pdf:
            QVERIFY(bytes.startsWith("%PDF-"));
            break;
        case Snapshot::Format::Png: {
            const QImage image = QImage::fromData(bytes, "PNG");
            // The page as shown, under its caption.
            QCOMPARE(image.width(), window.page()->grab().toImage().width());
            QVERIFY(image.height() > window.page()->height());
            break;
        }
        }
    }
    QVERIFY(window.statusBar()->currentMessage().contains(u"Snapshot of lab written to"_s));
    // A place that cannot be written: said, and nothing left behind.
    const QStringList before = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    const QString error = window.exportSnapshot(dir.filePath(u"missing/lab.md"_s), Snapshot::Format::Markdown, true);
    QVERIFY2(error.contains(u"not written"_s) && error.contains(u"Choose another place"_s), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), before);
}

// A damaged settings file or a missing keychain: a message box that does not block the window, and the
// status bar.
void TestMainWindow::noticeIsSaidWithoutBlocking()
{
    FeedSession session(u"lab"_s);
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showNotice(u"No keychain"_s, u"There is no system keychain (<b>test</b>)."_s);
    QCOMPARE(window.lastNotice(), u"There is no system keychain (<b>test</b>)."_s);
    auto* box = window.findChild<QMessageBox*>(u"notice"_s);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(!box->isModal());
    QCOMPARE(box->textFormat(), Qt::PlainText); // text from the system, shown as text
    QVERIFY(window.statusBar()->currentMessage().contains(u"no system keychain"_s));
    box->close();
}

namespace {
// Menus (the menu bar, each menu, each submenu) whose entries share an Alt-letter: Qt then cycles
// between them instead of choosing one. "File: &Snapshot / &Save" for each clash.
QStringList mnemonicClashes(const QList<QAction*>& actions, const QString& where)
{
    QStringList clashes;
    QHash<QChar, QString> taken;
    for (const QAction* a : actions) {
        if (a->isSeparator())
            continue;
        const QString text = a->text();
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != u'&')
                continue;
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            const QChar key = text.at(i + 1).toLower();
            if (taken.contains(key))
                clashes.append(u"%1: %2 / %3"_s.arg(where, taken.value(key), text));
            else
                taken.insert(key, text);
            break;
        }
        if (a->menu())
            clashes += mnemonicClashes(a->menu()->actions(), where + u" > "_s + text);
    }
    return clashes;
}

QStringList menuTitles(const Ui::MainWindow& window)
{
    QStringList titles;
    for (const QAction* a : window.menuBar()->actions())
        titles.append(a->text());
    return titles;
}
} // namespace

// The window speaks German under a German locale (its own strings and Qt's standard buttons), and
// English under any locale it has no translation for.
void TestMainWindow::germanUnderAGermanLocaleEnglishOtherwise()
{
    FeedSession session(u"lab"_s);
    const auto removeTranslators = [] {
        for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    };
    QVERIFY(Ui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
    {
        Ui::MainWindow window({ &session }, u"lab"_s);
        const QStringList titles = menuTitles(window);
        for (const char* english : { "&File", "&View", "&Actions" }) {
            const QString german = QCoreApplication::translate("Ui::MainWindow", english);
            QVERIFY2(german != QLatin1String(english), english);
            QVERIFY2(titles.contains(german), qPrintable(titles.join(u", "_s)));
        }
        QVERIFY(!titles.contains(u"&Actions"_s));
        // Every Alt-letter is unique within its menu, in German as in English (below).
        std::unique_ptr<QMenu> member(window.memberMenu(u"patroni2"_s, &window));
        const QStringList clashes = mnemonicClashes(window.menuBar()->actions(), u"menu bar"_s)
            + mnemonicClashes(member->actions(), u"member menu"_s);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        // Qt's own strings too: the standard buttons of every dialog.
        // The window speaks German; what is written for machines stays English (status JSON, snapshots).
        session.store()->applyClusterView(lab(), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
        const Cluster::ClusterSummary german
            = Cluster::summarize(session.store()->state(), session.store()->findings());
        QVERIFY2(german.headline.contains(u"laufen"_s), qPrintable(german.headline));
        const QJsonObject json = Cluster::stateToJson(
            session.store()->state(), session.store()->findings(), QDateTime::currentDateTimeUtc());
        const QString summary = json.value(u"cluster"_s).toObject().value(u"summary"_s).toString();
        QVERIFY2(summary.contains(u"running"_s) && !summary.contains(u"laufen"_s), qPrintable(summary));
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QVERIFY2(buttons.button(QDialogButtonBox::Cancel)->text().contains(u"Abbrechen"_s),
            qPrintable(buttons.button(QDialogButtonBox::Cancel)->text()));
    }
    removeTranslators();
    QVERIFY(!Ui::installTranslations(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    {
        Ui::MainWindow window({ &session }, u"lab"_s);
        const QStringList titles = menuTitles(window);
        QVERIFY2(titles.contains(u"&Actions"_s) && titles.contains(u"&File"_s), qPrintable(titles.join(u", "_s)));
        std::unique_ptr<QMenu> member(window.memberMenu(u"patroni2"_s, &window));
        const QStringList clashes = mnemonicClashes(window.menuBar()->actions(), u"menu bar"_s)
            + mnemonicClashes(member->actions(), u"member menu"_s);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    }
    removeTranslators();
}

namespace {
// How many of an icon's 16 × 16 pixels stand out (luminance differs by more than 60) from a background.
int pixelsStandingOut(const QIcon& icon, const QColor& background)
{
    const QImage image = icon.pixmap(16, 16).toImage().convertToFormat(QImage::Format_ARGB32);
    if (image.size() != QSize(16, 16))
        return -1;
    const double bg = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue();
    int standing = 0;
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            const double a = c.alphaF();
            const double lum = (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) * a + bg * (1 - a);
            if (std::abs(lum - bg) > 60)
                ++standing;
        }
    }
    return standing;
}

const QColor lightWindow(255, 255, 255);
const QColor darkWindow(43, 43, 43);
} // namespace

// Each action in the Actions and File menus, the toolbar and the member's menu wears its icon, and the
// icon reads at 16 px on a light and on a dark window: enough of its pixels stand out from either.
void TestMainWindow::everyActionHasAnIconLegibleAt16px()
{
    FeedSession session(u"lab"_s);
    Ui::MainWindow window({ &session }, u"lab"_s);
    QList<QAction*> actions = window.actionsMenu()->actions();
    std::unique_ptr<QMenu> member(window.memberMenu(u"patroni2"_s, &window));
    actions += member->actions();
    int checked = 0;
    for (QAction* a : std::as_const(actions)) {
        if (a->isSeparator() || a->text().isEmpty())
            continue;
        QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
        for (const QColor& background : { lightWindow, darkWindow }) {
            const int standing = pixelsStandingOut(a->icon(), background);
            QVERIFY2(standing >= 25,
                qPrintable(
                    u"%1: %2 of 256 pixels stand out on %3"_s.arg(a->text()).arg(standing).arg(background.name())));
        }
        ++checked;
    }
    QVERIFY(checked >= 15);
    // The toolbar shows them beside the text.
    QCOMPARE(window.actionsToolBar()->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
}

// Roles, states and health each have an icon of their own (no two kinds alike, so the shape tells them
// apart without the colour), legible at 16 px on light and dark; the member table shows them beside
// the words, and the fleet list and findings show health.
void TestMainWindow::rolesStatesAndHealthHaveLegibleIcons()
{
    QList<std::pair<QString, QIcon>> icons;
    for (const Cluster::Role role :
        { Cluster::Role::Leader, Cluster::Role::StandbyLeader, Cluster::Role::SyncStandby, Cluster::Role::QuorumStandby,
            Cluster::Role::Replica, Cluster::Role::Uninitialized, Cluster::Role::Unknown })
        icons.append({ u"role "_s + Cluster::roleKey(role), Ui::Palette::roleIcon(role) });
    for (const Cluster::Health health :
        { Cluster::Health::Healthy, Cluster::Health::Warning, Cluster::Health::Critical, Cluster::Health::Unknown })
        icons.append({ u"health %1"_s.arg(int(health)), Ui::Palette::healthIcon(health, false) });
    icons.append({ u"stale"_s, Ui::Palette::healthIcon(Cluster::Health::Healthy, true) });
    icons.append({ u"info"_s, Ui::Palette::severityIcon(Cluster::Severity::Info) });
    for (const QString& state : { u"running"_s, u"streaming"_s, u"starting"_s, u"stopped"_s, u"crashed"_s,
             Cluster::unreachableState(), QString() })
        icons.append({ u"state '%1'"_s.arg(state), Ui::Palette::stateIcon(state) });
    QList<QImage> seen;
    for (const auto& [what, icon] : std::as_const(icons)) {
        QVERIFY2(!icon.isNull(), qPrintable(what));
        for (const QColor& background : { lightWindow, darkWindow }) {
            const int standing = pixelsStandingOut(icon, background);
            QVERIFY2(standing >= 25,
                qPrintable(u"%1: %2 of 256 pixels stand out on %3"_s.arg(what).arg(standing).arg(background.name())));
        }
        const QImage image = icon.pixmap(16, 16).toImage();
        QVERIFY2(!seen.contains(image), qPrintable(what + u" looks like another kind's icon"_s));
        seen.append(image);
    }
    // States Patroni writes map onto their kinds (the rest are on their way).
    QCOMPARE(Cluster::stateKind(u"start failed"_s), Cluster::StateKind::Failed);
    QCOMPARE(Cluster::stateKind(u"restart failed"_s), Cluster::StateKind::Failed);
    QCOMPARE(Cluster::stateKind(u"creating replica"_s), Cluster::StateKind::Transition);
    QCOMPARE(Cluster::stateKind(u"in archive recovery"_s), Cluster::StateKind::Transition);
    QCOMPARE(Cluster::stateKind(u"Running"_s), Cluster::StateKind::Running);

    // In the window: the member table's role and state columns carry them.
    FeedSession session(u"lab"_s);
    AssessmentCases::Case c { u"cluster-3.0.2-healthy.json"_s, {} };
    AssessmentCases::feed(c, session.store());
    Ui::MainWindow window({ &session }, u"lab"_s);
    QTableView* table = window.findChild<QTableView*>(u"memberTable"_s);
    QVERIFY(table);
    QAbstractItemModel* model = table->model();
    QVERIFY(model->rowCount() >= 3);
    int crowns = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QIcon role
            = model->index(row, ItemModels::MemberTableModel::RoleColumn).data(Qt::DecorationRole).value<QIcon>();
        const QIcon state
            = model->index(row, ItemModels::MemberTableModel::StateColumn).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!role.isNull() && !state.isNull());
        if (role.pixmap(16, 16).toImage() == Ui::Palette::roleIcon(Cluster::Role::Leader).pixmap(16, 16).toImage())
            ++crowns;
    }
    QCOMPARE(crowns, 1);
}

// Lag in seconds reads with the reader's decimal separator in the table, the picture and the charts'
// axes ("0,250 s" in German); the JSON and the command line keep C's (their own tests).
void TestMainWindow::numbersInTheReadersLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    FeedSession session(u"lab"_s);
    Cluster::ClusterStore* store = session.store();
    AssessmentCases::feedHealthyWithPostgresLag(store);
    {
        Ui::MainWindow window({ &session }, u"lab"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModel* model = window.memberView()->model();
        QString seconds;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data(ItemModels::MemberTableModel::NameRole).toString() == u"patroni1"_s)
                seconds = model->index(r, ItemModels::MemberTableModel::LagSecondsColumn).data().toString();
        }
        QCOMPARE(seconds, u"0,250 s"_s);
        QTRY_VERIFY(!window.page()->topologyScene()->memberLines(u"patroni1"_s).isEmpty());
        const QString lines = window.page()->topologyScene()->memberLines(u"patroni1"_s).join(u'\n');
        QVERIFY2(lines.contains(u"0,2 s"_s) || lines.contains(u"0,3 s"_s), qPrintable(lines));
        auto* view = window.page()->lagChart()->findChild<QChartView*>();
        QVERIFY(view);
        QVERIFY(view->chart()->localizeNumbers());
        QCOMPARE(view->chart()->locale().language(), QLocale::German);
    }
    QLocale::setDefault(before);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
