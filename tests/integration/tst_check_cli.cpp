// `patroni-console check` against the lab: each exit code for a matching real state — healthy (OK),
// a replica stopped (WARNING or CRITICAL by threshold), the leader killed (CRITICAL until a new
// leader is routed by HAProxy), unreachable (UNKNOWN) — and a configuration change seen through a
// state file.
#include "consolerun.h"
#include "labcluster.h"

#include "reservedport.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

class TestCheckCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void healthyIsOk();
    void unreachableIsUnknown();
    void usageErrorIsUnknown();
    void stoppedReplicaByThreshold();
    void killedLeaderCriticalUntilRouted();
    void configChangeSeenThroughStateFile();

private:
    ConsoleRun check(const QStringList& arguments)
    {
        return runConsole(QStringList { u"check"_s, u"--profile"_s, u"lab"_s } + arguments, m_env, 60000);
    }
    QString leader();

    LabCluster m_lab;
    QProcessEnvironment m_env;
    QTemporaryDir m_config;
};

void TestCheckCli::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    QVERIFY(m_config.isValid());
    m_env = m_lab.childEnvironment();
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
    m_env.insert(u"XDG_DATA_HOME"_s, m_config.path());
    m_env.insert(u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s));
}

void TestCheckCli::init()
{
    QByteArray out;
    QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
}

void TestCheckCli::cleanup()
{
    QByteArray out;
    m_lab.run({ u"start"_s }, &out); // bring back whatever the test stopped
    m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out);
}

QString TestCheckCli::leader()
{
    for (const QJsonValue& v : m_lab.patronictlList())
        if (v.toObject().value("Role"_L1).toString() == u"Leader"_s)
            return v.toObject().value("Member"_L1).toString();
    return {};
}

void TestCheckCli::healthyIsOk()
{
    // Right after a (re)start PostgreSQL may not tell a replica's delay yet: give the lab a few seconds.
    ConsoleRun r;
    for (int attempt = 0; attempt < 15; ++attempt) {
        r = check({});
        if (r.exitCode == 0)
            break;
        QTest::qWait(1000);
    }
    QVERIFY2(r.exitCode == 0, r.out.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith(u"PATRONI CONSOLE OK - lab: leader: leader "_s), qPrintable(out));
    QVERIFY(out.contains(u"'has_leader'=1"_s));
    QVERIFY(out.contains(u"'healthy_replicas'=2"_s));
    QVERIFY(out.contains(u"'lag_seconds_"_s)); // PostgreSQL was asked
    for (const QString& check : { u"leader"_s, u"routing"_s, u"replicas"_s, u"lag"_s, u"members"_s, u"maintenance"_s,
             u"scheduled"_s, u"findings"_s })
        QVERIFY2(out.contains(u"\n[OK] "_s + check + u": "_s), qPrintable(check));
}

void TestCheckCli::unreachableIsUnknown()
{
    const ReservedClosedPort closed;
    const ConsoleRun r = runConsole(
        { u"check"_s, u"--url"_s, u"http://127.0.0.1:%1"_s.arg(closed.port()), u"--timeout"_s, u"500"_s }, m_env);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.startsWith("PATRONI CONSOLE UNKNOWN - ") && r.out.contains("connection refused"), r.out.constData());
}

void TestCheckCli::usageErrorIsUnknown()
{
    const ConsoleRun r = check({ u"--warn-replicas"_s, u"two"_s });
    QCOMPARE(r.exitCode, 3); // a plugin's wrong call must not page anyone as CRITICAL
    QVERIFY2(r.out.startsWith("PATRONI CONSOLE UNKNOWN - --warn-replicas \"two\" is not a range"), r.out.constData());
    const ConsoleRun unknown = check({ u"--checks"_s, u"leader,coffee"_s });
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY(unknown.out.contains("unknown check \"coffee\""));
}

void TestCheckCli::stoppedReplicaByThreshold()
{
    const QString leaderName = leader();
    QVERIFY(!leaderName.isEmpty());
    QString replica;
    for (const QString& n : m_lab.value(u"LAB_NODES"_s).split(u' ', Qt::SkipEmptyParts))
        if (n != leaderName)
            replica = n;
    QByteArray out;
    QCOMPARE(m_lab.run({ u"stop-node"_s, replica }, &out), 0);
    // By threshold: two healthy replicas wanted; one is left.
    ConsoleRun warn;
    for (int attempt = 0; attempt < 20 && warn.exitCode != 1; ++attempt) {
        if (attempt)
            QTest::qWait(1000);
        warn = check({ u"--checks"_s, u"replicas"_s, u"--warn-replicas"_s, u"2:"_s });
    }
    QVERIFY2(warn.exitCode == 1, warn.out.constData());
    QVERIFY2(
        QString::fromUtf8(warn.out).contains(u"1 healthy replica(s); not healthy: "_s + replica), warn.out.constData());
    const ConsoleRun crit
        = check({ u"--checks"_s, u"replicas"_s, u"--warn-replicas"_s, u"2:"_s, u"--crit-replicas"_s, u"2:"_s });
    QVERIFY2(crit.exitCode == 2, crit.out.constData());
    QVERIFY(crit.out.startsWith("PATRONI CONSOLE CRITICAL - lab: replicas: 1 healthy replica(s)"));
    // One healthy replica is enough by this threshold: OK; and the leader check does not care.
    QCOMPARE(check({ u"--checks"_s, u"replicas"_s, u"--crit-replicas"_s, u"1:"_s }).exitCode, 0);
    QCOMPARE(check({ u"--checks"_s, u"leader"_s }).exitCode, 0);
    // The default checks see it too (no threshold: an unhealthy replica warns), but nothing critical.
    QCOMPARE(check({}).exitCode, 1);
}

void TestCheckCli::killedLeaderCriticalUntilRouted()
{
    const QString old = leader();
    QVERIFY(!old.isEmpty());
    QByteArray out;
    QCOMPARE(m_lab.run({ u"kill-leader"_s }, &out), 0);
    // Called again and again, as a monitoring system would (faster): CRITICAL first, and as long as no
    // new leader is routed by HAProxy; then no longer CRITICAL (WARNING: the old leader is still down).
    const int primaryPort = m_lab.value(u"LAB_HAPROXY_PRIMARY_PORT"_s).toInt();
    static const QRegularExpression routedTo(uR"(\] routing: port (\d+) → ([^;\n]+);)"_s);
    QList<int> codes;
    QString newLeader;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 120000) {
        const ConsoleRun r = check({ u"--timeout"_s, u"1000"_s });
        QVERIFY2(r.exitCode >= 0, "check did not finish");
        codes.append(r.exitCode);
        const QString text = QString::fromUtf8(r.out);
        if (r.exitCode < 2) {
            // Not critical: a leader, and HAProxy's primary port goes to it alone.
            const QRegularExpressionMatch m = routedTo.match(text);
            QVERIFY2(m.hasMatch() && m.captured(1).toInt() == primaryPort, qPrintable(text));
            QVERIFY2(text.contains(u"[OK] leader: leader "_s + m.captured(2)), qPrintable(text));
            newLeader = m.captured(2);
            break;
        }
        QVERIFY2(r.exitCode == 2, qPrintable(text));
    }
    qInfo().noquote() << "exit codes after the kill, one call each:" << codes << "after" << clock.elapsed() << "ms";
    QVERIFY2(!codes.isEmpty() && codes.first() == 2, "the first call after the kill was not CRITICAL");
    QVERIFY2(!newLeader.isEmpty(), "no new leader routed within two minutes");
    QVERIFY(newLeader != old);
    QCOMPARE(codes.last(), 1); // the old leader is down: a warning remains
}

void TestCheckCli::configChangeSeenThroughStateFile()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(u"check.state"_s);
    const QStringList args { u"--checks"_s, u"config-changed,timeline-changed"_s, u"--state-file"_s, state };
    ConsoleRun r = check(args);
    QVERIFY2(r.exitCode == 0 && r.out.contains("reference is now"), r.out.constData());
    QVERIFY(QFile::exists(state));
    r = check(args);
    QVERIFY2(r.exitCode == 0 && r.out.contains("unchanged"), r.out.constData());
    // A real change of the dynamic configuration, and back.
    const auto patch = [this](const QByteArray& body) {
        QProcess curl;
        curl.start(u"curl"_s,
            { u"-sS"_s, u"-f"_s, u"--max-time"_s, u"10"_s, u"-u"_s,
                m_lab.value(u"PATRONI_API_USER"_s) + u':' + m_lab.value(u"PATRONI_API_PASSWORD"_s), u"-X"_s, u"PATCH"_s,
                u"--data-binary"_s, QString::fromUtf8(body), m_lab.apiUrls().first().toString() + u"/config"_s });
        return curl.waitForFinished(20000) && curl.exitCode() == 0;
    };
    QVERIFY(patch(R"({"console_check_marker": 1})"));
    r = check(args);
    const bool changed
        = r.exitCode == 2 && r.out.contains("[CRITICAL] config-changed: the dynamic configuration changed");
    // Made the new reference with --save; then OK again.
    const ConsoleRun saved = check(args + QStringList { u"--save"_s });
    const ConsoleRun after = check(args);
    QVERIFY(patch(R"({"console_check_marker": null})"));
    QVERIFY2(changed, r.out.constData());
    QVERIFY2(saved.exitCode == 2, saved.out.constData()); // it still reports the change it saves
    QVERIFY2(after.exitCode == 0, after.out.constData());
}

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_check_cli.moc"
