#include "app/cli/snapshotcommand.h"
#include "app/cli/clitranslate.h"

#include "app/cli/clusteroptions.h"
#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/sources/httpfetch.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/journal.h"
#include "ui/snapshot/snapshotwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Cli {

int runSnapshot(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Command command(u"snapshot"_s, arguments);
    QCommandLineParser& p = command.parser();
    p.setApplicationDescription(
        tr("Write everything the console knows about one cluster at one instant — members, HAProxy, etcd, "
           "routing probes, findings, Patroni's history, the dynamic configuration, the recent journal — with "
           "every secret redacted. Exit 0: written; 1: written, but Patroni could not be read (the snapshot "
           "says why); 2: usage error; 3: the output could not be written."));
    const ClusterOptions cluster;
    const QCommandLineOption output({ u"o"_s, u"output"_s },
        tr("Where to write (required). \"-\" writes to standard output (json, markdown, html)."), u"FILE"_s);
    const QCommandLineOption format(u"format"_s,
        tr("json, markdown, html, pdf or png (default: from FILE's extension: .json .md .html .pdf .png)."),
        u"FORMAT"_s);
    const QCommandLineOption duration(u"duration"_s,
        tr("Watch the cluster for SECONDS before taking the snapshot (the lag chart of a PNG then has a "
           "history; default 0: one reading)."),
        u"SECONDS"_s, u"0"_s);
    const QCommandLineOption journal(u"journal"_s,
        tr("How many of the newest journal events to include (the window's journal for --profile; default 100)."),
        u"N"_s, u"100"_s);
    p.addOptions(cluster.all() + QList<QCommandLineOption> { output, format, duration, journal });
    const auto usage = [&command](const QString& message) { return command.usage(message); };
    if (const auto exit = command.parse())
        return *exit;
    if (!p.isSet(output))
        return usage(tr("give --output FILE (or - for standard output)"));
    const QString path = p.value(output);
    std::optional<Snapshot::Format> fmt;
    if (p.isSet(format)) {
        fmt = Snapshot::formatFromName(p.value(format));
        if (!fmt)
            return usage(tr("--format must be json, markdown, html, pdf or png, not \"%1\"").arg(p.value(format)));
    } else {
        fmt = Snapshot::formatFromPath(path);
        if (!fmt)
            return usage(path == u"-"_s ? tr("give --format with --output -")
                                        : tr("cannot tell the format from \"%1\": name the file .json, .md, .html, "
                                             ".pdf or .png, or give --format")
                                              .arg(path));
    }
    if (path == u"-"_s && (*fmt == Snapshot::Format::Pdf || *fmt == Snapshot::Format::Png))
        return usage(tr("%1 is binary: give a file with --output").arg(Snapshot::formatName(*fmt)));
    bool ok = false;
    const int seconds = p.value(duration).toInt(&ok);
    if (!ok || seconds < 0 || seconds > 86400)
        return usage(tr("--duration must be a number of seconds from 0 to 86400"));
    const int journalLimit = p.value(journal).toInt(&ok);
    if (!ok || journalLimit < 0 || journalLimit > 100000)
        return usage(tr("--journal must be a number from 0 to 100000"));
    QString why;
    const std::optional<Cluster::Profile> prof = cluster.profileFrom(p, &why);
    if (!prof)
        return usage(why);
    // An output that cannot be written fails now, before anything is read.
    if (path != u"-"_s && !Ui::checkWritable(path, &why)) {
        err << "patroni-console snapshot: " << why << '\n';
        return 3;
    }

    Sources::HttpClient http;
    App::LiveSession session(&http, *prof, Session::SessionOptions {}); // the journal is read, never written
    if (seconds == 0) {
        pollOnce(&session);
    } else {
        QEventLoop loop;
        session.start();
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        session.stop();
    }

    Ui::SnapshotRequest request;
    request.session = &session;
    request.format = *fmt;
    request.path = path;
    if (journalLimit > 0) {
        // The window's journal of this profile, then what this reading saw.
        const QString file = Session::ClusterSession::journalPath(App::journalDirectory(), prof->name);
        if (p.isSet(cluster.profile) && QFile::exists(file))
            request.journal = Cluster::Journal(file).read(journalLimit);
        request.journal += session.recentEvents(journalLimit);
        if (request.journal.size() > journalLimit)
            request.journal.remove(0, request.journal.size() - journalLimit);
    }
    Ui::SnapshotOutcome outcome;
    if (path == u"-"_s) {
        QByteArray bytes;
        outcome = Ui::renderSnapshot(request, &bytes);
        QFile stdOut;
        if (outcome.written && (!stdOut.open(stdout, QIODevice::WriteOnly) || stdOut.write(bytes) != bytes.size()))
            outcome = { false, tr("cannot write to standard output"), outcome.redactions };
    } else {
        outcome = Ui::writeSnapshot(request);
    }
    if (!outcome.written) {
        err << "patroni-console snapshot: " << outcome.error << '\n';
        return 3;
    }
    const Cluster::ClusterStore* store = session.store();
    if (path != u"-"_s)
        err << "patroni-console snapshot: "
            << tr("wrote %1 (%2, %n secret value(s) redacted)", nullptr, outcome.redactions)
                   .arg(path, Snapshot::formatName(*fmt))
            << '\n';
    if (!store->hasView() || store->isStale()) {
        err << "patroni-console snapshot: "
            << tr("the cluster could not be read: %1 (the snapshot says so)").arg(Cluster::describe(store->lastError()))
            << '\n';
        return 1;
    }
    return 0;
}

} // namespace Cli
