// The credential store against the REAL Secret Service: the test environment (packaging/test-env.sh)
// provides a private D-Bus session with an unlocked, throw-away gnome-keyring. Without a D-Bus
// session this test fails: a keychain that silently is not there is exactly what it must catch.
//
// The "no keychain" cases run this executable again as a child process, pointed at a D-Bus address
// that does not exist, or at a private bus of our own without any Secret Service on it.
#include "app/credentials/credentialstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using Cluster::SecretKind;
using Credentials::CredentialStore;
using Credentials::Result;
using Credentials::Source;
using Code = Credentials::Result::Code;

Q_DECLARE_METATYPE(Cluster::SecretKind)

static const char childModeVariable[] = "TST_CREDENTIALSTORE_CHILD";
static constexpr int answerTimeoutMs = 20000;

static const QList<SecretKind> allKinds = { SecretKind::PatroniApi, SecretKind::HaproxyStats, SecretKind::Postgres };

// Unique per run, so parallel or aborted runs never see each other's entries.
static QString profileName(const QString& suffix)
{
    return u"tst-credentialstore-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(suffix);
}

static QString describe(const Result& r)
{
    return u"code=%1 detail=\"%2\" message=\"%3\""_s.arg(Credentials::codeName(r.code), r.detail, r.message);
}

class TestCredentialStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void writeReadOverwriteRemove_data();
    void writeReadOverwriteRemove();
    void storedInTheSecretService();
    void profilesAndKindsAreIsolated();
    void environmentWins();
    void unusualPasswords_data();
    void unusualPasswords();
    void callbackRunsOnContextThread();
    void deadContextMeansNoCallback();
    void noDbusSession();
    void dbusWithoutSecretService();

private:
    // Runs one operation with a context of its own and waits for its answer.
    Result await(const std::function<void(QObject*, CredentialStore::Callback)>& start);
    Result read(const QString& profile, SecretKind kind);
    Result write(const QString& profile, SecretKind kind, const QString& secret);
    Result remove(const QString& profile, SecretKind kind);
    // Runs this executable as a child with `environment` changes; returns its one-line answer.
    QString runChild(const QProcessEnvironment& environment);

    CredentialStore m_store;
    QStringList m_profiles; // everything written is removed in cleanupTestCase
};

Result TestCredentialStore::await(const std::function<void(QObject*, CredentialStore::Callback)>& start)
{
    QObject context;
    std::optional<Result> answer;
    start(&context, [&answer](const Result& r) { answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, answerTimeoutMs)) {
        Result timedOut;
        timedOut.code = Code::OtherError;
        timedOut.message = u"no answer from the credential store within %1 ms"_s.arg(answerTimeoutMs);
        return timedOut; // `context` dies here, so a late answer is dropped
    }
    return *answer;
}

Result TestCredentialStore::read(const QString& profile, SecretKind kind)
{
    return await([&](QObject* c, CredentialStore::Callback done) { m_store.read(profile, kind, c, done); });
}

Result TestCredentialStore::write(const QString& profile, SecretKind kind, const QString& secret)
{
    if (!m_profiles.contains(profile))
        m_profiles.append(profile);
    return await([&](QObject* c, CredentialStore::Callback done) { m_store.write(profile, kind, secret, c, done); });
}

Result TestCredentialStore::remove(const QString& profile, SecretKind kind)
{
    return await([&](QObject* c, CredentialStore::Callback done) { m_store.remove(profile, kind, c, done); });
}

void TestCredentialStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set, so there is no Secret Service to test "
              "against. Run the tests through packaging/run-tests.sh, or `source packaging/test-env.sh; "
              "test_env_start` first.");
    // The environment fallback must not hide the keychain from the tests that are about the keychain.
    for (SecretKind kind : allKinds)
        qunsetenv(Credentials::environmentVariable(kind).toLatin1().constData());

    const QString probe = profileName(u"probe"_s);
    const Result w = write(probe, SecretKind::PatroniApi, u"probe"_s);
    QVERIFY2(w.ok(),
        qPrintable(u"The Secret Service does not work here; every keychain test depends on it. "_s + describe(w)));
    QCOMPARE(remove(probe, SecretKind::PatroniApi).code, Code::Ok);
}

void TestCredentialStore::cleanupTestCase()
{
    for (SecretKind kind : allKinds)
        qunsetenv(Credentials::environmentVariable(kind).toLatin1().constData());
    for (const QString& profile : std::as_const(m_profiles)) {
        for (SecretKind kind : allKinds) {
            const Result r = remove(profile, kind);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
        }
    }
}

void TestCredentialStore::writeReadOverwriteRemove_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::newRow("Patroni API") << SecretKind::PatroniApi;
    QTest::newRow("HAProxy stats") << SecretKind::HaproxyStats;
    QTest::newRow("PostgreSQL") << SecretKind::Postgres;
}

void TestCredentialStore::writeReadOverwriteRemove()
{
    QFETCH(SecretKind, kind);
    const QString profile = profileName(u"cycle"_s);

    Result r = read(profile, kind);
    QVERIFY2(r.code == Code::NotFound, qPrintable(describe(r)));

    r = write(profile, kind, u"first-secret"_s);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.source, Source::Keychain);
    QVERIFY(r.secret.isEmpty()); // a write never echoes the secret

    r = read(profile, kind);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.secret, u"first-secret"_s);
    QCOMPARE(r.source, Source::Keychain);
    QCOMPARE(r.profile, profile);
    QCOMPARE(r.kind, kind);
    QVERIFY(r.message.isEmpty());

    r = write(profile, kind, u"second-secret"_s);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    r = read(profile, kind);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.secret, u"second-secret"_s);

    r = remove(profile, kind);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    r = read(profile, kind);
    QVERIFY2(r.code == Code::NotFound, qPrintable(describe(r)));
    QCOMPARE(r.source, Source::None);
    QVERIFY(r.secret.isEmpty());
    // The sentence says what is missing and both ways to provide it.
    QVERIFY2(r.message.contains(profile), qPrintable(r.message));
    QVERIFY2(r.message.contains(Credentials::environmentVariable(kind)), qPrintable(r.message));
    qInfo().noquote() << "not found:" << r.message;

    // Removing what is not there reaches the goal.
    r = remove(profile, kind);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
}

// Proof that the secret went to the Secret Service itself (not to some fallback file): libsecret's
// own command line tool finds it under QtKeychain's schema attributes.
void TestCredentialStore::storedInTheSecretService()
{
    const QString secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
    QVERIFY2(!secretTool.isEmpty(), "secret-tool is missing; install libsecret-tools (packaging/install-deps.sh)");
    const QString profile = profileName(u"secret-tool"_s);
    const Result w = write(profile, SecretKind::Postgres, u"seen-by-secret-tool"_s);
    QVERIFY2(w.ok(), qPrintable(describe(w)));

    QProcess lookup;
    lookup.start(secretTool,
        { u"lookup"_s, u"server"_s, CredentialStore::serviceName(), u"user"_s,
            Cluster::secretKey(profile, SecretKind::Postgres) });
    QVERIFY(lookup.waitForFinished(answerTimeoutMs));
    QCOMPARE(lookup.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()), u"seen-by-secret-tool"_s);
    QVERIFY(remove(profile, SecretKind::Postgres).ok());
}

void TestCredentialStore::profilesAndKindsAreIsolated()
{
    const QString a = profileName(u"a"_s);
    const QString b = profileName(u"b"_s);
    QVERIFY(write(a, SecretKind::PatroniApi, u"a-api"_s).ok());
    QVERIFY(write(b, SecretKind::PatroniApi, u"b-api"_s).ok());
    QVERIFY(write(a, SecretKind::Postgres, u"a-pg"_s).ok());

    QCOMPARE(read(a, SecretKind::PatroniApi).secret, u"a-api"_s);
    QCOMPARE(read(b, SecretKind::PatroniApi).secret, u"b-api"_s);
    QCOMPARE(read(a, SecretKind::Postgres).secret, u"a-pg"_s);
    QCOMPARE(read(b, SecretKind::Postgres).code, Code::NotFound);
    QCOMPARE(read(a, SecretKind::HaproxyStats).code, Code::NotFound);

    // Removing one leaves the others.
    QVERIFY(remove(a, SecretKind::PatroniApi).ok());
    QCOMPARE(read(a, SecretKind::PatroniApi).code, Code::NotFound);
    QCOMPARE(read(b, SecretKind::PatroniApi).secret, u"b-api"_s);
    QCOMPARE(read(a, SecretKind::Postgres).secret, u"a-pg"_s);

    // A profile whose name extends another's does not see its secrets.
    QCOMPARE(read(b + u"-x"_s, SecretKind::PatroniApi).code, Code::NotFound);

    QVERIFY(remove(b, SecretKind::PatroniApi).ok());
    QVERIFY(remove(a, SecretKind::Postgres).ok());
}

void TestCredentialStore::environmentWins()
{
    const QString profile = profileName(u"env"_s);
    const QByteArray variable = Credentials::environmentVariable(SecretKind::PatroniApi).toLatin1();
    QCOMPARE(variable, QByteArray("PATRONI_CONSOLE_PATRONI_API_PASSWORD"));
    QVERIFY(write(profile, SecretKind::PatroniApi, u"from-keychain"_s).ok());

    qputenv(variable.constData(), "from-environment");
    Result r = read(profile, SecretKind::PatroniApi);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.secret, u"from-environment"_s);
    QCOMPARE(r.source, Source::Environment);
    // For every profile, even one with nothing in the keychain.
    r = read(profileName(u"env-none"_s), SecretKind::PatroniApi);
    QCOMPARE(r.secret, u"from-environment"_s);
    QCOMPARE(r.source, Source::Environment);
    // Only for its own kind.
    QCOMPARE(read(profile, SecretKind::Postgres).code, Code::NotFound);
    // Writes still go to the keychain.
    QVERIFY(write(profile, SecretKind::PatroniApi, u"from-keychain-2"_s).ok());

    // An empty variable does not mask the keychain.
    qputenv(variable.constData(), QByteArray());
    r = read(profile, SecretKind::PatroniApi);
    QCOMPARE(r.secret, u"from-keychain-2"_s);
    QCOMPARE(r.source, Source::Keychain);

    qunsetenv(variable.constData());
    r = read(profile, SecretKind::PatroniApi);
    QCOMPARE(r.secret, u"from-keychain-2"_s);
    QCOMPARE(r.source, Source::Keychain);
    QVERIFY(remove(profile, SecretKind::PatroniApi).ok());
}

void TestCredentialStore::unusualPasswords_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("unicode") << u"pässwörd-密码-пароль-🔑-é"_s;
    QTest::newRow("quotes, backslashes, spaces, newline") << u" a \"quoted\" 'b' \\ c;d=e\nline 2 "_s;
    QString longSecret;
    for (int i = 0; i < 10000; ++i)
        longSecret.append(QChar(u'!' + (i * 7919) % 94));
    QTest::newRow("10000 characters") << longSecret;
    QTest::newRow("base64-looking") << u"aGVsbG8gd29ybGQ="_s;
}

void TestCredentialStore::unusualPasswords()
{
    QFETCH(QString, secret);
    const QString profile = profileName(u"unusual"_s);
    Result r = write(profile, SecretKind::Postgres, secret);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    r = read(profile, SecretKind::Postgres);
    QVERIFY2(r.ok(), qPrintable(describe(r)));
    QCOMPARE(r.secret.size(), secret.size());
    QCOMPARE(r.secret, secret);
    QVERIFY(remove(profile, SecretKind::Postgres).ok());
}

void TestCredentialStore::callbackRunsOnContextThread()
{
    const QString profile = profileName(u"threads"_s);
    QThread worker;
    worker.start();
    auto* workerContext = new QObject;
    workerContext->moveToThread(&worker);
    connect(&worker, &QThread::finished, workerContext, &QObject::deleteLater);

    // Called from the main thread, answered in the worker.
    std::atomic<QThread*> ranOn { nullptr };
    std::atomic<bool> done { false };
    std::atomic<bool> ok { false };
    m_profiles.append(profile);
    m_store.write(profile, SecretKind::PatroniApi, u"threaded"_s, workerContext, [&](const Result& r) {
        ok = r.ok(); // no QVERIFY here: QTest reports failures from the test thread only
        ranOn = QThread::currentThread();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, answerTimeoutMs);
    QCOMPARE(ranOn.load(), &worker);
    QVERIFY(ok);

    // Called from the worker: the job still runs on the main thread, the answer comes back to the worker.
    done = false;
    ranOn = nullptr;
    QString secret;
    QMetaObject::invokeMethod(workerContext, [&, this] {
        m_store.read(profile, SecretKind::PatroniApi, workerContext, [&](const Result& r) {
            secret = r.secret;
            ranOn = QThread::currentThread();
            done = true;
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, answerTimeoutMs);
    QCOMPARE(ranOn.load(), &worker);
    QCOMPARE(secret, u"threaded"_s);

    // Main-thread context: answered in the main thread, and never inside the call itself.
    done = false;
    bool duringCall = true;
    QObject mainContext;
    m_store.read(profile, SecretKind::PatroniApi, &mainContext, [&](const Result&) {
        QVERIFY(!duringCall);
        ranOn = QThread::currentThread();
        done = true;
    });
    duringCall = false;
    QVERIFY(!done);
    QTRY_VERIFY_WITH_TIMEOUT(done, answerTimeoutMs);
    QCOMPARE(ranOn.load(), QThread::currentThread());

    worker.quit();
    QVERIFY(worker.wait(answerTimeoutMs));
    QVERIFY(remove(profile, SecretKind::PatroniApi).ok());
}

void TestCredentialStore::deadContextMeansNoCallback()
{
    const QString profile = profileName(u"dead"_s);
    QVERIFY(write(profile, SecretKind::PatroniApi, u"x"_s).ok());
    std::atomic<int> calls { 0 };
    const auto count = [&calls](const Result&) { ++calls; };

    // Main thread: the context dies right after the call.
    auto* context = new QObject;
    m_store.read(profile, SecretKind::PatroniApi, context, count);
    m_store.write(profile, SecretKind::PatroniApi, u"y"_s, context, count);
    delete context;

    // Called from a worker whose context dies right after the call.
    QThread worker;
    worker.start();
    auto* workerContext = new QObject;
    workerContext->moveToThread(&worker);
    QMetaObject::invokeMethod(
        workerContext,
        [&, this] {
            m_store.read(profile, SecretKind::PatroniApi, workerContext, count);
            delete workerContext;
        },
        Qt::BlockingQueuedConnection);

    // The environment path, which never reaches the keychain.
    const QByteArray variable = Credentials::environmentVariable(SecretKind::Postgres).toLatin1();
    qputenv(variable.constData(), "from-environment");
    context = new QObject;
    m_store.read(profile, SecretKind::Postgres, context, count);
    delete context;
    const Result fromEnvironment = read(profile, SecretKind::Postgres); // queued after the dropped one
    qunsetenv(variable.constData());
    QCOMPARE(fromEnvironment.source, Source::Environment);

    // QtKeychain runs one job at a time, in order: once a later request has its answer, the
    // earlier jobs have finished and their (dropped) answers would have been delivered.
    const Result last = read(profile, SecretKind::PatroniApi);
    QVERIFY2(last.ok(), qPrintable(describe(last)));
    QCOMPARE(last.secret, u"y"_s); // the write whose context died still happened
    QCoreApplication::processEvents();
    worker.quit();
    QVERIFY(worker.wait(answerTimeoutMs));
    QCOMPARE(calls.load(), 0);
    QVERIFY(remove(profile, SecretKind::PatroniApi).ok());
}

QString TestCredentialStore::runChild(const QProcessEnvironment& environment)
{
    QProcess child;
    QProcessEnvironment env = environment;
    env.insert(QString::fromLatin1(childModeVariable), u"read"_s);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForFinished(answerTimeoutMs + 5000)) {
        child.kill();
        child.waitForFinished();
        return u"child timed out"_s;
    }
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

// A D-Bus address where nothing listens (a session that went away, a CI job without one).
void TestCredentialStore::noDbusSession()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + dir.filePath(u"no-bus-here"_s));
    for (SecretKind kind : allKinds)
        env.remove(Credentials::environmentVariable(kind));

    const QString answer = runChild(env);
    qInfo().noquote() << "no D-Bus:" << answer;
    QVERIFY2(answer.startsWith(u"unavailable|none||"_s), qPrintable(answer));
    QVERIFY2(
        answer.contains(u"The system keychain is not available (no Secret Service on D-Bus)"_s), qPrintable(answer));
    QVERIFY2(answer.endsWith(u"|notices=1"_s), qPrintable(answer)); // two reads, said once

    // The environment fallback works exactly when there is no keychain to ask.
    env.insert(Credentials::environmentVariable(SecretKind::PatroniApi), u"headless"_s);
    const QString headless = runChild(env);
    QCOMPARE(headless, u"ok|environment|headless||notices=0"_s);
}

// A working D-Bus session on which nobody provides org.freedesktop.secrets: a bus of our own with
// no service directories, so nothing can be activated on it.
void TestCredentialStore::dbusWithoutSecretService()
{
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing; install dbus (packaging/install-deps.sh)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile config(dir.filePath(u"bus.conf"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                 "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                 "<busconfig><type>session</type><listen>unix:dir=");
    config.write(dir.path().toUtf8());
    // As the stock session.conf, minus the service directories. Without the eavesdrop rule the bus
    // drops its own replies and every client waits out GDBus' 25 s timeout.
    config.write("</listen><auth>EXTERNAL</auth><policy context=\"default\">"
                 "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/>"
                 "</policy></busconfig>\n");
    config.close();

    QProcess bus;
    bus.start(daemon, { u"--config-file="_s + config.fileName(), u"--nofork"_s, u"--print-address"_s });
    QVERIFY2(bus.waitForStarted(), qPrintable(bus.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
    const QString address = QString::fromUtf8(bus.readLine()).trimmed();
    QVERIFY2(address.startsWith(u"unix:"_s), qPrintable(address));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, address);
    for (SecretKind kind : allKinds)
        env.remove(Credentials::environmentVariable(kind));
    const QString answer = runChild(env);
    bus.terminate();
    QVERIFY(bus.waitForFinished(10000));

    qInfo().noquote() << "D-Bus without Secret Service:" << answer;
    QVERIFY2(answer.startsWith(u"unavailable|none||"_s), qPrintable(answer));
    QVERIFY2(answer.contains(u"org.freedesktop.secrets"_s), qPrintable(answer));
    QVERIFY2(answer.endsWith(u"|notices=1"_s), qPrintable(answer));
}

// Child mode: one read for profile "probe", answered on stdout as code|source|secret|message.
static int childMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    CredentialStore store;
    QObject context;
    // Two reads: the keychain's absence is said in each result, and once in the notice.
    int notices = 0;
    QObject::connect(Credentials::KeychainNotice::instance(), &Credentials::KeychainNotice::unavailable, &context,
        [&notices](const QString&) { ++notices; });
    store.read(u"probe"_s, SecretKind::PatroniApi, &context, [&store, &context, &notices](const Result& r) {
        const QString source = r.source == Source::Environment ? u"environment"_s
            : r.source == Source::Keychain                     ? u"keychain"_s
                                                               : u"none"_s;
        const QString line
            = u"%1|%2|%3|%4"_s.arg(Credentials::codeName(r.code), source, r.secret, r.message.simplified());
        store.read(u"probe"_s, SecretKind::PatroniApi, &context, [line, &notices](const Result&) {
            std::fputs((line + u"|notices=%1\n"_s.arg(notices)).toUtf8().constData(), stdout);
            QCoreApplication::exit(0);
        });
    });
    QTimer::singleShot(answerTimeoutMs, &app, [] {
        std::fputs("child: no answer\n", stdout);
        QCoreApplication::exit(3);
    });
    return app.exec();
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(childModeVariable))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
