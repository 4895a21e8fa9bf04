// Lag over time: every poll for the last hour, one-minute worst values for the rest of a day,
// nothing older; bounded; queried by time range; with the events a chart marks.
#include "models/cluster/laghistory.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::LagHistory;

namespace {
QDateTime t0()
{
    return QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC);
}
} // namespace

class TestLagHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lastHourAtFullResolution();
    void olderFoldsIntoWorstOfEachMinute();
    void dayIsTheLimit();
    void valuesKeptExactly_data();
    void valuesKeptExactly();
    void membersAreSeparate();
    void markers();
    void timeNeverGoesBackwards();
    void boundedAfterDays();
};

void TestLagHistory::lastHourAtFullResolution()
{
    LagHistory h;
    for (int s = 0; s < 600; ++s)
        h.record(u"patroni2"_s, t0().addSecs(s), s, s / 10.0);
    const auto points = h.points(u"patroni2"_s, t0(), t0().addSecs(599));
    QCOMPARE(points.size(), 600);
    QCOMPARE(points.at(123).at, t0().addSecs(123));
    QCOMPARE(points.at(123).bytes, std::optional<qint64>(123));
    QCOMPARE(points.at(123).seconds, std::optional<double>(float(12.3)));
    // A range inside: just those.
    QCOMPARE(h.points(u"patroni2"_s, t0().addSecs(100), t0().addSecs(109)).size(), 10);
}

void TestLagHistory::olderFoldsIntoWorstOfEachMinute()
{
    LagHistory h;
    // Two hours at one poll a second: lag 0 except one spike of 5 MB at 00:10:30.
    for (int s = 0; s < 2 * 3600; ++s)
        h.record(u"r"_s, t0().addSecs(s), s == 630 ? 5'000'000 : 0, s == 630 ? 7.5 : 0.0);
    const QDateTime now = t0().addSecs(2 * 3600 - 1);
    const auto all = h.points(u"r"_s, t0(), now);
    // 60 minute buckets for the first hour, then 3600 samples.
    QVERIFY2(all.size() >= 3600 + 59 && all.size() <= 3600 + 61, qPrintable(QString::number(all.size())));
    // The spike survives in its minute's bucket, at the minute.
    const auto minute10 = h.points(u"r"_s, t0().addSecs(600), t0().addSecs(659));
    QCOMPARE(minute10.size(), 1);
    QCOMPARE(minute10.first().at, t0().addSecs(600));
    QCOMPARE(minute10.first().bytes, std::optional<qint64>(5'000'000));
    QCOMPARE(minute10.first().seconds, std::optional<double>(7.5));
    // The last hour is still every poll.
    QCOMPARE(h.points(u"r"_s, now.addSecs(-59), now).size(), 60);
}

void TestLagHistory::dayIsTheLimit()
{
    LagHistory h;
    for (int s = 0; s < 26 * 3600; s += 10)
        h.record(u"r"_s, t0().addSecs(s), 1, 1.0);
    const QDateTime now = t0().addSecs(26 * 3600 - 10);
    h.prune(now);
    const auto all = h.points(u"r"_s, t0(), now);
    QVERIFY(!all.isEmpty());
    QVERIFY2(all.first().at >= now.addSecs(-24 * 3600 - 60), qPrintable(all.first().at.toString(Qt::ISODate)));
    QVERIFY(h.points(u"r"_s, t0(), t0().addSecs(3600)).isEmpty()); // the first hours are gone
}

void TestLagHistory::valuesKeptExactly_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("zero") << qint64(0) << qint64(0);
    QTest::newRow("small") << qint64(8123) << qint64(8123);
    QTest::newRow("just under 2 GiB") << qint64(2147483647) << qint64(2147483647);
    // Above 2 GiB in 64 KiB steps: a lag that large is read in MiB, not bytes.
    QTest::newRow("5 GiB and some") << qint64(5368709120LL + 1234567)
                                    << qint64((5368709120LL + 1234567) / 65536 * 65536);
    QTest::newRow("-1 is unknown") << qint64(-1) << qint64(-1);
}

void TestLagHistory::valuesKeptExactly()
{
    QFETCH(qint64, bytes);
    QFETCH(qint64, expected);
    LagHistory h;
    h.record(u"r"_s, t0(), bytes < 0 ? std::nullopt : std::optional<qint64>(bytes), std::nullopt);
    const auto p = h.points(u"r"_s, t0(), t0());
    QCOMPARE(p.size(), 1);
    QCOMPARE(p.first().bytes, expected < 0 ? std::nullopt : std::optional<qint64>(expected));
    QVERIFY(!p.first().seconds); // unknown stays unknown, not 0
}

void TestLagHistory::membersAreSeparate()
{
    LagHistory h;
    h.record(u"a"_s, t0(), 1, std::nullopt);
    h.record(u"b"_s, t0(), 2, std::nullopt);
    QCOMPARE(h.members(), (QStringList { u"a"_s, u"b"_s }));
    QCOMPARE(h.points(u"a"_s, t0(), t0()).first().bytes, std::optional<qint64>(1));
    QCOMPARE(h.points(u"b"_s, t0(), t0()).first().bytes, std::optional<qint64>(2));
    QVERIFY(h.points(u"c"_s, t0(), t0()).isEmpty());
}

void TestLagHistory::markers()
{
    LagHistory h;
    Cluster::Event e;
    e.at = t0().addSecs(30);
    e.kind = Cluster::EventKind::LeaderChanged;
    e.subject = u"patroni2"_s;
    e.message = u"Leader changed from patroni1 to patroni2"_s;
    h.mark(e);
    e.at = t0().addSecs(90);
    e.kind = Cluster::EventKind::TimelineChanged;
    h.mark(e);
    QCOMPARE(h.markers(t0(), t0().addSecs(60)).size(), 1);
    QCOMPARE(h.markers(t0(), t0().addSecs(60)).first().kind, Cluster::EventKind::LeaderChanged);
    QCOMPARE(h.markers(t0(), t0().addSecs(120)).size(), 2);
    h.prune(t0().addSecs(25 * 3600));
    QVERIFY(h.markers(t0(), t0().addSecs(120)).isEmpty());
}

void TestLagHistory::timeNeverGoesBackwards()
{
    LagHistory h;
    h.record(u"r"_s, t0().addSecs(10), 1, std::nullopt);
    h.record(u"r"_s, t0().addSecs(5), 2, std::nullopt); // a late answer of an older poll
    const auto p = h.points(u"r"_s, t0(), t0().addSecs(20));
    QCOMPARE(p.size(), 1);
    QCOMPARE(p.first().bytes, std::optional<qint64>(1));
}

void TestLagHistory::boundedAfterDays()
{
    // Three days at one poll a second: what is kept is one day, about a member-day's worth.
    LagHistory h;
    qint64 peak = 0;
    for (int s = 0; s < 3 * 24 * 3600; ++s) {
        h.record(u"r"_s, t0().addSecs(s), s % 1000, 0.1);
        if (s % 3600 == 0) {
            h.prune(t0().addSecs(s));
            peak = std::max(peak, h.memoryBytes());
        }
    }
    // One hour of polls plus 23 hours of minutes (and a bucket of slack at each end).
    QVERIFY2(h.sampleCount() <= 3600 + 23 * 60 + 2, qPrintable(QString::number(h.sampleCount())));
    QVERIFY2(h.memoryBytes() < 100 * 1024, qPrintable(QString::number(h.memoryBytes())));
    qInfo().noquote() << "one member, 3 days at 1 s:" << h.sampleCount() << "samples," << h.memoryBytes()
                      << "bytes (peak" << peak << ")";
}

QTEST_GUILESS_MAIN(TestLagHistory)
#include "tst_laghistory.moc"
