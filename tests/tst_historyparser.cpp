// Parser tests over GET /history: the lab's Patroni 3.0.2 (five elements per line), Patroni 4.1.4's
// documented example (four), lines of three as 4.x writes them for timelines the DCS never recorded,
// [] and broken bodies. See tests/data/patroni/README.md.
#include "models/patroni/historyparser.h"
#include "testdata.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

static QByteArray readData(const QString& name)
{
    return TestData::read(u"patroni/"_s + name);
}

static QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

class TestHistoryParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entries_data();
    void entries();
    void wholeFile_data();
    void wholeFile();
    void wrongTypesKeepTheRest();
    void errors_data();
    void errors();
    void huge();
};

void TestHistoryParser::entries_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("timeline");
    QTest::addColumn<qint64>("lsn");
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<QDateTime>("at"); // invalid: none
    QTest::addColumn<QString>("newLeader"); // "-": absent

    const QString lab = u"history-3.0.2.json"_s;
    const QString docs = u"history-4.1-docs.json"_s;
    const QString three = u"history-4.1-three-element-lines.json"_s;
    // clang-format off
    QTest::newRow("3.0.2 first") << lab << 0 << 1 << qint64(67108864) << u"2026-11-25T18:29:02.877769+00:00"_s << utc(2026, 11, 25, 18, 29, 2, 878) << u"patroni3"_s;
    QTest::newRow("3.0.2 last") << lab << 3 << 4 << qint64(100663736) << u"2026-11-25T18:31:39.105775+00:00"_s << utc(2026, 11, 25, 18, 31, 39, 106) << u"patroni1"_s;
    QTest::newRow("4.1 docs: four elements, +02:00") << docs << 3 << 4 << qint64(50331856) << u"2019-09-24T09:35:52+02:00"_s << utc(2019, 9, 24, 7, 35, 52) << u"-"_s;
    QTest::newRow("4.x three elements") << three << 0 << 1 << qint64(25623960) << QString() << QDateTime() << u"-"_s;
    QTest::newRow("4.x four after three") << three << 2 << 3 << qint64(50331856) << u"2024-08-28T19:39:26.352526+02:00"_s << utc(2024, 8, 28, 17, 39, 26, 353) << u"-"_s;
    QTest::newRow("4.x five at the end") << three << 3 << 4 << qint64(83886248) << u"2024-08-29T07:12:03.004211+02:00"_s << utc(2024, 8, 29, 5, 12, 3, 4) << u"patroni2"_s;
    // clang-format on
}

void TestHistoryParser::entries()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(int, timeline);
    QFETCH(qint64, lsn);
    QFETCH(QString, timestamp);
    QFETCH(QDateTime, at);
    QFETCH(QString, newLeader);

    const auto result = Patroni::parseHistory(readData(file));
    QVERIFY2(result.entries, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    QVERIFY(index < result.entries->size());
    const Patroni::HistoryEntry& e = result.entries->at(index);
    QCOMPARE(e.timeline, timeline);
    QCOMPARE(e.lsn, lsn);
    QCOMPARE(e.reason, u"no recovery target specified"_s);
    QCOMPARE(e.timestamp, timestamp);
    QCOMPARE(e.at.isValid(), at.isValid());
    if (at.isValid())
        QCOMPARE(e.at.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
    QCOMPARE(e.newLeader.has_value(), newLeader != u"-"_s);
    if (e.newLeader)
        QCOMPARE(*e.newLeader, newLeader);
}

void TestHistoryParser::wholeFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");

    QTest::newRow("3.0.2 after four leader changes") << u"history-3.0.2.json"_s << 4;
    QTest::newRow("4.1 docs") << u"history-4.1-docs.json"_s << 4;
    QTest::newRow("4.x three-element lines") << u"history-4.1-three-element-lines.json"_s << 4;
    QTest::newRow("[] before the first failover") << u"history-empty.json"_s << 0;
}

void TestHistoryParser::wholeFile()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    const auto result = Patroni::parseHistory(readData(file));
    QVERIFY2(result.entries, qPrintable(Cluster::describe(result.error)));
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.entries->size(), count);
    // Timelines and positions only grow along a history.
    for (qsizetype i = 1; i < result.entries->size(); ++i) {
        QCOMPARE(result.entries->at(i).timeline, result.entries->at(i - 1).timeline + 1);
        QVERIFY(result.entries->at(i).lsn > result.entries->at(i - 1).lsn);
        if (result.entries->at(i).at.isValid() && result.entries->at(i - 1).at.isValid())
            QVERIFY(result.entries->at(i).at > result.entries->at(i - 1).at);
    }
}

void TestHistoryParser::wrongTypesKeepTheRest()
{
    const auto result = Patroni::parseHistory(readData(u"history-bad-wrongtypes.json"_s));
    QVERIFY2(result.entries, qPrintable(Cluster::describe(result.error)));
    const QList<Patroni::HistoryEntry>& e = *result.entries;
    QCOMPARE(e.size(), 4);
    QCOMPARE(e.at(0).newLeader.value_or(QString()), u"patroni3"_s);
    // ["2", "0/4000098", 7, "yesterday", 42]: a numeric string and an LSN string are read; the rest is absent.
    QCOMPARE(e.at(1).timeline, 2);
    QCOMPARE(e.at(1).lsn, qint64(0x4000098));
    QVERIFY(e.at(1).reason.isEmpty());
    QCOMPARE(e.at(1).timestamp, u"yesterday"_s);
    QVERIFY(!e.at(1).at.isValid());
    QVERIFY(!e.at(1).newLeader);
    QCOMPARE(e.at(2).timeline, 5);
    QVERIFY(e.at(2).timestamp.isEmpty());
    QVERIFY(!e.at(2).newLeader);
    // No UTC offset: read as UTC, never as this machine's zone.
    QCOMPARE(e.at(3).timeline, 6);
    QCOMPARE(e.at(3).at.toMSecsSinceEpoch(), utc(2026, 11, 25, 18, 31, 39).toMSecsSinceEpoch());

    const QString all = result.warnings.join(u'\n');
    for (const auto& expected :
        { u"history[1][2] (reason) is not a string"_s,
            u"history[1][3] (timestamp) \"yesterday\" is not an ISO 8601 time"_s,
            u"history[1][4] (new leader) is not a string"_s, u"history[2] has fewer than 2 elements"_s,
            u"history[3] is not an array"_s, u"history[4][0] (timeline) is not a timeline"_s,
            u"history[5][1] (lsn) is not a position"_s, u"history[6] has more than 5 elements"_s,
            u"history[7][3] (timestamp) has no UTC offset"_s, u"history[8][0] (timeline)"_s, u"history[9][1] (lsn)"_s })
        QVERIFY2(all.contains(expected), qPrintable(u"missing warning: "_s + expected + u"\nhave:\n"_s + all));
    QCOMPARE(result.warnings.size(), 11);
}

void TestHistoryParser::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detailContains");

    const QByteArray lab = readData(u"history-3.0.2.json"_s);
    QTest::newRow("empty") << QByteArray() << int(Code::NotJson) << u"at byte 0"_s;
    QTest::newRow("cut off") << lab.left(lab.size() - 20) << int(Code::NotJson) << u"body starts: [[1, 67108864"_s;
    QTest::newRow("object") << QByteArray("{\"history\": []}") << int(Code::UnexpectedShape) << u"array"_s;
    QTest::newRow("HTML 502 page") << QByteArray("<html><head><title>Error response</title></head></html>")
                                   << int(Code::NotJson) << u"body starts: <html>"_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe[", 4) << int(Code::NotJson) << QString();
    QTest::newRow("deep nesting") << QByteArray(QByteArray(100000, '[') + QByteArray(100000, ']')) << int(Code::NotJson)
                                  << QString();
    // Qt 6.4's QJsonDocument refuses a bare scalar as a document.
    QTest::newRow("number") << QByteArray("42") << int(Code::NotJson) << u"body starts: 42"_s;
}

void TestHistoryParser::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, detailContains);
    const auto result = Patroni::parseHistory(body);
    QVERIFY(!result.entries);
    QCOMPARE(int(result.error.code), code);
    QVERIFY2(result.error.detail.contains(detailContains), qPrintable(result.error.detail));
    QVERIFY(!Cluster::describe(result.error).isEmpty());
}

void TestHistoryParser::huge()
{
    // A long-lived cluster: thousands of timelines with long odd reasons, and one line nested deep inside.
    QByteArray body = "[";
    for (int i = 1; i <= 5000; ++i) {
        body += "[" + QByteArray::number(i) + ", " + QByteArray::number(qint64(i) << 24) + ", \"r\\\"<b>\xc3\xa9"
            + QByteArray(500, 'z') + "\", \"2026-11-25T18:29:02+00:00\", \"n" + QByteArray::number(i) + "\"],";
    }
    body += QByteArray(500, '[') + QByteArray(500, ']') + "]";
    const auto result = Patroni::parseHistory(body);
    QVERIFY2(result.entries, qPrintable(Cluster::describe(result.error)));
    QCOMPARE(result.entries->size(), 5000);
    QCOMPARE(result.entries->last().lsn, qint64(5000) << 24);
    QVERIFY(result.entries->first().reason.startsWith(u"r\"<b>é"_s));
    QCOMPARE(result.warnings.size(), 1); // the nested line: not a history line
}

QTEST_GUILESS_MAIN(TestHistoryParser)
#include "tst_historyparser.moc"
