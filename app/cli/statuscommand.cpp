#include "app/cli/statuscommand.h"
#include "app/cli/clitranslate.h"

#include "app/cli/clusteroptions.h"
#include "app/cli/statusformat.h"
#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/statejson.h"
#include "models/cluster/translate.h"
#include "models/snapshot/redactor.h"

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
        {
            // JSON and TSV are for scripts: English whatever the locale, also the headline each summary
            // holds (made here, not the session's own, which was made in the reader's language).
            std::optional<Cluster::Untranslated> english;
            if (format != u"table"_s)
                english.emplace();
            for (const Session::ClusterSession* s : fleet.sessions())
                lines.append(FleetLine { s->name(), Cluster::summarize(s->store()->state(), s->store()->findings()),
                    s->store()->lastError() });
            sortWorstFirst(&lines);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (format == u"json"_s)
                out << QJsonDocument(fleetToJson(lines, now)).toJson(QJsonDocument::Indented);
            else
                out << (format == u"tsv"_s ? formatFleetTsv(lines) : formatFleetTable(lines));
            out.flush();
        }
        int unread = 0;
        for (const FleetLine& l : std::as_const(lines)) {
            if (!l.summary.everRead || l.summary.stale) {
                ++unread;
                err << "patroni-console status: " << tr("could not read %1: %2").arg(l.name, Cluster::describe(l.error))
                    << '\n';
            }
        }
        return unread == 0 ? 0 : 1;
    }

} // namespace

int runStatus(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Command command(u"status"_s, arguments);
    QCommandLineParser& p = command.parser();
    p.setApplicationDescription(tr("Read every source of a cluster once and print it; with --all, every saved "
                                   "cluster in one line each, worst first."));
    const ClusterOptions cluster;
    const QCommandLineOption format(u"format"_s, tr("table (default), json or tsv."), u"FORMAT"_s, u"table"_s);
    const QCommandLineOption all(u"all"_s,
        tr("Every saved cluster, read in parallel: one line each (name, health, leader, members running/total, "
           "timeline, worst lag, worst finding), worst first. Exit 0 when every cluster could be read, 1 when "
           "any could not."));
    p.addOptions(cluster.all() + QList<QCommandLineOption> { format, all });
    // A wrong call is answered with what was wrong and the usage (exit 2).
    const auto usage = [&command](const QString& message) { return command.usage(message); };
    if (const auto exit = command.parse())
        return *exit;
    const QString fmt = p.value(format);
    if (fmt != u"table"_s && fmt != u"json"_s && fmt != u"tsv"_s)
        return usage(tr("--format must be table, json or tsv, not \"%1\"").arg(fmt));
    QString why;
    const std::optional<int> deadline = cluster.deadline(p, &why);
    if (!why.isEmpty())
        return usage(why);
    if (p.isSet(all)) {
        const QStringList given = cluster.givenSources(p);
        if (!given.isEmpty())
            return usage(
                tr("--all reads every saved cluster as saved; %1 cannot be combined with it").arg(given.first()));
        return runStatusAll(fmt, deadline);
    }
    const std::optional<Cluster::Profile> prof = cluster.profileFrom(p, &why);
    if (!prof)
        return usage(why);

    Sources::HttpClient http;
    App::LiveSession session(&http, *prof, Session::SessionOptions {}); // one reading: no journal
    pollOnce(&session);

    const Cluster::ClusterStore* store = session.store();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // JSON and TSV are for scripts: English whatever the locale (stateToJson keeps its own scope too).
    std::optional<Cluster::Untranslated> english;
    if (fmt != u"table"_s)
        english.emplace();
    if (fmt == u"json"_s) {
        // The dynamic configuration and error bodies can carry secrets: out, as in every snapshot.
        Snapshot::Redactor redactor;
        for (const QString& secret : session.secretsInUse())
            redactor.addSecret(secret);
        redactor.addSecretsFromEnvironment(QProcessEnvironment::systemEnvironment());
        out << QJsonDocument(redactor.redact(Cluster::stateToJson(store->state(), store->findings(), now)).toObject())
                   .toJson(QJsonDocument::Indented);
    } else if (store->hasView())
        out << (fmt == u"tsv"_s ? formatStatusTsv(store->state(), store->findings())
                                : formatStatusTable(store->state(), store->findings()));
    out.flush();
    english.reset(); // what is said on standard error is for the reader
    if (!store->hasView() || store->isStale()) {
        err << "patroni-console status: "
            << tr("could not read the cluster: %1").arg(Cluster::describe(store->lastError())) << '\n';
        return 1;
    }
    return 0;
}

} // namespace Cli
