// The window reads the store: banner, problems and staleness must say what a DBA needs at a glance.
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/membertablemodel.h"
#include "ui/mainwindow.h"

#include <QLabel>
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
    Ui::MainWindow window(&store, &model, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.bannerText().contains(u"connecting"_s), qPrintable(window.bannerText()));

    Cluster::SourceError refused;
    refused.code = Cluster::SourceError::Code::ConnectionRefused;
    refused.source = u"Patroni API http://127.0.0.1:8008"_s;
    store.recordFailure(refused, QDateTime::currentDateTimeUtc());
    QVERIFY2(window.bannerText().contains(u"UNREACHABLE"_s), qPrintable(window.bannerText()));
    auto* problems = window.findChild<QLabel*>(u"problems"_s);
    QVERIFY(problems->text().contains(u"connection refused"_s));

    store.applyClusterView(lab(), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(window.bannerText(), u"lab — Leader patroni1 · 2 of 2 replicas healthy · TL 4"_s);
    QVERIFY(problems->isHidden());
    QCOMPARE(window.memberView()->model()->rowCount(), 3);

    store.applyClusterView(lab(u"stopped"_s), u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc());
    QVERIFY(window.bannerText().contains(u"1 of 2 replicas healthy"_s));
    QCOMPARE(problems->text(), u"patroni3 is stopped"_s);
    // Colour comes from the proxy in ui/: a stopped member's row is not painted like a healthy one.
    const QAbstractItemModel* shown = window.memberView()->model();
    QVERIFY(shown->index(2, 0).data(Qt::BackgroundRole) != shown->index(1, 0).data(Qt::BackgroundRole));

    store.recordFailure(refused, QDateTime::currentDateTimeUtc());
    QVERIFY2(window.bannerText().startsWith(u"lab — STALE"_s), qPrintable(window.bannerText()));
    QVERIFY(problems->text().startsWith(u"Patroni API http://127.0.0.1:8008: connection refused"_s));
    QCOMPARE(window.memberView()->model()->rowCount(), 3); // last good rows stay
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
