// `patroni-console status` as scripts use it, against the lab: it must agree with patronictl on
// roles, states and timelines, prove the routing through HAProxy, and fail clearly when it cannot read.
#include "consolerun.h"
#include "labcluster.h"

#include "reservedport.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

ConsoleRun status(
    const QStringList& arguments, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return runConsole(QStringList { u"status"_s } + arguments, env, 30000);
}

} // namespace

class TestStatusCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonAgreesWithPatronictl();
    void tableHasPatronictlColumns();
    void unreachableExitsNonZero();
    void usageErrors_data();
    void usageErrors();

private:
    LabCluster m_lab;
    QProcessEnvironment m_env;
    QTemporaryDir m_config;
};

void TestStatusCli::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    QByteArray out;
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
    m_env = m_lab.childEnvironment();
    // The user's own settings must not decide what "--profile lab" means: an empty configuration
    // directory of the test's own, where the built-in lab profile (following LAB_*) is what exists.
    QVERIFY(m_config.isValid());
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
    m_env.insert(u"XDG_DATA_HOME"_s, m_config.path());
    // Scripts pass the PostgreSQL password this way; the keychain is for people.
    m_env.insert(u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s));
}

void TestStatusCli::jsonAgreesWithPatronictl()
{
    QJsonArray reference;
    QJsonObject state;
    // Both read the DCS at slightly different moments: retry if a change fell in between. Right after
    // a replica (re)starts, PostgreSQL itself cannot tell its delay yet (no WAL received): wait for it.
    const auto settled = [](const QJsonObject& st, qsizetype expected) {
        const QJsonArray ms = st.value("members"_L1).toArray();
        if (ms.size() != expected)
            return false;
        for (const QJsonValue& m : ms)
            if (m.toObject().value("role"_L1).toString() != u"leader"_s
                && !m.toObject().value("lagSeconds"_L1).isDouble())
                return false;
        return true;
    };
    for (int attempt = 0; attempt < 15; ++attempt) {
        reference = m_lab.patronictlList();
        const ConsoleRun r = status({ u"--profile"_s, u"lab"_s, u"--format"_s, u"json"_s }, m_env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        state = QJsonDocument::fromJson(r.out).object();
        if (settled(state, reference.size()))
            break;
        QTest::qWait(1000);
    }
    QCOMPARE(state.value("schema"_L1).toString(), u"patroni-console/status/2"_s);
    const QJsonArray members = state.value("members"_L1).toArray();
    QCOMPARE(members.size(), reference.size());
    QString leader;
    for (const QJsonValue& v : reference) {
        const QJsonObject row = v.toObject();
        QJsonObject m;
        for (const QJsonValue& candidate : members)
            if (candidate.toObject().value("name"_L1) == row.value("Member"_L1))
                m = candidate.toObject();
        QVERIFY2(!m.isEmpty(), qPrintable(row.value("Member"_L1).toString()));
        const QString role = row.value("Role"_L1).toString();
        QCOMPARE(m.value("role"_L1).toString(), role == u"Leader"_s ? u"leader"_s : role.toLower().replace(u' ', u'_'));
        QCOMPARE(m.value("state"_L1).toString(), row.value("State"_L1).toString());
        QCOMPARE(m.value("timeline"_L1).toInt(-1), row.value("TL"_L1).toInt(-1));
        if (role == u"Leader"_s)
            leader = row.value("Member"_L1).toString();
        else
            QVERIFY(m.value("lagSeconds"_L1).isDouble()); // PostgreSQL was asked
        QVERIFY(m.value("own"_L1).toObject().value("reachable"_L1).toBool());
        QCOMPARE(m.value("reach"_L1).toString(), u"answering"_s);
        QCOMPARE(m.value("health"_L1).toString(), u"healthy"_s);
        // On a healthy lab the DCS's view and the console's agree.
        QCOMPARE(m.value("dcs"_L1).toObject().value("role"_L1).toString(), m.value("role"_L1).toString());
    }
    QCOMPARE(state.value("cluster"_L1).toObject().value("leader"_L1).toString(), leader);
    QCOMPARE(state.value("cluster"_L1).toObject().value("dcsLeader"_L1).toString(), leader);
    QCOMPARE(state.value("cluster"_L1).toObject().value("health"_L1).toString(), u"healthy"_s);
    const QJsonObject sources = state.value("sources"_L1).toObject();
    for (const auto& name : { "patroni"_L1, "haproxy"_L1, "etcd"_L1, "postgres"_L1 })
        QVERIFY2(sources.value(name).toObject().value("ok"_L1).toBool(), qPrintable(QString(name)));
    QCOMPARE(state.value("haproxy"_L1).toObject().value("primary"_L1).toObject().value("routesTo"_L1).toArray(),
        QJsonArray { leader });
    QCOMPARE(state.value("etcd"_L1).toObject().value("healthy"_L1).toInt(), 3);
    bool primaryFrontendOpen = false;
    for (const QJsonValue& v : state.value("haproxy"_L1).toObject().value("proxies"_L1).toArray())
        primaryFrontendOpen |= v.toObject().value("proxy"_L1) == u"primary"_s
            && v.toObject().value("type"_L1) == u"frontend"_s && v.toObject().value("status"_L1) == u"OPEN"_s;
    QVERIFY(primaryFrontendOpen);
    // The proof: real connections through 5000 landed on the leader, through 5001 on replicas only.
    const QJsonArray probes = state.value("postgres"_L1).toObject().value("routingProbes"_L1).toArray();
    QVERIFY(probes.size() >= 3);
    const int primaryPort = m_lab.value(u"LAB_HAPROXY_PRIMARY_PORT"_s).toInt();
    const int replicaPort = m_lab.value(u"LAB_HAPROXY_REPLICA_PORT"_s).toInt();
    int primaryProbes = 0;
    int replicaProbes = 0;
    for (const QJsonValue& v : probes) {
        const QJsonObject p = v.toObject();
        QVERIFY2(p.value("ok"_L1).toBool(), qPrintable(p.value("error"_L1).toObject().value("message"_L1).toString()));
        if (p.value("port"_L1).toInt() == primaryPort) {
            QCOMPARE(p.value("member"_L1).toString(), leader);
            ++primaryProbes;
        }
        if (p.value("port"_L1).toInt() == replicaPort) {
            QVERIFY(p.value("inRecovery"_L1).toBool());
            ++replicaProbes;
        }
    }
    // Both ports were really probed: a lab on other ports must not make these checks vanish.
    QVERIFY(primaryProbes > 0 && replicaProbes > 0);
    QCOMPARE(state.value("findings"_L1).toArray(), QJsonArray {});
}

void TestStatusCli::tableHasPatronictlColumns()
{
    const ConsoleRun r = status({ u"--url"_s, m_lab.apiUrls().first().toString() }, m_env);
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const auto& column :
        { u"| Member"_s, u"| Host"_s, u"| Role"_s, u"| State"_s, u"| TL"_s, u"| Lag in MB"_s, u"| Lag bytes"_s })
        QVERIFY2(text.contains(column), qPrintable(text));
    QVERIFY(text.contains(u"+ Cluster: "_s + m_lab.value(u"LAB_SCOPE"_s)));
    const ConsoleRun tsv = status({ u"--url"_s, m_lab.apiUrls().first().toString(), u"--format"_s, u"tsv"_s }, m_env);
    QCOMPARE(tsv.exitCode, 0);
    QCOMPARE(tsv.out.split('\n').first(), QByteArray("member\thost\tport\trole\tstate\ttimeline\tlag_bytes\thealth"));
    QCOMPARE(tsv.out.count('\n'), 1 + 3);
}

void TestStatusCli::unreachableExitsNonZero()
{
    const ReservedClosedPort closed;
    const ConsoleRun r
        = status({ u"--url"_s, u"http://127.0.0.1:%1"_s.arg(closed.port()), u"--timeout"_s, u"500"_s }, m_env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("could not read the cluster") && r.err.contains("connection refused"), r.err.constData());
}

void TestStatusCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no source") << QStringList {} << u"give at least one --url"_s;
    QTest::newRow("bad format") << QStringList { u"--url"_s, u"http://127.0.0.1:8008"_s, u"--format"_s, u"xml"_s }
                                << u"--format must be table, json or tsv"_s;
    QTest::newRow("not http") << QStringList { u"--url"_s, u"ftp://127.0.0.1"_s } << u"not an http(s) URL"_s;
    QTest::newRow("unknown profile") << QStringList { u"--profile"_s, u"no-such-cluster"_s } << u"no profile"_s;
    QTest::newRow("tiny timeout") << QStringList { u"--url"_s, u"http://127.0.0.1:8008"_s, u"--timeout"_s, u"5"_s }
                                  << u"at least 100"_s;
}

void TestStatusCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ConsoleRun r = status(arguments, m_env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestStatusCli)
#include "tst_status_cli.moc"
