// The fleet file: import → export round-trips, and every kind of bad file is refused with its line and
// its reason, nothing half-read, no secret ever accepted or written.
#include "models/cluster/profilefile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Cluster::Profile;

namespace {

Profile full()
{
    Profile p;
    p.name = u"Zürich prod"_s;
    p.patroniUrls = { QUrl(u"https://db1.example.org:8008"_s), QUrl(u"https://[2001:db8::3]:8008"_s) };
    p.haproxyStatsUrl = QUrl(u"https://lb.example.org:7000/stats;csv"_s);
    p.haproxyStatsUser = u"stats"_s;
    p.etcdUrls = { QUrl(u"https://etcd1.example.org:2379"_s) };
    p.patroniApiUser = u"admin"_s;
    p.postgres.user = u"console_ro"_s;
    p.postgres.dbname = u"mail"_s;
    p.postgres.sslmode = u"verify-full"_s;
    p.haproxyRoutes = { u"lb.example.org"_s, 6000, 6001, 6002, u"pg_rw"_s, u"pg_ro"_s, u"pg_any"_s };
    p.tls = { u"/etc/ssl/ca.pem"_s, u"/etc/ssl/console, client.pem"_s, u"/etc/ssl/console.key"_s, true };
    p.intervals = { 500, 3000, 10000, 1500 };
    p.requestDeadlineMs = 1200;
    return p;
}

Profile minimal(const QString& name)
{
    Profile p;
    p.name = name;
    p.patroniUrls = { QUrl(u"http://10.1.1.1:8008"_s) };
    return p;
}

QByteArray file(const QByteArray& profiles)
{
    return "{\n  \"schema\": \"patroni-console/profiles/1\",\n  \"profiles\": [\n" + profiles + "\n  ]\n}\n";
}

} // namespace

class TestProfileFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void minimalFieldsTakeDefaults();
    void refused_data();
    void refused();
    void exportHasNoSecretField();
    void manyClusters();
};

void TestProfileFile::roundTrip()
{
    const QList<Profile> fleet { full(), minimal(u"single"_s), minimal(u"ohne PostgreSQL"_s) };
    QList<Profile> edited = fleet;
    edited[2].postgres.user.clear(); // not asked
    const QByteArray text = Cluster::writeProfileFile(edited);
    const Cluster::ProfileFileResult back = Cluster::parseProfileFile(text);
    QVERIFY2(back.ok(), qPrintable(back.errors.value(0).message));
    QCOMPARE(back.profiles, edited); // every field, in order
    // And again: the same meaning, the same bytes.
    QCOMPARE(Cluster::writeProfileFile(back.profiles), text);
}

void TestProfileFile::minimalFieldsTakeDefaults()
{
    const auto r = Cluster::parseProfileFile(file(R"({ "name": "a", "patroniUrls": ["http://10.0.0.1:8008"] })"));
    QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
    QCOMPARE(r.profiles.size(), 1);
    Profile expected;
    expected.name = u"a"_s;
    expected.patroniUrls = { QUrl(u"http://10.0.0.1:8008"_s) };
    QCOMPARE(r.profiles.first(), expected);
}

void TestProfileFile::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line"); // of the first problem
    QTest::addColumn<QString>("fragment");

    QTest::newRow("not JSON") << QByteArray(
        "{\n  \"schema\": \"patroni-console/profiles/1\",\n  \"profiles\": [\n  {\n")
                              << 5 << u"not valid JSON"_s;
    QTest::newRow("missing quote") << file("    { \"name\": \"a, \"patroniUrls\": [] }") << 4 << u"not valid JSON"_s;
    QTest::newRow("an array at the top") << QByteArray("[]") << 1 << u"one JSON object"_s;
    QTest::newRow("wrong schema") << QByteArray("{\"schema\": \"patroni-console/profiles/9\", \"profiles\": []}") << 1
                                  << u"this console reads"_s;
    QTest::newRow("no profiles") << QByteArray("{\"schema\": \"patroni-console/profiles/1\"}") << 1
                                 << u"\"profiles\" is missing"_s;
    QTest::newRow("repeated name") << file("    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.1:8008\"] },\n"
                                           "    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.2:8008\"] }")
                                   << 5 << u"a second profile is named \"a\" (the first is on line 4)"_s;
    QTest::newRow("repeated key") << file("    { \"name\": \"a\",\n      \"patroniUrls\": [\"http://10.0.0.1:8008\"],\n"
                                          "      \"patroniUrls\": [\"http://10.0.0.2:8008\"] }")
                                  << 6 << u"given twice (first on line 5)"_s;
    QTest::newRow("unknown field") << file(
        "    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.1:8008\"],\n      \"colour\": \"red\" }")
                                   << 5 << u"unknown field \"colour\" in profile \"a\""_s;
    QTest::newRow("unknown nested field")
        << file("    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.1:8008\"],\n"
                "      \"postgres\": { \"usr\": \"x\" } }")
        << 5 << u"unknown field \"usr\" in \"postgres\""_s;
    QTest::newRow("password field") << file(
        "    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.1:8008\"],\n"
        "      \"postgres\": { \"user\": \"x\",\n        \"password\": \"hunter2\" } }")
                                    << 6 << u"secrets never go in this file"_s;
    QTest::newRow("api token") << file(
        "    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.1:8008\"], \"apiToken\": \"t\" }")
                               << 4 << u"secrets never go in this file"_s;
    QTest::newRow("wrong type") << file("    { \"name\": \"a\", \"patroniUrls\": \"http://10.0.0.1:8008\" }") << 4
                                << u"\"patroniUrls\" in profile \"a\" must be a list, not a string"_s;
    QTest::newRow("fraction") << file("    { \"name\": \"a\", \"patroniUrls\": [\"http://10.0.0.1:8008\"],\n"
                                      "      \"requestDeadlineMs\": 1.5 }")
                              << 5 << u"must be a whole number"_s;
    QTest::newRow("invalid profile") << file("    { \"name\": \"a\", \"patroniUrls\": [\"ftp://10.0.0.1\"] }") << 4
                                     << u"must start with http"_s;
    QTest::newRow("no name") << file("    { \"patroniUrls\": [\"http://10.0.0.1:8008\"] }") << 4 << u"has no name"_s;
    QTest::newRow("password in a URL") << file(
        "    { \"name\": \"a\", \"patroniUrls\": [\"http://admin:pw@10.0.0.1:8008\"] }")
                                       << 4 << u"contains a user name or password"_s;
    QTest::newRow("not an object") << file("    \"a\"") << 4 << u"profile #1 must be an object"_s;
}

void TestProfileFile::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    const Cluster::ProfileFileResult r = Cluster::parseProfileFile(text);
    QVERIFY(!r.ok());
    QVERIFY(r.profiles.isEmpty()); // nothing half-read
    QStringList all;
    for (const auto& e : r.errors)
        all.append(QString::number(e.line) + u": "_s + e.message);
    QCOMPARE(r.errors.first().line, line);
    QVERIFY2(all.join(u'\n').contains(fragment), qPrintable(all.join(u'\n')));
    // A secret never comes back in a message.
    QVERIFY(!all.join(u'\n').contains(u"hunter2"_s));
    qInfo().noquote() << all.join(u" | "_s);
}

void TestProfileFile::exportHasNoSecretField()
{
    const QByteArray text = Cluster::writeProfileFile({ full() });
    for (const char* word : { "password", "secret", "token", "passwd" })
        QVERIFY2(!text.toLower().contains(word), word);
}

void TestProfileFile::manyClusters()
{
    // 500 clusters in one file: read whole, in order.
    QList<Profile> fleet;
    for (int i = 0; i < 500; ++i)
        fleet.append(minimal(u"cluster-%1"_s.arg(i, 3, 10, QChar(u'0'))));
    const Cluster::ProfileFileResult r = Cluster::parseProfileFile(Cluster::writeProfileFile(fleet));
    QVERIFY(r.ok());
    QCOMPARE(r.profiles, fleet);
}

QTEST_GUILESS_MAIN(TestProfileFile)
#include "tst_profilefile.moc"
