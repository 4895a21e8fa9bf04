#include "app/cli/watchcommand.h"
#include "app/cli/clitranslate.h"

#include "app/cli/clusteroptions.h"
#include "app/cli/statusformat.h"
#include "app/quitonsignals.h"
#include "app/session/livesession.h"
#include "app/sources/httpfetch.h"
#include "models/cluster/clusterstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Cli {

int runWatch(const QStringList& arguments)
{
    QTextStream out(stdout);
    Command command(u"watch"_s, arguments);
    QCommandLineParser& p = command.parser();
    p.setApplicationDescription(
        tr("The cluster as `status` prints it — members, HAProxy's routes, etcd, findings — redrawn in place, "
           "like `patronictl list -W`. Ctrl-C quits and leaves the last view on the terminal."));
    const ClusterOptions cluster;
    const QCommandLineOption interval(u"interval"_s,
        tr("Redraw every SECONDS (default 2; the sources poll at the profile's own intervals)."), u"SECONDS"_s, u"2"_s);
    const QCommandLineOption count(u"count"_s, tr("Stop after N views (default: until Ctrl-C)."), u"N"_s);
    const QCommandLineOption ansi(u"ansi"_s,
        tr("Redraw in place with terminal control sequences: auto (when the output is a terminal), always, never."),
        u"WHEN"_s, u"auto"_s);
    p.addOptions(cluster.all() + QList<QCommandLineOption> { interval, count, ansi });
    const auto usage = [&command](const QString& message) { return command.usage(message); };
    if (const auto exit = command.parse())
        return *exit;
    bool ok = false;
    const double seconds = p.value(interval).toDouble(&ok);
    if (!ok || seconds < 0.2 || seconds > 3600)
        return usage(tr("--interval must be a number of seconds from 0.2 to 3600"));
    int frames = -1;
    if (p.isSet(count)) {
        frames = p.value(count).toInt(&ok);
        if (!ok || frames < 1)
            return usage(tr("--count must be a positive number"));
    }
    const QString when = p.value(ansi);
    if (when != u"auto"_s && when != u"always"_s && when != u"never"_s)
        return usage(tr("--ansi must be auto, always or never, not \"%1\"").arg(when));
    const bool inPlace = when == u"always"_s || (when == u"auto"_s && ::isatty(STDOUT_FILENO));
    QString why;
    const std::optional<Cluster::Profile> prof = cluster.profileFrom(p, &why);
    if (!prof)
        return usage(why);

    Sources::HttpClient http;
    App::LiveSession session(&http, *prof, Session::SessionOptions {});
    QEventLoop loop;
    const App::QuitOnSignals quitOnSignals([&loop](int) { loop.quit(); });
    QString last;
    int drawn = 0;
    const auto draw = [&] {
        const Cluster::ClusterStore* store = session.store();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString frame = u"patroni-console watch: "_s
            + tr("%1 at %2 UTC, every %3 s (Ctrl-C quits)")
                  .arg(prof->name, now.toString(u"yyyy-MM-dd HH:mm:ss"_s), QString::number(seconds))
            + u"\n\n"_s;
        if (store->hasView())
            frame += formatStatusTable(store->state(), store->findings());
        else if (store->lastError().isError())
            frame += tr("Cannot read the cluster: %1").arg(Cluster::describe(store->lastError())) + u'\n';
        else
            frame += tr("Reading the cluster…") + u'\n';
        last = frame;
        if (inPlace)
            out << "\x1b[H\x1b[2J" << frame; // home, clear: the new view replaces the old one
        else
            out << (drawn ? "\n" : "") << frame;
        out.flush();
        if (++drawn == frames)
            loop.quit();
    };
    if (inPlace) {
        out << "\x1b[?1049h\x1b[?25l"; // the alternate screen, no cursor
        out.flush();
    }
    QTimer redraw;
    redraw.setInterval(int(seconds * 1000));
    QObject::connect(&redraw, &QTimer::timeout, &loop, draw);
    // The first view once every source has answered (or failed) once; then on the timer.
    QObject::connect(&session, &Session::ClusterSession::roundFinished, &loop, [&] {
        if (!redraw.isActive()) {
            draw();
            redraw.start();
        }
    });
    session.start();
    loop.exec();
    session.stop();
    if (inPlace) {
        // The terminal as it was: the cursor back, the normal screen; the last view stays readable there.
        out << "\x1b[?25h\x1b[?1049l" << last;
        out.flush();
    }
    return 0;
}

} // namespace Cli
