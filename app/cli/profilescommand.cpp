#include "app/cli/profilescommand.h"
#include "app/cli/clitranslate.h"

#include "app/cli/clusteroptions.h"
#include "app/credentials/credentialstore.h"
#include "app/settings/profilestore.h"
#include "models/cluster/profilefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

    QString join(const QList<QUrl>& urls)
    {
        QStringList out;
        for (const QUrl& u : urls)
            out.append(u.toString());
        return out.join(u' ');
    }

    int list(Settings::ProfileStore& store, QTextStream& out, const QString& format)
    {
        const QList<Cluster::Profile> profiles = store.profiles();
        if (format == u"json"_s) {
            QJsonArray names;
            for (const Cluster::Profile& p : profiles)
                names.append(p.name);
            out << QJsonDocument(QJsonObject { { u"profiles"_s, names }, { u"builtIn"_s, store.isShowingBuiltIn() } })
                       .toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const Cluster::Profile& p : profiles) {
            out << p.name
                << (store.isShowingBuiltIn() ? u' ' + tr("(built in: the repository's lab cluster)") : QString())
                << '\n';
            out << "  Patroni     " << join(p.patroniUrls) << '\n';
            if (!p.haproxyStatsUrl.isEmpty())
                out << "  HAProxy     " << p.haproxyStatsUrl.toString()
                    << (p.haproxyStatsUser.isEmpty() ? QString() : u' ' + tr("(user %1)").arg(p.haproxyStatsUser))
                    << '\n';
            if (!p.etcdUrls.isEmpty())
                out << "  etcd        " << join(p.etcdUrls) << '\n';
            if (!p.postgres.user.isEmpty())
                out << "  PostgreSQL  " << p.postgres.user << '@' << p.postgres.dbname << " (sslmode "
                    << p.postgres.sslmode << ")\n";
        }
        return 0;
    }

    // Reads FILE, or standard input for "-".
    std::optional<QByteArray> readInput(const QString& path, QString* error)
    {
        QFile f;
        const bool ok
            = path == u"-"_s ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), f.open(QIODevice::ReadOnly));
        if (!ok) {
            *error = tr("cannot read %1: %2").arg(path, f.errorString());
            return std::nullopt;
        }
        return f.readAll();
    }

    int importFile(Settings::ProfileStore& store, const QString& path, bool replace, QTextStream& out, QTextStream& err)
    {
        QString error;
        const std::optional<QByteArray> text = readInput(path, &error);
        if (!text) {
            err << "patroni-console profiles: " << error << '\n';
            return 1;
        }
        const Cluster::ProfileFileResult parsed = Cluster::parseProfileFile(*text);
        if (!parsed.ok()) {
            for (const Cluster::ProfileFileError& e : parsed.errors)
                err << path << ':' << e.line << ": " << e.message << '\n';
            err << "patroni-console profiles: "
                << tr("nothing was imported (%n problem(s)); fix the file and import it again", nullptr,
                       int(parsed.errors.size()))
                << '\n';
            return 1;
        }
        QList<Cluster::Profile> toSave;
        QStringList unchanged;
        QStringList conflicts;
        const bool builtIn = store.isShowingBuiltIn();
        for (const Cluster::Profile& p : parsed.profiles) {
            const std::optional<Cluster::Profile> existing = builtIn ? std::nullopt : store.load(p.name);
            if (existing && *existing == p) {
                unchanged.append(p.name);
                continue;
            }
            if (existing && !replace)
                conflicts.append(p.name);
            toSave.append(p);
        }
        if (!conflicts.isEmpty()) {
            err << "patroni-console profiles: "
                << tr("these saved profiles differ from the file: %1\nnothing was imported; give --replace to "
                      "overwrite them, or rename them in the file")
                       .arg(conflicts.join(u", "_s))
                << '\n';
            return 1;
        }
        const Settings::StoreResult saved = store.saveAll(toSave);
        if (!saved.ok()) {
            for (const QString& problem : saved.problems)
                err << "patroni-console profiles: " << problem << '\n';
            err << "patroni-console profiles: " << tr("nothing was imported") << '\n';
            return 1;
        }
        QStringList names;
        for (const Cluster::Profile& p : std::as_const(toSave))
            names.append(p.name);
        out << tr("imported %n profile(s)", nullptr, int(toSave.size()))
            << (names.isEmpty() ? QString() : u": "_s + names.join(u", "_s));
        if (!unchanged.isEmpty())
            out << "; " << tr("%n already saved as in the file", nullptr, int(unchanged.size()));
        out << '\n';
        out << tr("passwords are not part of the file: the console asks the keychain for them (service %1)")
                   .arg(Credentials::CredentialStore::serviceName())
            << '\n';
        return 0;
    }

    int exportFile(Settings::ProfileStore& store, const QString& path, const QStringList& names, QTextStream& err)
    {
        QList<Cluster::Profile> profiles;
        if (names.isEmpty()) {
            profiles = store.profiles();
        } else {
            for (const QString& n : names) {
                const auto p = store.load(n);
                if (!p) {
                    err << "patroni-console profiles: "
                        << tr("no profile \"%1\"; saved: %2").arg(n, store.names().join(u", "_s)) << '\n';
                    return 1;
                }
                profiles.append(*p);
            }
        }
        const QByteArray text = Cluster::writeProfileFile(profiles);
        if (path == u"-"_s) {
            QFile f;
            f.open(stdout, QIODevice::WriteOnly);
            f.write(text);
            return 0;
        }
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size() || !f.flush()) {
            err << "patroni-console profiles: " << tr("cannot write %1: %2").arg(path, f.errorString()) << '\n';
            return 1;
        }
        return 0;
    }

    int remove(Settings::ProfileStore& store, const QString& name, QTextStream& out, QTextStream& err)
    {
        if (!store.contains(name) || store.isShowingBuiltIn()) {
            err << "patroni-console profiles: " << tr("there is no saved profile \"%1\"").arg(name) << '\n';
            return 1;
        }
        // Its passwords first: a removed cluster leaves no secret behind, and if the keychain cannot
        // say that it removed them, the profile stays so that the removal can be tried again.
        Credentials::CredentialStore credentials;
        QEventLoop loop;
        int pending = 3;
        QStringList failed;
        QObject context;
        for (Cluster::SecretKind kind :
            { Cluster::SecretKind::PatroniApi, Cluster::SecretKind::HaproxyStats, Cluster::SecretKind::Postgres }) {
            credentials.remove(name, kind, &context, [&, kind](const Credentials::Result& r) {
                // No keychain at all (a server without a Secret Service) holds nothing to remove.
                if (!r.ok() && r.code != Credentials::Result::Code::Unavailable)
                    failed.append(Cluster::secretKindName(kind) + u": "_s + r.message);
                if (--pending == 0)
                    loop.quit();
            });
        }
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (pending > 0)
            loop.exec();
        if (pending > 0)
            failed.append(tr("the keychain did not answer within 10 s (is it locked?)"));
        if (!failed.isEmpty()) {
            err << "patroni-console profiles: "
                << tr("%1 was not removed: its keychain entries could not be removed (%2); unlock the keychain and "
                      "try again")
                       .arg(name, failed.join(u"; "_s))
                << '\n';
            return 1;
        }
        const Settings::StoreResult removed = store.remove(name);
        if (!removed.ok()) {
            err << "patroni-console profiles: " << removed.problems.join(u' ') << '\n';
            return 1;
        }
        out << tr("removed %1 and its keychain entries").arg(name) << '\n';
        return 0;
    }

} // namespace

int runProfiles(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser p;
    p.setApplicationDescription(tr("The saved clusters.\n\n"
                                   "  list                       every saved cluster and its sources\n"
                                   "  show NAME                  one, in the profiles file format\n"
                                   "  import FILE [--replace]    save every cluster of FILE (- for standard input), "
                                   "all or none\n"
                                   "  export FILE [NAME]...      write the saved clusters (or those named) to FILE "
                                   "(- for standard output)\n"
                                   "  remove NAME                forget a cluster and its keychain entries\n\n"
                                   "The file (schema patroni-console/profiles/1) is described in the README; it never "
                                   "holds a password."));
    const QCommandLineOption help({ u"h"_s, u"help"_s }, tr("Show this help."));
    const QCommandLineOption replace(u"replace"_s, tr("import: overwrite saved clusters of the same name."));
    const QCommandLineOption format(u"format"_s, tr("list: text (default) or json."), u"FORMAT"_s, u"text"_s);
    p.addOptions({ help, replace, format });
    p.addPositionalArgument(u"verb"_s, tr("list, show, import, export or remove"));
    // A wrong call is answered with what was wrong and the usage (exit 2).
    const auto usage = [&err, &p, &arguments](const QString& message) {
        err << "patroni-console profiles: " << message << "\n\n" << commandHelp(p, arguments.value(0), u"profiles"_s);
        return 2;
    };
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(help)) {
        out << commandHelp(p, arguments.value(0), u"profiles"_s);
        return 0;
    }
    const QStringList args = p.positionalArguments();
    if (args.isEmpty())
        return usage(tr("which verb? list, show, import, export or remove"));
    const QString verb = args.first();
    Settings::ProfileStore store;
    if (verb == u"list"_s) {
        if (args.size() != 1)
            return usage(tr("list takes no argument"));
        if (p.value(format) != u"text"_s && p.value(format) != u"json"_s)
            return usage(tr("--format must be text or json"));
        return list(store, out, p.value(format));
    }
    if (verb == u"show"_s) {
        if (args.size() != 2)
            return usage(u"show NAME"_s);
        const auto profile = store.load(args.at(1));
        if (!profile) {
            err << "patroni-console profiles: "
                << tr("no profile \"%1\"; saved: %2").arg(args.at(1), store.names().join(u", "_s)) << '\n';
            return 1;
        }
        out << Cluster::writeProfileFile({ *profile });
        return 0;
    }
    if (verb == u"import"_s) {
        if (args.size() != 2)
            return usage(tr("import FILE (- for standard input)"));
        return importFile(store, args.at(1), p.isSet(replace), out, err);
    }
    if (verb == u"export"_s) {
        if (args.size() < 2)
            return usage(tr("export FILE [NAME]... (- for standard output)"));
        return exportFile(store, args.at(1), args.mid(2), err);
    }
    if (verb == u"remove"_s) {
        if (args.size() != 2)
            return usage(u"remove NAME"_s);
        return remove(store, args.at(1), out, err);
    }
    return usage(tr("unknown verb \"%1\"; list, show, import, export or remove").arg(verb));
}

} // namespace Cli
