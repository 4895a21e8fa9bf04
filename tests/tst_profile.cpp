// Cluster::Profile validation and keychain key naming: pure, no files, no keyring.
#include "models/cluster/profile.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using Cluster::Profile;
using Cluster::SecretKind;

Q_DECLARE_METATYPE(Cluster::Profile)
Q_DECLARE_METATYPE(Cluster::SecretKind)

// The smallest usable profile: a name and one Patroni URL; everything else keeps its default.
static Profile minimal()
{
    Profile p;
    p.name = u"prod"_s;
    p.patroniUrls = { QUrl(u"http://10.0.0.1:8008"_s) };
    return p;
}

static Profile changed(const std::function<void(Profile&)>& change)
{
    Profile p = minimal();
    change(p);
    return p;
}

class TestProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void validate_data();
    void validate();
    void secretKeys_data();
    void secretKeys();
    void secretKeysDifferPerProfileAndKind();
};

void TestProfile::defaults()
{
    const Profile p;
    QCOMPARE(p.intervals.patroniMs, 1000);
    QCOMPARE(p.intervals.haproxyMs, 2000);
    QCOMPARE(p.intervals.etcdMs, 5000);
    QCOMPARE(p.intervals.postgresMs, 2000);
    QCOMPARE(p.requestDeadlineMs, 2000);
    QCOMPARE(p.haproxyRoutes.primaryPort, 5000);
    QCOMPARE(p.haproxyRoutes.replicasPort, 5001);
    QCOMPARE(p.haproxyRoutes.anyPort, 5002);
    QVERIFY(p.tls.verifyPeer);
    QCOMPARE(p.postgres.sslmode, u"prefer"_s);
}

void TestProfile::validate_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<int>("problemCount");
    QTest::addColumn<QString>("fragment"); // must appear in one of the problems

    // Valid.
    QTest::newRow("minimal") << minimal() << 0 << QString();
    QTest::newRow("https with CA, client cert, verify-full") << changed([](Profile& p) {
        p.patroniUrls = { QUrl(u"https://db1.example.org:8008"_s), QUrl(u"https://db2.example.org:8008"_s) };
        p.haproxyStatsUrl = QUrl(u"https://lb.example.org:7000/;csv"_s);
        p.etcdUrls = { QUrl(u"https://etcd1.example.org:2379"_s) };
        p.tls.caFile = u"/etc/ssl/cluster-ca.pem"_s;
        p.tls.clientCertFile = u"/etc/ssl/console.pem"_s;
        p.tls.clientKeyFile = u"/etc/ssl/console.key"_s;
        p.postgres.sslmode = u"verify-full"_s;
    }) << 0 << QString();
    QTest::newRow("intervals at the minimum") << changed([](Profile& p) {
        p.intervals = { 100, 100, 100, 100 };
        p.requestDeadlineMs = 100;
    }) << 0 << QString();
    QTest::newRow("no verification on the loopback") << changed([](Profile& p) {
        p.patroniUrls = { QUrl(u"https://127.0.0.1:8008"_s), QUrl(u"https://localhost:8009"_s) };
        p.tls.verifyPeer = false;
    }) << 0 << QString();
    QTest::newRow("unicode name") << changed([](Profile& p) { p.name = u"Zürich prod"_s; }) << 0 << QString();

    // Names.
    QTest::newRow("no name") << changed([](Profile& p) { p.name.clear(); }) << 1 << u"has no name"_s;
    QTest::newRow("blank name") << changed([](Profile& p) { p.name = u"   "_s; }) << 1 << u"has no name"_s;
    QTest::newRow("name with slash") << changed([](Profile& p) { p.name = u"prod/eu"_s; }) << 1 << u"'/'"_s;
    QTest::newRow("name with backslash") << changed([](Profile& p) { p.name = u"prod\\eu"_s; }) << 1 << u"'/'"_s;
    QTest::newRow("name with surrounding space") << changed([](Profile& p) { p.name = u" prod"_s; }) << 1 << u"space"_s;
    QTest::newRow("name with newline") << changed([](Profile& p) { p.name = u"pr\nod"_s; }) << 1
                                       << u"control characters"_s;

    // URLs.
    QTest::newRow("no Patroni URL") << changed([](Profile& p) { p.patroniUrls.clear(); }) << 1
                                    << u"No Patroni REST API URL"_s;
    QTest::newRow("ftp Patroni URL") << changed([](Profile& p) { p.patroniUrls = { QUrl(u"ftp://10.0.0.1"_s) }; }) << 1
                                     << u"must start with http:// or https://"_s;
    QTest::newRow("scheme-less Patroni URL")
        << changed([](Profile& p) { p.patroniUrls = { QUrl(u"10.0.0.1:8008"_s) }; }) << 1 << u"not a valid URL"_s;
    QTest::newRow("host-like scheme") << changed([](Profile& p) { p.patroniUrls = { QUrl(u"db1:8008"_s) }; }) << 1
                                      << u"must start with http:// or https://"_s;
    QTest::newRow("invalid URL with a password")
        << changed([](Profile& p) { p.patroniUrls = { QUrl(u"http://patroni:hunter2@db 1:8008"_s) }; }) << 1
        << u"not a valid URL"_s;
    QTest::newRow("Patroni URL without host")
        << changed([](Profile& p) { p.patroniUrls = { QUrl(u"http:///patroni"_s) }; }) << 1 << u"has no host"_s;
    QTest::newRow("password in a URL") << changed([](Profile& p) {
        p.patroniUrls = { QUrl(u"http://patroni:hunter2@10.0.0.1:8008"_s) };
    }) << 1 << u"contains a user name or password"_s;
    QTest::newRow("bad HAProxy stats URL")
        << changed([](Profile& p) { p.haproxyStatsUrl = QUrl(u"file:///tmp/stats.csv"_s); }) << 1
        << u"HAProxy stats URL"_s;
    QTest::newRow("bad etcd URL") << changed([](Profile& p) {
        p.etcdUrls = { QUrl(u"http://10.0.0.1:2379"_s), QUrl(u"unix:///run/etcd.sock"_s) };
    }) << 1 << u"etcd URL"_s;
    QTest::newRow("no verification for a remote https host") << changed([](Profile& p) {
        p.patroniUrls = { QUrl(u"https://db1.example.org:8008"_s) };
        p.tls.verifyPeer = false;
    }) << 1 << u"CA file"_s;

    // Intervals.
    QTest::newRow("Patroni interval 99 ms")
        << changed([](Profile& p) { p.intervals.patroniMs = 99; }) << 1 << u"Patroni poll interval is 99 ms"_s;
    QTest::newRow("HAProxy interval 0") << changed([](Profile& p) { p.intervals.haproxyMs = 0; }) << 1
                                        << u"HAProxy poll interval"_s;
    QTest::newRow("etcd interval negative")
        << changed([](Profile& p) { p.intervals.etcdMs = -5; }) << 1 << u"etcd poll interval"_s;
    QTest::newRow("PostgreSQL interval 50")
        << changed([](Profile& p) { p.intervals.postgresMs = 50; }) << 1 << u"PostgreSQL poll interval"_s;
    QTest::newRow("deadline 10 ms") << changed([](Profile& p) { p.requestDeadlineMs = 10; }) << 1
                                    << u"request deadline is 10 ms"_s;

    // PostgreSQL.
    QTest::newRow("sslmode unknown") << changed([](Profile& p) { p.postgres.sslmode = u"always"_s; }) << 1
                                     << u"sslmode \"always\""_s;
    QTest::newRow("no database") << changed([](Profile& p) { p.postgres.dbname.clear(); }) << 1
                                 << u"database name is empty"_s;
    // No user: PostgreSQL is not asked (a cluster the console may not log in to).
    QTest::newRow("no PostgreSQL user") << changed([](Profile& p) { p.postgres.user.clear(); }) << 0 << QString();

    // HAProxy routes and TLS.
    QTest::newRow("route ports collide") << changed([](Profile& p) { p.haproxyRoutes.anyPort = 5000; }) << 1
                                         << u"three different ports"_s;
    QTest::newRow("route port out of range")
        << changed([](Profile& p) { p.haproxyRoutes.replicasPort = 70000; }) << 1 << u"port 70000"_s;
    QTest::newRow("client cert without key")
        << changed([](Profile& p) { p.tls.clientCertFile = u"/etc/ssl/console.pem"_s; }) << 1
        << u"both the certificate file and the key file"_s;

    // Everything wrong at once: every problem is reported, not just the first.
    QTest::newRow("empty profile, bad intervals") << changed([](Profile& p) {
        p.name.clear();
        p.patroniUrls.clear();
        p.intervals = { 1, 1, 1, 1 };
        p.requestDeadlineMs = 1;
    }) << 7 << u"request deadline"_s;
}

void TestProfile::validate()
{
    QFETCH(Profile, profile);
    QFETCH(int, problemCount);
    QFETCH(QString, fragment);

    const QStringList problems = Cluster::validate(profile);
    QVERIFY2(problems.size() == problemCount, qPrintable(problems.join(u'\n')));
    if (!fragment.isEmpty()) {
        const bool found
            = std::any_of(problems.cbegin(), problems.cend(), [&](const QString& p) { return p.contains(fragment); });
        QVERIFY2(found, qPrintable(u"\""_s + fragment + u"\" not in:\n"_s + problems.join(u'\n')));
    }
    // Plain sentences: they go straight to a dialog or the terminal.
    for (const QString& p : problems) {
        QVERIFY2(p.front().isUpper() && p.endsWith(u'.'), qPrintable(p));
        QVERIFY2(!p.contains(u"hunter2"_s), qPrintable(p)); // a password in a URL is never echoed
    }
}

void TestProfile::secretKeys_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QString>("kindName");
    QTest::newRow("Patroni API") << SecretKind::PatroniApi << u"patroni-api"_s;
    QTest::newRow("HAProxy stats") << SecretKind::HaproxyStats << u"haproxy-stats"_s;
    QTest::newRow("PostgreSQL") << SecretKind::Postgres << u"postgres"_s;
}

void TestProfile::secretKeys()
{
    QFETCH(SecretKind, kind);
    QFETCH(QString, kindName);
    QCOMPARE(Cluster::secretKindName(kind), kindName);
    QCOMPARE(Cluster::secretKey(u"lab"_s, kind), u"patroni-console/lab/"_s + kindName);
    QCOMPARE(Cluster::secretKey(u"Zürich prod"_s, kind), u"patroni-console/Zürich prod/"_s + kindName);
}

void TestProfile::secretKeysDifferPerProfileAndKind()
{
    QSet<QString> keys;
    for (const QString& profile : { u"a"_s, u"b"_s, u"a-b"_s }) {
        for (SecretKind kind : { SecretKind::PatroniApi, SecretKind::HaproxyStats, SecretKind::Postgres })
            keys.insert(Cluster::secretKey(profile, kind));
    }
    QCOMPARE(keys.size(), 9);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
