#pragma once

#include "models/cluster/profile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace App {
class LiveSession;
}

namespace Cli {

// The options that name one cluster, the same for every command that reads one (status, snapshot,
// check, history, watch): --url/--profile, --haproxy, --etcd, --postgres-user, --postgres-db,
// --timeout.
struct ClusterOptions {
    ClusterOptions(); // the descriptions in the user's language (translated in the .cpp, where lupdate looks)

    QCommandLineOption url;
    QCommandLineOption profile;
    QCommandLineOption haproxy;
    QCommandLineOption etcd;
    QCommandLineOption pgUser;
    QCommandLineOption pgDb;
    QCommandLineOption timeout;

    QList<QCommandLineOption> all() const { return { url, profile, haproxy, etcd, pgUser, pgDb, timeout }; }
    // The names of the options given, without --timeout (for "cannot be combined with" messages).
    QStringList givenSources(const QCommandLineParser& parser) const;
    // --timeout as milliseconds; unset when not given. *why says what is wrong with it.
    std::optional<int> deadline(const QCommandLineParser& parser, QString* why) const;
    // The cluster the options name. Unset with *why (one sentence for a usage error) when they name
    // none or name it wrongly.
    std::optional<Cluster::Profile> profileFrom(const QCommandLineParser& parser, QString* why) const;
};

// A parser's help with the usage line naming the subcommand ("Usage: patroni-console status …").
QString commandHelp(const QCommandLineParser& parser, const QString& program, const QString& command);

// What every subcommand does first: -h/--help (printed, exit 0), a wrong call (what was wrong, then
// the usage, exit 2 on stderr — a monitoring plugin says it as UNKNOWN, exit 3 on stdout), and
// positional arguments where none are taken.
class Command final {
public:
    Command(QString name, QStringList arguments);
    // check: "PATRONI CONSOLE UNKNOWN - <message>", exit 3, on standard output.
    void setPluginStyle() { m_plugin = true; }
    QCommandLineParser& parser() { return m_parser; }
    // Parses. An exit code to leave with (help shown, or a wrong call), or nothing to go on.
    std::optional<int> parse(bool takesPositional = false);
    // A wrong call found after parsing: says what, prints the usage, returns the exit code.
    int usage(const QString& message);
    QString help() const { return commandHelp(m_parser, m_arguments.value(0), m_name); }

private:
    QString m_name;
    QStringList m_arguments;
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    bool m_plugin = false;
};

// Reads every source of a session once; returns when all have answered or failed.
void pollOnce(App::LiveSession* session);

// An http(s) URL with a host, or nothing.
std::optional<QUrl> httpUrl(const QString& text);

} // namespace Cli
