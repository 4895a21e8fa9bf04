// `history`'s time line: journal and Patroni's /history merged in order; --since, --member, --kind.
#include "testdata.h"

#include "models/cluster/eventquery.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Cluster::Event makeEvent(const QString& at, Cluster::EventKind kind, const QString& subject, const QString& message)
{
    Cluster::Event e;
    e.at = QDateTime::fromString(at, Qt::ISODate);
    e.kind = kind;
    e.subject = subject;
    e.message = message;
    return e;
}

} // namespace

class TestEventQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mergesInOrder();
    void filters();
    void since_data();
    void since();
};

void TestEventQuery::mergesInOrder()
{
    const auto parsed = Patroni::parseHistory(TestData::read(u"patroni/history-3.0.2.json"_s));
    QVERIFY(parsed.entries && !parsed.entries->isEmpty());
    QList<Cluster::Event> journal { makeEvent(u"2020-01-01T00:00:00Z"_s, Cluster::EventKind::MemberDown, u"patroni2"_s,
                                        u"patroni2 stopped answering"_s),
        makeEvent(
            u"2099-01-01T00:00:00Z"_s, Cluster::EventKind::MemberBack, u"patroni2"_s, u"patroni2 answers again"_s) };
    const QList<Cluster::Event> merged = Cluster::mergeTimeline(journal, *parsed.entries);
    QCOMPARE(merged.size(), journal.size() + parsed.entries->size());
    QCOMPARE(merged.first().kind, Cluster::EventKind::MemberDown);
    QCOMPARE(merged.last().kind, Cluster::EventKind::MemberBack);
    for (qsizetype i = 1; i < merged.size(); ++i)
        QVERIFY(merged[i - 1].at <= merged[i].at);
    QCOMPARE(merged.at(1).details.value("source"_L1).toString(), u"history"_s);
}

void TestEventQuery::filters()
{
    const Cluster::Event down = makeEvent(
        u"2026-12-01T02:00:00Z"_s, Cluster::EventKind::MemberDown, u"patroni2"_s, u"patroni2 stopped answering"_s);
    const Cluster::Event finding = makeEvent(u"2026-12-01T02:01:00Z"_s, Cluster::EventKind::FindingRaised,
        u"member.lag/patroni12"_s, u"patroni12 is 20 MiB behind"_s);
    const Cluster::Event leader = makeEvent(
        u"2026-12-01T02:02:00Z"_s, Cluster::EventKind::LeaderChanged, u"patroni1"_s, u"leader patroni3 → patroni1"_s);
    Cluster::EventFilter f;
    f.member = u"patroni2"_s;
    QVERIFY(Cluster::matches(down, f));
    QVERIFY(!Cluster::matches(finding, f)); // patroni12 is not patroni2
    f.member = u"patroni12"_s;
    QVERIFY(Cluster::matches(finding, f));
    f.member = u"patroni3"_s;
    QVERIFY(Cluster::matches(leader, f)); // named in the message
    f = {};
    f.kinds = { Cluster::EventKind::LeaderChanged };
    QVERIFY(Cluster::matches(leader, f));
    QVERIFY(!Cluster::matches(down, f));
    f = {};
    f.since = QDateTime::fromString(u"2026-12-01T02:01:00Z"_s, Qt::ISODate);
    QVERIFY(!Cluster::matches(down, f));
    QVERIFY(Cluster::matches(finding, f));
}

void TestEventQuery::since_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("iso utc") << u"2026-12-01T02:00:00Z"_s << u"2026-12-01T02:00:00.000Z"_s;
    QTest::newRow("iso offset") << u"2026-12-01T03:00:00+01:00"_s << u"2026-12-01T02:00:00.000Z"_s;
    QTest::newRow("no zone is UTC") << u"2026-12-01 02:00"_s << u"2026-12-01T02:00:00.000Z"_s;
    QTest::newRow("minutes ago") << u"30m"_s << u"2026-12-01T11:30:00.000Z"_s;
    QTest::newRow("hours ago") << u"2h"_s << u"2026-12-01T10:00:00.000Z"_s;
    QTest::newRow("days ago") << u"7d"_s << u"2026-11-24T12:00:00.000Z"_s;
    QTest::newRow("garbage") << u"yesterday-ish"_s << QString();
    QTest::newRow("unit missing") << u"30"_s << QString();
}

void TestEventQuery::since()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QDateTime now = QDateTime::fromString(u"2026-12-01T12:00:00Z"_s, Qt::ISODate);
    const auto at = Cluster::parseSince(text, now);
    if (expected.isEmpty()) {
        QVERIFY(!at);
        return;
    }
    QVERIFY(at);
    QCOMPARE(at->toUTC().toString(Qt::ISODateWithMs), expected);
}

QTEST_GUILESS_MAIN(TestEventQuery)
#include "tst_eventquery.moc"
