// Profiles in a QSettings file of the test's own: round trips, the built-in lab profile,
// remove/rename, and proof that the settings file never holds a secret.
#include "app/credentials/credentialstore.h"
#include "app/settings/profilestore.h"
#include "app/settings/settingsfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Cluster::Profile;
using Settings::ProfileStore;
using Settings::StoreResult;

static Profile productionProfile()
{
    Profile p;
    p.name = u"Zürich prod"_s;
    p.patroniUrls = { QUrl(u"https://db1.example.org:8008"_s), QUrl(u"https://db2.example.org:8008"_s),
        QUrl(u"https://[2001:db8::3]:8008"_s) };
    p.haproxyStatsUrl = QUrl(u"https://lb.example.org:7000/stats;csv"_s);
    p.etcdUrls = { QUrl(u"https://etcd1.example.org:2379"_s), QUrl(u"https://etcd2.example.org:2379"_s) };
    p.postgres.dbname = u"mail"_s;
    p.postgres.user = u"console_ro"_s;
    p.postgres.sslmode = u"verify-full"_s;
    p.haproxyRoutes = { u"lb.example.org"_s, 6000, 6001, 6002 };
    p.tls.caFile = u"/etc/ssl/cluster-ca.pem"_s;
    p.tls.clientCertFile = u"/etc/ssl/console, client.pem"_s; // a comma, as QSettings lists use them
    p.tls.clientKeyFile = u"/etc/ssl/console.key"_s;
    p.patroniApiUser = u"admin"_s;
    p.haproxyStatsUser = u"stats"_s;
    p.intervals = { 500, 3000, 10000, 1500 };
    p.requestDeadlineMs = 1200;
    return p;
}

static Profile minimalProfile()
{
    Profile p;
    p.name = u"single"_s;
    p.patroniUrls = { QUrl(u"http://10.1.1.1:8008"_s) }; // one URL: QSettings stores a one-item list differently
    return p;
}

class TestProfileStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void builtInLabProfile();
    void settingsPathIsTheStores();
    void labProfileFollowsTheLabsVariables();
    void roundTrip();
    void saveReplacesTheWholeProfile();
    void saveRefusesInvalidProfiles();
    void remove();
    void rename();
    void unsafeNamesAreNotLoaded();
    void settingsFileHoldsNoSecrets();

private:
    QString settingsPath() const { return m_dir->filePath(u"config/profiles.conf"_s); }
    std::optional<QTemporaryDir> m_dir;
};

void TestProfileStore::initTestCase()
{
    // The test run's own lab may be on other ports (run-tests.sh exports them): start from none.
    for (const char* v : { "LAB_API_PORTS", "LAB_HAPROXY_STATS_PORT", "LAB_ETCD_CLIENT_PORTS",
             "LAB_HAPROXY_PRIMARY_PORT", "LAB_HAPROXY_REPLICA_PORT", "LAB_HAPROXY_ANY_PORT" })
        qunsetenv(v);
}

void TestProfileStore::labProfileFollowsTheLabsVariables()
{
    // `manage-cluster.sh env` exports where the lab really runs; the built-in profile goes there.
    qputenv("LAB_API_PORTS", "18008 18009 18010");
    qputenv("LAB_HAPROXY_STATS_PORT", "17000");
    qputenv("LAB_ETCD_CLIENT_PORTS", "12379 12381 12383");
    qputenv("LAB_HAPROXY_PRIMARY_PORT", "15000");
    qputenv("LAB_HAPROXY_REPLICA_PORT", "nonsense"); // not a port: the default stays
    const Profile lab = ProfileStore::labProfile();
    qunsetenv("LAB_API_PORTS");
    qunsetenv("LAB_HAPROXY_STATS_PORT");
    qunsetenv("LAB_ETCD_CLIENT_PORTS");
    qunsetenv("LAB_HAPROXY_PRIMARY_PORT");
    qunsetenv("LAB_HAPROXY_REPLICA_PORT");
    QCOMPARE(lab.patroniUrls,
        QList<QUrl>({ QUrl(u"http://127.0.0.1:18008"_s), QUrl(u"http://127.0.0.1:18009"_s),
            QUrl(u"http://127.0.0.1:18010"_s) }));
    QCOMPARE(lab.haproxyStatsUrl, QUrl(u"http://127.0.0.1:17000/;csv"_s));
    QCOMPARE(lab.etcdUrls.size(), 3);
    QCOMPARE(lab.etcdUrls.first(), QUrl(u"http://127.0.0.1:12379"_s));
    QCOMPARE(lab.haproxyRoutes.primaryPort, 15000);
    QCOMPARE(lab.haproxyRoutes.replicasPort, 5001);
    QCOMPARE(lab.haproxyRoutes.anyPort, 5002);
    QVERIFY(Cluster::validate(lab).isEmpty());
}

void TestProfileStore::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

void TestProfileStore::builtInLabProfile()
{
    ProfileStore store(settingsPath());
    QCOMPARE(store.fileName(), settingsPath());
    QVERIFY(store.isShowingBuiltIn());
    QCOMPARE(store.names(), QStringList { u"lab"_s });
    QVERIFY(store.contains(u"lab"_s));

    const std::optional<Profile> lab = store.load(u"lab"_s);
    QVERIFY(lab);
    QCOMPARE(*lab, ProfileStore::labProfile());
    QCOMPARE(lab->patroniUrls,
        QList<QUrl>(
            { QUrl(u"http://127.0.0.1:8008"_s), QUrl(u"http://127.0.0.1:8009"_s), QUrl(u"http://127.0.0.1:8010"_s) }));
    QCOMPARE(lab->haproxyStatsUrl, QUrl(u"http://127.0.0.1:7000/;csv"_s));
    QCOMPARE(lab->etcdUrls,
        QList<QUrl>(
            { QUrl(u"http://127.0.0.1:2379"_s), QUrl(u"http://127.0.0.1:2381"_s), QUrl(u"http://127.0.0.1:2383"_s) }));
    QCOMPARE(lab->postgres.user, u"postgres"_s);
    QCOMPARE(lab->postgres.dbname, u"enterprise_email"_s);
    QCOMPARE(lab->patroniApiUser, u"patroni"_s);
    QCOMPARE(lab->haproxyRoutes.primaryPort, 5000);
    QCOMPARE(lab->haproxyRoutes.replicasPort, 5001);
    QCOMPARE(lab->haproxyRoutes.anyPort, 5002);
    QVERIFY2(Cluster::validate(*lab).isEmpty(), qPrintable(Cluster::validate(*lab).join(u'\n')));
    QCOMPARE(store.profiles(), QList<Profile> { *lab });
    QVERIFY(!store.load(u"prod"_s));
    // Showing the built-in profile writes nothing.
    QVERIFY(!QFile::exists(settingsPath()));

    // Once anything is stored, the built-in profile steps aside.
    QVERIFY(store.save(minimalProfile()).ok());
    QVERIFY(!store.isShowingBuiltIn());
    QCOMPARE(store.names(), QStringList { u"single"_s });
    QVERIFY(!store.load(u"lab"_s));
    // ...and comes back when the last one is removed.
    QVERIFY(store.remove(u"single"_s).ok());
    QCOMPARE(store.names(), QStringList { u"lab"_s });
}

void TestProfileStore::roundTrip()
{
    Profile lab = ProfileStore::labProfile();
    lab.name = u"my lab"_s;
    const QList<Profile> saved = { productionProfile(), minimalProfile(), lab };
    {
        ProfileStore store(settingsPath());
        for (const Profile& p : saved) {
            const StoreResult r = store.save(p);
            QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        }
    }
    QVERIFY(QFile::exists(settingsPath()));

    // A fresh store on the same file: what a restart sees.
    ProfileStore store(settingsPath());
    QCOMPARE(store.names(), QStringList({ u"my lab"_s, u"single"_s, u"Zürich prod"_s }));
    for (const Profile& p : saved) {
        const std::optional<Profile> loaded = store.load(p.name);
        QVERIFY2(loaded, qPrintable(p.name));
        QCOMPARE(loaded->patroniUrls, p.patroniUrls);
        QCOMPARE(loaded->haproxyStatsUrl, p.haproxyStatsUrl);
        QCOMPARE(loaded->etcdUrls, p.etcdUrls);
        QCOMPARE(loaded->postgres, p.postgres);
        QCOMPARE(loaded->tls.clientCertFile, p.tls.clientCertFile);
        QVERIFY2(*loaded == p, qPrintable(p.name)); // every field
    }
    QCOMPARE(store.profiles().size(), 3);
}

void TestProfileStore::saveReplacesTheWholeProfile()
{
    ProfileStore store(settingsPath());
    QVERIFY(store.save(productionProfile()).ok());
    Profile smaller = productionProfile();
    smaller.etcdUrls.clear();
    smaller.postgres.sslmode = u"prefer"_s;
    smaller.tls = {};
    smaller.haproxyStatsUser.clear();
    QVERIFY(store.save(smaller).ok());
    QCOMPARE(*ProfileStore(settingsPath()).load(smaller.name), smaller);
}

void TestProfileStore::saveRefusesInvalidProfiles()
{
    ProfileStore store(settingsPath());
    Profile bad = minimalProfile();
    bad.intervals.patroniMs = 10;
    bad.patroniUrls = { QUrl(u"ftp://10.1.1.1"_s) };
    const StoreResult r = store.save(bad);
    QCOMPARE(r.code, StoreResult::Code::InvalidProfile);
    QCOMPARE(r.problems, Cluster::validate(bad));
    QCOMPARE(r.problems.size(), 2);
    QVERIFY(store.isShowingBuiltIn());
    QVERIFY(!QFile::exists(settingsPath()));
}

void TestProfileStore::remove()
{
    ProfileStore store(settingsPath());
    QVERIFY(store.save(productionProfile()).ok());
    QVERIFY(store.save(minimalProfile()).ok());

    QVERIFY(store.remove(u"single"_s).ok());
    QCOMPARE(store.names(), QStringList { u"Zürich prod"_s });
    QCOMPARE(ProfileStore(settingsPath()).names(), QStringList { u"Zürich prod"_s });

    StoreResult r = store.remove(u"single"_s);
    QCOMPARE(r.code, StoreResult::Code::NotFound);
    QVERIFY2(r.problems.value(0).contains(u"\"single\""_s), qPrintable(r.problems.join(u'\n')));
    // The built-in profile is not stored, so there is nothing to remove.
    QCOMPARE(store.remove(u"lab"_s).code, StoreResult::Code::NotFound);
    // Nor can a name address anything outside the profiles group.
    QCOMPARE(store.remove(u"../profiles"_s).code, StoreResult::Code::NotFound);
    QCOMPARE(store.names(), QStringList { u"Zürich prod"_s });
}

void TestProfileStore::rename()
{
    ProfileStore store(settingsPath());
    // The built-in lab profile can be renamed: it becomes a stored profile.
    StoreResult r = store.rename(u"lab"_s, u"lab copy"_s);
    QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
    QCOMPARE(store.names(), QStringList { u"lab copy"_s });
    Profile expected = ProfileStore::labProfile();
    expected.name = u"lab copy"_s;
    QCOMPARE(*store.load(u"lab copy"_s), expected);

    QVERIFY(store.save(productionProfile()).ok());
    r = store.rename(u"Zürich prod"_s, u"Bern prod"_s);
    QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
    QCOMPARE(store.names(), QStringList({ u"Bern prod"_s, u"lab copy"_s }));
    Profile renamed = productionProfile();
    renamed.name = u"Bern prod"_s;
    QCOMPARE(*ProfileStore(settingsPath()).load(u"Bern prod"_s), renamed);

    QCOMPARE(store.rename(u"Bern prod"_s, u"lab copy"_s).code, StoreResult::Code::NameTaken);
    QCOMPARE(store.rename(u"nowhere"_s, u"somewhere"_s).code, StoreResult::Code::NotFound);
    QCOMPARE(store.rename(u"Bern prod"_s, u"a/b"_s).code, StoreResult::Code::InvalidProfile);
    QCOMPARE(store.rename(u"Bern prod"_s, QString()).code, StoreResult::Code::InvalidProfile);
    QVERIFY(store.rename(u"Bern prod"_s, u"Bern prod"_s).ok());
    QCOMPARE(store.names(), QStringList({ u"Bern prod"_s, u"lab copy"_s }));
}

void TestProfileStore::unsafeNamesAreNotLoaded()
{
    ProfileStore store(settingsPath());
    QVERIFY(store.save(productionProfile()).ok());
    QVERIFY(!store.load(u"Zürich prod/postgres"_s));
    QVERIFY(!store.load(QString()));
    QVERIFY(!store.load(u"profiles"_s));
}

// The profile type has no password field; this proves the file agrees. The secrets are written
// through the credential store (the real keychain of the test environment), next to the profiles.
void TestProfileStore::settingsFileHoldsNoSecrets()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set. Run through packaging/run-tests.sh, or "
              "`source packaging/test-env.sh; test_env_start` first.");
    const QString pid = QString::number(QCoreApplication::applicationPid());
    Profile lab = ProfileStore::labProfile();
    lab.name = u"tst-profilestore-"_s + pid + u"-lab"_s;
    Profile prod = productionProfile();
    prod.name = u"tst-profilestore-"_s + pid + u"-prod"_s;

    struct Secret {
        QString profile;
        Cluster::SecretKind kind;
        QString value;
    };
    const QList<Secret> secrets = {
        { lab.name, Cluster::SecretKind::PatroniApi, u"LabApiSecret-"_s + pid },
        { lab.name, Cluster::SecretKind::Postgres, u"LabPgSecret-"_s + pid },
        { prod.name, Cluster::SecretKind::PatroniApi, u"ProdApiSecret-"_s + pid },
        { prod.name, Cluster::SecretKind::HaproxyStats, u"ProdStatsSecret-"_s + pid },
        { prod.name, Cluster::SecretKind::Postgres, u"ProdPgSecret-"_s + pid },
    };
    for (Cluster::SecretKind kind :
        { Cluster::SecretKind::PatroniApi, Cluster::SecretKind::HaproxyStats, Cluster::SecretKind::Postgres })
        qunsetenv(Credentials::environmentVariable(kind).toLatin1().constData());

    const Credentials::CredentialStore credentials;
    const auto forEachSecret = [&](bool write) {
        int answered = 0;
        QStringList failures;
        QObject context; // a late answer after the timeout is dropped with it
        for (const Secret& s : secrets) {
            const auto done = [&](const Credentials::Result& r) {
                ++answered;
                if (!r.ok())
                    failures.append(r.message);
            };
            if (write)
                credentials.write(s.profile, s.kind, s.value, &context, done);
            else
                credentials.remove(s.profile, s.kind, &context, done);
        }
        if (!QTest::qWaitFor([&] { return answered == secrets.size(); }, 20000))
            failures.append(u"the keychain did not answer within 20 s"_s);
        return failures;
    };

    QStringList failures = forEachSecret(true);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    {
        ProfileStore store(settingsPath());
        QVERIFY(store.save(lab).ok());
        QVERIFY(store.save(prod).ok());
        // Through every path that writes: save over, rename.
        QVERIFY(store.save(prod).ok());
        QVERIFY(store.rename(lab.name, lab.name + u"-renamed"_s).ok());
    }
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    // Control: the file does hold the profiles, user names included.
    QVERIFY2(bytes.contains("127.0.0.1:8008"), bytes.constData());
    QVERIFY2(bytes.contains("patroniApiUser=patroni"), bytes.constData());
    QVERIFY2(bytes.contains("haproxyStatsUser=stats"), bytes.constData());
    for (const Secret& s : secrets) {
        QVERIFY2(!bytes.contains(s.value.toUtf8()), qPrintable(s.value));
        QVERIFY2(!bytes.contains(s.value.toLatin1().toLower()), qPrintable(s.value));
    }

    failures = forEachSecret(false);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

// The file set aside when damaged is the very one the store reads (computed without opening it).
void TestProfileStore::settingsPathIsTheStores()
{
    QCOMPARE(Settings::defaultSettingsPath(), Settings::ProfileStore().fileName());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
