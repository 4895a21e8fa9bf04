// Snapshots: every secret out, whatever format; the report says what could not be read.
#include "clusterstatebuilder.h"
#include "testdata.h"

#include "models/patroni/dynamicconfig.h"
#include "models/snapshot/redactor.h"
#include "models/snapshot/report.h"
#include "models/snapshot/snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSnapshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void redactsText_data();
    void redactsText();
    void secretKeys_data();
    void secretKeys();
    void redactsJsonByKeyAndValue();
    void environmentSecrets();
    void plantedSecretsInNoFormat();
    void snapshotCarriesTheState();
    void unreadableClusterSaysWhy();
    void markdownEscapesNetworkText();
};

void TestSnapshot::redactsText_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("conninfo") << u"host=10.0.0.1 port=5432 user=replicator password=s3cr3t sslmode=prefer"_s
                              << u"host=10.0.0.1 port=5432 user=replicator password=[redacted] sslmode=prefer"_s;
    QTest::newRow("conninfo quoted") << u"user=r password = 'two words \\' quote' application_name=x"_s
                                     << u"user=r password = [redacted] application_name=x"_s;
    QTest::newRow("conninfo upper") << u"PASSWORD=abc host=x"_s << u"PASSWORD=[redacted] host=x"_s;
    QTest::newRow("postgres uri") << u"postgresql://replicator:pa55@db1:5432/postgres"_s
                                  << u"postgresql://replicator:[redacted]@db1:5432/postgres"_s;
    QTest::newRow("http userinfo") << u"see http://admin:hunter2@127.0.0.1:7000/;csv now"_s
                                   << u"see http://admin:[redacted]@127.0.0.1:7000/;csv now"_s;
    QTest::newRow("url without password") << u"http://admin@127.0.0.1:7000/"_s << u"http://admin@127.0.0.1:7000/"_s;
    QTest::newRow("basic") << u"Authorization: Basic cGF0cm9uaTpwYXRyb25p="_s << u"Authorization: Basic [redacted]"_s;
    QTest::newRow("bearer") << u"Bearer eyJhbGciOi.JIUzI1NiJ9.x"_s << u"Bearer [redacted]"_s;
    QTest::newRow("prose stays") << u"Basic authentication failed; password_encryption is scram-sha-256"_s
                                 << u"Basic authentication failed; password_encryption is scram-sha-256"_s;
    QTest::newRow("known secret anywhere")
        << u"error near 'Tr0ub4dor&3' in line 2"_s << u"error near '[redacted]' in line 2"_s;
}

void TestSnapshot::redactsText()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    Snapshot::Redactor r;
    r.addSecret(u"Tr0ub4dor&3"_s);
    QCOMPARE(r.redactText(in), out);
    QCOMPARE(r.count(), in == out ? 0 : 1);
}

void TestSnapshot::secretKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("secret");
    QTest::newRow("password") << u"password"_s << true;
    QTest::newRow("superuser_password") << u"superuser_password"_s << true;
    QTest::newRow("camel") << u"apiPassword"_s << true;
    QTest::newRow("token") << u"etcd_token"_s << true;
    QTest::newRow("api_key") << u"api_key"_s << true;
    QTest::newRow("authorization") << u"Authorization"_s << true;
    QTest::newRow("password_encryption") << u"password_encryption"_s << false;
    QTest::newRow("username") << u"username"_s << false;
    QTest::newRow("clientKeyFile") << u"clientKeyFile"_s << false;
    QTest::newRow("primary_conninfo") << u"primary_conninfo"_s << false; // its value is searched instead
}

void TestSnapshot::secretKeys()
{
    QFETCH(QString, key);
    QFETCH(bool, secret);
    QCOMPARE(Snapshot::Redactor::isSecretKey(key), secret);
}

void TestSnapshot::redactsJsonByKeyAndValue()
{
    Snapshot::Redactor r;
    const QJsonObject in = QJsonDocument::fromJson(R"({
        "postgresql": { "parameters": { "password_encryption": "scram-sha-256", "max_connections": 100 },
                        "authentication": { "superuser": { "username": "postgres", "password": "pw-one" } } },
        "standby_cluster": { "primary_conninfo": "host=a password=pw-two" },
        "empty_password": "",
        "list": [ "postgresql://u:pw-three@h/db", 5 ]
    })")
                               .object();
    const QJsonObject out = r.redact(in).toObject();
    const QByteArray text = QJsonDocument(out).toJson();
    for (const char* secret : { "pw-one", "pw-two", "pw-three" })
        QVERIFY2(!text.contains(secret), secret);
    QCOMPARE(r.count(), 3);
    const QJsonObject pg = out.value("postgresql"_L1).toObject();
    QCOMPARE(pg.value("parameters"_L1).toObject().value("password_encryption"_L1).toString(), u"scram-sha-256"_s);
    QCOMPARE(pg.value("parameters"_L1).toObject().value("max_connections"_L1).toInt(), 100);
    QCOMPARE(pg.value("authentication"_L1).toObject().value("superuser"_L1).toObject().value("username"_L1).toString(),
        u"postgres"_s);
    QCOMPARE(out.value("empty_password"_L1).toString(), QString()); // nothing to hide: says it is empty
    QCOMPARE(out.value("list"_L1).toArray().at(1).toInt(), 5);
}

void TestSnapshot::environmentSecrets()
{
    QProcessEnvironment env;
    env.insert(u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s, u"env-pg-secret"_s);
    env.insert(u"PGPASSWORD"_s, u"pgpass-secret"_s);
    env.insert(u"MY_API_TOKEN"_s, u"tok-123456"_s);
    env.insert(u"HOME"_s, u"/home/dba"_s);
    env.insert(u"SHORT_PASSWORD"_s, u"ab"_s); // too short to hunt for: masking every "ab" would garble text
    Snapshot::Redactor r;
    r.addSecretsFromEnvironment(env);
    QCOMPARE(r.redactText(u"env-pg-secret pgpass-secret tok-123456 /home/dba ab"_s),
        u"[redacted] [redacted] [redacted] /home/dba ab"_s);
}

namespace {

struct Planted {
    Cluster::ClusterState state;
    Snapshot::Input input;
    Snapshot::Redactor redactor;
    QStringList secrets;
};

// A healthy cluster with a secret in every place one has turned up: the dynamic configuration (a
// password key, a conninfo), a profile URL's user info, a journal message, the keychain's password,
// the environment.
void plant(Planted* p)
{
    p->secrets = { u"dyn-password-1"_s, u"conninfo-pw-2"_s, u"profile-url-pw-3"_s, u"journal-pw-4"_s,
        u"keychain-pw-5"_s, u"env-pw-6"_s };
    p->state = TestStates::healthy();
    auto parsed = Patroni::parseDynamicConfig(TestData::read(u"patroni/config-3.0.2-lab.json"_s));
    QVERIFY(parsed.config);
    Patroni::DynamicConfig c = *parsed.config;
    QJsonObject pg = c.raw.value("postgresql"_L1).toObject();
    pg.insert("authentication"_L1,
        QJsonObject { { u"replication"_s,
            QJsonObject { { u"username"_s, u"replicator"_s }, { u"password"_s, u"dyn-password-1"_s } } } });
    c.raw.insert("postgresql"_L1, pg);
    c.raw.insert("standby_cluster_note"_L1, u"primary_conninfo='host=db9 user=replicator password=conninfo-pw-2'"_s);
    p->state.config = c;
    p->input.profile.name = u"prod"_s;
    p->input.profile.patroniUrls = { QUrl(u"http://127.0.0.1:8008"_s) };
    p->input.profile.haproxyStatsUrl = QUrl(u"http://stats:profile-url-pw-3@127.0.0.1:7000/;csv"_s);
    p->input.state = &p->state;
    p->input.takenAt = TestStates::t0();
    p->input.origin = { u"patroni-console 9.9"_s, u"dbhost"_s, u"dba"_s };
    Cluster::Event e;
    e.at = TestStates::t0();
    e.kind = Cluster::EventKind::SourceLost;
    e.message = u"HAProxy said 401 to Basic c3RhdHM6am91cm5hbC1wdy00 for password=journal-pw-4"_s;
    p->input.journal = { e };
    TestStates::member(p->state, u"patroni2"_s).tags.insert(u"note"_s, u"keychain-pw-5 env-pw-6"_s);
    for (Cluster::SourceState* s : { &p->state.configSource, &p->state.historySource, &p->state.metricsSource })
        s->lastAttempt = s->lastSuccess = TestStates::t0();
    p->redactor.addSecret(u"keychain-pw-5"_s);
    QProcessEnvironment env;
    env.insert(u"PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD"_s, u"env-pw-6"_s);
    p->redactor.addSecretsFromEnvironment(env);
}

} // namespace

void TestSnapshot::plantedSecretsInNoFormat()
{
    Planted p;
    plant(&p);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject snap = Snapshot::build(p.input, p.redactor);
    const Snapshot::Report report = Snapshot::report(snap);
    const QList<std::pair<const char*, QString>> outputs { { "json", QString::fromUtf8(QJsonDocument(snap).toJson()) },
        { "markdown", Snapshot::toMarkdown(report) }, { "html", Snapshot::toHtml(report) },
        { "html for pdf", Snapshot::toHtml(report, true) } };
    for (const auto& [format, text] : outputs) {
        QVERIFY2(text.contains(u"[redacted]"_s), format);
        for (const QString& secret : std::as_const(p.secrets))
            QVERIFY2(!text.contains(secret), qPrintable(u"%1 leaks %2"_s.arg(QLatin1StringView(format), secret)));
        QVERIFY2(!text.contains(u"c3RhdHM6am91cm5hbC1wdy00"_s), format); // base64 of stats:journal-pw-4
    }
    QVERIFY(snap.value("redactions"_L1).toInt() >= 5);
    // What is not secret is still there: the user names, the stats URL's host.
    const QString json = outputs.first().second;
    QVERIFY(json.contains(u"http://stats:[redacted]@127.0.0.1:7000/;csv"_s));
    QVERIFY(json.contains(u"\"username\": \"replicator\""_s));
}

void TestSnapshot::snapshotCarriesTheState()
{
    Planted p;
    plant(&p);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject snap = Snapshot::build(p.input, p.redactor);
    QCOMPARE(snap.value("schema"_L1).toString(), u"patroni-console/snapshot/1"_s);
    QCOMPARE(snap.value("origin"_L1).toObject().value("user"_L1).toString(), u"dba"_s);
    QCOMPARE(snap.value("profile"_L1).toObject().value("name"_L1).toString(), u"prod"_s);
    const QJsonObject state = snap.value("state"_L1).toObject();
    QCOMPARE(state.value("schema"_L1).toString(), u"patroni-console/status/2"_s);
    QCOMPARE(state.value("members"_L1).toArray().size(), 3);
    QCOMPARE(state.value("cluster"_L1).toObject().value("leader"_L1).toString(), u"patroni1"_s);
    QCOMPARE(snap.value("journal"_L1).toArray().size(), 1);
    QCOMPARE(snap.value("unread"_L1).toArray(), QJsonArray {});

    const QString md = Snapshot::toMarkdown(Snapshot::report(snap));
    QVERIFY(md.startsWith(u"# Cluster prod"_s));
    QVERIFY2(md.contains(u"**HEALTHY**"_s), qPrintable(md.left(300)));
    for (const QString& name : { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s })
        QVERIFY(md.contains(u"| "_s + name + u" | 127.0.0.1:"_s));
    QVERIFY(md.contains(u"| Member | Host | Role | State | TL |"_s));
    QVERIFY(md.contains(u"## Dynamic configuration (GET /config)"_s));
    QVERIFY(md.contains(u"\"loop_wait\""_s));
    QVERIFY(!md.contains(u"## Could not be read"_s));
}

void TestSnapshot::unreadableClusterSaysWhy()
{
    Cluster::ClusterState state;
    state.dcs.lastAttempt = TestStates::t0();
    state.dcs.error = Cluster::SourceError { Cluster::SourceError::Code::ConnectionRefused,
        u"patroni API http://127.0.0.1:1"_s, u"Connection refused"_s };
    state.haproxyConfigured = true;
    state.haproxySource.lastAttempt = TestStates::t0();
    state.haproxySource.error
        = Cluster::SourceError { Cluster::SourceError::Code::Timeout, u"HAProxy"_s, u"no answer within 2000 ms"_s };
    Snapshot::Input in;
    in.profile.name = u"gone"_s;
    in.state = &state;
    in.takenAt = TestStates::t0();
    const Snapshot::Redactor redactor;
    const QJsonObject snap = Snapshot::build(in, redactor);
    const QStringList unread = snap.value("unread"_L1).toVariant().toStringList();
    QCOMPARE(unread.size(), 5); // /cluster, /config, /history, /metrics never read, and HAProxy
    QVERIFY2(unread.first().startsWith(u"Patroni (GET /cluster): "_s), qPrintable(unread.first()));
    QVERIFY(unread.join(u'\n').contains(u"HAProxy stats: "_s));
    const QString md = Snapshot::toMarkdown(Snapshot::report(snap));
    QVERIFY(md.contains(u"## Could not be read"_s));
    QVERIFY(md.contains(u"No member is known"_s));
}

void TestSnapshot::markdownEscapesNetworkText()
{
    Cluster::ClusterState state = TestStates::healthy();
    TestStates::member(state, u"patroni2"_s).tags.insert(u"zone"_s, u"a|b <script>x</script>"_s);
    Snapshot::Input in;
    in.profile.name = u"p"_s;
    in.state = &state;
    in.takenAt = TestStates::t0();
    const Snapshot::Redactor redactor;
    const Snapshot::Report report = Snapshot::report(Snapshot::build(in, redactor));
    const QString md = Snapshot::toMarkdown(report);
    QVERIFY(md.contains(u"zone=a\\|b \\<script\\>x\\</script\\>"_s));
    const QString html = Snapshot::toHtml(report);
    QVERIFY(!html.contains(u"<script>"_s));
    QVERIFY(html.contains(u"a|b &lt;script&gt;x&lt;/script&gt;"_s));
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
