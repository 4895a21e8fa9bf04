// The window reads sessions: banner, problems and staleness must say what a DBA needs at a glance.
#include "feedsession.h"
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/fleetmodel.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QListView>
#include <QTableView>
#include <QTest>

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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
