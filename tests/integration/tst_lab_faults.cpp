// Real faults on the lab (the matrix of issue 11), and what the console's core makes of them: events in
// the right order, findings while the fault lasts, each within two polls of the fault becoming visible
// (for a hung process: once a request to it has run into its deadline), and cleared after healing.
// Every fault's finding, when it was raised and when it cleared is printed as a table at the end (the
// README's fault matrix is that table).
// "Within two polls" is counted in polls, not milliseconds: under ASan on two loaded cores a poll
// may take longer than its interval, and that must not fail a test of what the console concludes.
// The milliseconds are printed for information.
// Every test leaves the lab healthy again (manage-cluster.sh start brings back what was stopped).
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "app/sources/httpfetch.h"
#include "app/sources/patronipoller.h"
#include "labcluster.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using Cluster::EventKind;

namespace {

constexpr int pollMs = 1000;
// The poll that was already running when the fault happened, then two more.
constexpr qint64 twoPolls = 2;
// A process that hangs is seen once a request to it has waited for its whole deadline (the profile's
// 2 s: two more Patroni polls).
constexpr qint64 deadlinePolls = 2;

// One row of the fault matrix.
struct MatrixRow {
    QString fault;
    QString finding;
    qint64 raisedMs = -1; // after the fault was made
    qint64 polls = -1; // polls of `source` between the fault and the finding
    QString source;
    qint64 clearedMs = -1; // after the healing began
};
QList<MatrixRow> matrix;

struct Recorded {
    qint64 atMs;
    qint64 patroniPoll; // the store's /cluster poll count when the event was detected
    qint64 haproxyPoll; // HAProxy rounds recorded by then
    Cluster::Event event;
    QHash<int, qint64> polls; // every source's answers and failures recorded by then, by SourceKind
};

// Watches GET /cluster every 100 ms on its own, to learn when Patroni itself first shows something.
class DcsWatcher : public QObject {
public:
    DcsWatcher(const QList<QUrl>& urls, QElapsedTimer* clock, std::function<qint64()> polls)
        : m_urls(urls)
        , m_clock(clock)
        , m_polls(std::move(polls))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
        m_timer.start(100);
    }
    // ms (on the test clock) when the DCS first named `leader`; -1 if not yet.
    qint64 firstLeaderAt(const QString& leader) const { return m_firstLeader.value(leader, -1); }
    // The console's poll count at that moment.
    qint64 firstLeaderPoll(const QString& leader) const { return m_firstLeaderPoll.value(leader, -1); }

private:
    void poll()
    {
        if (m_busy)
            return;
        m_busy = true;
        QUrl url = m_urls.at(m_next++ % m_urls.size());
        url.setPath(u"/cluster"_s);
        QNetworkRequest request(url);
        request.setTransferTimeout(500);
        QNetworkReply* reply = m_nam.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            m_busy = false;
            const auto doc = QJsonDocument::fromJson(reply->readAll());
            for (const auto& m : doc.object().value("members"_L1).toArray()) {
                const auto o = m.toObject();
                if (o.value("role"_L1).toString() == u"leader"_s) {
                    const QString name = o.value("name"_L1).toString();
                    if (!m_firstLeader.contains(name)) {
                        m_firstLeader.insert(name, m_clock->elapsed());
                        m_firstLeaderPoll.insert(name, m_polls());
                    }
                }
            }
        });
    }

    QList<QUrl> m_urls;
    QElapsedTimer* m_clock;
    std::function<qint64()> m_polls;
    QNetworkAccessManager m_nam;
    QTimer m_timer;
    int m_next = 0;
    bool m_busy = false;
    QHash<QString, qint64> m_firstLeader;
    QHash<QString, qint64> m_firstLeaderPoll;
};

// A TLS-terminating proxy in front of the three members' REST APIs (the lab's Patroni speaks plain
// http): each member gets an https port, and its answers come back with the members' api_url rewritten
// to those ports — what a cluster whose APIs all speak TLS gives. The certificate can be swapped while
// it runs (new connections get the new one): a certificate the console does not trust is the fault.
class TlsFront : public QObject {
public:
    explicit TlsFront(const QList<QUrl>& backends)
    {
        for (const QUrl& backend : backends) {
            auto* server = new QSslServer(this);
            connect(server, &QSslServer::pendingConnectionAvailable, this, [this, server, backend] {
                while (auto* client = qobject_cast<QSslSocket*>(server->nextPendingConnection()))
                    relay(client, backend);
            });
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("TlsFront: cannot listen on 127.0.0.1");
            m_fronts.append({ server, backend });
        }
    }
    void useCertificate(const QString& certFile, const QString& keyFile)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate::fromPath(certFile).value(0));
        QFile key(keyFile);
        if (!key.open(QIODevice::ReadOnly))
            qFatal("TlsFront: cannot read the key");
        config.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        for (const Front& f : std::as_const(m_fronts))
            f.server->setSslConfiguration(config);
    }
    QList<QUrl> urls() const
    {
        QList<QUrl> out;
        for (const Front& f : m_fronts)
            out.append(QUrl(u"https://127.0.0.1:%1"_s.arg(f.server->serverPort())));
        return out;
    }

private:
    struct Front {
        QSslServer* server;
        QUrl backend;
    };
    // One exchange (HTTP/1.0, no keep-alive on either side): the request to the member as it comes,
    // the whole answer back once the member has closed.
    void relay(QSslSocket* client, const QUrl& backend)
    {
        connect(client, &QSslSocket::disconnected, client, &QObject::deleteLater);
        auto* upstream = new QTcpSocket(client);
        auto answer = std::make_shared<QByteArray>();
        connect(client, &QSslSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client, [upstream, answer] { answer->append(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [this, client, upstream, answer] {
            answer->append(upstream->readAll());
            client->write(rewrite(*answer));
            client->disconnectFromHost();
        });
        connect(upstream, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                client->abort();
        });
        upstream->connectToHost(QHostAddress::LocalHost, quint16(backend.port()));
        if (client->bytesAvailable() > 0)
            upstream->write(client->readAll());
    }
    QByteArray rewrite(const QByteArray& answer) const
    {
        const qsizetype split = answer.indexOf("\r\n\r\n");
        if (split < 0)
            return answer;
        QByteArray head = answer.left(split);
        QByteArray body = answer.mid(split + 4);
        for (const Front& f : m_fronts)
            body.replace(u"http://127.0.0.1:%1"_s.arg(f.backend.port()).toUtf8(),
                u"https://127.0.0.1:%1"_s.arg(f.server->serverPort()).toUtf8());
        static const QRegularExpression length(u"(?im)^content-length:[^\r\n]*"_s);
        head = QString::fromLatin1(head).replace(length, u"Content-Length: %1"_s.arg(body.size())).toLatin1();
        return head + "\r\n\r\n" + body;
    }

    QList<Front> m_fronts;
};

// A self-signed certificate for 127.0.0.1, made by openssl for this run.
bool makeCertificate(const QString& certFile, const QString& keyFile, QString* why)
{
    QProcess openssl;
    openssl.start(u"openssl"_s,
        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, keyFile, u"-out"_s, certFile,
            u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s });
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *why = QString::fromUtf8(openssl.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace

class TestLabFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void killedLeader();
    void stoppedReplica();
    void stoppedHaproxy();
    void frozenReplica();
    void frozenLeader();
    void postgresStoppedUnderPatroni();
    void oneEtcdMemberDown();
    void etcdQuorumLost();
    void haproxyServerInMaintenance();
    void restApiPasswordChanged();
    void restApiUntrustedCertificate();
    void cleanupTestCase();

private:
    // Makes the fault with `fault` (lab verb and arguments), waits for `key` to be raised, checks it came
    // within `allowedPolls` polls of `source`, heals with `heal`, waits for `key` to clear; records the row.
    // Returns false (after QVERIFY failed) when something did not happen.
    bool matrixRow(const QString& name, const QStringList& fault, const QString& key, Cluster::SourceKind source,
        qint64 allowedPolls, const QList<QStringList>& heal, int clearTimeoutMs = 60000,
        const std::function<void()>& whileItLasts = {});
    // The same with the fault and the healing as code. With `countFromFaultDone` the polls and the
    // milliseconds count from the moment `fault` returned (a fault that becomes true only at its end).
    bool matrixRow(const QString& name, const std::function<void()>& fault, const QString& key,
        Cluster::SourceKind source, qint64 allowedPolls, const std::function<void()>& heal, int clearTimeoutMs,
        const std::function<void()>& whileItLasts, bool countFromFaultDone);
    qint64 polls(Cluster::SourceKind kind) const { return m_polls.value(int(kind)); }
    // The monitor on the lab's profile, changed by `adjust` (other URLs, TLS), with `secrets` instead of
    // the keychain's.
    void startMonitor(const std::function<void(Cluster::Profile&)>& adjust = {},
        const QHash<Cluster::SecretKind, QString>& secrets = {});
    QString aReplica() const;
    qint64 firstAt(EventKind kind, const QString& subject = {}) const;
    const Recorded* first(EventKind kind, const QString& subject = {}) const;
    qint64 patroniPolls() const { return qint64(m_monitor->store()->pollCount()); }
    QStringList kindsSince(qint64 fromMs) const;

    LabCluster m_lab;
    QElapsedTimer m_clock;
    Sources::HttpClient* m_http = nullptr;
    App::LiveSession* m_monitor = nullptr;
    QList<Recorded> m_events;
    qint64 m_faultAt = 0; // events before the fault are the start-up's, not the fault's
    qint64 m_haproxyPolls = 0;
    QHash<int, qint64> m_polls; // answers or failures recorded per source
    bool m_passwordChanged = false; // the cleanup restores the lab's REST API password
};

void TestLabFaults::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    // The built-in lab profile follows the lab's LAB_* variables, wherever the lab runs.
    for (const QString& key : m_lab.keys())
        if (key.startsWith(u"LAB_"_s))
            qputenv(key.toUtf8().constData(), m_lab.value(key).toUtf8());
    // The monitor asks PostgreSQL too; scripts and tests give it the password this way.
    qputenv("PATRONI_CONSOLE_POSTGRES_PASSWORD", m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s).toUtf8());
}

void TestLabFaults::init()
{
    QByteArray out;
    QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
    m_events.clear();
    m_faultAt = 0;
    m_haproxyPolls = 0;
    m_polls.clear();
    m_clock.start();
}

void TestLabFaults::cleanup()
{
    delete m_monitor;
    m_monitor = nullptr;
    delete m_http;
    m_http = nullptr;
    for (const Recorded& r : std::as_const(m_events))
        qInfo().noquote() << QString::number(r.atMs).rightJustified(6) << "ms" << Cluster::eventKindName(r.event.kind)
                          << r.event.subject << "-" << r.event.message;
    QByteArray out;
    if (std::exchange(m_passwordChanged, false))
        m_lab.run({ u"api-password"_s }, &out); // back to the lab's own
    m_lab.run({ u"start"_s }, &out); // bring back whatever the test stopped
    m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out);
}

void TestLabFaults::startMonitor(
    const std::function<void(Cluster::Profile&)>& adjust, const QHash<Cluster::SecretKind, QString>& secrets)
{
    Cluster::Profile profile = Settings::ProfileStore::labProfile();
    profile.postgres.dbname = m_lab.value(u"POSTGRES_DB"_s);
    profile.patroniUrls = m_lab.apiUrls();
    profile.intervals.patroniMs = pollMs;
    if (adjust)
        adjust(profile);
    m_http = new Sources::HttpClient;
    m_monitor = new App::LiveSession(m_http, profile, {});
    if (!secrets.isEmpty())
        m_monitor->provideSecrets(secrets);
    connect(
        m_monitor->store(), &Cluster::ClusterStore::eventsDetected, this, [this](const QList<Cluster::Event>& events) {
            for (const auto& e : events)
                m_events.append({ m_clock.elapsed(), patroniPolls(), m_haproxyPolls, e, m_polls });
        });
    connect(m_monitor->store(), &Cluster::ClusterStore::haproxyChanged, this, [this] { ++m_haproxyPolls; });
    connect(m_monitor->store(), &Cluster::ClusterStore::sourceUpdated, this,
        [this](Cluster::SourceKind kind) { ++m_polls[int(kind)]; });
    m_monitor->start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->store()->leader().isEmpty(), 20000);
    // Let the first member polls land so the detector is primed with a healthy cluster.
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->store()->state().members.size(), 3, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->store()->findings().isEmpty(), 30000);
}

QString TestLabFaults::aReplica() const
{
    QString replica;
    for (const auto& m : m_monitor->store()->view().members)
        if (Cluster::isReplicaRole(m.role))
            replica = m.name;
    return replica;
}

const Recorded* TestLabFaults::first(EventKind kind, const QString& subject) const
{
    for (const Recorded& r : m_events) {
        if (r.atMs >= m_faultAt && r.event.kind == kind && (subject.isEmpty() || r.event.subject == subject))
            return &r;
    }
    return nullptr;
}

qint64 TestLabFaults::firstAt(EventKind kind, const QString& subject) const
{
    const Recorded* r = first(kind, subject);
    return r ? r->atMs : -1;
}

void TestLabFaults::killedLeader()
{
    startMonitor();
    DcsWatcher dcs(m_lab.apiUrls(), &m_clock, [this] { return patroniPolls(); });
    const QString old = m_monitor->store()->leader();
    const int oldTimeline = m_monitor->store()->view().member(old)->timeline.value_or(-1);
    QByteArray out;
    const qint64 killedAt = m_faultAt = m_clock.elapsed();
    QCOMPARE(m_lab.run({ u"kill-leader"_s }, &out), 0);
    const qint64 pollsAtKill = patroniPolls(); // the verb returns once the processes are gone
    QCOMPARE(QString::fromUtf8(out).trimmed().split(u'\n').last().trimmed(), old);

    // The dead node's API refuses at once: that is the fault becoming visible.
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::LeaderLost, old) >= 0, 20000);
    QVERIFY2(first(EventKind::LeaderLost, old)->patroniPoll - pollsAtKill <= twoPolls,
        qPrintable(u"leader-lost %1 polls after the kill"_s.arg(
            first(EventKind::LeaderLost, old)->patroniPoll - pollsAtKill)));
    QVERIFY(firstAt(EventKind::MemberDown, old) >= 0);
    QVERIFY(m_monitor->store()->findings().size() > 0);

    // Patroni elects a new leader after the TTL (~14 s on the lab).
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::LeaderChanged) >= 0, 40000);
    const Cluster::Event changed = [&] {
        for (const Recorded& r : std::as_const(m_events))
            if (r.atMs >= m_faultAt && r.event.kind == EventKind::LeaderChanged)
                return r.event;
        return Cluster::Event {};
    }();
    const QString next = changed.subject;
    QVERIFY(next != old);
    QCOMPARE(changed.details.value("from"_L1).toString(), old);
    // The watcher may see it a moment after the console did (it is a race, which is fine: the
    // console is then early, not late).
    QTRY_VERIFY_WITH_TIMEOUT(dcs.firstLeaderAt(next) >= 0, 20000);
    const qint64 visible = dcs.firstLeaderAt(next);
    const qint64 changedPolls = first(EventKind::LeaderChanged)->patroniPoll - dcs.firstLeaderPoll(next);
    QVERIFY2(
        changedPolls <= twoPolls, qPrintable(u"leader-changed %1 polls after the DCS showed it"_s.arg(changedPolls)));
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::TimelineChanged) >= 0, 20000);

    // In the right order: lost, then changed, then the new timeline.
    QVERIFY(firstAt(EventKind::MemberDown, old) <= firstAt(EventKind::LeaderLost, old));
    QVERIFY(firstAt(EventKind::LeaderLost, old) < firstAt(EventKind::LeaderChanged));
    QVERIFY(firstAt(EventKind::LeaderChanged) <= firstAt(EventKind::TimelineChanged));
    QVERIFY(m_monitor->store()->view().member(next)->timeline.value_or(-1) > oldTimeline);
    // Port 5000 is flagged from the moment the leader is lost (HAProxy still sends writes to the dead
    // node for a few checks, then to nothing until the new leader is UP), not before, and the finding
    // stands through the time 5000 routes nowhere.
    const qint64 misrouted = firstAt(EventKind::FindingRaised, u"routing.primary-mismatch/primary"_s);
    QVERIFY2(misrouted >= 0, "no finding while port 5000 did not reach a working leader");
    QVERIFY(misrouted >= firstAt(EventKind::LeaderLost, old));
    qint64 nowhere = -1;
    for (const Recorded& r : std::as_const(m_events))
        if (r.atMs >= m_faultAt && r.event.kind == EventKind::RoutingChanged && r.event.subject == u"primary"_s
            && r.event.message.endsWith(u"→ nothing"_s))
            nowhere = r.atMs;
    QVERIFY2(nowhere >= misrouted, "HAProxy never showed port 5000 routing to nothing");
    // And once HAProxy follows, port 5000 routes to the new leader only, and the finding clears.
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->store()->state().routedTo(u"primary"_s), QStringList { next }, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        firstAt(EventKind::FindingCleared, u"routing.primary-mismatch/primary"_s) > nowhere, 20000);
    qInfo().noquote() << u"killed %1: leader-lost after %2 ms; DCS named %3 after %4 ms; console after %5 ms"_s.arg(old)
                             .arg(firstAt(EventKind::LeaderLost, old) - killedAt)
                             .arg(next)
                             .arg(visible - killedAt)
                             .arg(firstAt(EventKind::LeaderChanged) - killedAt);
    // The cluster heals itself: once the dead member's key expires the DCS drops it and the finding
    // about it clears (the cleanup starts it again; it rejoins as a replica).
    const QString gone = u"member.unreachable/"_s + old;
    QVERIFY(firstAt(EventKind::FindingRaised, gone) >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingCleared, gone) >= 0, 60000);
    matrix.append({ u"the leader's Patroni and PostgreSQL killed (SIGKILL); healed by Patroni's failover, the "
                    "clearing counted from the kill"_s,
        gone, firstAt(EventKind::FindingRaised, gone) - killedAt,
        first(EventKind::FindingRaised, gone)->polls.value(int(Cluster::SourceKind::Patroni)) - pollsAtKill,
        u"patroni"_s, firstAt(EventKind::FindingCleared, gone) - killedAt });
}

void TestLabFaults::stoppedReplica()
{
    startMonitor();
    const QString replica = aReplica();
    QVERIFY(!replica.isEmpty());
    QByteArray out;
    const qint64 stoppedAt = m_faultAt = m_clock.elapsed();
    QCOMPARE(m_lab.run({ u"stop-node"_s, replica }, &out), 0);
    const qint64 pollsAtStop = patroniPolls();
    const qint64 sourcePollsAtStop = polls(Cluster::SourceKind::Patroni);
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::MemberDown, replica) >= 0, 20000);
    // stop-node returns once the node is down; its API was refusing before that.
    QVERIFY2(first(EventKind::MemberDown, replica)->patroniPoll - pollsAtStop <= twoPolls,
        qPrintable(u"member-down %1 polls after the stop"_s.arg(
            first(EventKind::MemberDown, replica)->patroniPoll - pollsAtStop)));
    qInfo().noquote() << "member-down" << firstAt(EventKind::MemberDown, replica) - stoppedAt
                      << "ms after the stop began";
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->store()->findings().size() > 0, 10000);
    bool unreachable = false;
    for (const auto& f : m_monitor->store()->findings())
        unreachable |= f.key() == u"member.unreachable/"_s + replica || f.key() == u"member.not-streaming/"_s + replica;
    QVERIFY(unreachable);

    // HAProxy takes the replica out of 5001 once its checks fail (fall 3 × inter 3 s).
    QVERIFY(m_monitor->store()->state().routedTo(u"replicas"_s).contains(replica)
        || firstAt(EventKind::MemberDown, replica) >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->store()->state().routedTo(u"replicas"_s).contains(replica), 20000);
    QVERIFY(!m_monitor->store()->state().routedTo(u"replicas"_s).isEmpty()); // the other replica still serves

    const qint64 healAt = m_clock.elapsed();
    QCOMPARE(m_lab.run({ u"start-node"_s, replica }, &out), 0);
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::MemberBack, replica) >= 0, 10000);
    const QString gone = u"member.unreachable/"_s + replica;
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingCleared, gone) >= 0, 20000);
    matrix.append(
        { u"a replica stopped (Patroni and PostgreSQL)"_s, gone, firstAt(EventKind::FindingRaised, gone) - stoppedAt,
            first(EventKind::FindingRaised, gone)->polls.value(int(Cluster::SourceKind::Patroni)) - sourcePollsAtStop,
            u"patroni"_s, firstAt(EventKind::FindingCleared, gone) - healAt });
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->store()->findings().isEmpty(), 20000);
}

void TestLabFaults::stoppedHaproxy()
{
    startMonitor();
    QVERIFY(!m_monitor->store()->state().routedTo(u"primary"_s).isEmpty());
    QByteArray out;
    const qint64 stoppedAt = m_faultAt = m_clock.elapsed();
    QCOMPARE(m_lab.run({ u"stop-haproxy"_s }, &out), 0);
    const qint64 haproxyPollsAtStop = m_haproxyPolls;
    const qint64 sourcePollsAtStop = polls(Cluster::SourceKind::Haproxy);
    const QString key = u"source.haproxy-unreachable/haproxy"_s;
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingRaised, key) >= 0, 30000);
    // Within two HAProxy polls of the stop (HAProxy is polled every 2 s).
    const qint64 polls = first(EventKind::FindingRaised, key)->haproxyPoll - haproxyPollsAtStop;
    QVERIFY2(polls <= twoPolls, qPrintable(u"after %1 HAProxy polls"_s.arg(polls)));
    qInfo().noquote() << "haproxy-unreachable" << firstAt(EventKind::FindingRaised, key) - stoppedAt
                      << "ms after the stop began";
    // Patroni itself is untouched: the cluster is still read, only the routing view is stale.
    QVERIFY(!m_monitor->store()->isStale());
    QVERIFY(!m_monitor->store()->leader().isEmpty());
    const qint64 healAt = m_clock.elapsed();
    QCOMPARE(m_lab.run({ u"start-haproxy"_s }, &out), 0);
    QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingCleared, key) >= 0, 10000);
    matrix.append({ u"HAProxy stopped"_s, key, firstAt(EventKind::FindingRaised, key) - stoppedAt,
        first(EventKind::FindingRaised, key)->polls.value(int(Cluster::SourceKind::Haproxy)) - sourcePollsAtStop,
        u"haproxy"_s, firstAt(EventKind::FindingCleared, key) - healAt });
}

bool TestLabFaults::matrixRow(const QString& name, const QStringList& fault, const QString& key,
    Cluster::SourceKind source, qint64 allowedPolls, const QList<QStringList>& heal, int clearTimeoutMs,
    const std::function<void()>& whileItLasts)
{
    const auto run = [this](const QStringList& verb) {
        QByteArray out;
        QVERIFY2(m_lab.run(verb, &out) == 0, out.constData());
    };
    return matrixRow(
        name, [&] { run(fault); }, key, source, allowedPolls,
        [&] {
            for (const QStringList& verb : heal) {
                run(verb);
                if (QTest::currentTestFailed())
                    return;
            }
        },
        clearTimeoutMs, whileItLasts, false);
}

bool TestLabFaults::matrixRow(const QString& name, const std::function<void()>& fault, const QString& key,
    Cluster::SourceKind source, qint64 allowedPolls, const std::function<void()>& heal, int clearTimeoutMs,
    const std::function<void()>& whileItLasts, bool countFromFaultDone)
{
    [&] {
        qint64 faultAt = m_faultAt = m_clock.elapsed();
        qint64 pollsAtFault = polls(source);
        fault();
        if (QTest::currentTestFailed())
            return;
        if (countFromFaultDone) {
            faultAt = m_clock.elapsed();
            pollsAtFault = polls(source);
        }
        QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingRaised, key) >= 0, 60000);
        const qint64 raisedAt = firstAt(EventKind::FindingRaised, key);
        // Polls of the source up to the finding, counted when it was raised.
        const qint64 pollsTaken = first(EventKind::FindingRaised, key)->polls.value(int(source)) - pollsAtFault;
        MatrixRow row { name, key, raisedAt - faultAt, pollsTaken, Cluster::sourceKindKey(source), -1 };
        QVERIFY2(pollsTaken <= allowedPolls,
            qPrintable(u"%1: %2 raised after %3 polls of %4 (at most %5)"_s.arg(name, key)
                           .arg(pollsTaken)
                           .arg(row.source)
                           .arg(allowedPolls)));
        if (whileItLasts) {
            whileItLasts();
            if (QTest::currentTestFailed())
                return;
        }
        const qint64 healAt = m_clock.elapsed();
        heal();
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingCleared, key) > raisedAt, clearTimeoutMs);
        row.clearedMs = firstAt(EventKind::FindingCleared, key) - healAt;
        matrix.append(row);
        qInfo().noquote() << u"%1: %2 raised %3 ms (%4 %5 polls) after the fault, cleared %6 ms after healing"_s
                                 .arg(name, key)
                                 .arg(row.raisedMs)
                                 .arg(row.polls)
                                 .arg(row.source)
                                 .arg(row.clearedMs);
    }();
    return !QTest::currentTestFailed();
}

void TestLabFaults::frozenReplica()
{
    startMonitor();
    const QString replica = aReplica();
    QVERIFY(matrixRow(u"a replica's Patroni frozen (SIGSTOP), PostgreSQL running"_s, { u"freeze-node"_s, replica },
        u"member.unreachable/"_s + replica, Cluster::SourceKind::Patroni, twoPolls + deadlinePolls,
        { { u"thaw-node"_s, replica } }));
    // The DCS never stopped naming the leader: the cluster kept one.
    QVERIFY(firstAt(EventKind::LeaderLost) < 0);
}

void TestLabFaults::frozenLeader()
{
    startMonitor();
    const QString leader = m_monitor->store()->leader();
    // Thawed once seen, before its leader key expires (ttl 15 s): the same leader carries on.
    QVERIFY(matrixRow(u"the leader's Patroni frozen (SIGSTOP)"_s, { u"freeze-node"_s, leader },
        u"member.unreachable/"_s + leader, Cluster::SourceKind::Patroni, twoPolls + deadlinePolls,
        { { u"thaw-node"_s, leader } }));
    // Its silence means no leader the console can vouch for, while the DCS still names it.
    QVERIFY(firstAt(EventKind::LeaderLost, leader) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->store()->effectiveLeader(), leader, 30000);
}

void TestLabFaults::postgresStoppedUnderPatroni()
{
    startMonitor();
    const QString replica = aReplica();
    // Patroni starts PostgreSQL again within seconds (LAB-FACTS): healing is waiting.
    QVERIFY(matrixRow(u"PostgreSQL stopped behind a running Patroni (a replica)"_s, { u"stop-postgres"_s, replica },
        u"member.not-streaming/"_s + replica, Cluster::SourceKind::Patroni, twoPolls + deadlinePolls, {}));
}

void TestLabFaults::oneEtcdMemberDown()
{
    startMonitor();
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->store()->state().etcd.has_value(), 20000);
    const QString etcd3 = u"127.0.0.1:"_s + m_lab.value(u"LAB_ETCD_CLIENT_PORTS"_s).split(u' ').value(2);
    QVERIFY(matrixRow(u"one etcd member down"_s, { u"stop-etcd"_s, u"etcd3"_s }, u"dcs.member-unhealthy/"_s + etcd3,
        Cluster::SourceKind::Etcd, twoPolls, { { u"start-etcd"_s, u"etcd3"_s } }));
    // A warning: two of three still make a quorum, the cluster is fine.
    for (const Recorded& r : std::as_const(m_events))
        QVERIFY2(!(r.atMs >= m_faultAt && r.event.kind == EventKind::FindingRaised
                     && r.event.severity == Cluster::Severity::Critical),
            qPrintable(r.event.message));
    QVERIFY(firstAt(EventKind::LeaderLost) < 0);
}

void TestLabFaults::etcdQuorumLost()
{
    startMonitor();
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->store()->state().etcd.has_value(), 20000);
    const QString leader = m_monitor->store()->leader();
    QByteArray out;
    QVERIFY2(m_lab.run({ u"stop-etcd"_s, u"etcd2"_s }, &out) == 0, out.constData());
    qint64 demotedAt = -1;
    // The second member's stop is the fault: from here etcd has no quorum. While it lasts the leader
    // demotes itself (~10 s) and Patroni's /cluster, served from its cache, still names it: the console
    // must say that there is no writable leader.
    QVERIFY(matrixRow(u"two of three etcd members down (quorum lost)"_s, { u"stop-etcd"_s, u"etcd3"_s },
        u"dcs.quorum-lost/etcd"_s, Cluster::SourceKind::Etcd, twoPolls,
        { { u"start-etcd"_s, u"etcd2"_s }, { u"start-etcd"_s, u"etcd3"_s } }, 90000, [&] {
            const QString key = u"member.role-disagrees/"_s + leader;
            QTRY_VERIFY_WITH_TIMEOUT(firstAt(EventKind::FindingRaised, key) >= m_faultAt, 40000);
            demotedAt = firstAt(EventKind::FindingRaised, key) - m_faultAt;
            QCOMPARE(m_monitor->store()->leader(), leader); // the DCS's view still names it
            QVERIFY(m_monitor->store()->effectiveLeader().isEmpty()); // the console vouches for none
            const auto summary = Cluster::summarize(m_monitor->store()->state(), m_monitor->store()->findings());
            QCOMPARE(summary.health, Cluster::Health::Critical);
        }));
    qInfo().noquote() << u"the leader %1 said it was a replica; the console said so %2 ms after the quorum was lost"_s
                             .arg(leader)
                             .arg(demotedAt);
    matrix.append({ u"… and the leader demoted itself while /cluster still names it"_s,
        u"member.role-disagrees/"_s + leader, demotedAt, -1, u"patroni"_s, -1 });
    QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->store()->effectiveLeader().isEmpty(), 60000);
}

void TestLabFaults::haproxyServerInMaintenance()
{
    startMonitor();
    const QString leader = m_monitor->store()->leader();
    QVERIFY(!leader.isEmpty());
    // Port 5000's only server put into maintenance: writes route nowhere.
    QVERIFY(matrixRow(u"HAProxy: the leader's server in maintenance on port 5000"_s,
        { u"haproxy-server"_s, u"primary"_s, leader, u"maint"_s }, u"routing.primary-mismatch/primary"_s,
        Cluster::SourceKind::Haproxy, twoPolls, { { u"haproxy-server"_s, u"primary"_s, leader, u"ready"_s } }));
}

void TestLabFaults::restApiPasswordChanged()
{
    // The console has the lab's REST API password; the cluster's is changed under it (the members
    // reload it, no restart). Patroni asks for it only on unsafe requests, so only the console's check
    // (an empty PATCH /config, every 3 s here) can see it before an action fails.
    const QString password = m_lab.value(u"PATRONI_API_PASSWORD"_s);
    QVERIFY(!password.isEmpty());
    startMonitor({}, { { Cluster::SecretKind::PatroniApi, password } });
    m_monitor->patroni()->setCredentialCheckInterval(3000);
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->store()->state().apiAuth.has_value(), 20000);
    QCOMPARE(m_monitor->store()->state().apiAuth->httpStatus, 400); // taken: the empty object is refused
    const QString rotated = u"rotated-%1"_s.arg(QCoreApplication::applicationPid());
    QByteArray out;
    QVERIFY(matrixRow(
        u"the REST API password changed on the members (the console keeps the old one)"_s,
        [&] {
            m_passwordChanged = true;
            QVERIFY2(m_lab.run({ u"api-password"_s, rotated }, &out) == 0, out.constData());
        },
        u"source.patroni-auth/patroni"_s, Cluster::SourceKind::PatroniAuth, twoPolls,
        [&] {
            QVERIFY2(m_lab.run({ u"api-password"_s }, &out) == 0, out.constData());
            m_passwordChanged = false;
        },
        30000,
        [&] {
            const auto& auth = m_monitor->store()->state().apiAuth;
            QVERIFY(auth && auth->refused());
            QCOMPARE(auth->httpStatus, 401);
            QCOMPARE(auth->reason, u"not authenticated"_s); // Patroni's own words
            // Monitoring itself goes on: every GET stays open.
            QVERIFY(!m_monitor->store()->isStale());
            QCOMPARE(m_monitor->store()->effectiveLeader(), m_monitor->store()->leader());
            for (const Cluster::Finding& f : m_monitor->store()->findings())
                QVERIFY2(!f.message.contains(password) && !f.message.contains(rotated), qPrintable(f.message));
        },
        true));
}

void TestLabFaults::restApiUntrustedCertificate()
{
    // Every member's REST API behind TLS (a terminating proxy in this test); the profile trusts the
    // certificate it serves. The fault: the certificate replaced by one the profile does not trust.
    QTemporaryDir dir;
    const QString trusted = dir.filePath(u"trusted.pem"_s), trustedKey = dir.filePath(u"trusted.key"_s);
    const QString other = dir.filePath(u"other.pem"_s), otherKey = dir.filePath(u"other.key"_s);
    QString why;
    QVERIFY2(makeCertificate(trusted, trustedKey, &why), qPrintable(why));
    QVERIFY2(makeCertificate(other, otherKey, &why), qPrintable(why));
    TlsFront front(m_lab.apiUrls());
    front.useCertificate(trusted, trustedKey);
    startMonitor([&](Cluster::Profile& p) {
        p.patroniUrls = front.urls();
        p.tls.caFile = trusted;
    });
    // The members are known by their https addresses.
    for (const Cluster::Member& m : m_monitor->store()->view().members)
        QVERIFY2(m.apiUrl.scheme() == u"https"_s, qPrintable(m.apiUrl.toString()));
    QVERIFY(matrixRow(
        u"the REST API behind TLS with a certificate the console does not trust"_s,
        [&] { front.useCertificate(other, otherKey); }, u"source.patroni-unreachable/patroni"_s,
        Cluster::SourceKind::Patroni, twoPolls, [&] { front.useCertificate(trusted, trustedKey); }, 30000,
        [&] {
            QCOMPARE(m_monitor->store()->lastError().code, Cluster::SourceError::Code::TlsError);
            const QString said = Cluster::describe(m_monitor->store()->lastError());
            QVERIFY2(said.contains(u"self-signed"_s) && said.contains(u"CA file"_s), qPrintable(said));
            // What Patroni said last stays on screen, marked stale.
            QVERIFY(m_monitor->store()->isStale());
            QCOMPARE(m_monitor->store()->view().members.size(), 3);
        },
        false));
}

void TestLabFaults::cleanupTestCase()
{
    QString table = u"| fault | finding | raised after | polls | cleared after healing |\n|---|---|---|---|---|\n"_s;
    for (const MatrixRow& r : std::as_const(matrix))
        table += u"| %1 | `%2` | %3 ms | %4 | %5 |\n"_s.arg(r.fault, r.finding, QString::number(r.raisedMs),
            r.polls < 0 ? u"-"_s : u"%1 (%2)"_s.arg(r.polls).arg(r.source),
            r.clearedMs < 0 ? u"-"_s : u"%1 ms"_s.arg(r.clearedMs));
    qInfo().noquote() << u"\n"_s + table;
}

QTEST_GUILESS_MAIN(TestLabFaults)
#include "tst_lab_faults.moc"
