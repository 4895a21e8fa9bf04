#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace App {

// What the command line asked of the window. Parsing is separate from running so --help and errors
// never need a display.
struct Options {
    QList<QUrl> urls; // --url: Patroni REST API URLs of one ad-hoc cluster (Patroni only)
    QStringList profiles; // --profile NAME (repeatable); none and no --url: every saved profile
    // Given on the command line: they override the profiles' own intervals and deadlines. Not given:
    // each profile keeps what the user saved.
    std::optional<int> intervalMs;
    std::optional<int> deadlineMs;
    QString screenshotPath;
    int screenshotTimeoutMs = 10000;
    int screenshotWaitMs = 0; // --screenshot-wait: more time after the first complete round
    bool dark = false; // --dark: a dark palette whatever the desktop's
    QString label; // the window's title; nothing else
    QString settingsNotice; // the settings file was damaged and set aside (Settings::setAsideUnreadable)
};

struct ParseOutcome {
    Options options;
    bool exitNow = false; // --help / --version printed
    int exitCode = 0;
    QString message; // error or help text, for stdout (exitCode 0) or stderr
};

ParseOutcome parseOptions(const QStringList& arguments);

// "patroni-console 0.1.0 (Qt 6.4.2, libpq 15.x, QtKeychain …)"-style line for --version.
QString versionText();

} // namespace App
