#include "testdata.h"

#include "models/itemmodels/eventfiltermodel.h"
#include "models/itemmodels/eventlogmodel.h"
#include "models/patroni/historyparser.h"

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
        u"event %1"_s.arg(i), {}, {} };
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
    void historyMergedInTimeOrderOnce();
    void filteredByMemberKindAndSeverity();
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

void TestEventLogModel::historyMergedInTimeOrderOnce()
{
    // Patroni 3.0.2's /history captured on the lab: four promotions on 2026-11-25 18:29–18:31 UTC.
    const auto parsed = Patroni::parseHistory(TestData::read(u"patroni/history-3.0.2.json"_s));
    QVERIFY(parsed.entries);
    const QList<Cluster::Event> history = ItemModels::historyEvents(*parsed.entries);
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.first().message,
        u"Patroni history: timeline 2 began, patroni3 promoted (no recovery target specified)"_s);
    QCOMPARE(history.first().subject, u"patroni3"_s);
    QCOMPARE(history.first().kind, Cluster::EventKind::TimelineChanged);
    QCOMPARE(history.first().at, QDateTime(QDate(2026, 11, 25), QTime(18, 29, 2, 878), Qt::UTC)); // .877769 rounded

    EventLogModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The console's own events: 18:30:00 and 18:31:00.
    Cluster::Event a = ev(0);
    a.at = QDateTime(QDate(2026, 11, 25), QTime(18, 30), Qt::UTC);
    Cluster::Event b = ev(1);
    b.at = QDateTime(QDate(2026, 11, 25), QTime(18, 31), Qt::UTC);
    model.append({ a, b });
    model.mergeHistory(*parsed.entries);
    QCOMPARE(model.rowCount(), 6);
    QStringList order;
    for (int r = 0; r < model.rowCount(); ++r)
        order.append(model.index(r, 0).data(EventLogModel::TimeRole).toDateTime().toString(u"HH:mm:ss"_s));
    QCOMPARE(order,
        (QStringList { u"18:31:39"_s, u"18:31:00"_s, u"18:30:28"_s, u"18:30:00"_s, u"18:29:20"_s, u"18:29:02"_s }));
    // Read again every tenth poll: nothing doubles.
    model.mergeHistory(*parsed.entries);
    QCOMPARE(model.rowCount(), 6);
}

void TestEventLogModel::filteredByMemberKindAndSeverity()
{
    EventLogModel model(100);
    model.append(range(0, 10)); // patroni1, odd ones warnings, StateChanged
    Cluster::Event leader = ev(20);
    leader.kind = Cluster::EventKind::LeaderChanged;
    leader.severity = Cluster::Severity::Critical;
    leader.subject = u"patroni2"_s;
    leader.message = u"Leader changed from patroni1 to patroni2"_s;
    model.append({ leader });
    ItemModels::EventFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 11);
    filter.setMinimumSeverity(Cluster::Severity::Warning);
    QCOMPARE(filter.rowCount(), 6);
    filter.setMinimumSeverity(Cluster::Severity::Critical);
    QCOMPARE(filter.rowCount(), 1);
    filter.setMinimumSeverity(Cluster::Severity::Info);
    filter.setKind(Cluster::EventKind::LeaderChanged);
    QCOMPARE(filter.rowCount(), 1);
    filter.setKind(std::nullopt);
    filter.setSubject(u"PATRONI2"_s);
    QCOMPARE(filter.rowCount(), 1);
    // Text in the message counts too: the leader change names patroni1.
    filter.setSubject(u"patroni1"_s);
    QCOMPARE(filter.rowCount(), 11);
    filter.setSubject(u"event 3"_s);
    QCOMPARE(filter.rowCount(), 1);
    // New events pass through the filter as they come.
    filter.setSubject(QString());
    filter.setMinimumSeverity(Cluster::Severity::Critical);
    Cluster::Event another = leader;
    another.at = leader.at.addSecs(5);
    model.append({ another, ev(30) });
    QCOMPARE(filter.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
