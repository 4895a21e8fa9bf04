#include "app/cli/clusteroptions.h"

#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli {

// The messages here are in member functions of non-QObject classes, where lupdate would file a plain tr()
// under the class's name: QCoreApplication::translate("Cli", …) names the context the other files'
// namespace-level tr() use.
ClusterOptions::ClusterOptions()
    : url(u"url"_s, QCoreApplication::translate("Cli", "Patroni REST API URL of a member (repeatable)."), u"URL"_s)
    , profile(
          u"profile"_s, QCoreApplication::translate("Cli", "A saved cluster profile (\"lab\" is built in)."), u"NAME"_s)
    , haproxy(u"haproxy"_s,
          QCoreApplication::translate("Cli", "HAProxy stats CSV URL, e.g. http://127.0.0.1:7000/;csv."), u"URL"_s)
    , etcd(u"etcd"_s, QCoreApplication::translate("Cli", "etcd client URL (repeatable)."), u"URL"_s)
    , pgUser(u"postgres-user"_s,
          QCoreApplication::translate("Cli",
              "Ask PostgreSQL itself (lag in seconds, where HAProxy's ports land) as USER; the password comes "
              "from the keychain or PATRONI_CONSOLE_POSTGRES_PASSWORD."),
          u"USER"_s)
    , pgDb(u"postgres-db"_s, QCoreApplication::translate("Cli", "Database for --postgres-user (default postgres)."),
          u"DB"_s)
    , timeout(u"timeout"_s,
          QCoreApplication::translate(
              "Cli", "Deadline per request in milliseconds (default: the profile's own, 2000)."),
          u"MS"_s)
{
}

std::optional<QUrl> httpUrl(const QString& text)
{
    const QUrl u = QUrl::fromUserInput(text);
    if (!u.isValid() || u.host().isEmpty() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s))
        return std::nullopt;
    return u;
}

QStringList ClusterOptions::givenSources(const QCommandLineParser& p) const
{
    QStringList given;
    for (const QCommandLineOption* o : { &url, &profile, &haproxy, &etcd, &pgUser, &pgDb }) {
        if (p.isSet(*o))
            given.append(u"--"_s + o->names().first());
    }
    return given;
}

std::optional<int> ClusterOptions::deadline(const QCommandLineParser& p, QString* why) const
{
    if (!p.isSet(timeout))
        return std::nullopt;
    bool ok = false;
    const int ms = p.value(timeout).toInt(&ok);
    if (!ok || ms < 100) {
        *why = QCoreApplication::translate("Cli", "--timeout must be a number of milliseconds, at least 100");
        return std::nullopt;
    }
    return ms;
}

std::optional<Cluster::Profile> ClusterOptions::profileFrom(const QCommandLineParser& p, QString* why) const
{
    if (p.isSet(profile) && p.isSet(url)) {
        *why = QCoreApplication::translate("Cli", "give --url or --profile, not both");
        return std::nullopt;
    }
    Cluster::Profile prof;
    if (p.isSet(profile)) {
        Settings::ProfileStore profiles;
        auto loaded = profiles.load(p.value(profile));
        // "lab" names the repository's lab cluster also when other clusters are saved, as in the window.
        if (!loaded && p.value(profile) == Settings::ProfileStore::builtInName())
            loaded = Settings::ProfileStore::labProfile();
        if (!loaded) {
            *why = QCoreApplication::translate("Cli", "no profile \"%1\"; saved profiles: %2")
                       .arg(p.value(profile), profiles.names().join(u", "_s));
            return std::nullopt;
        }
        prof = *loaded;
    } else {
        QList<QUrl> urls;
        for (const QString& u : p.values(url)) {
            const auto parsed = httpUrl(u);
            if (!parsed) {
                *why = QCoreApplication::translate("Cli", "--url \"%1\" is not an http(s) URL with a host").arg(u);
                return std::nullopt;
            }
            urls.append(*parsed);
        }
        if (urls.isEmpty()) {
            *why = QCoreApplication::translate(
                "Cli", "give at least one --url (a member's Patroni REST API) or --profile NAME");
            return std::nullopt;
        }
        prof = App::adHocProfile(urls); // PostgreSQL is asked only with --postgres-user
    }
    if (p.isSet(pgUser))
        prof.postgres.user = p.value(pgUser);
    if (p.isSet(pgDb))
        prof.postgres.dbname = p.value(pgDb);
    if (p.isSet(haproxy)) {
        const auto parsed = httpUrl(p.value(haproxy));
        if (!parsed) {
            *why = QCoreApplication::translate("Cli", "--haproxy \"%1\" is not an http(s) URL").arg(p.value(haproxy));
            return std::nullopt;
        }
        prof.haproxyStatsUrl = *parsed;
        if (!p.isSet(profile))
            prof.haproxyRoutes.host = parsed->host(); // clients' ports live where the stats page does
    }
    for (const QString& u : p.values(etcd)) {
        const auto parsed = httpUrl(u);
        if (!parsed) {
            *why = QCoreApplication::translate("Cli", "--etcd \"%1\" is not an http(s) URL").arg(u);
            return std::nullopt;
        }
        prof.etcdUrls.append(*parsed);
    }
    const std::optional<int> ms = deadline(p, why);
    if (!why->isEmpty())
        return std::nullopt;
    return App::applyOverrides(prof, App::ProfileOverrides { std::nullopt, ms });
}

QString commandHelp(const QCommandLineParser& parser, const QString& program, const QString& command)
{
    // The first line is the usage, "Usage: <program> [options] …" — "Usage" in the language Qt's own
    // translation speaks: the program is found by its name, not after the English word.
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(u'\n');
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && (lineEnd < 0 || at < lineEnd))
        text.replace(at, program.size(), u"patroni-console "_s + command);
    return text;
}

Command::Command(QString name, QStringList arguments)
    : m_name(std::move(name))
    , m_arguments(std::move(arguments))
    , m_help({ u"h"_s, u"help"_s }, QCoreApplication::translate("Cli", "Show this help."))
{
    m_parser.addOption(m_help);
}

std::optional<int> Command::parse(bool takesPositional)
{
    if (!m_parser.parse(m_arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(m_help)) {
        QTextStream(stdout) << help();
        return 0;
    }
    if (!takesPositional && !m_parser.positionalArguments().isEmpty())
        return usage(QCoreApplication::translate("Cli", "unexpected argument \"%1\"")
                         .arg(m_parser.positionalArguments().first()));
    return std::nullopt;
}

int Command::usage(const QString& message)
{
    if (m_plugin) {
        QTextStream(stdout) << "PATRONI CONSOLE UNKNOWN - " << message << "\n\n" << help();
        return 3;
    }
    QTextStream(stderr) << "patroni-console " << m_name << ": " << message << "\n\n" << help();
    return 2;
}

void pollOnce(App::LiveSession* session)
{
    QEventLoop loop;
    QObject::connect(session, &Session::ClusterSession::roundFinished, &loop, &QEventLoop::quit);
    session->pollOnce();
    loop.exec();
}

} // namespace Cli
