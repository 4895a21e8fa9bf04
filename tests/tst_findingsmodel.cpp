#include "clusterstatebuilder.h"
#include "models/cluster/findings.h"
#include "models/itemmodels/findingsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ItemModels::FindingsModel;

class TestFindingsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsFindingsByKey();
};

void TestFindingsModel::followsFindingsByKey()
{
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    auto s = TestStates::healthy();
    s.view.paused = true;
    TestStates::member(s, u"patroni2"_s).timeline = 3;
    s.members[u"patroni2"_s].status->timeline = 3;
    model.setFindings(Cluster::evaluateFindings(s, TestStates::t0()));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);

    // The same findings again: nothing moves.
    model.setFindings(Cluster::evaluateFindings(s, TestStates::t0()));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(changed.count(), 0);

    // A critical one arrives on top; the timeline one clears; the pause stays in place.
    TestStates::member(s, u"patroni2"_s).timeline = 4;
    s.members[u"patroni2"_s].status->timeline = 4;
    TestStates::apiFails(s, u"patroni1"_s);
    model.setFindings(Cluster::evaluateFindings(s, TestStates::t0()));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(FindingsModel::KeyRole).toString(), u"member.unreachable/patroni1"_s);
    QCOMPARE(model.index(0).data(FindingsModel::SeverityRole).toInt(), int(Cluster::Severity::Critical));
    QCOMPARE(model.index(1).data(FindingsModel::KeyRole).toString(), u"cluster.paused"_s);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(reset.count(), 0);

    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
