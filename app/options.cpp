#include "app/options.h"

#include "app/credentials/credentialstore.h"
#include "app/postgres/asyncconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace App {

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
        u"Patroni Console: watch and steer PostgreSQL HA clusters run by Patroni, etcd and HAProxy.\n"
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
        "  profiles   list, show, import, export and remove saved clusters"_s);
    p.addPositionalArgument(u"command"_s,
        u"status, watch, snapshot, check, history, an action, audit or profiles; none: the window"_s, u"[command]"_s);
    const QCommandLineOption help({ u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption version(u"version"_s, u"Show the version."_s);
    const QCommandLineOption url(u"url"_s,
        u"Patroni REST API URL of a member of a cluster that is not saved (repeatable); the other members "
        "are discovered from it. Only Patroni is watched."_s,
        u"URL"_s);
    const QCommandLineOption profile(u"profile"_s,
        u"Watch this saved cluster (repeatable; \"lab\" is the repository's lab cluster unless a saved one has "
        "that name). Default: every saved cluster."_s,
        u"NAME"_s);
    const QCommandLineOption interval(u"interval"_s,
        u"Poll Patroni every MS milliseconds, for every cluster (default: each profile's own)."_s, u"MS"_s);
    const QCommandLineOption deadline(u"timeout"_s,
        u"Total deadline per request in milliseconds, for every cluster (default: each profile's own)."_s, u"MS"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
        u"Open the window, wait for the first poll, save a PNG of the window to FILE and exit (0 if the "
        "cluster shown was read, 1 otherwise)."_s,
        u"FILE.png"_s);
    const QCommandLineOption screenshotWait(u"screenshot-wait"_s,
        u"With --screenshot: keep watching SECONDS more after the first complete round before saving "
        "(the lag chart fills, a failover can be caught mid-way)."_s,
        u"SECONDS"_s);
    const QCommandLineOption dark(u"dark"_s, u"Use a dark palette (whatever the desktop's is)."_s);
    const QCommandLineOption label(u"label"_s, u"Title of the window (nothing else)."_s, u"TEXT"_s);
    p.addOptions({ help, version, url, profile, interval, deadline, screenshot, screenshotWait, dark, label });

    if (!p.parse(arguments)) {
        out.exitNow = true;
        out.exitCode = 2;
        out.message = u"patroni-console: "_s + p.errorText() + u"\n\n"_s
            + p.helpText().replace(u"<executable_name>"_s, u"patroni-console"_s);
        return out;
    }
    if (p.isSet(help)) {
        out.exitNow = true;
        out.message = p.helpText().replace(u"<executable_name>"_s, u"patroni-console"_s);
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
        out.message = u"patroni-console: "_s + message + u"\n\n"_s
            + p.helpText().replace(u"<executable_name>"_s, u"patroni-console"_s);
        return out;
    };
    const QStringList positional = p.positionalArguments();
    if (!positional.isEmpty())
        return fail(u"unknown command \"%1\"; try --help"_s.arg(positional.first()));

    for (const QString& u : p.values(url)) {
        const QUrl parsed = QUrl::fromUserInput(u);
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s))
            return fail(u"--url \"%1\" is not an http(s) URL with a host"_s.arg(u));
        out.options.urls.append(parsed);
    }
    out.options.profiles = p.values(profile);
    if (!out.options.urls.isEmpty() && !out.options.profiles.isEmpty())
        return fail(u"give --url or --profile, not both"_s);

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
        return fail(u"--interval must be a number of milliseconds, at least 100"_s);
    if (!number(deadline, 100, &out.options.deadlineMs))
        return fail(u"--timeout must be a number of milliseconds, at least 100"_s);
    out.options.screenshotPath = p.value(screenshot);
    std::optional<int> wait;
    if (!number(screenshotWait, 0, &wait) || wait.value_or(0) > 3600)
        return fail(u"--screenshot-wait must be a number of seconds, 0 to 3600"_s);
    if (wait && out.options.screenshotPath.isEmpty())
        return fail(u"--screenshot-wait needs --screenshot FILE.png"_s);
    out.options.screenshotWaitMs = wait.value_or(0) * 1000;
    out.options.dark = p.isSet(dark);
    out.options.label = p.value(label);
    return out;
}

} // namespace App
