// Many clusters: each session polls on its own; a cluster whose API hangs never delays another, and
// two clusters whose members have the same names never merge.
#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/sources/patronipoller.h"
#include "fakehttpserver.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/journal.h"
#include "models/cluster/laghistory.h"
#include "reservedport.h"
#include "testdata.h"

#include "app/sources/httpfetch.h"
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray body = "{\"members\": [{\"name\": \"a1\", \"role\": \"leader\", \"state\": \"running\", "
                        "\"host\": \"127.0.0.1\", \"port\": 5441, \"timeline\": 1}]}";

Cluster::Profile profile(const QString& name, const QString& url, int deadlineMs)
{
    Cluster::Profile p;
    p.name = name;
    p.patroniUrls = { QUrl(url) };
    p.postgres.user.clear(); // Patroni only
    p.intervals.patroniMs = 200;
    p.requestDeadlineMs = deadlineMs;
    return p;
}
} // namespace

class TestMonitors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hungClusterDoesNotDelayAnother();
    void sameMemberNamesNeverMerge();
    void haproxyStatsBehindBasicAuth();
    void savedIntervalsAreKept();
};

void TestMonitors::hungClusterDoesNotDelayAnother()
{
    // Judged by order, not by the clock: the healthy cluster completes many rounds while the hung
    // one's first request is still waiting for its (long) deadline. However slow the machine, the
    // fast rounds cannot have been waiting on the hung one.
    FakeHttpServer hung;
    hung.mode = FakeHttpServer::Mode::Hang;
    FakeHttpServer healthy;
    healthy.body = body;
    Sources::HttpClient http;
    App::LiveSession slow(&http, profile(u"slow"_s, hung.baseUrl(), 60000), {});
    App::LiveSession fast(&http, profile(u"fast"_s, healthy.baseUrl(), 2000), {});
    slow.start();
    fast.start();
    QTRY_VERIFY_WITH_TIMEOUT(fast.store()->pollCount() >= 5, 30000);
    QVERIFY(!fast.store()->isStale());
    QCOMPARE(slow.store()->pollCount(), 0u); // its first request is still in flight
    QCOMPARE(hung.requestsFor("/cluster"), 1); // one request in flight, never a pile-up
    QCOMPARE(hung.requests, 1);
}

namespace {
// /cluster of a lab-like cluster: three members with the lab's names, `leader` leading, `stopped` stopped.
QByteArray labCluster(const QString& leader, const QString& stopped = {}, const QString& apiBase = {})
{
    QString members;
    int i = 0;
    for (const QString& name : { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }) {
        const bool isLeader = name == leader;
        const bool isStopped = name == stopped;
        members += (members.isEmpty() ? QString() : u","_s)
            + u"{\"name\": \"%1\", \"role\": \"%2\", \"state\": \"%3\", \"host\": \"127.0.0.1\", "
              "\"port\": %4, \"api_url\": \"%5/patroni\", \"timeline\": 2%6}"_s.arg(name,
                  isLeader ? u"leader"_s : u"replica"_s, isStopped ? u"stopped"_s : u"running"_s,
                  QString::number(5441 + i), apiBase,
                  isLeader        ? QString()
                      : isStopped ? u", \"lag\": \"unknown\""_s
                                  : u", \"lag\": 0"_s);
        ++i;
    }
    return (u"{\"members\": ["_s + members + u"]}"_s).toUtf8();
}
} // namespace

void TestMonitors::sameMemberNamesNeverMerge()
{
    // Every lab looks alike: two clusters whose members are both patroni1..3, in one console. (Their
    // own APIs have no address here: only the DCS's view is read.)
    const QString api;
    FakeHttpServer east;
    east.body = labCluster(u"patroni1"_s, {}, api);
    FakeHttpServer west;
    west.body = labCluster(u"patroni2"_s, u"patroni1"_s, api);
    QTemporaryDir journals;
    QVERIFY(journals.isValid());
    Sources::HttpClient http;
    App::LiveSession a(&http, profile(u"east"_s, east.baseUrl(), 2000), { journals.path() });
    App::LiveSession b(&http, profile(u"west"_s, west.baseUrl(), 2000), { journals.path() });
    a.start();
    b.start();
    QTRY_VERIFY_WITH_TIMEOUT(a.store()->pollCount() >= 2 && b.store()->pollCount() >= 2, 20000);
    QCOMPARE(a.store()->leader(), u"patroni1"_s);
    QCOMPARE(b.store()->leader(), u"patroni2"_s);
    QCOMPARE(a.store()->view().member(u"patroni1"_s)->state, u"running"_s);
    QCOMPARE(b.store()->view().member(u"patroni1"_s)->state, u"stopped"_s);
    QVERIFY(a.summary().membersTotal == 3 && b.summary().membersTotal == 3);

    // West fails over; east must not hear of it, in its store, its journal or its lag history.
    west.body = labCluster(u"patroni3"_s, u"patroni1"_s, api);
    QTRY_COMPARE_WITH_TIMEOUT(b.store()->leader(), u"patroni3"_s, 20000);
    QCOMPARE(a.store()->leader(), u"patroni1"_s);
    const auto kinds = [](const Cluster::Journal* j) {
        QStringList out;
        for (const Cluster::Event& e : j->read())
            out.append(Cluster::eventKindName(e.kind));
        return out;
    };
    QVERIFY(a.journal()->path() != b.journal()->path());
    QVERIFY2(kinds(b.journal()).contains(u"leader-changed"_s), qPrintable(kinds(b.journal()).join(u' ')));
    QVERIFY2(!kinds(a.journal()).contains(u"leader-changed"_s), qPrintable(kinds(a.journal()).join(u' ')));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto eastLag = a.lagHistory()->points(u"patroni2"_s, now.addSecs(-60), now);
    const auto westLag = b.lagHistory()->points(u"patroni1"_s, now.addSecs(-60), now);
    QVERIFY2(!eastLag.isEmpty() && !westLag.isEmpty(),
        qPrintable(u"%1 and %2 samples"_s.arg(a.lagHistory()->sampleCount()).arg(b.lagHistory()->sampleCount())));
    for (const Cluster::LagPoint& p : eastLag)
        QCOMPARE(p.bytes, std::optional<qint64>(0)); // east's patroni2 streams
    QVERIFY(a.lagHistory()->points(u"patroni1"_s, now.addSecs(-60), now).isEmpty()); // east's leader has no lag
    for (const Cluster::LagPoint& p : westLag)
        QVERIFY(!p.bytes); // west's is stopped: Patroni does not know its lag
    QVERIFY(a.lagHistory()->markers(now.addSecs(-60), now).isEmpty());
    QVERIFY(!b.lagHistory()->markers(now.addSecs(-60), now).isEmpty());
}

void TestMonitors::haproxyStatsBehindBasicAuth()
{
    // `stats auth stats:s3cret`: the profile names the user, the password comes from the keychain
    // (here its environment stand-in, as scripts give it).
    FakeHttpServer patroni;
    patroni.body = body;
    FakeHttpServer stats;
    stats.body = TestData::read(u"haproxy/stats-2.6.12-healthy.csv"_s);
    stats.requireAuthorization = "Basic " + QByteArray("stats:s3cret").toBase64();
    qputenv("PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD", "s3cret");
    Cluster::Profile p = profile(u"guarded"_s, patroni.baseUrl(), 2000);
    p.haproxyStatsUrl = QUrl(stats.baseUrl() + u"/;csv"_s);
    p.haproxyStatsUser = u"stats"_s;
    Sources::HttpClient http;
    App::LiveSession session(&http, p, {});
    QSignalSpy round(&session, &Session::ClusterSession::roundFinished);
    session.pollOnce();
    QVERIFY(round.wait(20000));
    QVERIFY2(!session.store()->state().haproxySource.failing(),
        qPrintable(Cluster::describe(session.store()->state().haproxySource.error)));
    QVERIFY(session.store()->state().haproxy);

    // A wrong password: refused, and the message says what to do.
    qputenv("PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD", "wrong");
    App::LiveSession wrong(&http, p, {});
    QSignalSpy wrongRound(&wrong, &Session::ClusterSession::roundFinished);
    wrong.pollOnce();
    QVERIFY(wrongRound.wait(20000));
    qunsetenv("PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD");
    const Cluster::SourceError& e = wrong.store()->state().haproxySource.error;
    QCOMPARE(e.code, Cluster::SourceError::Code::AuthFailed);
    QVERIFY2(Cluster::describe(e).contains(u"HAProxy stats user"_s), qPrintable(Cluster::describe(e)));
}

void TestMonitors::savedIntervalsAreKept()
{
    // A profile's own intervals and deadline reach its pollers; only an option actually given
    // overrides them.
    FakeHttpServer patroni;
    patroni.body = body;
    Cluster::Profile p = profile(u"saved"_s, patroni.baseUrl(), 1234);
    p.intervals.patroniMs = 4321;
    Sources::HttpClient http;
    App::LiveSession kept(&http, App::applyOverrides(p, {}), {});
    QCOMPARE(kept.patroni()->interval(), 4321);
    QCOMPARE(kept.patroni()->deadline(), 1234);
    App::LiveSession overridden(&http, App::applyOverrides(p, { 500, std::nullopt }), {});
    QCOMPARE(overridden.patroni()->interval(), 500);
    QCOMPARE(overridden.patroni()->deadline(), 1234);
}

QTEST_GUILESS_MAIN(TestMonitors)
#include "tst_monitors.moc"
