// Parser tests over HAProxy stats CSV captured from the lab (HAProxy 2.6.12) plus hand-made variants:
// a 2.8-style header with columns moved and added, quoted odd names, a cut-off body, the HTML page.
// See tests/data/haproxy/README.md for where each file came from.
#include "models/haproxy/statsparser.h"
#include "testdata.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;
using Haproxy::RowType;
using Haproxy::State;

static QByteArray readData(const QString& name)
{
    return TestData::read(u"haproxy/"_s + name);
}

// The lab's header: 2.6.12's 128 columns, the shape every synthetic body below starts from.
static QByteArray labHeader()
{
    const QByteArray csv = readData(u"stats-2.6.12-healthy.csv"_s);
    return csv.left(csv.indexOf('\n') + 1);
}

class TestHaproxyParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void upServers_data();
    void upServers();
    void servers_data();
    void servers();
    void backends_data();
    void backends();
    void status_data();
    void status();
    void errors_data();
    void errors();
    void columnsFoundByName();
    void oddNames();
    void truncatedBody();
    void hugeBody();
    void garbageRows_data();
    void garbageRows();
    void describeNotCsv();
};

void TestHaproxyParser::upServers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("primary");
    QTest::addColumn<QStringList>("replicas");
    QTest::addColumn<QStringList>("any");

    const QString p1 = u"patroni1"_s, p2 = u"patroni2"_s, p3 = u"patroni3"_s;
    QTest::newRow("healthy") << u"stats-2.6.12-healthy.csv"_s << QStringList { p3 } << QStringList { p1, p2 }
                             << QStringList { p1, p2, p3 };
    QTest::newRow("check in progress") << u"stats-2.6.12-check-in-progress.csv"_s << QStringList { p3 }
                                       << QStringList { p1, p2 } << QStringList { p1, p2, p3 };
    QTest::newRow("replica down") << u"stats-2.6.12-replica-down.csv"_s << QStringList { p3 } << QStringList { p2 }
                                  << QStringList { p2, p3 };
    // patroni1 is "UP 2/3" on `any`: failing, but still in the pool.
    QTest::newRow("node stopping") << u"stats-2.6.12-node-stopping.csv"_s << QStringList { p2 }
                                   << QStringList { p1, p3 } << QStringList { p1, p2, p3 };
    // Old primary "UP 1/3" still takes writes; the new one is "DOWN 1/2"; MAINT and DRAIN are out, "no check" in.
    QTest::newRow("2.8 reordered, switchover")
        << u"stats-2.8-style-reordered.csv"_s << QStringList { p3 } << QStringList { p1, p2 } << QStringList { p3 };
}

void TestHaproxyParser::upServers()
{
    QFETCH(QString, file);
    QFETCH(QStringList, primary);
    QFETCH(QStringList, replicas);
    QFETCH(QStringList, any);

    const auto result = Haproxy::parseStatsCsv(readData(file));
    QVERIFY2(result.stats, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    QCOMPARE(result.stats->upServers(u"primary"), primary);
    QCOMPARE(result.stats->upServers(u"replicas"), replicas);
    QCOMPARE(result.stats->upServers(u"any"), any);
    for (const auto* backend : { u"primary", u"replicas", u"any" })
        QCOMPARE(result.stats->servers(backend).size(), 3);
    QVERIFY(result.stats->upServers(u"stats").isEmpty());
    QVERIFY(result.stats->upServers(u"no such backend").isEmpty());
}

void TestHaproxyParser::servers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("goingDown");
    QTest::addColumn<bool>("comingUp");
    QTest::addColumn<QString>("steps"); // "1/3", or empty
    QTest::addColumn<QString>("checkStatus");
    QTest::addColumn<bool>("checkInProgress");
    QTest::addColumn<int>("checkCode"); // -1: absent
    QTest::addColumn<QString>("lastCheck");
    QTest::addColumn<int>("checkHealth"); // -1: absent
    QTest::addColumn<qint64>("scur"); // -1: absent
    QTest::addColumn<qint64>("stot");
    QTest::addColumn<QString>("addr");

    const QString healthy = u"stats-2.6.12-healthy.csv"_s;
    const QString inProgress = u"stats-2.6.12-check-in-progress.csv"_s;
    const QString down = u"stats-2.6.12-replica-down.csv"_s;
    const QString stopping = u"stats-2.6.12-node-stopping.csv"_s;
    const QString v28 = u"stats-2.8-style-reordered.csv"_s;
    const int up = int(State::Up), dn = int(State::Down);
    // clang-format off
    QTest::newRow("healthy leader on primary") << healthy << u"primary"_s << u"patroni3"_s << u"UP"_s << up << false << false << QString() << u"L7OK"_s << false << 200 << QString() << 4 << qint64(0) << qint64(12) << QString();
    QTest::newRow("healthy replica refused on primary") << healthy << u"primary"_s << u"patroni1"_s << u"DOWN"_s << dn << false << false << QString() << u"L7STS"_s << false << 503 << u"Service Unavailable"_s << 0 << qint64(0) << qint64(0) << QString();
    QTest::newRow("check running: '* L7OK', code 0") << inProgress << u"replicas"_s << u"patroni2"_s << u"UP"_s << up << false << false << QString() << u"L7OK"_s << true << 0 << QString() << 4 << qint64(0) << qint64(0) << QString();
    QTest::newRow("stopped node: L4CON, no code") << down << u"any"_s << u"patroni1"_s << u"DOWN"_s << dn << false << false << QString() << u"L4CON"_s << false << -1 << u"Connection refused"_s << 0 << qint64(0) << qint64(0) << QString();
    QTest::newRow("UP 2/3 while stopping") << stopping << u"any"_s << u"patroni1"_s << u"UP 2/3"_s << up << true << false << u"2/3"_s << u"L4CON"_s << false << -1 << u"Connection refused"_s << 3 << qint64(0) << qint64(0) << QString();
    QTest::newRow("2.8 old primary UP 1/3") << v28 << u"primary"_s << u"patroni3"_s << u"UP 1/3"_s << up << true << false << u"1/3"_s << u"L7STS"_s << false << 503 << u"Service Unavailable"_s << 2 << qint64(7) << qint64(40) << u"127.0.0.1:8010"_s;
    QTest::newRow("2.8 new primary DOWN 1/2") << v28 << u"primary"_s << u"patroni2"_s << u"DOWN 1/2"_s << dn << false << true << u"1/2"_s << u"L7OK"_s << false << 200 << QString() << 1 << qint64(0) << qint64(0) << u"127.0.0.1:8009"_s;
    QTest::newRow("2.8 '* L7STS' while UP 2/3") << v28 << u"replicas"_s << u"patroni2"_s << u"UP 2/3"_s << up << true << false << u"2/3"_s << u"L7STS"_s << true << 503 << u"Service Unavailable"_s << 3 << qint64(0) << qint64(0) << u"127.0.0.1:8009"_s;
    QTest::newRow("2.8 MAINT") << v28 << u"any"_s << u"patroni1"_s << u"MAINT"_s << int(State::Maint) << false << false << QString() << QString() << false << -1 << QString() << 4 << qint64(0) << qint64(0) << u"127.0.0.1:8008"_s;
    QTest::newRow("2.8 DRAIN") << v28 << u"any"_s << u"patroni2"_s << u"DRAIN"_s << int(State::Drain) << false << false << QString() << u"L7OK"_s << false << 200 << QString() << 4 << qint64(0) << qint64(0) << u"127.0.0.1:8009"_s;
    QTest::newRow("2.8 no check: rise/fall/health empty") << v28 << u"any"_s << u"patroni3"_s << u"no check"_s << int(State::NoCheck) << false << false << QString() << QString() << false << -1 << QString() << -1 << qint64(0) << qint64(0) << u"127.0.0.1:8010"_s;
    // clang-format on
}

void TestHaproxyParser::servers()
{
    QFETCH(QString, file);
    QFETCH(QString, backend);
    QFETCH(QString, server);
    QFETCH(QString, statusText);
    QFETCH(int, state);
    QFETCH(bool, goingDown);
    QFETCH(bool, comingUp);
    QFETCH(QString, steps);
    QFETCH(QString, checkStatus);
    QFETCH(bool, checkInProgress);
    QFETCH(int, checkCode);
    QFETCH(QString, lastCheck);
    QFETCH(int, checkHealth);
    QFETCH(qint64, scur);
    QFETCH(qint64, stot);
    QFETCH(QString, addr);

    const auto result = Haproxy::parseStatsCsv(readData(file));
    QVERIFY2(result.stats, qPrintable(Cluster::describe(result.error)));
    const Haproxy::Row* row = result.stats->server(backend, server);
    QVERIFY(row);
    QCOMPARE(row->type, RowType::Server);
    QCOMPARE(row->proxy, backend);
    QCOMPARE(row->statusText, statusText);
    QCOMPARE(int(row->status.state), state);
    QCOMPARE(row->status.goingDown, goingDown);
    QCOMPARE(row->status.comingUp, comingUp);
    QCOMPARE(row->status.isTransitional(), !steps.isEmpty());
    if (!steps.isEmpty())
        QCOMPARE(QString::number(row->status.step) + u'/' + QString::number(row->status.steps), steps);
    QCOMPARE(row->checkStatus, checkStatus);
    QCOMPARE(row->checkInProgress, checkInProgress);
    QCOMPARE(row->checkCode.value_or(-1), checkCode);
    QCOMPARE(row->lastCheck, lastCheck);
    QCOMPARE(row->checkHealth.value_or(-1), checkHealth);
    QCOMPARE(row->scur.value_or(-1), scur);
    QCOMPARE(row->stot.value_or(-1), stot);
    QCOMPARE(row->addr, addr);
    // Every server of the lab is checked with rise 2, fall 3; "no check" has neither.
    QCOMPARE(row->checkRise.has_value(), checkHealth >= 0);
    if (row->checkRise) {
        QCOMPARE(*row->checkRise, 2);
        QCOMPARE(row->checkFall.value_or(-1), 3);
        QVERIFY(row->checkDurationMs.has_value());
        QVERIFY(!row->checkDesc.isEmpty());
    }
    QVERIFY(row->lastChangeSecs.has_value());
    QVERIFY(row->downtimeSecs.has_value());
    QCOMPARE(row->act.value_or(-1), 1);
}

void TestHaproxyParser::backends_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<qint64>("act");
    QTest::addColumn<qint64>("stot");
    QTest::addColumn<qint64>("frontendStot");

    // clang-format off
    QTest::newRow("healthy primary") << u"stats-2.6.12-healthy.csv"_s << u"primary"_s << qint64(1) << qint64(12) << qint64(12);
    QTest::newRow("healthy any") << u"stats-2.6.12-healthy.csv"_s << u"any"_s << qint64(3) << qint64(0) << qint64(0);
    QTest::newRow("replica down: replicas") << u"stats-2.6.12-replica-down.csv"_s << u"replicas"_s << qint64(1) << qint64(0) << qint64(0);
    QTest::newRow("stopping: primary, 118 sessions") << u"stats-2.6.12-node-stopping.csv"_s << u"primary"_s << qint64(1) << qint64(118) << qint64(118);
    QTest::newRow("2.8 replicas") << u"stats-2.8-style-reordered.csv"_s << u"replicas"_s << qint64(2) << qint64(0) << qint64(0);
    // clang-format on
}

void TestHaproxyParser::backends()
{
    QFETCH(QString, file);
    QFETCH(QString, backend);
    QFETCH(qint64, act);
    QFETCH(qint64, stot);
    QFETCH(qint64, frontendStot);

    const auto result = Haproxy::parseStatsCsv(readData(file));
    QVERIFY2(result.stats, qPrintable(Cluster::describe(result.error)));
    const Haproxy::Row* be = result.stats->backend(backend);
    QVERIFY(be);
    QCOMPARE(be->type, RowType::Backend);
    QCOMPARE(be->name, u"BACKEND"_s);
    QCOMPARE(be->status.state, State::Up);
    QCOMPARE(be->act.value_or(-1), act);
    QCOMPARE(be->stot.value_or(-1), stot);
    QVERIFY(!be->chkfail); // a server-only column: empty on BACKEND rows
    QVERIFY(be->checkStatus.isEmpty());

    const auto frontend = std::find_if(result.stats->rows.cbegin(), result.stats->rows.cend(),
        [&](const Haproxy::Row& r) { return r.proxy == backend && r.type == RowType::Frontend; });
    QVERIFY(frontend != result.stats->rows.cend());
    QCOMPARE(frontend->status.state, State::Open);
    QCOMPARE(frontend->stot.value_or(-1), frontendStot);
    QVERIFY(!frontend->act);
    QVERIFY(!frontend->lastChangeSecs);
    // Four proxies, each with a FRONTEND and a BACKEND; three servers on each of three.
    QCOMPARE(result.stats->rows.size(), 17);
}

void TestHaproxyParser::status_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("goingDown");
    QTest::addColumn<bool>("comingUp");
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("qualifier");

    // The formats of HAProxy's src/stats.c (srv_hlt_st), and what a frontend says.
    const int up = int(State::Up), dn = int(State::Down);
    // clang-format off
    QTest::newRow("UP") << u"UP"_s << up << false << false << 0 << 0 << QString();
    QTest::newRow("DOWN") << u"DOWN"_s << dn << false << false << 0 << 0 << QString();
    QTest::newRow("UP 1/3") << u"UP 1/3"_s << up << true << false << 1 << 3 << QString();
    QTest::newRow("DOWN 1/2") << u"DOWN 1/2"_s << dn << false << true << 1 << 2 << QString();
    QTest::newRow("NOLB 2/3") << u"NOLB 2/3"_s << int(State::NoLb) << true << false << 2 << 3 << QString();
    QTest::newRow("DRAIN 1/3") << u"DRAIN 1/3"_s << int(State::Drain) << true << false << 1 << 3 << QString();
    QTest::newRow("DRAIN (agent)") << u"DRAIN (agent)"_s << int(State::Drain) << false << false << 0 << 0 << u"agent"_s;
    QTest::newRow("DOWN (agent)") << u"DOWN (agent)"_s << dn << false << false << 0 << 0 << u"agent"_s;
    QTest::newRow("MAINT (via)") << u"MAINT (via primary/patroni1)"_s << int(State::Maint) << false << false << 0 << 0 << u"via primary/patroni1"_s;
    QTest::newRow("MAINT(resolution)") << u"MAINT(resolution)"_s << int(State::Maint) << false << false << 0 << 0 << u"resolution"_s;
    QTest::newRow("no check") << u"no check"_s << int(State::NoCheck) << false << false << 0 << 0 << QString();
    QTest::newRow("OPEN") << u"OPEN"_s << int(State::Open) << false << false << 0 << 0 << QString();
    QTest::newRow("FULL: not a state of ours") << u"FULL"_s << int(State::Unknown) << false << false << 0 << 0 << QString();
    QTest::newRow("empty") << QString() << int(State::Unknown) << false << false << 0 << 0 << QString();
    QTest::newRow("UP x/y: counts unreadable") << u"UP x/y"_s << up << false << false << 0 << 0 << QString();
    QTest::newRow("UP 1/0") << u"UP 1/0"_s << up << false << false << 0 << 0 << QString();
    QTest::newRow("UP 99999999999/3") << u"UP 99999999999/3"_s << up << false << false << 0 << 0 << QString();
    QTest::newRow("unclosed paren") << u"DOWN (agent"_s << dn << false << false << 0 << 0 << u"agent"_s;
    QTest::newRow("lowercase, spaces") << u"  up 1/3 "_s << up << true << false << 1 << 3 << QString();
    // clang-format on
}

void TestHaproxyParser::status()
{
    QFETCH(QString, text);
    QFETCH(int, state);
    QFETCH(bool, goingDown);
    QFETCH(bool, comingUp);
    QFETCH(int, step);
    QFETCH(int, steps);
    QFETCH(QString, qualifier);
    const Haproxy::Status s = Haproxy::parseStatus(text);
    QCOMPARE(int(s.state), state);
    QCOMPARE(s.goingDown, goingDown);
    QCOMPARE(s.comingUp, comingUp);
    QCOMPARE(s.step, step);
    QCOMPARE(s.steps, steps);
    QCOMPARE(s.qualifier, qualifier);
}

void TestHaproxyParser::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detailContains");

    QTest::newRow("empty") << QByteArray() << int(Code::NotCsv) << u"empty"_s;
    QTest::newRow("blank lines") << QByteArray(" \r\n\n\t\n") << int(Code::NotCsv) << u"empty"_s;
    QTest::newRow("the HTML stats page (URL without /;csv)")
        << readData(u"stats-2.6.12-htmlpage.html"_s) << int(Code::NotCsv) << u"HTML page; body starts: <!DOCTYPE"_s;
    QTest::newRow("JSON") << QByteArray("{\"members\": []}") << int(Code::NotCsv) << u"body starts: {\"members\""_s;
    QTest::newRow("CSV without the # header")
        << readData(u"stats-2.6.12-healthy.csv"_s).sliced(2) << int(Code::NotCsv) << u"body starts: pxname,svname"_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01#", 5) << int(Code::NotCsv) << u"body starts"_s;
    QTest::newRow("no status column") << QByteArray("# pxname,svname,scur,\nprimary,patroni1,0,\n")
                                      << int(Code::UnexpectedShape) << u"lacks the column(s) status"_s;
    QTest::newRow("header cut off") << QByteArray("# pxname,svna") << int(Code::UnexpectedShape) << u"svname, status"_s;
    QTest::newRow("bare #") << QByteArray("#\n") << int(Code::UnexpectedShape) << u"pxname, svname, status"_s;
    QTest::newRow("binary after #") << QByteArray("#\x00\xff\xfe,\x01\x02\n\xff,\xfe\n", 12)
                                    << int(Code::UnexpectedShape) << u"pxname"_s;
}

void TestHaproxyParser::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, detailContains);
    const auto result = Haproxy::parseStatsCsv(body);
    QVERIFY(!result.stats);
    QCOMPARE(int(result.error.code), code);
    QVERIFY2(result.error.detail.contains(detailContains), qPrintable(result.error.detail));
    QVERIFY(!Cluster::describe(result.error).isEmpty());
}

void TestHaproxyParser::columnsFoundByName()
{
    // The same servers in the lab's 2.6 order and in a hand-made 2.8-style order (svname first, status,
    // type and the check columns moved to the end, ten 2.8 columns and two unknown ones added).
    const auto lab = Haproxy::parseStatsCsv(readData(u"stats-2.6.12-healthy.csv"_s));
    const auto moved = Haproxy::parseStatsCsv(readData(u"stats-2.8-style-reordered.csv"_s));
    QVERIFY(lab.stats && moved.stats);
    QCOMPARE(lab.stats->columns.size(), 128);
    QCOMPARE(lab.stats->columns.first(), u"pxname"_s);
    QCOMPARE(moved.stats->columns.size(), 140);
    QCOMPARE(moved.stats->columns.first(), u"svname"_s);
    QVERIFY(moved.stats->columns.contains(u"future_gauge_x"_s));
    QVERIFY(moved.stats->columns.indexOf(u"status"_s) != lab.stats->columns.indexOf(u"status"_s));
    QCOMPARE(moved.stats->rows.size(), lab.stats->rows.size());
    for (qsizetype i = 0; i < lab.stats->rows.size(); ++i) {
        const Haproxy::Row& a = lab.stats->rows.at(i);
        const Haproxy::Row& b = moved.stats->rows.at(i);
        QCOMPARE(b.proxy, a.proxy);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.type, a.type);
        // Columns the hand did not touch keep their captured values.
        QCOMPARE(b.lastChangeSecs, a.lastChangeSecs);
        QCOMPARE(b.downtimeSecs, a.downtimeSecs);
        QCOMPARE(b.chkfail, a.chkfail);
        QCOMPARE(b.chkdown, a.chkdown);
    }
}

void TestHaproxyParser::oddNames()
{
    // Quoted names with commas and doubled quotes, UTF-8, markup, a value spanning two lines, CRLF ends.
    const auto result = Haproxy::parseStatsCsv(readData(u"stats-odd-names.csv"_s));
    QVERIFY2(result.stats, qPrintable(Cluster::describe(result.error)));
    const Haproxy::Stats& s = *result.stats;
    const QString proxy = u"pg,primary"_s;
    QCOMPARE(s.upServers(proxy), (QStringList { u"node \"a\""_s, u"nœud-é✓"_s, u"weird-type"_s }));
    QCOMPARE(s.servers(proxy).size(), 5);
    const Haproxy::Row* a = s.server(proxy, u"node \"a\"");
    QVERIFY(a);
    QCOMPARE(a->checkDesc, u"Layer7 check passed, finally"_s);
    QCOMPARE(a->addr, u"[::1]:8008"_s);
    const Haproxy::Row* accented = s.server(proxy, u"nœud-é✓");
    QVERIFY(accented);
    QVERIFY(accented->status.goingDown);
    QCOMPARE(accented->lastCheck, u"HTTP status check returned code <3C>503<3E>"_s);
    const Haproxy::Row* markup = s.server(proxy, u"<b>x</b>");
    QVERIFY(markup);
    QCOMPARE(markup->status.state, State::Down);
    QCOMPARE(markup->status.qualifier, u"agent"_s);
    QCOMPARE(markup->lastCheck, u"two\nlines"_s);
    QCOMPARE(markup->checkDurationMs.value_or(-1), 2001);
    QVERIFY(!markup->scur); // empty: absent, not 0
    const Haproxy::Row* tracked = s.server(proxy, u"tracked");
    QVERIFY(tracked);
    QCOMPARE(tracked->status.state, State::Maint);
    QCOMPARE(tracked->status.qualifier, u"via pg,primary/node \"a\""_s);
    QVERIFY(!tracked->scur); // "lots"
    QCOMPARE(tracked->smax.value_or(-1), 0);
    const Haproxy::Row* weird = s.server(proxy, u"weird-type");
    QVERIFY(weird); // type 9 is unknown: guessed from its svname
    QCOMPARE(s.backend(proxy)->act.value_or(-1), 3);
    QCOMPARE(s.backend(proxy)->scur.value_or(-1), 3);

    const QString all = result.warnings.join(u'\n');
    for (const auto& expected :
        { u"line 7 (pg,primary/tracked) scur \"lots\" is not an integer"_s, u"line 8: no pxname or svname: ignored"_s,
            u"line 9 (pg,primary/weird-type) type \"9\" is not a known type"_s })
        QVERIFY2(all.contains(expected), qPrintable(u"missing warning: "_s + expected + u"\nhave:\n"_s + all));
    QCOMPARE(result.warnings.size(), 3);
}

void TestHaproxyParser::truncatedBody()
{
    // A transfer cut inside "replicas,patroni2,...,UP": that row is dropped, not read as "U".
    const auto result = Haproxy::parseStatsCsv(readData(u"stats-2.6.12-truncated.csv"_s));
    QVERIFY2(result.stats, qPrintable(Cluster::describe(result.error)));
    QCOMPARE(result.stats->rows.size(), 9);
    QCOMPARE(result.stats->upServers(u"primary"), QStringList { u"patroni3"_s });
    QCOMPARE(result.stats->upServers(u"replicas"), QStringList { u"patroni1"_s });
    QVERIFY(!result.stats->server(u"replicas", u"patroni2"));
    QVERIFY(!result.stats->backend(u"replicas"));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.first().contains(u"line 11: cut off after 18 of 129 fields"_s),
        qPrintable(result.warnings.first()));

    // The same body cut right after a complete line's trailing comma: nothing lost, nothing to say.
    QByteArray whole = readData(u"stats-2.6.12-healthy.csv"_s);
    whole.chop(1); // the final "\n"
    const auto unterminated = Haproxy::parseStatsCsv(whole);
    QVERIFY(unterminated.stats);
    QCOMPARE(unterminated.stats->rows.size(), 17);
    QVERIFY(unterminated.warnings.isEmpty());
}

void TestHaproxyParser::hugeBody()
{
    // 20000 servers with long names in one backend: read in full, in order.
    QByteArray body = "# pxname,svname,status,type,scur,\n";
    for (int i = 0; i < 20000; ++i) {
        body += "big,srv-" + QByteArray::number(i) + QByteArray(500, 'x') + (i % 3 ? ",UP,2," : ",DOWN 1/2,2,")
            + QByteArray::number(i) + ",\n";
    }
    body += "big,BACKEND,UP,1,0,\n";
    const auto result = Haproxy::parseStatsCsv(body);
    QVERIFY(result.stats);
    QCOMPARE(result.stats->servers(u"big").size(), 20000);
    QCOMPARE(result.stats->upServers(u"big").size(), 13333);
    QCOMPARE(result.stats->servers(u"big").last()->scur.value_or(-1), 19999);
    QVERIFY(result.warnings.isEmpty());
}

void TestHaproxyParser::garbageRows_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<bool>("warns");

    QByteArray random(200000, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (char& c : random)
        c = char(gen.bounded(256));
    QByteArray commas;
    for (int i = 0; i < 50000; ++i)
        commas += "p,s,UP,2,NaN,-,1e9,\xff\xfe,";
    QTest::newRow("random bytes") << random << true;
    QTest::newRow("one quote opens to the end")
        << QByteArray(QByteArray("primary,\"patroni1,UP,2,\n") + QByteArray(100000, 'a')) << true;
    QTest::newRow("quotes nested deep") << QByteArray(100001, '"') << true;
    QTest::newRow("alternating quotes and commas") << QByteArray(100000, ',').replace(",,", "\",") << false;
    QTest::newRow("NULs and high bytes") << QByteArray("prim\x00ry,pat\xffroni,U\x00P,2,\x00,\n", 26) << true;
    QTest::newRow("one endless line of fields") << commas << true;
    QTest::newRow("numbers out of range")
        << QByteArray("primary,patroni1,UP,2,99999999999999999999999,-99999999999999999999,0x10,1.5,+-1,,,,,,,,,,,,,,,,"
                      ",,,,,,,,,,,,,,,"
                      ",,,,99999999999,99999999999,99999999999,\n")
        << true;
    QTest::newRow("lone CRs") << QByteArray("primary,patroni1,UP\r,2,\rX\r\r\n\r\r\r") << false;
}

void TestHaproxyParser::garbageRows()
{
    QFETCH(QByteArray, rows);
    QFETCH(bool, warns);
    const auto result = Haproxy::parseStatsCsv(QByteArray(labHeader() + rows));
    // A usable header makes the body usable: garbage rows are warned about or dropped, never fatal.
    QVERIFY(result.stats);
    QVERIFY(result.warnings.size() <= 101);
    if (warns)
        QVERIFY(!result.warnings.isEmpty());
    for (const Haproxy::Row& row : result.stats->rows) {
        QVERIFY(!row.proxy.isEmpty());
        QVERIFY(!row.name.isEmpty());
    }
    // The same bytes without a header are not HAProxy's CSV at all.
    if (!rows.startsWith('#'))
        QCOMPARE(Haproxy::parseStatsCsv(rows).error.code == Code::None, false);
}

void TestHaproxyParser::describeNotCsv()
{
    QCOMPARE(Cluster::codeName(Code::NotCsv), u"not-csv"_s);
    Cluster::SourceError e;
    e.code = Code::NotCsv;
    e.source = u"HAProxy http://127.0.0.1:7000/"_s;
    QVERIFY(Cluster::describe(e).contains(u"/;csv"_s));
}

QTEST_GUILESS_MAIN(TestHaproxyParser)
#include "tst_haproxyparser.moc"
