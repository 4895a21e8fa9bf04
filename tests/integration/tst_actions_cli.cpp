// The actions from the command line against the lab: each explained, sent once, verified after and
// audited — a switchover to a named candidate, a scheduled one cancelled, a failover after the leader
// was killed, a reinit and a restart of a replica, pause and resume; a nofailover candidate refused
// with the reason and nothing sent; a wrong password shown as 401 with nothing changed.
#include "consolerun.h"
#include "labcluster.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

class TestActionsCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void switchoverToNamedCandidate();
    void scheduledSwitchoverCancelled();
    void nofailoverCandidateRefused();
    void wrongPasswordChangesNothing();
    void pauseAndResume();
    void restartAndReinitReplica();
    void failoverAfterLeaderKilled();
    void confirmationNeedsATerminal();
    void editLoopWaitAndBack();
    void editInTheEditor();
    void rollingRestart();
    void everyMember();

private:
    ConsoleRun act(const QStringList& arguments, const QProcessEnvironment* env = nullptr)
    {
        return runConsole(arguments + QStringList { u"--profile"_s, u"lab"_s }, env ? *env : m_env, 240000);
    }
    QJsonObject status();
    QString leader();
    QString replica();
    QList<QJsonObject> auditSince(qsizetype count);
    qsizetype auditCount() { return auditSince(0).size(); }
    bool setNoFailover(const QString& member, bool on);

    LabCluster m_lab;
    QProcessEnvironment m_env;
    QTemporaryDir m_home;
};

void TestActionsCli::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    QVERIFY(m_home.isValid());
    m_env = m_lab.childEnvironment();
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    m_env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    m_env.insert(u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s));
    // Scripts hand the REST API's credentials this way; never as an argument.
    m_env.insert(u"PATRONI_API_USER"_s, m_lab.value(u"PATRONI_API_USER"_s));
    m_env.insert(u"PATRONI_API_PASSWORD"_s, m_lab.value(u"PATRONI_API_PASSWORD"_s));
}

void TestActionsCli::init()
{
    QByteArray out;
    QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
}

void TestActionsCli::cleanup()
{
    // Whatever a test left: not paused, every node up, healthy.
    QJsonObject s = status();
    if (s.value("cluster"_L1).toObject().value("paused"_L1).toBool())
        act({ u"resume"_s, u"--yes"_s });
    QByteArray out;
    m_lab.run({ u"start"_s }, &out);
    m_lab.run({ u"wait-healthy"_s, u"90"_s }, &out);
}

QJsonObject TestActionsCli::status()
{
    const ConsoleRun r = runConsole({ u"status"_s, u"--profile"_s, u"lab"_s, u"--format"_s, u"json"_s }, m_env);
    return QJsonDocument::fromJson(r.out).object();
}

QString TestActionsCli::leader()
{
    for (const QJsonValue& v : m_lab.patronictlList())
        if (v.toObject().value("Role"_L1).toString() == u"Leader"_s)
            return v.toObject().value("Member"_L1).toString();
    return {};
}

QString TestActionsCli::replica()
{
    QString out;
    for (const QJsonValue& v : m_lab.patronictlList())
        if (v.toObject().value("Role"_L1).toString() != u"Leader"_s)
            out = v.toObject().value("Member"_L1).toString();
    return out;
}

QList<QJsonObject> TestActionsCli::auditSince(qsizetype count)
{
    const ConsoleRun r = runConsole({ u"audit"_s, u"--format"_s, u"json"_s }, m_env);
    QList<QJsonObject> out;
    const QJsonArray records = QJsonDocument::fromJson(r.out).object().value("records"_L1).toArray();
    for (qsizetype i = count; i < records.size(); ++i)
        out.append(records.at(i).toObject());
    return out;
}

// Patroni's tags live in each node's own configuration: edit it and let the console reload the node.
bool TestActionsCli::setNoFailover(const QString& member, bool on)
{
    QFile f(m_lab.value(u"LAB_STATE_DIR"_s) + u'/' + member + u"/patroni.yml"_s);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray yml = f.readAll();
    f.close();
    yml.replace(on ? "nofailover: false" : "nofailover: true", on ? "nofailover: true" : "nofailover: false");
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(yml) != yml.size())
        return false;
    f.close();
    if (act({ u"reload"_s, member, u"--yes"_s }).exitCode != 0)
        return false;
    for (int i = 0; i < 30; ++i) {
        for (const QJsonValue& m : status().value("members"_L1).toArray()) {
            const QJsonObject o = m.toObject();
            if (o.value("name"_L1).toString() == member
                && o.value("tags"_L1).toObject().value("nofailover"_L1).toBool() == on)
                return true;
        }
        QTest::qWait(500);
    }
    return false;
}

void TestActionsCli::switchoverToNamedCandidate()
{
    const QString from = leader();
    const QString to = replica();
    QVERIFY(!from.isEmpty() && !to.isEmpty());
    const qsizetype before = auditCount();
    const ConsoleRun r = act({ u"switchover"_s, u"--candidate"_s, to, u"--yes"_s });
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(r.exitCode == 0, qPrintable(out + QString::fromUtf8(r.err)));
    QVERIFY(out.contains(u"Candidates:\n"_s));
    QVERIFY(
        out.contains(u"What will happen: %1 becomes leader; %2 is demoted and rejoins as a replica"_s.arg(to, from)));
    for (const QString& step : { u"[pass] %1 is the leader"_s.arg(to), u"[pass] the timeline went from"_s,
             u"[pass] %1 rejoined as a streaming replica"_s.arg(from), u"[pass] HAProxy's port"_s,
             u"[pass] a connection through port"_s })
        QVERIFY2(out.contains(step), qPrintable(step + u"\n"_s + out));
    QVERIFY(!out.contains(u"[FAIL]"_s));
    QCOMPARE(leader(), to);
    const QList<QJsonObject> audit = auditSince(before);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit[0].value("phase"_L1).toString(), u"sending"_s);
    QCOMPARE(audit[1].value("phase"_L1).toString(), u"verified"_s);
    QCOMPARE(audit[0].value("id"_L1), audit[1].value("id"_L1));
    QCOMPARE(audit[1].value("request"_L1).toObject().value("candidate"_L1).toString(), to);
    QCOMPARE(audit[1].value("httpStatus"_L1).toInt(), 200);
    QVERIFY(!audit[1].value("verification"_L1).toArray().isEmpty());
    // Never a secret in the log.
    QFile log(m_home.filePath(u"data/patroni-console/audit.jsonl"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(!log.readAll().contains(m_lab.value(u"PATRONI_API_PASSWORD"_s).toUtf8()));
}

void TestActionsCli::scheduledSwitchoverCancelled()
{
    const QString to = replica();
    const QString at = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    ConsoleRun r = act({ u"switchover"_s, u"--candidate"_s, to, u"--at"_s, at, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains("[pass] the switchover is scheduled"));
    QVERIFY(!status().value("cluster"_L1).toObject().value("scheduledSwitchover"_L1).isNull());
    r = act({ u"switchover"_s, u"--cancel"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains("[pass] no switchover is scheduled"));
    QVERIFY(status().value("cluster"_L1).toObject().value("scheduledSwitchover"_L1).isNull());
    // Nothing left to cancel: refused before sending.
    r = act({ u"switchover"_s, u"--cancel"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.contains("no switchover is scheduled"));
}

void TestActionsCli::nofailoverCandidateRefused()
{
    const QString tagged = replica();
    QVERIFY(setNoFailover(tagged, true));
    const qsizetype before = auditCount();
    const ConsoleRun r = act({ u"switchover"_s, u"--candidate"_s, tagged, u"--yes"_s });
    const bool untagged = setNoFailover(tagged, false);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.out.contains(QByteArray(tagged.toUtf8() + "  NOT eligible: tagged nofailover")), r.out.constData());
    QVERIFY2(r.out.contains(QByteArray("Refused: " + tagged.toUtf8() + " cannot become leader: tagged nofailover")),
        r.out.constData());
    QVERIFY(r.out.contains("Nothing was sent."));
    const QList<QJsonObject> audit = auditSince(before);
    QVERIFY(!audit.isEmpty());
    QCOMPARE(audit.first().value("phase"_L1).toString(), u"refused"_s); // no "sending" line: nothing went out
    QVERIFY(audit.first().value("problems"_L1).toArray().first().toString().contains(u"tagged nofailover"_s));
    QVERIFY(untagged);
}

void TestActionsCli::wrongPasswordChangesNothing()
{
    QProcessEnvironment wrong = m_env;
    wrong.insert(u"PATRONI_API_PASSWORD"_s, u"not-the-password"_s);
    const qsizetype before = auditCount();
    const ConsoleRun r = act({ u"pause"_s, u"--yes"_s }, &wrong);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("refused the user name or password (401"), r.out.constData());
    QVERIFY(r.out.contains("nothing was changed"));
    QVERIFY(!status().value("cluster"_L1).toObject().value("paused"_L1).toBool());
    const QList<QJsonObject> audit = auditSince(before);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit[1].value("phase"_L1).toString(), u"failed"_s);
    QCOMPARE(audit[1].value("httpStatus"_L1).toInt(), 401);
}

void TestActionsCli::pauseAndResume()
{
    ConsoleRun r = act({ u"pause"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0 && r.out.contains("[pass] the cluster is paused"), r.out.constData());
    QVERIFY(status().value("cluster"_L1).toObject().value("paused"_L1).toBool());
    r = act({ u"pause"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 4); // already paused: refused before sending
    r = act({ u"resume"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0 && r.out.contains("[pass] the cluster is no longer paused"), r.out.constData());
    QVERIFY(!status().value("cluster"_L1).toObject().value("paused"_L1).toBool());
}

void TestActionsCli::restartAndReinitReplica()
{
    const QString member = replica();
    ConsoleRun r = act({ u"restart"_s, member, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains(QByteArray("[pass] " + member.toUtf8() + " is running and answering")));
    QVERIFY(r.out.contains(QByteArray("[pass] " + member.toUtf8() + " no longer needs a restart")));
    r = act({ u"reinit"_s, member, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains(QByteArray("[pass] " + member.toUtf8() + " was seen rebuilding")));
    QVERIFY(r.out.contains(QByteArray("[pass] " + member.toUtf8() + " streams from the leader again")));
    // The leader cannot be rebuilt: refused before sending.
    r = act({ u"reinit"_s, leader(), u"--yes"_s });
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.contains("is the leader; reinit rebuilds a replica"));
}

void TestActionsCli::failoverAfterLeaderKilled()
{
    // Paused, so Patroni does not promote on its own first: the failover is the console's.
    QCOMPARE(act({ u"pause"_s, u"--yes"_s }).exitCode, 0);
    const QString old = leader();
    QString to;
    for (const QString& n : m_lab.value(u"LAB_NODES"_s).split(u' ', Qt::SkipEmptyParts))
        if (n != old)
            to = n;
    QByteArray out;
    QCOMPARE(m_lab.run({ u"kill-leader"_s }, &out), 0);
    const ConsoleRun r = act({ u"failover"_s, u"--candidate"_s, to, u"--yes"_s, u"--verify-timeout"_s, u"120"_s });
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(r.exitCode == 0, qPrintable(text));
    QVERIFY(text.contains(u"What will happen: %1 is promoted to leader"_s.arg(to)));
    QVERIFY(text.contains(u"[pass] %1 is the leader"_s.arg(to)));
    QVERIFY(text.contains(u"[pass] the timeline went from"_s));
    QVERIFY(text.contains(u"[pass] HAProxy's port"_s));
    QCOMPARE(leader(), to);
}

void TestActionsCli::confirmationNeedsATerminal()
{
    // No --yes and no terminal to ask on: refused, and written down.
    const qsizetype before = auditCount();
    const ConsoleRun r = act({ u"switchover"_s, u"--candidate"_s, replica() });
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.contains("no terminal to confirm on; add --yes"));
    const QList<QJsonObject> audit = auditSince(before);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().value("phase"_L1).toString(), u"refused"_s);
    // The password never comes from an argument; from standard input only with --yes.
    const ConsoleRun usage = act({ u"pause"_s, u"--password-stdin"_s });
    QCOMPARE(usage.exitCode, 2);
}

void TestActionsCli::editLoopWaitAndBack()
{
    const int was = status().value("cluster"_L1).toObject().value("config"_L1).toObject().value("loop_wait"_L1).toInt();
    QVERIFY(was > 0);
    const int to = was + 1;
    ConsoleRun r = act({ u"edit-config"_s, u"--set"_s, u"loop_wait=%1"_s.arg(to), u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(r.out.contains(u"loop_wait: %1 → %2"_s.arg(was).arg(to).toUtf8()), r.out.constData());
    QVERIFY(r.out.contains("[pass] the dynamic configuration reads as edited"));
    QCOMPARE(status().value("cluster"_L1).toObject().value("config"_L1).toObject().value("loop_wait"_L1).toInt(), to);
    r = act({ u"edit-config"_s, u"--set"_s, u"loop_wait=%1"_s.arg(was), u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QCOMPARE(status().value("cluster"_L1).toObject().value("config"_L1).toObject().value("loop_wait"_L1).toInt(), was);
    // Refused before sending: a wrong type, and a change that changes nothing.
    r = act({ u"edit-config"_s, u"--set"_s, u"loop_wait=\"soon\""_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.contains("not a configuration Patroni accepts"));
    r = act({ u"edit-config"_s, u"--set"_s, u"loop_wait=%1"_s.arg(was), u"--yes"_s });
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.contains("nothing would change"));
}

void TestActionsCli::editInTheEditor()
{
    // $EDITOR in a terminal: `script` gives the command one. The "editor" is a script of the test's.
    QTemporaryDir dir;
    const auto editor = [&dir](const QString& name, const QByteArray& body) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write("#!/bin/sh\n" + body + "\n");
        f.close();
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        return f.fileName();
    };
    const QString broken = editor(u"broken.sh"_s, "echo '{ \"loop_wait\": ' > \"$1\"");
    const QString bump = editor(u"bump.sh"_s, "sed -i 's/\"loop_wait\": \\([0-9]*\\)/\"loop_wait\": 9/' \"$1\"");
    const auto inTerminal = [this](const QString& editorPath, const QByteArray& typed) {
        QProcessEnvironment env = m_env;
        env.insert(u"EDITOR"_s, editorPath);
        env.remove(u"VISUAL"_s);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(u"script"_s,
            { u"-qec"_s, QStringLiteral(PATRONI_CONSOLE_EXE) + u" edit-config --profile lab"_s, u"/dev/null"_s });
        p.waitForStarted(10000);
        p.write(typed);
        p.waitForFinished(120000);
        return std::pair { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()) };
    };
    const int was = status().value("cluster"_L1).toObject().value("config"_L1).toObject().value("loop_wait"_L1).toInt();
    const auto [brokenCode, brokenOut] = inTerminal(broken, "");
    QCOMPARE(brokenCode, 4);
    QVERIFY2(brokenOut.contains(u"the edited configuration is not JSON"_s), qPrintable(brokenOut));
    QCOMPARE(status().value("cluster"_L1).toObject().value("config"_L1).toObject().value("loop_wait"_L1).toInt(), was);
    const auto [code, out] = inTerminal(bump, "y\n");
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY2(out.contains(u"loop_wait: %1 → 9"_s.arg(was)), qPrintable(out));
    QCOMPARE(status().value("cluster"_L1).toObject().value("config"_L1).toObject().value("loop_wait"_L1).toInt(), 9);
    QCOMPARE(act({ u"edit-config"_s, u"--set"_s, u"loop_wait=%1"_s.arg(was), u"--yes"_s }).exitCode, 0);
}

void TestActionsCli::rollingRestart()
{
    const QString old = leader();
    const qsizetype before = auditCount();
    const ConsoleRun r = act({ u"restart"_s, u"--rolling"_s, u"--yes"_s });
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(r.exitCode == 0, qPrintable(out));
    QVERIFY(out.contains(u"Rolling restart done: 4 step(s), every one verified."_s));
    QVERIFY(leader() != old);
    // Replicas first, one at a time; then the switchover; then the old leader — as the audit recorded it.
    QStringList done;
    for (const QJsonObject& a : auditSince(before)) {
        if (a.value("phase"_L1).toString() != u"verified"_s)
            continue;
        const QJsonObject req = a.value("request"_L1).toObject();
        done.append(req.value("action"_L1).toString() + u' '
            + req.value(req.contains("member"_L1) ? "member"_L1 : "candidate"_L1).toString());
    }
    QCOMPARE(done.size(), 4);
    QVERIFY(done[0].startsWith(u"restart "_s) && !done[0].endsWith(old));
    QVERIFY(done[1].startsWith(u"restart "_s) && !done[1].endsWith(old));
    QVERIFY(done[2].startsWith(u"switchover "_s));
    QCOMPARE(done[3], u"restart "_s + old);
    // Nothing to restart with --pending on a cluster that needs none.
    QCOMPARE(act({ u"restart"_s, u"--rolling"_s, u"--pending"_s, u"--yes"_s }).exitCode, 4);
}

void TestActionsCli::everyMember()
{
    // reload without MEMBER: each member in turn, the leader last.
    const QString lead = leader();
    ConsoleRun r = act({ u"reload"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains("Done: 3 member(s)."));
    QVERIFY2(
        r.out.lastIndexOf("\nReload ") == r.out.indexOf(QByteArray("\nReload " + lead.toUtf8())), r.out.constData());
    // --role primary on Patroni 3.x (which says "master" inside): the leader restarts, verified.
    r = act({ u"restart"_s, lead, u"--role"_s, u"primary"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    // --pending on a cluster that needs no restart: nothing to do, nothing sent.
    r = act({ u"restart"_s, u"--pending"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.contains("no member needs a restart"));
}

QTEST_GUILESS_MAIN(TestActionsCli)
#include "tst_actions_cli.moc"
