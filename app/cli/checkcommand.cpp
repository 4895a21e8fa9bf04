#include "app/cli/checkcommand.h"

#include "app/cli/clusteroptions.h"
#include "app/session/livesession.h"
#include "app/sources/httpfetch.h"
#include "models/check/monitorcheck.h"
#include "models/cluster/clusterstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

    const int unknownExit = int(Check::Status::Unknown);

    // The state file: {"schema": "patroni-console/check-state/1", "configHash": "…", "timeline": 4}.
    std::optional<Check::Remembered> readState(const QString& path, QString* why)
    {
        QFile f(path);
        if (!f.exists())
            return Check::Remembered {}; // the first call: it becomes the reference
        if (!f.open(QIODevice::ReadOnly)) {
            *why = u"cannot read the state file %1: %2"_s.arg(path, f.errorString());
            return std::nullopt;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &error);
        const QJsonObject o = doc.object();
        if (error.error != QJsonParseError::NoError || !doc.isObject()
            || o.value("schema"_L1).toString() != u"patroni-console/check-state/1"_s) {
            *why = u"the state file %1 is not one this command wrote (remove it, and the next call makes a new "
                   "reference)"_s.arg(path);
            return std::nullopt;
        }
        Check::Remembered r;
        r.configHash = o.value("configHash"_L1).toString();
        if (o.value("timeline"_L1).isDouble())
            r.timeline = o.value("timeline"_L1).toInt();
        return r;
    }

    bool writeState(const QString& path, const Check::Remembered& r, QString* why)
    {
        QJsonObject o { { u"schema"_s, u"patroni-console/check-state/1"_s }, { u"configHash"_s, r.configHash } };
        if (r.timeline)
            o.insert("timeline"_L1, *r.timeline);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson()) < 0 || !f.commit()) {
            *why = u"cannot write the state file %1: %2"_s.arg(path, f.errorString());
            return false;
        }
        return true;
    }

} // namespace

int runCheck(const QStringList& arguments)
{
    QTextStream out(stdout);
    Command command(u"check"_s, arguments);
    command.setPluginStyle();
    QCommandLineParser& p = command.parser();
    QString checksHelp;
    for (const QString& c : Check::allChecks())
        checksHelp += u"\n  "_s + c + u": "_s + Check::describeCheck(c);
    p.setApplicationDescription(
        u"A monitoring plugin (Nagios, Icinga, Naemon, Zabbix's external checks): one status line with "
        "performance data, then one line per check. Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the cluster "
        "could not be read, or a wrong command line). Ranges use the plugin syntax: 2: (alert below 2), ~:5 "
        "(above 5), 1:3 (outside), @1:3 (inside), 5 (outside 0..5). Checks (default: %1):%2"_s.arg(
            Check::defaultChecks().join(u","_s), checksHelp));
    const ClusterOptions cluster;
    const QCommandLineOption checks(u"checks"_s, u"Comma-separated checks to run (\"all\": every one)."_s, u"LIST"_s);
    const QCommandLineOption member(
        u"member"_s, u"The member the node checks are about (default: every one)."_s, u"NAME"_s);
    const QCommandLineOption warnLag(u"warn-lag"_s,
        u"WARNING when a replica is further behind: bytes (16MB, 1048576) or seconds (30s, 500ms). Give it twice "
        "for both."_s,
        u"LAG"_s);
    const QCommandLineOption critLag(u"crit-lag"_s, u"CRITICAL likewise."_s, u"LAG"_s);
    const QCommandLineOption warnReplicas(
        u"warn-replicas"_s, u"Range for the number of healthy replicas."_s, u"RANGE"_s);
    const QCommandLineOption critReplicas(
        u"crit-replicas"_s, u"Range for the number of healthy replicas."_s, u"RANGE"_s);
    const QCommandLineOption warnMembers(u"warn-members"_s, u"Range for the number of members."_s, u"RANGE"_s);
    const QCommandLineOption critMembers(u"crit-members"_s, u"Range for the number of members."_s, u"RANGE"_s);
    const QCommandLineOption stateFile(u"state-file"_s,
        u"Where the reference configuration digest and timeline are kept (config-changed, timeline-changed; "
        "added to the default checks when given). The first call writes it."_s,
        u"FILE"_s);
    const QCommandLineOption save(u"save"_s, u"Make what is seen now the state file's new reference."_s);
    const QCommandLineOption version(
        u"patroni-version"_s, u"The Patroni version every member must run (adds the version check)."_s, u"VERSION"_s);
    p.addOptions(cluster.all()
        + QList<QCommandLineOption> { checks, member, warnLag, critLag, warnReplicas, critReplicas, warnMembers,
            critMembers, stateFile, save, version });
    // A plugin's wrong call is UNKNOWN (3): exit 2 would page someone for a CRITICAL.
    const auto usage = [&command](const QString& message) { return command.usage(message); };
    if (const auto exit = command.parse())
        return *exit;

    Check::Options o;
    if (p.isSet(checks)) {
        for (const QString& c : p.value(checks).split(u',', Qt::SkipEmptyParts)) {
            const QString name = c.trimmed();
            if (name == u"all"_s) {
                o.checks += Check::allChecks();
                continue;
            }
            if (!Check::allChecks().contains(name))
                return usage(u"unknown check \"%1\"; the checks are: %2"_s.arg(name, Check::allChecks().join(u", "_s)));
            o.checks.append(name);
        }
        o.checks.removeDuplicates();
    } else {
        o.checks = Check::defaultChecks();
        if (p.isSet(stateFile))
            o.checks += { u"config-changed"_s, u"timeline-changed"_s };
        if (p.isSet(version))
            o.checks.append(u"version"_s);
    }
    o.member = p.value(member);
    o.patroniVersion = p.value(version);
    const auto lagLimits = [&p](const QCommandLineOption& option, std::optional<Check::LagLimit>* bytes,
                               std::optional<Check::LagLimit>* seconds) -> QString {
        for (const QString& v : p.values(option)) {
            const auto l = Check::LagLimit::parse(v);
            if (!l)
                return u"--%1 \"%2\" is neither bytes (16MB, 1048576) nor seconds (30s, 500ms)"_s.arg(
                    option.names().first(), v);
            (l->bytes ? *bytes : *seconds) = l;
        }
        return {};
    };
    QString why = lagLimits(warnLag, &o.warnLagBytes, &o.warnLagSeconds);
    if (why.isEmpty())
        why = lagLimits(critLag, &o.critLagBytes, &o.critLagSeconds);
    if (!why.isEmpty())
        return usage(why);
    for (const auto& [option, range] :
        { std::pair { &warnReplicas, &o.warnReplicas }, std::pair { &critReplicas, &o.critReplicas },
            std::pair { &warnMembers, &o.warnMembers }, std::pair { &critMembers, &o.critMembers } }) {
        if (!p.isSet(*option))
            continue;
        *range = Check::Range::parse(p.value(*option));
        if (!*range)
            return usage(
                u"--%1 \"%2\" is not a range (2:, ~:5, 1:3, @1:3, 5)"_s.arg(option->names().first(), p.value(*option)));
    }
    if (p.isSet(save) && !p.isSet(stateFile))
        return usage(u"--save needs --state-file"_s);
    const std::optional<Cluster::Profile> prof = cluster.profileFrom(p, &why);
    if (!prof)
        return usage(why);
    if (p.isSet(stateFile)) {
        o.remembered = readState(p.value(stateFile), &why);
        if (!o.remembered) {
            out << "PATRONI CONSOLE UNKNOWN - " << why << '\n';
            return unknownExit;
        }
    }

    Sources::HttpClient http;
    App::LiveSession session(&http, *prof, Session::SessionOptions {});
    pollOnce(&session);
    const Cluster::ClusterStore* store = session.store();
    Check::Remembered next;
    QList<Check::Result> results = Check::run(store->state(), store->findings(), o, &next);
    if (p.isSet(stateFile) && store->hasView() && !store->isStale()) {
        // The first call makes the reference; later ones change it only when told (--save).
        const bool firstReference = (o.remembered->configHash.isEmpty() && !next.configHash.isEmpty())
            || (!o.remembered->timeline && next.timeline);
        Check::Remembered toWrite = p.isSet(save) ? next : *o.remembered;
        if (toWrite.configHash.isEmpty())
            toWrite.configHash = next.configHash;
        if (!toWrite.timeline)
            toWrite.timeline = next.timeline;
        if ((p.isSet(save) || firstReference) && !writeState(p.value(stateFile), toWrite, &why))
            results.append({ u"state-file"_s, Check::Status::Unknown, why, {} });
    }
    out << Check::pluginOutput(prof->name, results);
    return int(Check::overall(results));
}

} // namespace Cli
