// patroni-fleet-sim: N clusters × M members of Patroni on 127.0.0.1, for what one machine cannot run
// for real — a fleet. Every member has its own REST API port answering GET /cluster, /patroni, /config,
// /history and /metrics in Patroni 3.0.2's shapes (tests/data/patroni), and every cluster an HAProxy
// stats port answering `/;csv` built from the lab's own capture (tests/data/haproxy). Lag drifts, a
// leader changes now and then (timeline and history follow), and members of different clusters share
// names (patroni1…patroniM), as every lab does. HTTP/1.0, one answer per connection, as Patroni.
//
//   patroni-fleet-sim --clusters 200 --members 5 --profiles fleet.json [--hung 0] [--leader-change-mean 600]
//
// The profiles file (schema patroni-console/profiles/1) is written once every port listens: import it
// with `patroni-console profiles import`. --hung K: the first K clusters accept connections and never
// answer. Runs until killed.
#include "models/cluster/profile.h"
#include "models/cluster/profilefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct SimMember {
    QString name;
    QTcpServer* api = nullptr;
    int pgPort = 0;
    qint64 lagBytes = 0;
    QByteArray own; // GET /patroni, rebuilt every tick
};

struct SimCluster {
    QString scope;
    bool hung = false;
    QList<SimMember> members;
    int leader = 0;
    int timeline = 1;
    qint64 lsn = 100663296;
    QList<QByteArray> historyLines;
    qint64 nextChangeAt = 0; // ms since start
    QTcpServer* stats = nullptr;
    QByteArray cluster, history, config, metrics, csv; // rebuilt every tick
};

class Simulator : public QObject {
public:
    Simulator(int clusters, int members, int hung, int changeMeanSec, quint32 seed, const QString& csvTemplate)
        : m_rng(seed)
        , m_changeMeanMs(qint64(changeMeanSec) * 1000)
    {
        loadTemplate(csvTemplate);
        m_clock.start();
        for (int c = 0; c < clusters; ++c) {
            auto cl = std::make_unique<SimCluster>();
            cl->scope = u"sim-%1"_s.arg(c, 3, 10, QChar(u'0'));
            cl->hung = c < hung;
            for (int m = 0; m < members; ++m) {
                SimMember sm;
                sm.name = u"patroni%1"_s.arg(m + 1);
                sm.pgPort = 5432 + m;
                sm.api = listen(cl.get());
                cl->members.append(sm);
            }
            cl->leader = int(m_rng.bounded(members));
            cl->nextChangeAt = nextChange();
            cl->stats = listen(cl.get());
            m_clusters.push_back(std::move(cl));
        }
        rebuild();
        connect(&m_tick, &QTimer::timeout, this, [this] {
            advance();
            rebuild();
        });
        m_tick.start(1000);
    }

    bool ok() const { return m_listenFailed == 0; }

    QList<Cluster::Profile> profiles() const
    {
        QList<Cluster::Profile> out;
        for (const auto& cl : m_clusters) {
            Cluster::Profile p;
            p.name = cl->scope;
            // Two members to start from, as a DBA would type; the rest is discovered.
            for (int m = 0; m < std::min<qsizetype>(2, cl->members.size()); ++m)
                p.patroniUrls.append(QUrl(u"http://127.0.0.1:%1"_s.arg(cl->members.at(m).api->serverPort())));
            p.haproxyStatsUrl = QUrl(u"http://127.0.0.1:%1/;csv"_s.arg(cl->stats->serverPort()));
            p.postgres.user.clear(); // no PostgreSQL here
            out.append(p);
        }
        return out;
    }

    quint64 served() const { return m_served; }

private:
    QTcpServer* listen(SimCluster* cl)
    {
        auto* s = new QTcpServer(this);
        if (!s->listen(QHostAddress::LocalHost, 0))
            ++m_listenFailed;
        connect(s, &QTcpServer::newConnection, this, [this, s, cl] {
            while (QTcpSocket* sock = s->nextPendingConnection())
                handle(sock, s, cl);
        });
        return s;
    }

    void handle(QTcpSocket* sock, QTcpServer* server, SimCluster* cl)
    {
        connect(sock, &QTcpSocket::disconnected, sock, &QObject::deleteLater);
        if (cl->hung)
            return; // accepted, never answered: a SIGSTOPped Patroni
        connect(sock, &QTcpSocket::readyRead, sock, [this, sock, server, cl] {
            m_buffers[sock] += sock->readAll();
            const QByteArray& b = m_buffers[sock];
            const qsizetype end = b.indexOf("\r\n\r\n");
            if (end < 0) {
                if (b.size() > 16384)
                    sock->abort();
                return;
            }
            const QByteArray path = b.left(b.indexOf("\r\n")).split(' ').value(1);
            m_buffers.remove(sock);
            respond(sock, server, cl, path);
        });
        connect(sock, &QObject::destroyed, this, [this, sock] { m_buffers.remove(sock); });
    }

    void respond(QTcpSocket* sock, QTcpServer* server, SimCluster* cl, const QByteArray& path)
    {
        const QByteArray* body = nullptr;
        QByteArray type = "application/json";
        if (server == cl->stats) {
            body = &cl->csv;
            type = "text/plain";
        } else if (path == "/cluster") {
            body = &cl->cluster;
        } else if (path == "/patroni" || path == "/") {
            for (const SimMember& m : cl->members)
                if (m.api == server)
                    body = &m.own;
        } else if (path == "/config") {
            body = &cl->config;
        } else if (path == "/history") {
            body = &cl->history;
        } else if (path == "/metrics") {
            body = &cl->metrics;
            type = "text/plain; version=0.0.4; charset=utf-8";
        }
        ++m_served;
        if (!body) {
            sock->write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        } else {
            sock->write("HTTP/1.0 200 OK\r\nContent-Type: " + type
                + "\r\nContent-Length: " + QByteArray::number(body->size()) + "\r\n\r\n" + *body);
        }
        sock->disconnectFromHost();
    }

    qint64 nextChange()
    {
        // Exponential around the mean, so changes are spread, not in step across the fleet.
        const double u = std::max(1e-9, m_rng.generateDouble());
        return m_clock.elapsed() + qint64(-std::log(u) * double(m_changeMeanMs));
    }

    void advance()
    {
        const qint64 now = m_clock.elapsed();
        for (auto& cl : m_clusters) {
            cl->lsn += 16384 + qint64(m_rng.bounded(65536));
            for (int m = 0; m < cl->members.size(); ++m) {
                SimMember& sm = cl->members[m];
                if (m == cl->leader) {
                    sm.lagBytes = 0;
                    continue;
                }
                // Mostly a few hundred KB that drift poll to poll; now and then (about once an hour
                // per replica) a burst of tens of MB that decays over a minute or so.
                sm.lagBytes = sm.lagBytes * 9 / 10 + qint64(m_rng.bounded(50000));
                if (m_rng.bounded(3600) == 0)
                    sm.lagBytes += 16LL * 1024 * 1024 + qint64(m_rng.bounded(32 * 1024 * 1024));
            }
            if (cl->members.size() > 1 && now >= cl->nextChangeAt) {
                const int old = cl->leader;
                int next = int(m_rng.bounded(cl->members.size() - 1));
                if (next >= old)
                    ++next;
                cl->historyLines.append(
                    u"[%1, %2, \"no recovery target specified\", \"%3\", \"%4\"]"_s.arg(cl->timeline)
                        .arg(cl->lsn)
                        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), cl->members.at(next).name)
                        .toUtf8());
                cl->leader = next;
                ++cl->timeline;
                cl->nextChangeAt = nextChange();
            }
        }
    }

    void rebuild()
    {
        const qint64 dcsLastSeen = QDateTime::currentSecsSinceEpoch();
        for (auto& cl : m_clusters) {
            QByteArray members;
            for (int m = 0; m < cl->members.size(); ++m) {
                SimMember& sm = cl->members[m];
                const bool leader = m == cl->leader;
                if (!members.isEmpty())
                    members += ", ";
                members
                    += u"{\"name\": \"%1\", \"role\": \"%2\", \"state\": \"running\", \"api_url\": "
                       "\"http://127.0.0.1:%3/patroni\", \"host\": \"127.0.0.1\", \"port\": %4, \"timeline\": %5%6}"_s
                           .arg(sm.name, leader ? u"leader"_s : u"replica"_s)
                           .arg(sm.api->serverPort())
                           .arg(sm.pgPort)
                           .arg(cl->timeline)
                           .arg(leader ? QString() : u", \"lag\": %1"_s.arg(sm.lagBytes))
                           .toUtf8();
                QByteArray own;
                if (leader) {
                    QByteArray rows;
                    for (const SimMember& other : cl->members) {
                        if (&other == &sm)
                            continue;
                        if (!rows.isEmpty())
                            rows += ", ";
                        rows += u"{\"usename\": \"replicator\", \"application_name\": \"%1\", \"client_addr\": "
                                "\"127.0.0.1\", \"state\": \"streaming\", \"sync_state\": \"async\", "
                                "\"sync_priority\": 0}"_s.arg(other.name)
                                    .toUtf8();
                    }
                    own = u"{\"state\": \"running\", \"postmaster_start_time\": \"2026-11-25 18:30:28.354113+00:00\", "
                          "\"role\": \"master\", \"server_version\": 150018, \"xlog\": {\"location\": %1}, "
                          "\"timeline\": %2, \"replication\": [%3], \"dcs_last_seen\": %4, "
                          "\"database_system_identifier\": \"7712177797005347336\", \"patroni\": {\"version\": "
                          "\"3.0.2\", \"scope\": \"%5\"}}"_s.arg(cl->lsn)
                              .arg(cl->timeline)
                              .arg(QString::fromUtf8(rows))
                              .arg(dcsLastSeen)
                              .arg(cl->scope)
                              .toUtf8();
                } else {
                    const qint64 at = cl->lsn - sm.lagBytes;
                    own = u"{\"state\": \"running\", \"postmaster_start_time\": \"2026-11-25 18:30:28.221974+00:00\", "
                          "\"role\": \"replica\", \"server_version\": 150018, \"xlog\": {\"received_location\": %1, "
                          "\"replayed_location\": %1, \"replayed_timestamp\": null, \"paused\": false}, \"timeline\": "
                          "%2, "
                          "\"dcs_last_seen\": %3, \"database_system_identifier\": \"7712177797005347336\", "
                          "\"patroni\": {\"version\": \"3.0.2\", \"scope\": \"%4\"}}"_s.arg(at)
                              .arg(cl->timeline)
                              .arg(dcsLastSeen)
                              .arg(cl->scope)
                              .toUtf8();
                }
                sm.own = own;
            }
            cl->cluster = "{\"members\": [" + members + "]}";
            cl->history = "[" + cl->historyLines.join(", ") + "]";
            cl->config = "{\"ttl\": 15, \"loop_wait\": 3, \"retry_timeout\": 5, \"maximum_lag_on_failover\": 1048576, "
                         "\"postgresql\": {\"use_pg_rewind\": true, \"use_slots\": true, \"parameters\": "
                         "{\"wal_level\": \"replica\", \"hot_standby\": \"on\", \"max_connections\": 100}}}";
            cl->metrics = u"# HELP patroni_version Patroni semver without periods.\n# TYPE patroni_version gauge\n"
                          "patroni_version{scope=\"%1\"} 030002\n# TYPE patroni_postgres_running gauge\n"
                          "patroni_postgres_running{scope=\"%1\"} 1\n# TYPE patroni_primary gauge\n"
                          "patroni_primary{scope=\"%1\"} 1\n# TYPE patroni_xlog_location counter\n"
                          "patroni_xlog_location{scope=\"%1\"} %2\n# TYPE patroni_postgres_timeline counter\n"
                          "patroni_postgres_timeline{scope=\"%1\"} %3\n"_s.arg(cl->scope)
                              .arg(cl->lsn)
                              .arg(cl->timeline)
                              .toUtf8();
            cl->csv = statsCsv(*cl);
        }
    }

    // The lab's capture, reshaped for this cluster: the same header and rows, one server row per member,
    // UP or DOWN as HAProxy's checks would have it.
    void loadTemplate(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read the HAProxy capture %s", qPrintable(path));
        const QList<QByteArray> lines = f.readAll().split('\n');
        m_header = lines.first();
        const QList<QByteArray> names = m_header.mid(2).split(',');
        m_statusColumn = int(names.indexOf("status"));
        m_actColumn = int(names.indexOf("act"));
        for (const QByteArray& l : lines) {
            const QList<QByteArray> f = l.split(',');
            if (f.size() < 2)
                continue;
            if (f.at(0) == "stats")
                m_statsRows.append(l);
            else if (f.at(1) == "FRONTEND")
                m_frontend[f.at(0)] = l;
            else if (f.at(1) == "BACKEND")
                m_backend[f.at(0)] = l;
            else if (f.value(m_statusColumn) == "UP")
                m_serverUp[f.at(0)] = l;
            else if (f.value(m_statusColumn) == "DOWN")
                m_serverDown[f.at(0)] = l;
        }
        if (m_statusColumn < 0 || m_actColumn < 0 || !m_serverUp.contains("primary")
            || !m_serverDown.contains("primary"))
            qFatal("the HAProxy capture %s lacks the rows the simulator reshapes", qPrintable(path));
    }

    QByteArray statsCsv(const SimCluster& cl) const
    {
        QByteArray out = m_header + '\n';
        for (const QByteArray& l : m_statsRows)
            out += l + '\n';
        for (const QByteArray& proxy : { QByteArray("primary"), QByteArray("replicas"), QByteArray("any") }) {
            out += m_frontend.value(proxy) + '\n';
            int up = 0;
            for (int m = 0; m < cl.members.size(); ++m) {
                const bool leader = m == cl.leader;
                const bool isUp = proxy == "any" || (proxy == "primary") == leader;
                QList<QByteArray> f = (isUp ? m_serverUp.value(proxy, m_serverUp.value("primary"))
                                            : m_serverDown.value(proxy, m_serverDown.value("primary")))
                                          .split(',');
                f[0] = proxy;
                f[1] = cl.members.at(m).name.toUtf8();
                out += f.join(',') + '\n';
                up += isUp ? 1 : 0;
            }
            QList<QByteArray> b = m_backend.value(proxy).split(',');
            if (m_actColumn < b.size())
                b[m_actColumn] = QByteArray::number(up);
            out += b.join(',') + '\n';
        }
        return out;
    }

    QRandomGenerator m_rng;
    qint64 m_changeMeanMs;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<SimCluster>> m_clusters;
    QTimer m_tick;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    quint64 m_served = 0;
    int m_listenFailed = 0;
    QByteArray m_header;
    int m_statusColumn = -1;
    int m_actColumn = -1;
    QList<QByteArray> m_statsRows;
    QHash<QByteArray, QByteArray> m_frontend, m_backend, m_serverUp, m_serverDown;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(u"A fleet of fake Patroni clusters with HAProxy stats, on 127.0.0.1."_s);
    p.addHelpOption();
    const QCommandLineOption clusters(u"clusters"_s, u"Number of clusters (default 200)."_s, u"N"_s, u"200"_s);
    const QCommandLineOption members(u"members"_s, u"Members per cluster (default 5)."_s, u"M"_s, u"5"_s);
    const QCommandLineOption hung(u"hung"_s, u"The first K clusters never answer (default 0)."_s, u"K"_s, u"0"_s);
    const QCommandLineOption change(
        u"leader-change-mean"_s, u"Mean seconds between leader changes per cluster (default 600)."_s, u"S"_s, u"600"_s);
    const QCommandLineOption seed(u"seed"_s, u"Random seed (default 1)."_s, u"N"_s, u"1"_s);
    const QCommandLineOption profiles(
        u"profiles"_s, u"Write the fleet's profiles file here once every port listens."_s, u"FILE"_s);
    const QCommandLineOption capture(u"haproxy-capture"_s, u"The HAProxy CSV capture to reshape."_s, u"FILE"_s,
        QStringLiteral(CONSOLE_TEST_DATA_DIR "/haproxy/stats-2.6.12-healthy.csv"));
    p.addOptions({ clusters, members, hung, change, seed, profiles, capture });
    p.process(app);

    // One listening socket per member and per cluster, and the connections on top.
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    Simulator sim(p.value(clusters).toInt(), p.value(members).toInt(), p.value(hung).toInt(), p.value(change).toInt(),
        p.value(seed).toUInt(), p.value(capture));
    if (!sim.ok()) {
        QTextStream(stderr) << "patroni-fleet-sim: could not listen on every port (raise ulimit -n)\n";
        return 1;
    }
    if (p.isSet(profiles)) {
        QFile f(p.value(profiles) + u".tmp"_s);
        if (!f.open(QIODevice::WriteOnly) || f.write(Cluster::writeProfileFile(sim.profiles())) < 0 || !f.flush()) {
            QTextStream(stderr) << "patroni-fleet-sim: cannot write " << p.value(profiles) << '\n';
            return 1;
        }
        f.close();
        QFile::remove(p.value(profiles));
        QFile::rename(f.fileName(), p.value(profiles)); // appears whole: a script may wait for it
    }
    QTextStream(stdout) << "patroni-fleet-sim: " << p.value(clusters) << " clusters x " << p.value(members)
                        << " members listening\n"
                        << Qt::flush;
    return app.exec();
}
