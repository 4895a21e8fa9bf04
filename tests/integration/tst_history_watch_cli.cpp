// `patroni-console history` and `watch` against the lab: Patroni's /history merged with the window's
// journal and filtered; a view redrawn in place that leaves the terminal clean on Ctrl-C.
#include "consolerun.h"
#include "labcluster.h"

#include "models/cluster/journal.h"
#include "models/session/clustersession.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;

class TestHistoryWatchCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void historyMergesPatroniAndJournal();
    void historyFilters();
    void historyUsageErrors();
    void watchDrawsFrames();
    void watchLeavesTerminalCleanOnCtrlC();

private:
    QJsonArray patroniHistory();
    QJsonObject historyJson(const QStringList& extra);

    LabCluster m_lab;
    QProcessEnvironment m_env;
    QTemporaryDir m_home;
    QDateTime m_now;
};

QJsonArray TestHistoryWatchCli::patroniHistory()
{
    QProcess curl;
    curl.start(
        u"curl"_s, { u"-sS"_s, u"-f"_s, u"--max-time"_s, u"10"_s, m_lab.apiUrls().first().toString() + u"/history"_s });
    if (!curl.waitForFinished(20000) || curl.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(curl.readAllStandardOutput()).array();
}

void TestHistoryWatchCli::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    QByteArray out;
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
    QVERIFY(m_home.isValid());
    m_env = m_lab.childEnvironment();
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    m_env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    m_env.insert(u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s));
    // A fresh lab has no promotion in its history yet: make one.
    if (patroniHistory().isEmpty()) {
        QString replica;
        for (const QJsonValue& v : m_lab.patronictlList())
            if (v.toObject().value("Role"_L1).toString() != u"Leader"_s)
                replica = v.toObject().value("Member"_L1).toString();
        QVERIFY2(m_lab.run({ u"failover"_s, replica }, &out) == 0, out.constData());
        QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
    }
    // What the window would have recorded for the built-in "lab" profile: one event ten minutes ago,
    // one three days ago.
    m_now = QDateTime::currentDateTimeUtc();
    const QString dir = m_home.filePath(u"data/patroni-console/journal"_s);
    QVERIFY(QDir().mkpath(dir));
    Cluster::Event down;
    down.at = m_now.addSecs(-600);
    down.kind = Cluster::EventKind::MemberDown;
    down.severity = Cluster::Severity::Warning;
    down.subject = u"patroni2"_s;
    down.message = u"patroni2 stopped answering (planted by the test)"_s;
    Cluster::Event old;
    old.at = m_now.addDays(-3);
    old.kind = Cluster::EventKind::LeaderChanged;
    old.subject = u"patroni2"_s;
    old.message = u"leader patroni1 → patroni2 (planted by the test)"_s;
    QString error;
    QVERIFY2(Cluster::Journal(Session::ClusterSession::journalPath(dir, u"lab"_s)).append({ old, down }, &error),
        qPrintable(error));
}

QJsonObject TestHistoryWatchCli::historyJson(const QStringList& extra)
{
    const ConsoleRun r
        = runConsole(QStringList { u"history"_s, u"--profile"_s, u"lab"_s, u"--format"_s, u"json"_s } + extra, m_env);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject {};
}

void TestHistoryWatchCli::historyMergesPatroniAndJournal()
{
    const QJsonArray reference = patroniHistory();
    QVERIFY(!reference.isEmpty());
    const QJsonObject h = historyJson({});
    QCOMPARE(h.value("schema"_L1).toString(), u"patroni-console/history/1"_s);
    const QJsonArray events = h.value("events"_L1).toArray();
    QList<int> fromPatroni;
    bool planted = false;
    QString previous;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        QVERIFY2(previous <= e.value("at"_L1).toString(), "not oldest first");
        previous = e.value("at"_L1).toString();
        if (e.value("source"_L1).toString() == u"patroni"_s)
            fromPatroni.append(e.value("details"_L1).toObject().value("timeline"_L1).toInt());
        planted |= e.value("message"_L1).toString().contains(u"stopped answering (planted"_s);
    }
    QVERIFY(planted);
    // Every line of /history with a time is one event: the timeline it began.
    QList<int> expected;
    for (const QJsonValue& v : reference)
        if (v.toArray().size() >= 4)
            expected.append(v.toArray().at(0).toInt() + 1);
    QCOMPARE(fromPatroni, expected);
    // The table, for people.
    const ConsoleRun table = runConsole({ u"history"_s, u"--profile"_s, u"lab"_s }, m_env);
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("When (UTC)"));
    QVERIFY(table.out.contains("timeline-changed"));
}

void TestHistoryWatchCli::historyFilters()
{
    QJsonArray events
        = historyJson({ u"--member"_s, u"patroni2"_s, u"--since"_s, u"1h"_s }).value("events"_L1).toArray();
    bool down = false;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        QVERIFY2(e.value("at"_L1).toString() >= m_now.addSecs(-3700).toString(Qt::ISODateWithMs), "--since ignored");
        QVERIFY2(e.value("subject"_L1).toString() == u"patroni2"_s
                || e.value("message"_L1).toString().contains(u"patroni2"_s),
            qPrintable(e.value("message"_L1).toString()));
        down |= e.value("kind"_L1).toString() == u"member-down"_s;
    }
    QVERIFY(down);
    events = historyJson({ u"--kind"_s, u"leader-changed"_s }).value("events"_L1).toArray();
    QVERIFY(!events.isEmpty()); // the planted one, three days old
    for (const QJsonValue& v : events)
        QCOMPARE(v.toObject().value("kind"_L1).toString(), u"leader-changed"_s);
    events = historyJson({ u"--kind"_s, u"leader-changed"_s, u"--since"_s, u"2d"_s }).value("events"_L1).toArray();
    for (const QJsonValue& v : events)
        QVERIFY(!v.toObject().value("message"_L1).toString().contains(u"planted"_s));
}

void TestHistoryWatchCli::historyUsageErrors()
{
    for (const QStringList& args :
        { QStringList { u"--since"_s, u"sometime"_s }, { u"--kind"_s, u"coffee"_s }, { u"--format"_s, u"xml"_s } }) {
        const ConsoleRun r = runConsole(QStringList { u"history"_s, u"--profile"_s, u"lab"_s } + args, m_env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Usage: patroni-console history"), r.err.constData());
    }
}

void TestHistoryWatchCli::watchDrawsFrames()
{
    const ConsoleRun r
        = runConsole({ u"watch"_s, u"--profile"_s, u"lab"_s, u"--count"_s, u"2"_s, u"--interval"_s, u"0.5"_s }, m_env);
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QCOMPARE(out.count(u"patroni-console watch: lab at "_s), 2);
    QVERIFY(!out.contains(u'\x1b')); // not a terminal: plain frames
    for (const QString& frame : out.split(u"patroni-console watch: "_s, Qt::SkipEmptyParts)) {
        for (const QString& n : m_lab.value(u"LAB_NODES"_s).split(u' ', Qt::SkipEmptyParts))
            QVERIFY2(frame.contains(u"| "_s + n), qPrintable(frame));
        QVERIFY2(frame.contains(u"HAProxy: "_s) && frame.contains(u"Findings: "_s), qPrintable(frame));
    }
}

void TestHistoryWatchCli::watchLeavesTerminalCleanOnCtrlC()
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(QStringLiteral(PATRONI_CONSOLE_EXE),
        { u"watch"_s, u"--profile"_s, u"lab"_s, u"--interval"_s, u"0.5"_s, u"--ansi"_s, u"always"_s });
    QVERIFY(p.waitForStarted(10000));
    QByteArray out;
    // Two views drawn, then Ctrl-C.
    QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).count("\x1b[H\x1b[2J") >= 2, 30000);
    QVERIFY(::kill(pid_t(p.processId()), SIGINT) == 0); // our own child, by its PID
    QVERIFY(p.waitForFinished(15000));
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(out.startsWith("\x1b[?1049h\x1b[?25l")); // alternate screen, cursor hidden
    const qsizetype restored = out.lastIndexOf("\x1b[?25h\x1b[?1049l");
    QVERIFY2(restored > 0, "the terminal was not restored");
    // After it: the last view, as plain text, and nothing else.
    const QByteArray tail = out.mid(restored + 14);
    QVERIFY2(tail.startsWith("patroni-console watch: lab at ") && tail.contains("Findings: "), tail.constData());
    QVERIFY(!tail.contains('\x1b'));
}

QTEST_GUILESS_MAIN(TestHistoryWatchCli)
#include "tst_history_watch_cli.moc"
