// `patroni-console profiles` as a DBA uses it, in a configuration directory of the test's own: a fleet
// set up in one command, exported back with the same meaning, a bad file refused whole with its lines,
// a changed cluster not overwritten without --replace, and no password ever in the settings.
#include "models/cluster/profilefile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray fleetFile(const QString& extra = {})
{
    return (u"{ \"schema\": \"patroni-console/profiles/1\", \"profiles\": [\n"
            "  { \"name\": \"prod-eu\", \"patroniUrls\": [\"https://db1.example.org:8008\"],\n"
            "    \"haproxyStatsUrl\": \"http://lb.example.org:7000/;csv\", \"haproxyStatsUser\": \"stats\",\n"
            "    \"postgres\": { \"user\": \"console\", \"dbname\": \"postgres\", \"sslmode\": \"verify-full\" } },\n"
            "  { \"name\": \"prod-us\", \"patroniUrls\": [\"https://db9.example.org:8008\"]%1 }\n"
            "] }\n"_s.arg(extra))
        .toUtf8();
}

} // namespace

class TestProfilesCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void importExportRoundTrip();
    void badFileImportsNothing();
    void changedProfilesNeedReplace();
    void removeForgetsTheCluster();
    void damagedSettingsAreSetAside();

private:
    Run run(const QStringList& args, const QByteArray& stdinData = {});
    QString write(const QString& name, const QByteArray& text);
    std::optional<QTemporaryDir> m_dir;
};

void TestProfilesCli::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

Run TestProfilesCli::run(const QStringList& args, const QByteArray& stdinData)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PATRONI_CONSOLE_EXE), QStringList { u"profiles"_s } + args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestProfilesCli::write(const QString& name, const QByteArray& text)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

void TestProfilesCli::importExportRoundTrip()
{
    const Run imported = run({ u"import"_s, write(u"fleet.json"_s, fleetFile()) });
    QVERIFY2(imported.code == 0, imported.err.constData());
    QVERIFY(imported.out.contains("imported 2 profile(s): prod-eu, prod-us"));

    const Run listed = run({ u"list"_s });
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.contains("prod-eu") && listed.out.contains("prod-us") && !listed.out.contains("built in"));

    const Run exported = run({ u"export"_s, u"-"_s });
    QCOMPARE(exported.code, 0);
    const auto back = Cluster::parseProfileFile(exported.out);
    const auto original = Cluster::parseProfileFile(fleetFile());
    QVERIFY(back.ok() && original.ok());
    QCOMPARE(back.profiles, original.profiles); // the same meaning, field by field

    // Importing the export again changes nothing.
    const Run again = run({ u"import"_s, u"-"_s }, exported.out);
    QVERIFY2(again.code == 0, again.err.constData());
    QVERIFY2(again.out.contains("imported 0 profile(s); 2 already saved as in the file"), again.out.constData());

    // `show` prints one profile in the same format.
    const Run shown = run({ u"show"_s, u"prod-eu"_s });
    QCOMPARE(shown.code, 0);
    QCOMPARE(Cluster::parseProfileFile(shown.out).profiles, QList { original.profiles.first() });

    // And nothing the console wrote holds a secret.
    QDirIterator it(m_dir->filePath(u"config"_s), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll().toLower();
        QVERIFY2(!text.contains("password") && !text.contains("secret"), qPrintable(f.fileName()));
    }
}

void TestProfilesCli::badFileImportsNothing()
{
    // The second profile carries a password: refused with its line, and the first is not imported either.
    const Run r
        = run({ u"import"_s, write(u"bad.json"_s, fleetFile(u", \"postgres\": { \"password\": \"hunter2\" }"_s)) });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("bad.json:5: \"password\" in profile \"prod-us\": secrets never go in this file"),
        r.err.constData());
    QVERIFY(r.err.contains("nothing was imported"));
    QVERIFY(!r.err.contains("hunter2"));
    const Run listed = run({ u"list"_s, u"--format"_s, u"json"_s });
    QVERIFY2(listed.out.contains("\"builtIn\": true"), listed.out.constData()); // still nothing saved

    const Run malformed = run(
        { u"import"_s, write(u"broken.json"_s, "{ \"schema\": \"patroni-console/profiles/1\",\n  \"profiles\": [\n") });
    QCOMPARE(malformed.code, 1);
    QVERIFY2(malformed.err.contains("broken.json:3: not valid JSON"), malformed.err.constData());
}

void TestProfilesCli::changedProfilesNeedReplace()
{
    QCOMPARE(run({ u"import"_s, write(u"fleet.json"_s, fleetFile()) }).code, 0);
    QByteArray changed = fleetFile();
    changed.replace("db9.example.org", "db10.example.org");
    const QString path = write(u"changed.json"_s, changed);
    const Run refused = run({ u"import"_s, path });
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains("differ from the file: prod-us"), refused.err.constData());
    QVERIFY(run({ u"show"_s, u"prod-us"_s }).out.contains("db9.example.org"));
    const Run replaced = run({ u"import"_s, path, u"--replace"_s });
    QVERIFY2(replaced.code == 0, replaced.err.constData());
    QVERIFY(run({ u"show"_s, u"prod-us"_s }).out.contains("db10.example.org"));
}

void TestProfilesCli::removeForgetsTheCluster()
{
    QCOMPARE(run({ u"import"_s, write(u"fleet.json"_s, fleetFile()) }).code, 0);
    const Run removed = run({ u"remove"_s, u"prod-us"_s });
    QCOMPARE(removed.code, 0);
    QVERIFY2(removed.out.contains("removed prod-us"), removed.err.constData());
    const Run shown = run({ u"show"_s, u"prod-us"_s });
    QCOMPARE(shown.code, 1);
    QVERIFY(shown.err.contains("no profile \"prod-us\""));
    QCOMPARE(run({ u"remove"_s, u"prod-us"_s }).code, 1);
    QCOMPARE(run({ u"frobnicate"_s }).code, 2);
}

// A settings file Qt cannot read: said once, set aside with its bytes intact, and the command goes on
// with defaults; what is saved next lands in a fresh file.
void TestProfilesCli::damagedSettingsAreSetAside()
{
    const QString dir = m_dir->filePath(u"config/patroni-console"_s);
    QVERIFY(QDir().mkpath(dir));
    static const char bytes[] = "[profiles\x00\x01\xff\xfe garbage, cut off";
    const QByteArray damaged(bytes, sizeof bytes - 1);
    QFile settings(dir + u"/patroni-console.conf"_s);
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write(damaged);
    settings.close();

    const Run listed = run({ u"list"_s });
    QCOMPARE(listed.code, 0);
    QVERIFY2(listed.err.contains("could not be read (it is damaged); it was set aside as"), listed.err.constData());
    QCOMPARE(listed.err.count("set aside"), 1);
    QVERIFY(listed.out.contains("lab")); // the defaults: the built-in lab only
    const QStringList aside = QDir(dir).entryList({ u"patroni-console.conf.corrupt-*"_s }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile kept(dir + u'/' + aside.first());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damaged);

    // Saving works again, into a new file; nothing more is set aside.
    const Run imported = run({ u"import"_s, write(u"fleet.json"_s, fleetFile()) });
    QVERIFY2(imported.code == 0, imported.err.constData());
    QVERIFY2(!imported.err.contains("set aside"), imported.err.constData());
    QVERIFY(run({ u"list"_s }).out.contains("prod-eu"));
    QCOMPARE(QDir(dir).entryList({ u"patroni-console.conf.corrupt-*"_s }, QDir::Files).size(), 1);
}

QTEST_GUILESS_MAIN(TestProfilesCli)
#include "tst_profiles_cli.moc"
