// `patroni-console snapshot` against the lab: the same members, roles and timelines as patronictl, in
// every format; no planted secret in any of them; a PDF whose text reads back; a PNG that shows
// something; an unreachable cluster still described; an unwritable output refused before any reading.
#include "consolerun.h"
#include "labcluster.h"

#include "reservedport.h"

#include "app/credentials/credentialstore.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

// Secrets put where they have turned up in real tickets: the dynamic configuration (a password key,
// a conninfo), and the environment scripts run in (the console's own password variables, any token).
const QString dynamicSecret = u"planted-dynamic-Zq81"_s;
const QString conninfoSecret = u"planted-conninfo-Xw27"_s;
const QString environmentToken = u"planted-env-token-Lp55"_s;

} // namespace

class TestSnapshotCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void jsonAgreesWithPatronictl();
    void noSecretInAnyFormat();
    void keychainSecretOfAProfileRedacted();
    void pdfTextReadsBack();
    void pngIsNotBlank();
    void unreachableClusterIsDescribed();
    void unwritableOutputRefusedBeforeReading();
    void usageErrors_data();
    void usageErrors();

private:
    ConsoleRun snapshot(const QStringList& arguments)
    {
        return runConsole(QStringList { u"snapshot"_s } + arguments, m_env, 90000);
    }
    bool patchConfig(const QByteArray& body);
    QString path(const QString& name) const { return m_out.filePath(name); }

    LabCluster m_lab;
    QProcessEnvironment m_env;
    QTemporaryDir m_config;
    QTemporaryDir m_out;
    QStringList m_secrets;
    bool m_planted = false;
};

bool TestSnapshotCli::patchConfig(const QByteArray& body)
{
    QProcess curl;
    curl.setProcessEnvironment(m_lab.childEnvironment());
    curl.start(u"curl"_s,
        { u"-sS"_s, u"-f"_s, u"--max-time"_s, u"10"_s, u"-u"_s,
            m_lab.value(u"PATRONI_API_USER"_s) + u':' + m_lab.value(u"PATRONI_API_PASSWORD"_s), u"-X"_s, u"PATCH"_s,
            u"-H"_s, u"Content-Type: application/json"_s, u"--data-binary"_s, QString::fromUtf8(body),
            m_lab.apiUrls().first().toString() + u"/config"_s });
    if (!curl.waitForFinished(20000) || curl.exitCode() != 0) {
        qWarning() << "PATCH /config failed:" << curl.readAllStandardError();
        return false;
    }
    return true;
}

void TestSnapshotCli::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    QByteArray out;
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
    QVERIFY(m_config.isValid() && m_out.isValid());
    m_env = m_lab.childEnvironment();
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
    m_env.insert(u"XDG_DATA_HOME"_s, m_config.path());
    m_env.insert(u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s));
    m_env.insert(u"TICKET_SYSTEM_TOKEN"_s, environmentToken);
    // The real passwords in use are secrets too: planted into the configuration as text, they must go.
    m_secrets = { dynamicSecret, conninfoSecret, environmentToken, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s) };
    const QByteArray planted
        = u"{\"console_test\": {\"password\": \"%1\", \"restore\": \"host=db9 user=replicator "
          "password=%2\", \"note\": \"the superuser's is %3; tickets use %4\"}}"_s
              .arg(dynamicSecret, conninfoSecret, m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s), environmentToken)
              .toUtf8();
    QVERIFY(patchConfig(planted));
    m_planted = true;
}

void TestSnapshotCli::cleanupTestCase()
{
    if (m_planted)
        QVERIFY(patchConfig(R"({"console_test": null})"));
}

void TestSnapshotCli::jsonAgreesWithPatronictl()
{
    QJsonArray reference;
    QJsonObject snap;
    const auto settled = [](const QJsonObject& s, const QJsonArray& ref) {
        const QJsonArray members = s.value("state"_L1).toObject().value("members"_L1).toArray();
        if (members.size() != ref.size())
            return false;
        for (const QJsonValue& r : ref) {
            bool same = false;
            for (const QJsonValue& m : members)
                same |= m.toObject().value("name"_L1) == r.toObject().value("Member"_L1)
                    && m.toObject().value("timeline"_L1).toInt(-1) == r.toObject().value("TL"_L1).toInt(-2);
            if (!same)
                return false;
        }
        return true;
    };
    // Both read the DCS at slightly different moments: retry if a change fell in between.
    for (int attempt = 0; attempt < 10; ++attempt) {
        reference = m_lab.patronictlList();
        const ConsoleRun r = snapshot({ u"--profile"_s, u"lab"_s, u"--output"_s, path(u"lab.json"_s) });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(path(u"lab.json"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        snap = QJsonDocument::fromJson(f.readAll()).object();
        if (settled(snap, reference))
            break;
        QTest::qWait(1000);
    }
    QCOMPARE(snap.value("schema"_L1).toString(), u"patroni-console/snapshot/1"_s);
    QVERIFY(!reference.isEmpty());
    const QJsonObject state = snap.value("state"_L1).toObject();
    const QJsonArray members = state.value("members"_L1).toArray();
    QCOMPARE(members.size(), reference.size());
    for (const QJsonValue& v : reference) {
        const QJsonObject row = v.toObject();
        QJsonObject m;
        for (const QJsonValue& candidate : members)
            if (candidate.toObject().value("name"_L1) == row.value("Member"_L1))
                m = candidate.toObject();
        QVERIFY2(!m.isEmpty(), qPrintable(row.value("Member"_L1).toString()));
        const QString role = row.value("Role"_L1).toString();
        QCOMPARE(m.value("role"_L1).toString(), role == u"Leader"_s ? u"leader"_s : role.toLower().replace(u' ', u'_'));
        QCOMPARE(m.value("timeline"_L1).toInt(-1), row.value("TL"_L1).toInt(-1));
        QCOMPARE(m.value("state"_L1).toString(), row.value("State"_L1).toString());
    }
    // Everything else a snapshot promises is there, read.
    QCOMPARE(snap.value("unread"_L1).toArray(), QJsonArray {});
    QCOMPARE(snap.value("profile"_L1).toObject().value("name"_L1).toString(), u"lab"_s);
    QVERIFY(!state.value("cluster"_L1).toObject().value("history"_L1).toArray().isEmpty());
    QVERIFY(state.value("cluster"_L1).toObject().value("config"_L1).toObject().contains("loop_wait"_L1));
    QCOMPARE(state.value("etcd"_L1).toObject().value("healthy"_L1).toInt(), 3);
    QVERIFY(!state.value("postgres"_L1).toObject().value("routingProbes"_L1).toArray().isEmpty());
    QVERIFY(
        !state.value("haproxy"_L1).toObject().value("primary"_L1).toObject().value("routesTo"_L1).toArray().isEmpty());
    QVERIFY(snap.value("journal"_L1).isArray());
    QVERIFY(!snap.value("origin"_L1).toObject().value("host"_L1).toString().isEmpty());
}

void TestSnapshotCli::noSecretInAnyFormat()
{
    QStringList texts;
    for (const QString& name : { u"s.json"_s, u"s.md"_s, u"s.html"_s, u"s.pdf"_s }) {
        const ConsoleRun r = snapshot({ u"--profile"_s, u"lab"_s, u"--output"_s, path(name) });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        texts.append(QString::fromUtf8(r.out + r.err));
        if (name.endsWith(u".pdf"_s)) {
            QProcess pdftotext;
            pdftotext.start(u"pdftotext"_s, { path(name), u"-"_s });
            QVERIFY2(pdftotext.waitForFinished(30000) && pdftotext.exitCode() == 0, "pdftotext failed");
            texts.append(QString::fromUtf8(pdftotext.readAllStandardOutput()));
        } else {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            texts.append(QString::fromUtf8(f.readAll()));
        }
        // The planted block was read and is there, masked.
        QVERIFY2(texts.last().contains(u"console_test"_s), qPrintable(name));
        QVERIFY2(texts.last().contains(u"[redacted]"_s), qPrintable(name));
    }
    const ConsoleRun md = snapshot({ u"--profile"_s, u"lab"_s, u"--output"_s, u"-"_s, u"--format"_s, u"markdown"_s });
    QCOMPARE(md.exitCode, 0);
    texts.append(QString::fromUtf8(md.out + md.err));
    const ConsoleRun status = runConsole({ u"status"_s, u"--profile"_s, u"lab"_s, u"--format"_s, u"json"_s }, m_env);
    QCOMPARE(status.exitCode, 0);
    QVERIFY(status.out.contains("console_test"));
    texts.append(QString::fromUtf8(status.out + status.err));
    for (const QString& text : std::as_const(texts)) {
        for (const QString& secret : std::as_const(m_secrets))
            QVERIFY2(!text.contains(secret), qPrintable(u"\"%1\" found in:\n%2"_s.arg(secret, text.left(3000))));
    }
    // What is not secret stays: the user named in the conninfo, the password key itself.
    QVERIFY(texts.at(1).contains(u"user=replicator password=[redacted]"_s)); // s.json
}

void TestSnapshotCli::keychainSecretOfAProfileRedacted()
{
    // A saved cluster whose Patroni API password lives in the keychain, as the window stores it. Reading
    // needs no password (Patroni asks one only for changes), so a value of the test's own is harmless.
    const QString keychainSecret = u"planted-keychain-Vb42"_s;
    QFile file(path(u"planted-profiles.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"{\"schema\": \"patroni-console/profiles/1\", \"profiles\": [{\"name\": \"planted\", "
               "\"patroniUrls\": [\"%1\"], \"patroniApiUser\": \"%2\"}]}"_s
                   .arg(m_lab.apiUrls().first().toString(), m_lab.value(u"PATRONI_API_USER"_s))
                   .toUtf8());
    file.close();
    ConsoleRun r = runConsole({ u"profiles"_s, u"import"_s, path(u"planted-profiles.json"_s) }, m_env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Credentials::CredentialStore keychain;
    QEventLoop loop;
    Credentials::Result written;
    keychain.write(
        u"planted"_s, Cluster::SecretKind::PatroniApi, keychainSecret, &loop, [&](const Credentials::Result& result) {
            written = result;
            loop.quit();
        });
    loop.exec();
    QVERIFY2(written.ok(), qPrintable(written.message)); // CI runs the tests with an unlocked keyring
    QProcessEnvironment env = m_env;
    env.remove(Credentials::environmentVariable(Cluster::SecretKind::PatroniApi)); // the keychain must answer
    const QString planted = u"{\"console_test_keychain\": \"the API password is %1\"}"_s.arg(keychainSecret);
    QVERIFY(patchConfig(planted.toUtf8()));
    QStringList texts;
    for (const QString& name : { u"k.json"_s, u"k.md"_s, u"k.html"_s }) {
        r = runConsole({ u"snapshot"_s, u"--profile"_s, u"planted"_s, u"--output"_s, path(name) }, env, 90000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        texts.append(QString::fromUtf8(f.readAll() + r.out + r.err));
    }
    r = runConsole({ u"status"_s, u"--profile"_s, u"planted"_s, u"--format"_s, u"json"_s }, env);
    texts.append(QString::fromUtf8(r.out + r.err));
    QVERIFY(patchConfig(R"({"console_test_keychain": null})"));
    keychain.remove(
        u"planted"_s, Cluster::SecretKind::PatroniApi, &loop, [&](const Credentials::Result&) { loop.quit(); });
    loop.exec();
    QCOMPARE(runConsole({ u"profiles"_s, u"remove"_s, u"planted"_s }, m_env).exitCode, 0);
    for (const QString& text : std::as_const(texts)) {
        QVERIFY2(text.contains(u"console_test_keychain"_s), qPrintable(text.left(2000))); // it was read
        QVERIFY2(text.contains(u"the API password is [redacted]"_s), qPrintable(text.left(2000)));
        QVERIFY(!text.contains(keychainSecret));
    }
}

void TestSnapshotCli::pdfTextReadsBack()
{
    const ConsoleRun r = snapshot({ u"--profile"_s, u"lab"_s, u"--output"_s, path(u"read.pdf"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(path(u"read.pdf"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    QProcess pdftotext;
    pdftotext.start(u"pdftotext"_s, { u"-layout"_s, path(u"read.pdf"_s), u"-"_s });
    QVERIFY(pdftotext.waitForFinished(30000) && pdftotext.exitCode() == 0);
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(u"Cluster lab (scope "_s + m_lab.value(u"LAB_SCOPE"_s) + u')'), qPrintable(text.left(500)));
    for (const QString& section : { u"Members"_s, u"Findings"_s, u"HAProxy"_s, u"etcd"_s, u"Sources"_s })
        QVERIFY2(text.contains(section), qPrintable(section));
    for (const QString& member : m_lab.value(u"LAB_NODES"_s).split(u' ', Qt::SkipEmptyParts))
        QVERIFY2(text.contains(member), qPrintable(member));
    QVERIFY(text.contains(u"HEALTHY"_s));
}

void TestSnapshotCli::pngIsNotBlank()
{
    const ConsoleRun r = snapshot({ u"--profile"_s, u"lab"_s, u"--output"_s, path(u"lab.png"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QImage image(path(u"lab.png"_s));
    QVERIFY(!image.isNull());
    QVERIFY2(
        image.width() >= 1000 && image.height() >= 700, qPrintable(u"%1×%2"_s.arg(image.width()).arg(image.height())));
    // Something is drawn: many colours, and a good share of the picture differs from its background.
    QHash<QRgb, int> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            ++colours[image.pixel(x, y)];
    int background = 0;
    for (const int n : std::as_const(colours))
        background = std::max(background, n);
    const int sampled = ((image.width() + 1) / 2) * ((image.height() + 1) / 2);
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    QVERIFY2(sampled - background > sampled / 10, qPrintable(u"%1 of %2"_s.arg(sampled - background).arg(sampled)));
    // The health banner of a healthy cluster: a good share of green.
    int green = 0;
    for (auto it = colours.cbegin(); it != colours.cend(); ++it) {
        const QColor c(it.key());
        if (c.green() > c.red() + 40 && c.green() > c.blue() + 40)
            green += it.value();
    }
    QVERIFY2(green > sampled / 100, qPrintable(QString::number(green)));
}

void TestSnapshotCli::unreachableClusterIsDescribed()
{
    const ReservedClosedPort closed;
    const QString out = path(u"gone.md"_s);
    const ConsoleRun r = snapshot(
        { u"--url"_s, u"http://127.0.0.1:%1"_s.arg(closed.port()), u"--timeout"_s, u"500"_s, u"--output"_s, out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("could not be read"), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY2(md.contains(u"## Could not be read"_s), qPrintable(md));
    QVERIFY2(md.contains(u"Patroni (GET /cluster): "_s) && md.contains(u"refused"_s), qPrintable(md));
    const ConsoleRun json = snapshot({ u"--url"_s, u"http://127.0.0.1:%1"_s.arg(closed.port()), u"--timeout"_s,
        u"500"_s, u"--output"_s, u"-"_s, u"--format"_s, u"json"_s });
    QCOMPARE(json.exitCode, 1);
    QVERIFY(!QJsonDocument::fromJson(json.out).object().value("unread"_L1).toArray().isEmpty());
}

void TestSnapshotCli::unwritableOutputRefusedBeforeReading()
{
    // A Patroni that would see any request: the command must not even connect.
    QTcpServer watcher;
    QVERIFY(watcher.listen(QHostAddress::LocalHost));
    const QString url = u"http://127.0.0.1:%1"_s.arg(watcher.serverPort());
    const QStringList before = QDir(m_out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    const struct {
        QString path;
        QString says;
    } cases[] = { { path(u"no/such/dir/x.json"_s), u"does not exist"_s }, { m_out.path(), u"is a directory"_s } };
    for (const auto& c : cases) {
        const ConsoleRun r = snapshot({ u"--url"_s, url, u"--output"_s, c.path, u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(QString::fromUtf8(r.err).contains(c.says), r.err.constData());
    }
    QVERIFY(!watcher.waitForNewConnection(0)); // the process is gone: a connection would be queued by now
    QCOMPARE(QDir(m_out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
}

void TestSnapshotCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no output") << QStringList { u"--profile"_s, u"lab"_s } << u"give --output"_s;
    QTest::newRow("unknown extension") << QStringList { u"--profile"_s, u"lab"_s, u"-o"_s, u"x.txt"_s }
                                       << u"cannot tell the format"_s;
    QTest::newRow("bad format") << QStringList { u"--profile"_s, u"lab"_s, u"-o"_s, u"x"_s, u"--format"_s, u"doc"_s }
                                << u"--format must be json, markdown, html, pdf or png"_s;
    QTest::newRow("png to stdout") << QStringList { u"--profile"_s, u"lab"_s, u"-o"_s, u"-"_s, u"--format"_s, u"png"_s }
                                   << u"binary"_s;
    QTest::newRow("no cluster") << QStringList { u"-o"_s, u"x.json"_s } << u"give at least one --url"_s;
    QTest::newRow("bad duration") << QStringList { u"--profile"_s, u"lab"_s, u"-o"_s, u"x.json"_s, u"--duration"_s,
        u"-1"_s } << u"--duration"_s;
}

void TestSnapshotCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ConsoleRun r = snapshot(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.err.contains("Usage: patroni-console snapshot"));
}

QTEST_GUILESS_MAIN(TestSnapshotCli)
#include "tst_snapshot_cli.moc"
