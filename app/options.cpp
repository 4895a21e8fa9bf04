#include "app/options.h"

#include "app/credentials/credentialstore.h"
#include "app/postgres/asyncconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace App {

namespace {

    QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
    {
        return QCoreApplication::translate("App", text, disambiguation, n);
    }

    // --help's text with the usage line naming the program as users call it. Qt names it by the
    // application's argv[0], or "<executable_name>" while there is no application object; and "Usage"
    // is in the language Qt's own translation speaks: the name is found, not the English word before it.
    QString helpOf(const QCommandLineParser& p)
    {
        QString text = p.helpText();
        const QString called
            = QCoreApplication::instance() ? QCoreApplication::arguments().value(0) : u"<executable_name>"_s;
        const qsizetype lineEnd = text.indexOf(u'\n');
        const qsizetype at = called.isEmpty() ? -1 : text.indexOf(called);
        if (at >= 0 && (lineEnd < 0 || at < lineEnd))
            text.replace(at, called.size(), u"patroni-console"_s);
        return text;
    }

} // namespace

QString versionText()
{
    return u"patroni-console "_s + QStringLiteral(PATRONI_CONSOLE_VERSION) + u" (Qt "_s
        + QString::fromLatin1(qVersion()) + u", libpq "_s + Postgres::libpqVersion() + u", QtKeychain "_s
        + Credentials::CredentialStore::libraryVersion() + u')';
}

ParseOutcome parseOptions(const QStringList& arguments)
{
    ParseOutcome out;
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Patroni Console: watch and steer PostgreSQL HA clusters run by Patroni, etcd and HAProxy.\n"
           "Without a command it opens the window on every saved cluster (the built-in \"lab\" while none "
           "is saved).\n\n"
           "Commands (each has --help):\n"
           "  status     read a cluster (or, with --all, every saved cluster) once and print it\n"
           "  watch      the same, redrawn in place until Ctrl-C\n"
           "  snapshot   write everything known about a cluster, secrets redacted: JSON, Markdown, HTML, PDF, PNG\n"
           "  check      a monitoring plugin (Nagios/Icinga): exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN\n"
           "  history    Patroni's promotions and the console's journal of a cluster, filtered\n"
           "  switchover, failover, restart, reload, reinit, pause, resume, edit-config\n"
           "             act on a cluster: checked first, confirmed, sent once, verified after, audited\n"
           "  audit      every action sent or refused, with its answer and verification\n"
           "  profiles   list, show, import, export and remove saved clusters"));
    p.addPositionalArgument(u"command"_s,
        tr("status, watch, snapshot, check, history, an action, audit or profiles; none: the window"), u"[command]"_s);
    const QCommandLineOption help({ u"h"_s, u"help"_s }, tr("Show this help."));
    const QCommandLineOption version(u"version"_s, tr("Show the version."));
    const QCommandLineOption url(u"url"_s,
        tr("Patroni REST API URL of a member of a cluster that is not saved (repeatable); the other members "
           "are discovered from it. Only Patroni is watched."),
        u"URL"_s);
    const QCommandLineOption profile(u"profile"_s,
        tr("Watch this saved cluster (repeatable; \"lab\" is the repository's lab cluster unless a saved one has "
           "that name). Default: every saved cluster."),
        u"NAME"_s);
    const QCommandLineOption interval(u"interval"_s,
        tr("Poll Patroni every MS milliseconds, for every cluster (default: each profile's own)."), u"MS"_s);
    const QCommandLineOption deadline(u"timeout"_s,
        tr("Total deadline per request in milliseconds, for every cluster (default: each profile's own)."), u"MS"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
        tr("Open the window, wait for the first poll, save a PNG of the window to FILE and exit (0 if the "
           "cluster shown was read, 1 otherwise)."),
        u"FILE.png"_s);
    const QCommandLineOption screenshotWait(u"screenshot-wait"_s,
        tr("With --screenshot: keep watching SECONDS more after the first complete round before saving "
           "(the lag chart fills, a failover can be caught mid-way)."),
        u"SECONDS"_s);
    const QCommandLineOption dark(u"dark"_s, tr("Use a dark palette (whatever the desktop's is)."));
    const QCommandLineOption label(u"label"_s, tr("Title of the window (nothing else)."), u"TEXT"_s);
    p.addOptions({ help, version, url, profile, interval, deadline, screenshot, screenshotWait, dark, label });

    if (!p.parse(arguments)) {
        out.exitNow = true;
        out.exitCode = 2;
        out.message = u"patroni-console: "_s + p.errorText() + u"\n\n"_s + helpOf(p);
        return out;
    }
    if (p.isSet(help)) {
        out.exitNow = true;
        out.message = helpOf(p);
        return out;
    }
    if (p.isSet(version)) {
        out.exitNow = true;
        out.message = versionText();
        return out;
    }
    // A wrong call is answered with what was wrong and the usage (exit 2).
    const auto fail = [&out, &p](const QString& message) {
        out.exitNow = true;
        out.exitCode = 2;
        out.message = u"patroni-console: "_s + message + u"\n\n"_s + helpOf(p);
        return out;
    };
    const QStringList positional = p.positionalArguments();
    if (!positional.isEmpty())
        return fail(tr("unknown command \"%1\"; try --help").arg(positional.first()));

    for (const QString& u : p.values(url)) {
        const QUrl parsed = QUrl::fromUserInput(u);
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s))
            return fail(tr("--url \"%1\" is not an http(s) URL with a host").arg(u));
        out.options.urls.append(parsed);
    }
    out.options.profiles = p.values(profile);
    if (!out.options.urls.isEmpty() && !out.options.profiles.isEmpty())
        return fail(tr("give --url or --profile, not both"));

    const auto number = [&](const QCommandLineOption& o, int minimum, std::optional<int>* target) {
        if (!p.isSet(o))
            return true;
        bool ok = false;
        const int v = p.value(o).toInt(&ok);
        if (!ok || v < minimum)
            return false;
        *target = v;
        return true;
    };
    if (!number(interval, 100, &out.options.intervalMs))
        return fail(tr("--interval must be a number of milliseconds, at least 100"));
    if (!number(deadline, 100, &out.options.deadlineMs))
        return fail(tr("--timeout must be a number of milliseconds, at least 100"));
    out.options.screenshotPath = p.value(screenshot);
    std::optional<int> wait;
    if (!number(screenshotWait, 0, &wait) || wait.value_or(0) > 3600)
        return fail(tr("--screenshot-wait must be a number of seconds, 0 to 3600"));
    if (wait && out.options.screenshotPath.isEmpty())
        return fail(tr("--screenshot-wait needs --screenshot FILE.png"));
    out.options.screenshotWaitMs = wait.value_or(0) * 1000;
    out.options.dark = p.isSet(dark);
    out.options.label = p.value(label);
    return out;
}

} // namespace App
