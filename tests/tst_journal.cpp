// The event journal on disk: append-only, survives restarts, bounded, tolerant of damage.
#include "models/cluster/journal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Cluster::Event ev(int i)
{
    return Cluster::Event { QDateTime(QDate(2026, 11, 25), QTime(18, 0), Qt::UTC).addSecs(i),
        Cluster::EventKind::StateChanged, Cluster::Severity::Info, u"patroni%1"_s.arg(i % 3 + 1),
        u"event number %1 with unicode ✓ and \"quotes\""_s.arg(i), QJsonObject {}, {} };
}
} // namespace

class TestJournal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendAndReadBackAcrossRestart();
    void boundedOnDisk();
    void damagedLinesAreSkipped();
    void unwritableSaysWhy();
};

void TestJournal::appendAndReadBackAcrossRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/dir/lab.jsonl"_s);
    {
        Cluster::Journal j(path);
        QVERIFY(j.append({ ev(1), ev(2) }));
        QVERIFY(j.append({ ev(3) }));
    }
    Cluster::Journal reopened(path); // as after a restart of the console
    QVERIFY(reopened.append({ ev(4) }));
    const auto all = reopened.read();
    QCOMPARE(all.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(all.at(i), ev(i + 1));
    QCOMPARE(reopened.read(2), (QList<Cluster::Event> { ev(3), ev(4) }));
}

void TestJournal::boundedOnDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.jsonl"_s);
    const qint64 max = 8 * 1024;
    Cluster::Journal j(path, max);
    for (int i = 0; i < 2000; ++i)
        QVERIFY(j.append({ ev(i) }));
    const qint64 onDisk = QFileInfo(path).size() + QFileInfo(path + u".1"_s).size();
    QVERIFY2(onDisk <= 2 * max + 512, qPrintable(QString::number(onDisk)));
    const auto kept = j.read();
    QVERIFY(kept.size() > 20);
    QCOMPARE(kept.last(), ev(1999)); // the newest survive, in order
    for (int i = 1; i < kept.size(); ++i)
        QVERIFY(kept.at(i - 1).at < kept.at(i).at);
}

void TestJournal::damagedLinesAreSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.jsonl"_s);
    Cluster::Journal j(path);
    QVERIFY(j.append({ ev(1) }));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray("\x00\xff garbage\n", 11));
        f.write("{\"kind\": \"state-chan"); // a crash mid-line: no newline
    }
    QVERIFY(j.append({ ev(2) }));
    int skipped = 0;
    const auto all = j.read(-1, &skipped);
    QCOMPARE(all, (QList<Cluster::Event> { ev(1), ev(2) }));
    QCOMPARE(skipped, 2);
}

void TestJournal::unwritableSaysWhy()
{
    QTemporaryDir dir;
    Cluster::Journal j(dir.path()); // a directory, not a file
    QString error;
    QVERIFY(!j.append({ ev(1) }, &error));
    QVERIFY2(error.startsWith(u"cannot write the journal"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
