// Sentences the core writes (findings, events) are kept as source text and arguments: shown in the
// reader's language in the window, recorded in English (JSON, the journal, the command line), and a
// record read back from the journal is still shown translated.
#include "clusterstatebuilder.h"

#include "models/cluster/changedetector.h"
#include "models/cluster/event.h"
#include "models/cluster/findings.h"
#include "models/cluster/journal.h"
#include "models/cluster/translate.h"
#include "models/cluster/words.h"
#include "ui/translation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using Cluster::Words;

class TestWords : public QObject {
    Q_OBJECT
private slots:
    void englishForRecordsTheReadersLanguageForPeople();
    void argumentsAreNeverReadAsPlaces();
    void journalFormRoundTrips();
    void damagedJournalFormIsEmptyNotACrash();
    void findingsAndEventsInBothLanguages();
    void cleanup();

private:
    void german();
};

void TestWords::german()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(Ui::installTranslations(QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
}

void TestWords::cleanup()
{
    for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

namespace {
Words lagSentence()
{
    return Words::source("%1 is %2 behind, over maximum_lag_on_failover (%3): Patroni will not fail over to it")
        .arg(u"patroni2"_s, Words::bytes(1572864), Words::bytes(1048576));
}
} // namespace

void TestWords::englishForRecordsTheReadersLanguageForPeople()
{
    const Words w = lagSentence();
    const QString english
        = u"patroni2 is 1\u2009572\u2009864 B behind, over maximum_lag_on_failover (1\u2009048\u2009576 B): "
          "Patroni will not fail over to it"_s;
    QCOMPARE(w.english(), english);
    german();
    QCOMPARE(w.text(),
        u"patroni2 liegt 1,5 MiB zurück, über maximum_lag_on_failover (1,0 MiB): Patroni wird kein Failover darauf "
        "ausführen"_s);
    QCOMPARE(w.english(), english); // whatever the reader's language
    {
        const Cluster::Untranslated machines;
        QCOMPARE(w.text(), english);
    }
    // Plural sources fill %n; concatenation renders each part.
    const Words joined = Words::verbatim(u"etcd: "_s) + Words::source("reports unhealthy");
    QCOMPARE(joined.text(), u"etcd: meldet sich als ungesund"_s);
    QCOMPARE(joined.english(), u"etcd: reports unhealthy"_s);
}

void TestWords::argumentsAreNeverReadAsPlaces()
{
    // A member named "%2" (text from the network) must not pull in the next argument.
    const Words w = Words::source("%1 is on timeline %2, the leader on %3").arg(u"a%2b"_s).arg(7).arg(8);
    QCOMPARE(w.english(), u"a%2b is on timeline 7, the leader on 8"_s);
    // More places than arguments: the place stays visible rather than inventing text.
    QCOMPARE(Words::source("%1 and %2").arg(u"x"_s).english(), u"x and %2"_s);
    QCOMPARE(Words::verbatim(u"100% sure"_s).arg(u"x"_s).english(), u"100% sure"_s);
}

void TestWords::journalFormRoundTrips()
{
    const Words w = Words::source("Cleared: %1").arg(lagSentence()) + Words::verbatim(u" ✓"_s);
    const QJsonValue json = w.toJson();
    const Words back
        = Words::fromJson(QJsonDocument::fromJson(QJsonDocument(QJsonArray { json }).toJson()).array().at(0));
    QCOMPARE(back, w);
    QCOMPARE(back.english(), w.english());
    QVERIFY(Words().isEmpty());
    QVERIFY(Words::fromJson(QJsonValue()).isEmpty());
}

void TestWords::damagedJournalFormIsEmptyNotACrash()
{
    QVERIFY(Words::fromJson(QJsonValue(42)).isEmpty());
    QVERIFY(Words::fromJson(QJsonObject { { u"t"_s, 42 } }).isEmpty());
    // Nested ten thousand deep: bounded, not a stack overflow.
    QJsonValue deep = u"x"_s;
    for (int i = 0; i < 10000; ++i)
        deep = QJsonObject { { u"t"_s, u"%1"_s }, { u"a"_s, QJsonArray { deep } } };
    const Words w = Words::fromJson(deep);
    QVERIFY(!w.english().contains(u'x'));
}

void TestWords::findingsAndEventsInBothLanguages()
{
    german();
    Cluster::ClusterState before = TestStates::healthy();
    Cluster::ClusterState after = before;
    after.view.paused = true;
    const QDateTime now = TestStates::t0();
    const QList<Cluster::Finding> findings = Cluster::evaluateFindings(after, now);
    const auto paused = std::find_if(
        findings.cbegin(), findings.cend(), [](const Cluster::Finding& f) { return f.id == u"cluster.paused"_s; });
    QVERIFY(paused != findings.cend());
    // The record in English, the window's words in German — computed under a German translator.
    QCOMPARE(paused->message, u"Cluster is paused (maintenance mode): Patroni will not fail over automatically"_s);
    QCOMPARE(paused->shownMessage(),
        u"Der Cluster ist pausiert (Wartungsmodus): Patroni führt kein automatisches Failover aus"_s);

    Cluster::ChangeDetector detector;
    detector.update(before, Cluster::evaluateFindings(before, now), now, 1048576);
    const QList<Cluster::Event> events = detector.update(after, findings, now.addSecs(1), 1048576);
    const auto pausedEvent = std::find_if(
        events.cbegin(), events.cend(), [](const Cluster::Event& e) { return e.kind == Cluster::EventKind::Paused; });
    QVERIFY(pausedEvent != events.cend());
    QCOMPARE(pausedEvent->message, u"Cluster paused: automatic failover is off"_s);
    QCOMPARE(pausedEvent->shownMessage(), u"Cluster pausiert: automatisches Failover ist aus"_s);

    // Through the journal: English on disk, German again when read back and shown.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.jsonl"_s);
    {
        Cluster::Journal journal(path);
        QVERIFY(journal.append(events));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(onDisk.contains("Cluster paused: automatic failover is off"));
    QVERIFY(!onDisk.contains("pausiert"));
    Cluster::Journal reopened(path);
    const QList<Cluster::Event> read = reopened.read();
    const auto readBack = std::find_if(
        read.cbegin(), read.cend(), [](const Cluster::Event& e) { return e.kind == Cluster::EventKind::Paused; });
    QVERIFY(readBack != read.cend());
    QCOMPARE(readBack->shownMessage(), u"Cluster pausiert: automatisches Failover ist aus"_s);
    // The machines' JSON of an event carries no translation machinery.
    QVERIFY(!Cluster::toJson(*readBack).contains(u"words"_s));
}

QTEST_GUILESS_MAIN(TestWords)
#include "tst_words.moc"
