// The pure half of the PostgreSQL probes: rows → values, libpq messages → errors, probes → members.
// Rows were captured from the lab (PostgreSQL 15.18, psql -A output of the very statements in
// models/postgres/*.cpp), once as the superuser and once as email_app, which lacks pg_read_all_stats.
// Messages were captured from libpq 15.18 in verbose mode against the same lab.
#include "models/postgres/libpqerror.h"
#include "models/postgres/replicastatus.h"
#include "models/postgres/replicationstat.h"
#include "models/postgres/routingprobe.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

// "a|b|c" lines as psql -A prints them; an empty field is SQL NULL (none of these columns can be '').
static Postgres::QueryResult fromPsql(const QString& header, const QStringList& lines)
{
    Postgres::QueryResult r;
    r.columns = header.split(u'|');
    for (const QString& line : lines) {
        QVariantList row;
        for (const QString& field : line.split(u'|'))
            row.append(field.isEmpty() ? QVariant() : QVariant(field));
        r.rows.append(row);
    }
    return r;
}

static const QString primaryHeader = u"in_recovery|current_lsn|pid|application_name|client_addr|state|sync_state|"
                                     "sent_lsn|write_lsn|flush_lsn|replay_lsn|sent_lag_bytes|write_lag_bytes|"
                                     "flush_lag_bytes|replay_lag_bytes|write_lag_seconds|flush_lag_seconds|"
                                     "replay_lag_seconds"_s;
static const QString replicaHeader = u"in_recovery|receive_lsn|replay_lsn|caught_up|replay_gap_bytes|"
                                     "last_replay_epoch|replay_delay_seconds|replay_paused|wal_receiver_pid|"
                                     "wal_receiver_status|wal_sender_host|wal_sender_port"_s;

static QList<Cluster::Member> labMembers()
{
    QList<Cluster::Member> members;
    for (int i = 1; i <= 3; ++i) {
        Cluster::Member m;
        m.name = u"patroni%1"_s.arg(i);
        m.host = u"127.0.0.1"_s;
        m.port = 5440 + i;
        members.append(m);
    }
    return members;
}

static Cluster::Member member(const QString& name, const QString& host, int port)
{
    Cluster::Member m;
    m.name = name;
    m.host = host;
    m.port = port;
    return m;
}

class TestPostgresModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void memberForProbe_data();
    void memberForProbe();
    void backendsForPort();
    void routingResult();
    void routingSqlNamesItsColumns();
    void primaryAsSuperuser();
    void primaryWhileLoadedMeasuresSeconds();
    void primaryAsUnprivilegedRole();
    void primaryQueryOnAStandby();
    void primaryWithoutStandbys();
    void primaryErrorsPassThrough();
    void primaryMissingColumn();
    void replicaStreamingIdle();
    void replicaBehind();
    void replicaOnAPrimary();
    void replicaUnprivileged();
    void replicaWrongRowCount();
    void conversions();
    void libpqMessages_data();
    void libpqMessages();
    void describeTexts();
};

void TestPostgresModels::memberForProbe_data()
{
    QTest::addColumn<QString>("serverAddr");
    QTest::addColumn<int>("serverPort");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QList<Cluster::Member>>("members");
    QTest::addColumn<QString>("expected");

    const QList<Cluster::Member> lab = labMembers();
    QTest::newRow("lab leader") << u"127.0.0.1"_s << 5441 << true << lab << u"patroni1"_s;
    QTest::newRow("lab replica") << u"127.0.0.1"_s << 5443 << true << lab << u"patroni3"_s;
    QTest::newRow("inet text with prefix length") << u"127.0.0.1/32"_s << 5442 << true << lab << u"patroni2"_s;
    QTest::newRow("IPv4-mapped IPv6") << u"::ffff:127.0.0.1"_s << 5442 << true << lab << u"patroni2"_s;
    QTest::newRow("port nobody has") << u"127.0.0.1"_s << 5432 << true << lab << QString();
    QTest::newRow("failed probe") << u"127.0.0.1"_s << 5441 << false << lab << QString();
    QTest::newRow("no address (Unix socket)") << QString() << 5441 << true << lab << QString();

    const QList<Cluster::Member> spread { member(u"a"_s, u"10.0.0.11"_s, 5432), member(u"b"_s, u"10.0.0.12"_s, 5432),
        member(u"c"_s, u"10.0.0.13"_s, 5432) };
    QTest::newRow("same port, address decides") << u"10.0.0.12"_s << 5432 << true << spread << u"b"_s;
    QTest::newRow("unknown address") << u"10.0.0.99"_s << 5432 << true << spread << QString();

    QTest::newRow("member registered as localhost")
        << u"::1"_s << 5433 << true << QList<Cluster::Member> { member(u"x"_s, u"localhost"_s, 5433) } << u"x"_s;
    QTest::newRow("IPv6 member in brackets")
        << u"fd00::5"_s << 5432 << true
        << QList<Cluster::Member> { member(u"v6"_s, u"[FD00::5]"_s, 5432), member(u"v4"_s, u"10.0.0.1"_s, 5432) }
        << u"v6"_s;

    const QList<Cluster::Member> named { member(u"db1"_s, u"db1.example.net"_s, 5432),
        member(u"db2"_s, u"db2.example.net"_s, 5433) };
    QTest::newRow("DNS names, port unique") << u"10.1.2.3"_s << 5433 << true << named << u"db2"_s;
    const QList<Cluster::Member> namedSamePort { member(u"db1"_s, u"db1.example.net"_s, 5432),
        member(u"db2"_s, u"db2.example.net"_s, 5432) };
    QTest::newRow("DNS names, same port: ambiguous") << u"10.1.2.3"_s << 5432 << true << namedSamePort << QString();
    QTest::newRow("two members claim one address: ambiguous")
        << u"10.0.0.1"_s << 5432 << true
        << QList<Cluster::Member> { member(u"p"_s, u"10.0.0.1"_s, 5432), member(u"q"_s, u"10.0.0.1"_s, 5432) }
        << QString();
}

void TestPostgresModels::memberForProbe()
{
    QFETCH(QString, serverAddr);
    QFETCH(int, serverPort);
    QFETCH(bool, ok);
    QFETCH(QList<Cluster::Member>, members);
    QFETCH(QString, expected);
    Postgres::RoutingProbe p;
    p.port = 5000;
    p.ok = ok;
    p.serverAddr = serverAddr;
    p.serverPort = serverPort;
    QCOMPARE(Postgres::memberForProbe(p, members), expected);
}

void TestPostgresModels::backendsForPort()
{
    auto probe = [](int port, const QString& addr, int serverPort, bool ok) {
        Postgres::RoutingProbe p;
        p.port = port;
        p.ok = ok;
        p.serverAddr = addr;
        p.serverPort = serverPort;
        return p;
    };
    const QList<Postgres::RoutingProbe> probes { probe(5001, u"127.0.0.1"_s, 5443, true),
        probe(5001, u"127.0.0.1"_s, 5442, true), probe(5001, u"127.0.0.1"_s, 5443, true),
        probe(5001, QString(), 0, false), probe(5000, u"127.0.0.1"_s, 5441, true) };
    QCOMPARE(Postgres::backendsForPort(probes, 5001), (QStringList { u"127.0.0.1:5442"_s, u"127.0.0.1:5443"_s }));
    QCOMPARE(Postgres::backendsForPort(probes, 5000), QStringList { u"127.0.0.1:5441"_s });
    QCOMPARE(Postgres::backendsForPort(probes, 5002), QStringList());
}

void TestPostgresModels::routingResult()
{
    // psql through 5001 in the lab: "t|127.0.0.1|5442".
    Postgres::RoutingProbe p;
    p.port = 5001;
    Postgres::applyRoutingResult(fromPsql(u"in_recovery|server_addr|server_port"_s, { u"t|127.0.0.1|5442"_s }), &p);
    QVERIFY(p.ok);
    QVERIFY(p.inRecovery);
    QCOMPARE(p.backend(), u"127.0.0.1:5442"_s);
    QCOMPARE(Postgres::memberForProbe(p, labMembers()), u"patroni2"_s);

    Postgres::QueryResult failed;
    failed.error.code = Code::ConnectionRefused;
    Postgres::RoutingProbe q;
    Postgres::applyRoutingResult(failed, &q);
    QVERIFY(!q.ok);
    QCOMPARE(q.error.code, Code::ConnectionRefused);
    QCOMPARE(q.backend(), QString());

    Postgres::RoutingProbe empty;
    Postgres::applyRoutingResult(fromPsql(u"in_recovery|server_addr|server_port"_s, {}), &empty);
    QVERIFY(!empty.ok);
    QCOMPARE(empty.error.code, Code::UnexpectedShape);
}

void TestPostgresModels::routingSqlNamesItsColumns()
{
    const QString sql = Postgres::routingProbeSql();
    for (const QString& c : { u"as in_recovery"_s, u"as server_addr"_s, u"as server_port"_s })
        QVERIFY2(sql.contains(c), qPrintable(c));
    // inet's text form would say 127.0.0.1/32.
    QVERIFY(sql.contains(u"host(inet_server_addr())"_s));
}

void TestPostgresModels::primaryAsSuperuser()
{
    // Two standbys, caught up, the primary idle for a while: the lags in seconds are NULL, not 0.
    const auto parsed = Postgres::parseReplicationStats(fromPsql(primaryHeader,
        { u"f|0/60001B8|4781|patroni3|127.0.0.1|streaming|async|0/60001B8|0/60001B8|0/60001B8|0/60001B8|0|0|0|0|||"_s,
            u"f|0/60001B8|4794|patroni2|127.0.0.1|streaming|async|0/60001B8|0/60001B8|0/60001B8|0/60001A0|0|0|0|24|||"_s }));
    QVERIFY(!parsed.error.isError());
    QVERIFY(parsed.warnings.isEmpty());
    QVERIFY(parsed.snapshot);
    QVERIFY(!parsed.snapshot->inRecovery);
    QCOMPARE(parsed.snapshot->currentLsn, u"0/60001B8"_s);
    QCOMPARE(parsed.snapshot->stats.size(), 2);
    const Postgres::ReplicationStat& s = parsed.snapshot->stats.at(1);
    QCOMPARE(s.pid, 4794);
    QCOMPARE(s.applicationName, u"patroni2"_s);
    QCOMPARE(s.clientAddr, u"127.0.0.1"_s);
    QCOMPARE(s.state, u"streaming"_s);
    QCOMPARE(s.syncState, u"async"_s);
    QCOMPARE(s.replayLsn, u"0/60001A0"_s);
    QCOMPARE(s.sentLagBytes, std::optional<qint64>(0));
    QCOMPARE(s.replayLagBytes, std::optional<qint64>(24));
    QVERIFY(!s.writeLagSeconds);
    QVERIFY(!s.flushLagSeconds);
    QVERIFY(!s.replayLagSeconds);
    QVERIFY(!s.detailsHidden);
}

void TestPostgresModels::primaryWhileLoadedMeasuresSeconds()
{
    const auto parsed = Postgres::parseReplicationStats(fromPsql(primaryHeader,
        { u"f|0/6030FF0|4794|patroni2|127.0.0.1|streaming|async|0/6030FF0|0/6030FF0|0/6030FF0|0/6030FF0|0|0|0|0|0.000193|0.000624|0.000892"_s }));
    QVERIFY(parsed.snapshot);
    const Postgres::ReplicationStat& s = parsed.snapshot->stats.first();
    QCOMPARE(s.writeLagSeconds, std::optional<double>(0.000193));
    QCOMPARE(s.flushLagSeconds, std::optional<double>(0.000624));
    QCOMPARE(s.replayLagSeconds, std::optional<double>(0.000892));
}

void TestPostgresModels::primaryAsUnprivilegedRole()
{
    // email_app: the senders are listed, their details withheld.
    const auto parsed = Postgres::parseReplicationStats(fromPsql(
        primaryHeader, { u"f|0/6030FF0|4794|patroni2||||||||||||||"_s, u"f|0/6030FF0|4781|patroni3||||||||||||||"_s }));
    QVERIFY(!parsed.error.isError());
    QVERIFY(parsed.snapshot);
    QCOMPARE(parsed.snapshot->stats.size(), 2);
    for (const Postgres::ReplicationStat& s : parsed.snapshot->stats) {
        QVERIFY(s.detailsHidden);
        QVERIFY(!s.replayLagBytes);
        QVERIFY(s.state.isEmpty());
    }
    QCOMPARE(parsed.warnings.size(), 2);
    QVERIFY2(parsed.warnings.first().contains(u"pg_read_all_stats"_s), qPrintable(parsed.warnings.first()));
}

void TestPostgresModels::primaryQueryOnAStandby()
{
    // The same statement on patroni2 (a standby): no error, in_recovery says what it is.
    const auto parsed = Postgres::parseReplicationStats(fromPsql(primaryHeader, { u"t|0/6030FF0||||||||||||||||"_s }));
    QVERIFY(!parsed.error.isError());
    QVERIFY(parsed.snapshot);
    QVERIFY(parsed.snapshot->inRecovery);
    QCOMPARE(parsed.snapshot->currentLsn, u"0/6030FF0"_s);
    QVERIFY(parsed.snapshot->stats.isEmpty());
}

void TestPostgresModels::primaryWithoutStandbys()
{
    const auto parsed = Postgres::parseReplicationStats(fromPsql(primaryHeader, { u"f|0/7000000||||||||||||||||"_s }));
    QVERIFY(parsed.snapshot);
    QVERIFY(!parsed.snapshot->inRecovery);
    QVERIFY(parsed.snapshot->stats.isEmpty());
}

void TestPostgresModels::primaryErrorsPassThrough()
{
    Postgres::QueryResult r;
    r.error.code = Code::PostgresAuthFailed;
    r.error.detail = u"password authentication failed for user \"postgres\" (SQLSTATE 28P01)"_s;
    const auto parsed = Postgres::parseReplicationStats(r);
    QVERIFY(!parsed.snapshot);
    QCOMPARE(parsed.error, r.error);
}

void TestPostgresModels::primaryMissingColumn()
{
    const auto parsed = Postgres::parseReplicationStats(fromPsql(u"pid|application_name"_s, { u"1|x"_s }));
    QVERIFY(!parsed.snapshot);
    QCOMPARE(parsed.error.code, Code::UnexpectedShape);
    QVERIFY(parsed.error.detail.contains(u"in_recovery"_s));
    QCOMPARE(Postgres::parseReplicationStats(fromPsql(primaryHeader, {})).error.code, Code::UnexpectedShape);
}

void TestPostgresModels::replicaStreamingIdle()
{
    // patroni2 right after start: nothing replayed yet, so no timestamp and no delay (absent, not 0).
    auto parsed = Postgres::parseReplicaStatus(
        fromPsql(replicaHeader, { u"t|0/6030FF0|0/6030FF0|t|0|||f|4793|streaming|127.0.0.1|5441"_s }));
    QVERIFY(!parsed.error.isError());
    QVERIFY(parsed.status);
    Postgres::ReplicaStatus s = *parsed.status;
    QVERIFY(s.inRecovery);
    QCOMPARE(s.receiveLsn, u"0/6030FF0"_s);
    QCOMPARE(s.replayLsn, u"0/6030FF0"_s);
    QCOMPARE(s.caughtUp, std::optional<bool>(true));
    QCOMPARE(s.replayGapBytes, std::optional<qint64>(0));
    QVERIFY(!s.lastReplayTimestamp);
    QVERIFY(!s.replayDelaySeconds);
    QCOMPARE(s.replayPaused, std::optional<bool>(false));
    QVERIFY(s.walReceiver);
    QCOMPARE(s.walReceiver->pid, 4793);
    QCOMPARE(s.walReceiver->status, u"streaming"_s);
    QCOMPARE(s.walReceiver->senderHost, u"127.0.0.1"_s);
    QCOMPARE(s.walReceiver->senderPort, 5441);
    QVERIFY(!s.walReceiver->detailsHidden);
    QCOMPARE(s.effectiveDelaySeconds(), std::optional<double>(0.0));

    // Later, an idle primary: the delay grows although nothing is behind.
    parsed = Postgres::parseReplicaStatus(fromPsql(
        replicaHeader, { u"t|0/6031200|0/6031200|t|0|1795452398.123456|87.654321|f|4793|streaming|127.0.0.1|5441"_s }));
    QVERIFY(parsed.status);
    s = *parsed.status;
    QCOMPARE(s.lastReplayTimestamp, std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(1795452398123, Qt::UTC)));
    QCOMPARE(s.replayDelaySeconds, std::optional<double>(87.654321));
    QCOMPARE(s.effectiveDelaySeconds(), std::optional<double>(0.0)); // idle, not behind
}

void TestPostgresModels::replicaBehind()
{
    const auto parsed = Postgres::parseReplicaStatus(fromPsql(
        replicaHeader, { u"t|0/9000000|0/8FFF000|f|4096|1795452398.5|12.25|f|4793|streaming|127.0.0.1|5441"_s }));
    QVERIFY(parsed.status);
    QCOMPARE(parsed.status->caughtUp, std::optional<bool>(false));
    QCOMPARE(parsed.status->replayGapBytes, std::optional<qint64>(4096));
    QCOMPARE(parsed.status->effectiveDelaySeconds(), std::optional<double>(12.25));
}

void TestPostgresModels::replicaOnAPrimary()
{
    // The same statement on the primary (patroni1): replay LSN from its own startup, no receiver.
    const auto parsed = Postgres::parseReplicaStatus(fromPsql(replicaHeader, { u"f||0/60000A0|||||||||"_s }));
    QVERIFY(!parsed.error.isError());
    QVERIFY(parsed.status);
    QVERIFY(!parsed.status->inRecovery);
    QVERIFY(parsed.status->receiveLsn.isEmpty());
    QVERIFY(!parsed.status->caughtUp);
    QVERIFY(!parsed.status->replayPaused);
    QVERIFY(!parsed.status->walReceiver);
    QVERIFY(!parsed.status->effectiveDelaySeconds());
}

void TestPostgresModels::replicaUnprivileged()
{
    // email_app on patroni2: the receiver's pid only.
    const auto parsed
        = Postgres::parseReplicaStatus(fromPsql(replicaHeader, { u"t|0/6030FF0|0/6030FF0|t|0|||f|4793|||"_s }));
    QVERIFY(parsed.status);
    QVERIFY(parsed.status->walReceiver);
    QVERIFY(parsed.status->walReceiver->detailsHidden);
    QCOMPARE(parsed.status->walReceiver->senderPort, 0);
    QCOMPARE(parsed.warnings.size(), 1);
}

void TestPostgresModels::replicaWrongRowCount()
{
    QCOMPARE(Postgres::parseReplicaStatus(fromPsql(replicaHeader, {})).error.code, Code::UnexpectedShape);
    QCOMPARE(Postgres::parseReplicaStatus(fromPsql(u"x"_s, { u"1"_s })).error.code, Code::UnexpectedShape);
}

void TestPostgresModels::conversions()
{
    using namespace Postgres;
    QCOMPARE(boolValue(QVariant(u"t"_s)), std::optional<bool>(true));
    QCOMPARE(boolValue(QVariant(u"f"_s)), std::optional<bool>(false));
    QCOMPARE(boolValue(QVariant()), std::nullopt);
    QCOMPARE(boolValue(QVariant(u"maybe"_s)), std::nullopt);
    QCOMPARE(integerValue(QVariant(u"16777216"_s)), std::optional<qint64>(16777216));
    QCOMPARE(integerValue(QVariant(u"-24"_s)), std::optional<qint64>(-24));
    QCOMPARE(integerValue(QVariant(u"24.0"_s)), std::optional<qint64>(24));
    QCOMPARE(integerValue(QVariant(u"24.5"_s)), std::nullopt);
    QCOMPARE(integerValue(QVariant(u""_s)), std::nullopt);
    QCOMPARE(integerValue(QVariant()), std::nullopt);
    QCOMPARE(doubleValue(QVariant(u"0.000193"_s)), std::optional<double>(0.000193));
    QCOMPARE(doubleValue(QVariant(u"NaN"_s)), std::nullopt);
    QCOMPARE(doubleValue(QVariant()), std::nullopt);
    QCOMPARE(textValue(QVariant(u""_s)), std::optional<QString>(QString()));
    QCOMPARE(textValue(QVariant()), std::nullopt);

    const QueryResult r = fromPsql(u"a|b"_s, { u"1|"_s });
    QCOMPARE(r.value(0, u"a"_s).toString(), u"1"_s);
    QVERIFY(r.value(0, u"b"_s).isNull());
    QVERIFY(r.value(0, u"missing"_s).isNull());
    QVERIFY(r.value(1, u"a"_s).isNull());
}

void TestPostgresModels::libpqMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<QString>("detail");

    // clang-format off
    QTest::newRow("wrong password") << u"connection to server at \"127.0.0.1\", port 5000 failed: FATAL:  28P01: password authentication failed for user \"email_app\"\nLOCATION:  auth_failed, auth.c:335\n"_s
        << int(Code::PostgresAuthFailed) << u"28P01"_s << u"password authentication failed for user \"email_app\" (SQLSTATE 28P01)"_s;
    QTest::newRow("unknown database") << u"connection to server at \"127.0.0.1\", port 5000 failed: FATAL:  3D000: database \"no_such_database\" does not exist\nLOCATION:  InitPostgres, postinit.c:888\n"_s
        << int(Code::PostgresError) << u"3D000"_s << u"database \"no_such_database\" does not exist (SQLSTATE 3D000)"_s;
    QTest::newRow("no pg_hba.conf entry") << u"connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  28000: no pg_hba.conf entry for host \"10.0.0.9\", user \"x\", database \"y\", no encryption\n"_s
        << int(Code::PostgresAuthFailed) << u"28000"_s << u"no pg_hba.conf entry for host \"10.0.0.9\", user \"x\", database \"y\", no encryption (SQLSTATE 28000)"_s;
    QTest::newRow("starting up") << u"connection to server at \"127.0.0.1\", port 5441 failed: FATAL:  57P03: the database system is starting up\n"_s
        << int(Code::PostgresError) << u"57P03"_s << u"the database system is starting up (SQLSTATE 57P03)"_s;
    QTest::newRow("terminated") << u"FATAL:  57P01: terminating connection due to administrator command\nLOCATION:  ProcessInterrupts, postgres.c:3228\nserver closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"_s
        << int(Code::ConnectionReset) << u"57P01"_s << u"terminating connection due to administrator command (SQLSTATE 57P01)"_s;
    QTest::newRow("refused") << u"connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n"_s
        << int(Code::ConnectionRefused) << QString() << u"Connection refused"_s;
    QTest::newRow("closed at once") << u"connection to server at \"127.0.0.1\", port 40000 failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"_s
        << int(Code::ConnectionReset) << QString() << u"server closed the connection unexpectedly"_s;
    QTest::newRow("HTTP server") << u"connection to server at \"127.0.0.1\", port 8008 failed: expected authentication request from server, but received H\n"_s
        << int(Code::NetworkError) << QString() << u"expected authentication request from server, but received H"_s;
    QTest::newRow("HTTP server, TLS first") << u"connection to server at \"127.0.0.1\", port 8008 failed: received invalid response to SSL negotiation: H\n"_s
        << int(Code::NetworkError) << QString() << u"received invalid response to SSL negotiation: H"_s;
    QTest::newRow("host name") << u"could not translate host name \"db.invalid\" to address: Name or service not known\n"_s
        << int(Code::HostNotFound) << QString() << u"could not translate host name \"db.invalid\" to address: Name or service not known"_s;
    QTest::newRow("TLS required") << u"connection to server at \"127.0.0.1\", port 5441 failed: server does not support SSL, but SSL was required\n"_s
        << int(Code::TlsError) << QString() << u"server does not support SSL, but SSL was required"_s;
    QTest::newRow("German refused: kept as text") << u"Verbindung zum Server auf »127.0.0.1«, Port 1 fehlgeschlagen: Verbindungsaufbau abgelehnt\n"_s
        << int(Code::NetworkError) << QString() << u"Verbindung zum Server auf »127.0.0.1«, Port 1 fehlgeschlagen: Verbindungsaufbau abgelehnt"_s;
    // clang-format on
}

void TestPostgresModels::libpqMessages()
{
    QFETCH(QString, message);
    QFETCH(int, code);
    QFETCH(QString, sqlState);
    QFETCH(QString, detail);
    const Postgres::LibpqError e = Postgres::classifyLibpqMessage(message);
    QCOMPARE(int(e.code), code);
    QCOMPARE(e.sqlState, sqlState);
    QCOMPARE(e.detail, detail);
}

void TestPostgresModels::describeTexts()
{
    Cluster::SourceError e;
    e.source = u"PostgreSQL email_app@127.0.0.1:5000/enterprise_email"_s;
    e.code = Code::PostgresAuthFailed;
    e.detail = u"password authentication failed for user \"email_app\" (SQLSTATE 28P01)"_s;
    QCOMPARE(Cluster::codeName(e.code), u"postgres-auth"_s);
    QCOMPARE(Cluster::describe(e),
        u"PostgreSQL email_app@127.0.0.1:5000/enterprise_email: PostgreSQL refused the login; check the user and "
        "password in the keychain and the server's pg_hba.conf (password authentication failed for user "
        "\"email_app\" (SQLSTATE 28P01))"_s);
    e.code = Code::PostgresError;
    QCOMPARE(Cluster::codeName(e.code), u"postgres-error"_s);
    QVERIFY(Cluster::describe(e).contains(u"PostgreSQL reported an error"_s));
}

QTEST_GUILESS_MAIN(TestPostgresModels)
#include "tst_postgresmodels.moc"
