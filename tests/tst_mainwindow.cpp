// The window reads the store: banner, problems and staleness must say what a DBA needs at a glance.
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/eventlogmodel.h"
#include "models/itemmodels/findingsmodel.h"
#include "models/itemmodels/membertablemodel.h"
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
};

void TestMainWindow::bannerFollowsStore()
{
    Cluster::ClusterStore store;
    ItemModels::MemberTableModel model;
    model.setStore(&store);
    ItemModels::FindingsModel findings;
    findings.setStore(&store);
    ItemModels::EventLogModel events;
    QObject::connect(&store, &Cluster::ClusterStore::eventsDetected, &events, &ItemModels::EventLogModel::append);
    Ui::MainWindow window(&store, &model, &findings, &events, u"lab"_s);
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
    QCOMPARE(window.bannerText(), u"lab — Leader patroni1 · 2 of 2 replicas healthy · TL 4"_s);
    QVERIFY(list->isHidden());
    QCOMPARE(window.memberView()->model()->rowCount(), 3);

    store.applyClusterView(lab(u"stopped"_s), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    QVERIFY(window.bannerText().contains(u"1 of 2 replicas healthy"_s));
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
    QVERIFY(shown().first().startsWith(u"CRITICAL  Patroni API http://127.0.0.1:8008: connection refused"_s));
    QCOMPARE(window.memberView()->model()->rowCount(), 3); // last good rows stay
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
