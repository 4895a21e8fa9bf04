// The window as a process: SIGTERM (a logout, `kill`, a service manager) and Ctrl-C end it as its close
// button does — exit 0, a line on standard error, and the layout and shown cluster kept in the settings —
// instead of killing it on the spot. In a configuration directory of the test's own, watching a cluster
// on a port that refuses connections.
#include "reservedport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// Whether the process catches `signal` (the SigCgt mask in /proc/PID/status).
bool catches(qint64 pid, int signal)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("SigCgt:")) {
            bool ok = false;
            const qulonglong mask = line.mid(7).trimmed().toULongLong(&ok, 16);
            return ok && (mask & (1ULL << (signal - 1))) != 0;
        }
    }
    return false;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestWindowSignals : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signalClosesTheWindowAndKeepsItsLayout_data();
    void signalClosesTheWindowAndKeepsItsLayout();
};

void TestWindowSignals::signalClosesTheWindowAndKeepsItsLayout_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("SIGTERM") << int(SIGTERM) << QByteArray("SIGTERM");
    QTest::newRow("SIGINT") << int(SIGINT) << QByteArray("SIGINT");
}

void TestWindowSignals::signalClosesTheWindowAndKeepsItsLayout()
{
    QFETCH(int, signal);
    QFETCH(QByteArray, name);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ReservedClosedPort patroni;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));

    QProcess import;
    import.setProcessEnvironment(env);
    import.start(QStringLiteral(PATRONI_CONSOLE_EXE), { u"profiles"_s, u"import"_s, u"-"_s });
    import.write(u"{ \"schema\": \"patroni-console/profiles/1\", \"profiles\": [\n"
                 "  { \"name\": \"refusing\", \"patroniUrls\": [\"http://127.0.0.1:%1\"] } ] }\n"_s.arg(patroni.port())
                     .toUtf8());
    import.closeWriteChannel();
    QVERIFY(import.waitForFinished(30000));
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
    const QString settings = dir.filePath(u"config/patroni-console/patroni-console.conf"_s);
    QVERIFY2(!readFile(settings).contains("[window]"), readFile(settings).constData());

    QProcess window;
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(PATRONI_CONSOLE_EXE), { u"--profile"_s, u"refusing"_s });
    QVERIFY(window.waitForStarted(10000));
    // The handler is installed once the window is shown; until then the signal would still kill.
    QTRY_VERIFY_WITH_TIMEOUT(catches(window.processId(), signal) || window.state() == QProcess::NotRunning, 30000);
    QVERIFY2(window.state() == QProcess::Running, window.readAllStandardError().constData());
    QVERIFY(::kill(pid_t(window.processId()), signal) == 0); // our own child, by its PID
    QVERIFY(window.waitForFinished(30000));
    const QByteArray err = window.readAllStandardError();
    QVERIFY2(window.exitStatus() == QProcess::NormalExit, err.constData());
    QCOMPARE(window.exitCode(), 0);
    QVERIFY2(err.contains(QByteArray("patroni-console: " + name + " received, closing the window")), err.constData());
    // Kept as when the window's close button is pressed: its layout and the cluster it showed.
    const QByteArray kept = readFile(settings);
    QVERIFY2(kept.contains("[window]") && kept.contains("\ngeometry=") && kept.contains("\ncluster=refusing"),
        kept.constData());
}

QTEST_GUILESS_MAIN(TestWindowSignals)
#include "tst_window_signals.moc"
