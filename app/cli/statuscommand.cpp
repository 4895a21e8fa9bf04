#include "app/cli/statuscommand.h"

#include "app/cli/statusformat.h"
#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/statejson.h"

#include "app/sources/httpfetch.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

    // `status --all`: every saved cluster once, in parallel, then one line each, worst first.
    int runStatusAll(const QString& format, std::optional<int> deadline)
    {
        QTextStream out(stdout);
        QTextStream err(stderr);
        Sources::HttpClient http;
        App::Fleet fleet(&http, Session::SessionOptions {});
        for (const Cluster::Profile& profile : Settings::ProfileStore().profiles())
            fleet.add(App::applyOverrides(profile, App::ProfileOverrides { std::nullopt, deadline }));
        QEventLoop loop;
        QObject::connect(&fleet, &App::Fleet::allRoundsFinished, &loop, &QEventLoop::quit);
        fleet.pollOnceAll();
        if (!fleet.sessions().isEmpty())
            loop.exec();

        QList<FleetLine> lines;
        for (const Session::ClusterSession* s : fleet.sessions())
            lines.append(FleetLine { s->name(), s->summary(), s->store()->lastError() });
        sortWorstFirst(&lines);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (format == u"json"_s)
            out << QJsonDocument(fleetToJson(lines, now)).toJson(QJsonDocument::Indented);
        else
            out << (format == u"tsv"_s ? formatFleetTsv(lines) : formatFleetTable(lines));
        out.flush();
        int unread = 0;
        for (const FleetLine& l : std::as_const(lines)) {
            if (!l.summary.everRead || l.summary.stale) {
                ++unread;
                err << "patroni-console status: could not read " << l.name << ": " << Cluster::describe(l.error)
                    << '\n';
            }
        }
        return unread == 0 ? 0 : 1;
    }

    std::optional<QUrl> httpUrl(const QString& text)
    {
        const QUrl u = QUrl::fromUserInput(text);
        if (!u.isValid() || u.host().isEmpty() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s))
            return std::nullopt;
        return u;
    }

} // namespace

int runStatus(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser p;
    p.setApplicationDescription(u"Read every source of a cluster once and print it; with --all, every saved "
                                "cluster in one line each, worst first."_s);
    const QCommandLineOption help({ u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption url(u"url"_s, u"Patroni REST API URL of a member (repeatable)."_s, u"URL"_s);
    const QCommandLineOption profile(u"profile"_s, u"A saved cluster profile (\"lab\" is built in)."_s, u"NAME"_s);
    const QCommandLineOption haproxy(
        u"haproxy"_s, u"HAProxy stats CSV URL, e.g. http://127.0.0.1:7000/;csv."_s, u"URL"_s);
    const QCommandLineOption etcd(u"etcd"_s, u"etcd client URL (repeatable)."_s, u"URL"_s);
    const QCommandLineOption format(u"format"_s, u"table (default), json or tsv."_s, u"FORMAT"_s, u"table"_s);
    const QCommandLineOption pgUser(u"postgres-user"_s,
        u"Ask PostgreSQL itself (lag in seconds, where HAProxy's ports land) as USER; the "
        "password comes from the keychain or PATRONI_CONSOLE_POSTGRES_PASSWORD."_s,
        u"USER"_s);
    const QCommandLineOption pgDb(u"postgres-db"_s, u"Database for --postgres-user (default postgres)."_s, u"DB"_s);
    const QCommandLineOption timeout(
        u"timeout"_s, u"Deadline per request in milliseconds (default: the profile's own, 2000)."_s, u"MS"_s);
    const QCommandLineOption all(u"all"_s,
        u"Every saved cluster, read in parallel: one line each (name, health, leader, members running/total, "
        "timeline, worst lag, worst finding), worst first. Exit 0 when every cluster could be read, 1 when "
        "any could not."_s);
    p.addOptions({ help, url, profile, haproxy, etcd, pgUser, pgDb, format, timeout, all });
    // A wrong call is answered with what was wrong and the usage (exit 2).
    const auto usage = [&err, &p, &arguments](const QString& message) {
        err << "patroni-console status: " << message << "\n\n"
            << p.helpText().replace(u"Usage: "_s + arguments.value(0), u"Usage: patroni-console status"_s);
        return 2;
    };
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(help)) {
        out << p.helpText().replace(u"Usage: "_s + arguments.value(0), u"Usage: patroni-console status"_s);
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return usage(u"unexpected argument \"%1\""_s.arg(p.positionalArguments().first()));
    const QString fmt = p.value(format);
    if (fmt != u"table"_s && fmt != u"json"_s && fmt != u"tsv"_s)
        return usage(u"--format must be table, json or tsv, not \"%1\""_s.arg(fmt));
    if (p.isSet(profile) && p.isSet(url))
        return usage(u"give --url or --profile, not both"_s);
    std::optional<int> deadline;
    if (p.isSet(timeout)) {
        bool ok = false;
        const int ms = p.value(timeout).toInt(&ok);
        if (!ok || ms < 100)
            return usage(u"--timeout must be a number of milliseconds, at least 100"_s);
        deadline = ms;
    }
    if (p.isSet(all)) {
        for (const QCommandLineOption* o : { &url, &profile, &haproxy, &etcd, &pgUser, &pgDb }) {
            if (p.isSet(*o))
                return usage(u"--all reads every saved cluster as saved; --%1 cannot be combined with it"_s.arg(
                    o->names().first()));
        }
        return runStatusAll(fmt, deadline);
    }

    Cluster::Profile prof;
    if (p.isSet(profile)) {
        Settings::ProfileStore profiles;
        const auto loaded = profiles.load(p.value(profile));
        if (!loaded)
            return usage(
                u"no profile \"%1\"; saved profiles: %2"_s.arg(p.value(profile), profiles.names().join(u", "_s)));
        prof = *loaded;
    } else {
        QList<QUrl> urls;
        for (const QString& u : p.values(url)) {
            const auto parsed = httpUrl(u);
            if (!parsed)
                return usage(u"--url \"%1\" is not an http(s) URL with a host"_s.arg(u));
            urls.append(*parsed);
        }
        if (urls.isEmpty())
            return usage(u"give at least one --url (a member's Patroni REST API), --profile NAME or --all"_s);
        prof = App::adHocProfile(urls); // PostgreSQL is asked only with --postgres-user
    }
    if (p.isSet(pgUser))
        prof.postgres.user = p.value(pgUser);
    if (p.isSet(pgDb))
        prof.postgres.dbname = p.value(pgDb);
    if (p.isSet(haproxy)) {
        const auto parsed = httpUrl(p.value(haproxy));
        if (!parsed)
            return usage(u"--haproxy \"%1\" is not an http(s) URL"_s.arg(p.value(haproxy)));
        prof.haproxyStatsUrl = *parsed;
        if (!p.isSet(profile))
            prof.haproxyRoutes.host = parsed->host(); // clients' ports live where the stats page does
    }
    for (const QString& u : p.values(etcd)) {
        const auto parsed = httpUrl(u);
        if (!parsed)
            return usage(u"--etcd \"%1\" is not an http(s) URL"_s.arg(u));
        prof.etcdUrls.append(*parsed);
    }
    prof = App::applyOverrides(prof, App::ProfileOverrides { std::nullopt, deadline });

    Sources::HttpClient http;
    App::LiveSession session(&http, prof, Session::SessionOptions {}); // one reading: no journal
    QEventLoop loop;
    QObject::connect(&session, &Session::ClusterSession::roundFinished, &loop, &QEventLoop::quit);
    session.pollOnce();
    loop.exec();

    const Cluster::ClusterStore* store = session.store();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (fmt == u"json"_s)
        out << QJsonDocument(Cluster::stateToJson(store->state(), store->findings(), now))
                   .toJson(QJsonDocument::Indented);
    else if (store->hasView())
        out << (fmt == u"tsv"_s ? formatStatusTsv(store->state(), store->findings())
                                : formatStatusTable(store->state(), store->findings()));
    out.flush();
    if (!store->hasView() || store->isStale()) {
        err << "patroni-console status: could not read the cluster: " << Cluster::describe(store->lastError()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace Cli
