// Postgres::AsyncConnection against peers that misbehave in ways a real PostgreSQL cannot be made to on
// demand: accepting and never answering, closing at once, answering in another protocol. Every case
// must end in exactly one signal, within the deadline, while the event loop keeps turning.
// Everything a real PostgreSQL does (refused, wrong password, unknown database, a backend terminated
// mid-query) is tested against the lab in tests/integration/tst_postgres_lab.cpp.
#include "app/postgres/asyncconnection.h"
#include "reservedport.h"

#include <QElapsedTimer>

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;
using Postgres::AsyncConnection;

// A TCP peer on 127.0.0.1 that is not PostgreSQL.
class FakePeer : public QTcpServer {
    Q_OBJECT
public:
    enum class Mode { Silent, CloseAtOnce, Garbage };

    explicit FakePeer(Mode mode, QObject* parent = nullptr)
        : QTcpServer(parent)
        , m_mode(mode)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                ++accepted;
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                if (m_mode == Mode::CloseAtOnce)
                    s->abort();
                else if (m_mode == Mode::Garbage)
                    connect(s, &QTcpSocket::readyRead, s, [s] {
                        s->readAll();
                        s->write("HTTP/1.0 400 Bad Request\r\n\r\n");
                        s->disconnectFromHost();
                    });
            }
        });
        if (!listen(QHostAddress::LocalHost, 0))
            qFatal("FakePeer: cannot listen on 127.0.0.1");
    }

    int accepted = 0;

private:
    Mode m_mode;
};

static Postgres::ConnectionParams paramsFor(quint16 port, int deadlineMs = 1000)
{
    Postgres::ConnectionParams p;
    p.host = u"127.0.0.1"_s;
    p.port = port;
    p.dbname = u"enterprise_email"_s;
    p.user = u"email_app"_s;
    p.password = u"secret"_s;
    p.connectDeadlineMs = deadlineMs;
    return p;
}

class TestPostgresConnection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void failures_data();
    void failures();
    void silentPeerHitsOurDeadlineNotLibpqs();
    void eventLoopKeepsTurning();
    void refusedNeverFromInsideOpen();
    void hostNotFound();
    void closeIsSilent();
    void destroyWhileConnecting();
    void queryOnlyWhenReady();
    void queryOnceDiesWithItsContext();
    void reopenAbandonsTheFirstAttempt();
};

void TestPostgresConnection::initTestCase()
{
    // Run as tst_postgresconnection_de: the locale must really be German, or the run proves nothing.
    if (qEnvironmentVariable("LC_ALL").startsWith(u"de_DE"_s)) {
        const QString refused = QString::fromLocal8Bit(std::strerror(ECONNREFUSED));
        QVERIFY2(refused != u"Connection refused"_s,
            "LC_ALL=de_DE.UTF-8 but the C library speaks English: the locale is not installed "
            "(packaging/install-deps.sh generates it)");
        qInfo().noquote() << "C library under this locale:" << refused;
    }
}

void TestPostgresConnection::failures_data()
{
    QTest::addColumn<int>("mode"); // -1: nothing listens
    QTest::addColumn<QString>("sslmode");
    QTest::addColumn<int>("code");

    using M = FakePeer::Mode;
    QTest::newRow("nothing listens") << -1 << u"prefer"_s << int(Code::ConnectionRefused);
    QTest::newRow("accepts, never answers") << int(M::Silent) << u"prefer"_s << int(Code::Timeout);
    QTest::newRow("accepts, never answers, no TLS") << int(M::Silent) << u"disable"_s << int(Code::Timeout);
    QTest::newRow("closes at once") << int(M::CloseAtOnce) << u"disable"_s << int(Code::ConnectionReset);
    QTest::newRow("closes at once, TLS first") << int(M::CloseAtOnce) << u"prefer"_s << int(Code::ConnectionReset);
    QTest::newRow("answers HTTP (a Patroni API port)") << int(M::Garbage) << u"disable"_s << int(Code::NetworkError);
    QTest::newRow("answers HTTP to the TLS request") << int(M::Garbage) << u"prefer"_s << int(Code::NetworkError);
}

void TestPostgresConnection::failures()
{
    QFETCH(int, mode);
    QFETCH(QString, sslmode);
    QFETCH(int, code);

    std::unique_ptr<FakePeer> peer;
    ReservedClosedPort closed;
    quint16 port = closed.port();
    if (mode >= 0) {
        peer = std::make_unique<FakePeer>(FakePeer::Mode(mode));
        port = peer->serverPort();
    }
    Postgres::ConnectionParams params = paramsFor(port, 700);
    params.sslmode = sslmode;
    AsyncConnection conn;
    QSignalSpy ok(&conn, &AsyncConnection::connected);
    QSignalSpy failed(&conn, &AsyncConnection::connectFailed);
    QElapsedTimer clock;
    clock.start();
    conn.open(params);
    QVERIFY(failed.wait(5000));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(ok.count(), 0);
    const auto error = failed.first().first().value<Cluster::SourceError>();
    QVERIFY2(int(error.code) == code, qPrintable(Cluster::codeName(error.code) + u": "_s + error.detail));
    // The code says which path ended the attempt; the bound only separates our 700 ms deadline from
    // libpq's own (whole seconds, at least 2), with room for a loaded machine.
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(conn.state(), AsyncConnection::State::Closed);
    QVERIFY(Cluster::describe(error).startsWith(u"PostgreSQL email_app@127.0.0.1:"_s));
    QVERIFY(!Cluster::describe(error).contains(u"secret"_s));
    qInfo().noquote() << elapsed << "ms:" << Cluster::describe(error);
    // Exactly one signal, also after the deadline would have passed.
    QTest::qWait(100);
    QCOMPARE(failed.count(), 1);
}

void TestPostgresConnection::silentPeerHitsOurDeadlineNotLibpqs()
{
    // libpq rounds connect_timeout up to 2 s; ours is honoured to the millisecond.
    for (int deadline : { 150, 300, 600 }) {
        FakePeer peer(FakePeer::Mode::Silent);
        AsyncConnection conn;
        QSignalSpy failed(&conn, &AsyncConnection::connectFailed);
        QElapsedTimer clock;
        clock.start();
        conn.open(paramsFor(peer.serverPort(), deadline));
        QVERIFY(failed.wait(5000));
        const qint64 elapsed = clock.elapsed();
        // Never before our deadline; after it, anything under libpq's own 2 s minimum proves the
        // deadline was ours (a loaded machine may deliver the timer late, never early).
        QVERIFY2(elapsed >= deadline - 5 && elapsed < 2000,
            qPrintable(u"deadline %1 ms, fired after %2 ms"_s.arg(deadline).arg(elapsed)));
        const auto error = failed.first().first().value<Cluster::SourceError>();
        QCOMPARE(error.code, Code::Timeout);
        QVERIFY2(error.detail.contains(u"%1 ms"_s.arg(deadline)), qPrintable(error.detail));
        QCOMPARE(peer.accepted, 1);
    }
}

void TestPostgresConnection::eventLoopKeepsTurning()
{
    FakePeer peer(FakePeer::Mode::Silent);
    QTimer ticker;
    AsyncConnection conn;
    int ticks = 0;
    // Only ticks that arrive while the connection is still being made count: a blocked thread gets
    // none until the attempt is over, a turning loop several, however loaded the machine.
    connect(&ticker, &QTimer::timeout, this, [&ticks, &conn] {
        if (conn.state() == AsyncConnection::State::Connecting)
            ++ticks;
    });
    ticker.start(10);
    QSignalSpy failed(&conn, &AsyncConnection::connectFailed);
    conn.open(paramsFor(peer.serverPort(), 400));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY2(ticks >= 3, qPrintable(QString::number(ticks)));
}

void TestPostgresConnection::refusedNeverFromInsideOpen()
{
    AsyncConnection conn;
    int count = 0;
    connect(&conn, &AsyncConnection::connectFailed, this, [&count] { ++count; });
    const ReservedClosedPort closed;
    conn.open(paramsFor(closed.port()));
    QCOMPARE(count, 0); // not yet: a caller may connect its slots after open()
    QTRY_COMPARE(count, 1);
}

void TestPostgresConnection::hostNotFound()
{
    Postgres::ConnectionParams params = paramsFor(5432, 3000);
    // A name with an empty label: the resolver refuses it before asking any nameserver, so the test
    // is the same on a machine without DNS, with a slow one, or with one that answers everything.
    params.host = u"no-such-host..invalid"_s;
    AsyncConnection conn;
    QSignalSpy failed(&conn, &AsyncConnection::connectFailed);
    conn.open(params);
    QCOMPARE(conn.state(), AsyncConnection::State::Resolving);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const auto error = failed.first().first().value<Cluster::SourceError>();
    QVERIFY2(error.code == Code::HostNotFound, qPrintable(Cluster::describe(error)));
    QVERIFY2(Cluster::describe(error).contains(u"no-such-host..invalid"_s), qPrintable(Cluster::describe(error)));
    qInfo().noquote() << Cluster::describe(error);
}

void TestPostgresConnection::closeIsSilent()
{
    FakePeer peer(FakePeer::Mode::Silent);
    AsyncConnection conn;
    QSignalSpy ok(&conn, &AsyncConnection::connected);
    QSignalSpy failed(&conn, &AsyncConnection::connectFailed);
    // The deadline is far beyond the wait for the accept, so only close() can end the attempt here,
    // however slowly a loaded machine turns the loop; the wait after it outlasts the deadline.
    conn.open(paramsFor(peer.serverPort(), 1000));
    QTRY_COMPARE(peer.accepted, 1);
    QCOMPARE(failed.count(), 0);
    conn.close();
    QCOMPARE(conn.state(), AsyncConnection::State::Closed);
    QTest::qWait(1500);
    QCOMPARE(ok.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestPostgresConnection::destroyWhileConnecting()
{
    // Under ASan/LSan this proves the PGconn is freed when its owner goes away mid-handshake.
    FakePeer peer(FakePeer::Mode::Silent);
    for (int i = 0; i < 20; ++i) {
        auto* conn = new AsyncConnection;
        conn->open(paramsFor(peer.serverPort(), 5000));
        QTest::qWait(1);
        delete conn;
    }
    QTRY_COMPARE(peer.accepted, 20);
}

void TestPostgresConnection::queryOnlyWhenReady()
{
    AsyncConnection conn;
    QVERIFY(!conn.query(u"select 1"_s));
    QCOMPARE(conn.state(), AsyncConnection::State::Idle);
    FakePeer peer(FakePeer::Mode::Silent);
    conn.open(paramsFor(peer.serverPort(), 300));
    QVERIFY(!conn.query(u"select 1"_s));
}

void TestPostgresConnection::queryOnceDiesWithItsContext()
{
    FakePeer peer(FakePeer::Mode::Silent);
    int calls = 0;
    auto* context = new QObject;
    Postgres::queryOnce(paramsFor(peer.serverPort(), 1000), u"select 1"_s, {}, context,
        [&calls](const Postgres::OneShotResult&) { ++calls; });
    QTRY_COMPARE(peer.accepted, 1);
    QCOMPARE(calls, 0); // the deadline has not passed: only the context's death can end it now
    delete context;
    QTest::qWait(1500);
    QCOMPARE(calls, 0);

    // And with the context alive: exactly one call, with the connect failure in result.error.
    QObject alive;
    Postgres::OneShotResult got;
    Postgres::queryOnce(
        paramsFor(peer.serverPort(), 200), u"select 1"_s, {}, &alive, [&calls, &got](const Postgres::OneShotResult& r) {
            ++calls;
            got = r;
        });
    QTRY_COMPARE(calls, 1);
    QVERIFY(!got.connected);
    QCOMPARE(got.result.error.code, Code::Timeout);
    QVERIFY(got.totalMs >= 195);
    QTest::qWait(300);
    QCOMPARE(calls, 1);
}

void TestPostgresConnection::reopenAbandonsTheFirstAttempt()
{
    FakePeer silent(FakePeer::Mode::Silent);
    AsyncConnection conn;
    QSignalSpy failed(&conn, &AsyncConnection::connectFailed);
    const ReservedClosedPort closed;
    conn.open(paramsFor(silent.serverPort(), 250));
    conn.open(paramsFor(closed.port(), 250));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<Cluster::SourceError>().code, Code::ConnectionRefused);
    QTest::qWait(400);
    QCOMPARE(failed.count(), 1);
}

QTEST_GUILESS_MAIN(TestPostgresConnection)
#include "tst_postgresconnection.moc"
