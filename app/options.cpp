#include "app/options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace App {

QList<QUrl> defaultLabUrls()
{
    return { QUrl(u"http://127.0.0.1:8008"_s), QUrl(u"http://127.0.0.1:8009"_s), QUrl(u"http://127.0.0.1:8010"_s) };
}

ParseOutcome parseOptions(const QStringList& arguments)
{
    ParseOutcome out;
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Patroni Console: watch and steer PostgreSQL HA clusters run by Patroni, etcd and HAProxy.\n"
        "Without a command it opens the window."_s);
    p.addPositionalArgument(u"command"_s,
        u"status: read every source of a cluster once and print it (see patroni-console status --help). "
        "Without a command the window opens."_s,
        u"[command]"_s);
    const QCommandLineOption help({ u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption version(u"version"_s, u"Show the version."_s);
    const QCommandLineOption url(u"url"_s,
        u"Patroni REST API URL of a member (repeatable). The other members are "
        "discovered from it. Default: the lab, http://127.0.0.1:8008, :8009, :8010."_s,
        u"URL"_s);
    const QCommandLineOption interval(u"interval"_s, u"Poll interval in milliseconds (default 1000)."_s, u"MS"_s);
    const QCommandLineOption deadline(
        u"timeout"_s, u"Total deadline per HTTP request in milliseconds (default 2000)."_s, u"MS"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
        u"Open the window, wait for the first poll, save a PNG of the window "
        "to FILE and exit (0 if the cluster was read, 1 otherwise)."_s,
        u"FILE.png"_s);
    const QCommandLineOption label(u"label"_s, u"Name shown for the cluster (default: the first URL)."_s, u"NAME"_s);
    const QCommandLineOption profile(u"profile"_s,
        u"Watch a saved cluster profile with all its sources (\"lab\" is built in; it "
        "is also what runs without --url)."_s,
        u"NAME"_s);
    p.addOptions({ help, version, url, interval, deadline, screenshot, label, profile });

    if (!p.parse(arguments)) {
        out.exitNow = true;
        out.exitCode = 2;
        out.message = p.errorText() + u"\nTry --help."_s;
        return out;
    }
    if (p.isSet(help)) {
        out.exitNow = true;
        out.message = p.helpText().replace(u"<executable_name>"_s, u"patroni-console"_s);
        return out;
    }
    if (p.isSet(version)) {
        out.exitNow = true;
        out.message = u"patroni-console "_s + QStringLiteral(PATRONI_CONSOLE_VERSION);
        return out;
    }
    const auto fail = [&out](const QString& message) {
        out.exitNow = true;
        out.exitCode = 2;
        out.message = message;
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
    out.options.urlsGiven = !out.options.urls.isEmpty();
    if (out.options.urlsGiven && p.isSet(profile))
        return fail(u"give --url or --profile, not both"_s);
    out.options.profile = p.value(profile);
    if (out.options.urls.isEmpty())
        out.options.urls = defaultLabUrls();

    const auto number = [&](const QCommandLineOption& o, int minimum, int* target) {
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
    out.options.label = p.isSet(label) ? p.value(label)
        : p.isSet(profile)             ? out.options.profile
                                       : out.options.urls.first().authority();
    return out;
}

} // namespace App
