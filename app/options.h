#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace App {

// What the command line asked for. Parsing is separate from running so --help and errors never
// need a display.
struct Options {
    QString command; // empty: open the window
    QList<QUrl> urls; // Patroni REST API URLs of any members
    bool urlsGiven = false; // --url on the command line: watch only Patroni there, nothing of the lab's
    QString profile; // --profile NAME: a saved profile (or the built-in "lab")
    int intervalMs = 1000;
    int deadlineMs = 2000;
    QString screenshotPath;
    int screenshotTimeoutMs = 10000;
    QString label;
};

struct ParseOutcome {
    Options options;
    bool exitNow = false; // --help / --version printed
    int exitCode = 0;
    QString message; // error or help text, for stdout (exitCode 0) or stderr
};

ParseOutcome parseOptions(const QStringList& arguments);
QList<QUrl> defaultLabUrls();

} // namespace App
