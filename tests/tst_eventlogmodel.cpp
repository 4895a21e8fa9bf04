#include "models/itemmodels/eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ItemModels::EventLogModel;

namespace {
Cluster::Event ev(int i)
{
    return Cluster::Event { QDateTime(QDate(2026, 11, 25), QTime(18, 0), Qt::UTC).addSecs(i),
        Cluster::EventKind::StateChanged, i % 2 ? Cluster::Severity::Warning : Cluster::Severity::Info, u"patroni1"_s,
        u"event %1"_s.arg(i), {} };
}
QList<Cluster::Event> range(int from, int to)
{
    QList<Cluster::Event> out;
    for (int i = from; i < to; ++i)
        out.append(ev(i));
    return out;
}
} // namespace

class TestEventLogModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newestFirstAndBounded();
};

void TestEventLogModel::newestFirstAndBounded()
{
    EventLogModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.append(range(0, 3));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.index(0).data().toString().endsWith(u"event 2"_s)); // newest on top
    QCOMPARE(model.index(0).data(EventLogModel::SeverityRole).toInt(), int(Cluster::Severity::Info));
    QCOMPARE(model.index(1).data(EventLogModel::KindRole).toString(), u"state-changed"_s);
    QCOMPARE(model.index(2).data(EventLogModel::TimeRole).toDateTime(), ev(0).at);

    model.append(range(3, 6)); // one past the capacity: the oldest goes
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(removed.count(), 1);
    QVERIFY(model.index(0).data().toString().endsWith(u"event 5"_s));
    QVERIFY(model.index(4).data().toString().endsWith(u"event 1"_s));

    model.append(range(100, 120)); // a batch larger than the capacity: only its newest five
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.index(0).data().toString().endsWith(u"event 119"_s));
    QVERIFY(model.index(4).data().toString().endsWith(u"event 115"_s));
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
