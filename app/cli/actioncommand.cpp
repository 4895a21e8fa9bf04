#include "app/cli/actioncommand.h"
#include "app/cli/clitranslate.h"

#include "app/actions/actionexecutor.h"
#include "app/cli/clusteroptions.h"
#include "app/session/livesession.h"
#include "app/sources/httpfetch.h"
#include "models/actions/rolling.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/eventquery.h"
#include "models/cluster/plaintext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

    QString seconds(qint64 ms)
    {
        return QString::number(double(ms) / 1000.0, 'f', 1) + u" s"_s;
    }

    QString readLine()
    {
        QTextStream in(stdin);
        return in.readLine();
    }

    // The go-ahead: --yes, or "y" at the terminal — or `typed` (a member's name) where one is asked.
    // Nothing when given; else why not (already said on `out` in the reader's language), in English for
    // the audit log. What is typed back ("y", the member's name) is the same in every language.
    std::optional<QString> notConfirmed(bool yes, const QString& typed, QTextStream& out)
    {
        if (yes)
            return std::nullopt;
        if (!::isatty(STDIN_FILENO)) {
            out << tr("Refused: no terminal to confirm on; add --yes to act without asking.") << '\n';
            return u"not confirmed: no terminal to ask on"_s;
        }
        if (!typed.isEmpty())
            out << tr("Type %1 to confirm: ").arg(typed);
        else
            out << tr("Proceed? [y/N] ");
        out.flush();
        const QString answer = readLine().trimmed();
        if (typed.isEmpty() ? (answer == u"y"_s || answer == u"yes"_s) : answer == typed)
            return std::nullopt;
        out << (typed.isEmpty() ? tr("Not confirmed: nothing was sent.")
                                : tr("That is not the member's name: nothing was sent."))
            << '\n';
        return u"not confirmed at the prompt"_s;
    }

    // restart or reload without MEMBER: each member in turn, the leader last, stopping at the first failure.
    template <typename Send, typename Refuse>
    int runEveryMember(const Session::ClusterSession& session, const Actions::Request& request, bool yes,
        QTextStream& out, Send send, Refuse refuse)
    {
        const Cluster::ClusterStore* store = session.store();
        // The same order as a rolling restart's, the leader last (--pending: those that need it).
        const Actions::RollingPlan order = Actions::restartOrder(*store, request.pendingOnly);
        QStringList members = order.replicas;
        const bool leaderIn = order.leaderToo;
        if (leaderIn)
            members.append(order.leader);
        if (members.isEmpty()) {
            // In English for the audit log, in the reader's language on the terminal.
            const QString why = request.pendingOnly ? u"no member needs a restart"_s : u"the cluster lists no member"_s;
            out << tr("Refused: %1. Nothing was sent.")
                       .arg(request.pendingOnly ? tr("no member needs a restart") : tr("the cluster lists no member"))
                << '\n';
            refuse(request, why);
            return 4;
        }
        const bool restart = request.kind == Actions::Kind::Restart;
        const QString list = members.join(u", "_s);
        if (!restart)
            out << tr("Reload %1, one after the other.").arg(list);
        else if (leaderIn)
            out << tr("Restart PostgreSQL on %1, one after the other (the leader last: no writable primary while it "
                      "restarts).")
                       .arg(list);
        else
            out << tr("Restart PostgreSQL on %1, one after the other.").arg(list);
        out << '\n';
        if (const auto why = notConfirmed(yes, QString(), out)) {
            refuse(request, *why);
            return 4;
        }
        for (const QString& member : std::as_const(members)) {
            out << '\n' << (restart ? tr("Restart %1") : tr("Reload %1")).arg(member) << '\n';
            out.flush();
            Actions::Request one = request;
            one.member = member;
            const int code = send(one, Cluster::summarize(store->state(), store->findings()).leader);
            if (code != 0) {
                out << tr("Stopped at %1: nothing more was done.").arg(member) << '\n';
                return code;
            }
        }
        out << '\n' << tr("Done: %n member(s).", nullptr, int(members.size())) << '\n';
        return 0;
    }

    bool waitSettled(const Session::ClusterSession& session, int timeoutMs, QString* why)
    {
        QEventLoop wait;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &wait, &QEventLoop::quit);
        QObject::connect(session.store(), &Cluster::ClusterStore::stateChanged, &wait, [&] {
            QString ignored;
            if (Actions::settled(*session.store(), &ignored))
                wait.quit();
        });
        if (Actions::settled(*session.store(), why))
            return true;
        deadline.start(timeoutMs);
        wait.exec();
        return Actions::settled(*session.store(), why);
    }

    template <typename Send, typename Refuse>
    int runRolling(
        const Session::ClusterSession& session, bool pendingOnly, bool yes, QTextStream& out, Send send, Refuse refuse)
    {
        const Cluster::ClusterStore* store = session.store();
        Actions::Request whole;
        whole.kind = Actions::Kind::Restart;
        whole.pendingOnly = pendingOnly;
        const Actions::RollingPlan plan = Actions::rollingPlan(*store, pendingOnly);
        if (!plan.problem.isEmpty()) {
            out << tr("Refused: %1. Nothing was sent.").arg(plan.problem) << '\n';
            refuse(whole, u"rolling restart: "_s + plan.problem);
            return 4;
        }
        out << tr("Rolling restart: %1; the cluster must be healthy again between steps.").arg(plan.summary()) << '\n';
        if (const auto why = notConfirmed(yes, QString(), out)) {
            refuse(whole, u"rolling restart "_s + *why);
            return 4;
        }
        for (int i = 0; i < plan.stepCount(); ++i) {
            const Actions::RollingStep step = Actions::rollingStep(*store, plan, i);
            const Actions::Request& r = step.request;
            const bool switchover = r.kind == Actions::Kind::Switchover;
            out << '\n'
                << tr("Step %1: %2")
                       .arg(QString::number(i + 1),
                           switchover ? tr("switchover from %1 to %2").arg(plan.leader, r.candidate)
                                      : tr("restart %1").arg(r.member))
                << '\n';
            out.flush();
            const QString what = switchover ? tr("switchover") : tr("restart of %1").arg(r.member);
            const auto stopped = [&](int code, const QString& why) {
                out << tr("Rolling restart stopped at step %1 (%2): nothing more was done. Look at the cluster before "
                          "going on.")
                           .arg(QString::number(i + 1), why)
                    << '\n';
                return code;
            };
            const int code = send(r, step.expectedLeader);
            if (code != 0)
                return stopped(code, what);
            QString notYet;
            if (!waitSettled(session, 60000, &notYet))
                return stopped(3, tr("after the %1, %2").arg(what, notYet));
        }
        out << '\n' << tr("Rolling restart done: %n step(s), every one verified.", nullptr, plan.stepCount()) << '\n';
        return 0;
    }

} // namespace

int runAction(const QString& command, const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::optional<Actions::Kind> baseKind = Actions::kindFromName(command);
    Command cli(command, arguments);
    QCommandLineParser& p = cli.parser();
    // Made at each call, after the translations are installed: the descriptions in the reader's language.
    const QHash<QString, QString> descriptions {
        { u"switchover"_s,
            tr("Hand the leader role to a healthy replica (now, or --at a time), or --cancel a scheduled one.") },
        { u"failover"_s, tr("Promote --candidate without waiting for the leader: the emergency tool.") },
        { u"restart"_s, tr("Restart PostgreSQL on MEMBER (now, or --at a time), or --cancel a scheduled restart.") },
        { u"reload"_s, tr("Make Patroni on MEMBER re-read its configuration and PostgreSQL reload its settings.") },
        { u"reinit"_s, tr("Rebuild MEMBER (a replica) from the leader: its data directory is thrown away.") },
        { u"pause"_s, tr("Stop Patroni from managing the cluster (no automatic failover) until resume.") },
        { u"resume"_s, tr("Let Patroni manage the cluster again.") },
        { u"edit-config"_s,
            tr("Change the dynamic configuration: --set KEY=VALUE / --unset KEY, or without them in $VISUAL or "
               "$EDITOR. The changes are shown, and settings that need a restart are named, before anything is "
               "sent.") },
    };
    p.setApplicationDescription(descriptions.value(command) + u'\n'
        + tr("Exit 0: done and verified; 1: Patroni said no or could not be reached (nothing changed); 2: usage "
             "error; 3: sent, but not verified in time or no clear answer; 4: refused before sending."));
    const ClusterOptions cluster;
    const QCommandLineOption candidate(u"candidate"_s, tr("The member to become leader."), u"NAME"_s);
    const QCommandLineOption at(u"at"_s, tr("When: 2026-12-01T22:00:00+01:00 (without a zone: UTC)."), u"TIME"_s);
    const QCommandLineOption cancel(u"cancel"_s, tr("Cancel the scheduled switchover (restart: of MEMBER)."));
    const QCommandLineOption pending(
        u"pending"_s, tr("Only if MEMBER needs a restart (--rolling: only members that do)."));
    const QCommandLineOption rolling(u"rolling"_s,
        tr("Every member, one at a time: the replicas, then a switchover to a restarted replica, then the old "
           "leader, with a check that the cluster is healthy again between steps. Stops at the first step that "
           "fails."));
    const QCommandLineOption role(u"role"_s, tr("Only if MEMBER has this role (primary, replica)."), u"ROLE"_s);
    const QCommandLineOption force(u"force"_s, tr("Reinit also while PostgreSQL runs there."));
    const QCommandLineOption set(u"set"_s,
        tr("Set a key: loop_wait=5, postgresql.parameters.work_mem=\"8MB\" (the value is JSON when it reads as "
           "JSON, else text; null deletes). Repeatable."),
        u"KEY=VALUE"_s);
    const QCommandLineOption unset(u"unset"_s, tr("Delete a key (dotted). Repeatable."), u"KEY"_s);
    const QCommandLineOption yes(u"yes"_s, tr("Do not ask for confirmation."));
    const QCommandLineOption user(
        u"user"_s, tr("The REST API's user (default: PATRONI_API_USER, else the profile's)."), u"USER"_s);
    const QCommandLineOption passwordStdin(u"password-stdin"_s,
        tr("Read the REST API's password from the first line of standard input (else PATRONI_API_PASSWORD, else "
           "the keychain). Needs --yes."));
    const QCommandLineOption verifyTimeout(
        u"verify-timeout"_s, tr("How long to watch for the outcome, in seconds (default 90)."), u"SECONDS"_s, u"90"_s);
    QList<QCommandLineOption> options;
    options += cluster.all();
    if (command == u"switchover"_s)
        options += { candidate, at, cancel };
    else if (command == u"failover"_s)
        options += { candidate };
    else if (command == u"restart"_s)
        options += { at, pending, role, cancel, rolling };
    else if (command == u"reinit"_s)
        options += { force };
    else if (command == u"edit-config"_s)
        options += { set, unset };
    options += { yes, user, passwordStdin, verifyTimeout };
    p.addOptions(options);
    const bool memberCommand = command == u"restart"_s || command == u"reload"_s || command == u"reinit"_s;
    if (memberCommand)
        p.addPositionalArgument(u"member"_s, tr("The member."), u"MEMBER"_s);
    const auto usage = [&cli](const QString& message) { return cli.usage(message); };
    if (const auto exit = cli.parse(true))
        return *exit;
    if (!baseKind)
        return usage(tr("unknown action"));
    Actions::Request request;
    request.kind = *baseKind;
    const QStringList positional = p.positionalArguments();
    const bool rollingRestart = command == u"restart"_s && p.isSet(rolling);
    if (rollingRestart) {
        if (!positional.isEmpty() || p.isSet(at) || p.isSet(cancel) || p.isSet(role))
            return usage(tr("--rolling restarts every member in turn: no MEMBER, --at, --cancel or --role"));
    } else if (memberCommand) {
        // restart and reload without MEMBER: every member, one after the other, the leader last.
        if (positional.size() > 1)
            return usage(tr("one member at a time (or none: every member)"));
        if (positional.isEmpty() && (command == u"reinit"_s || p.isSet(cancel)))
            return usage(tr("name the member"));
        request.member = positional.value(0);
    } else if (!positional.isEmpty()) {
        return usage(tr("unexpected argument \"%1\"").arg(positional.first()));
    }
    if (command == u"switchover"_s || command == u"failover"_s)
        request.candidate = p.value(candidate);
    if ((command == u"switchover"_s || command == u"restart"_s) && p.isSet(at)) {
        const auto when = Cluster::parseUtcTime(p.value(at));
        if (!when)
            return usage(tr("--at \"%1\" is not a time such as 2026-12-01T22:00:00+01:00").arg(p.value(at)));
        request.at = *when;
    }
    if (command == u"switchover"_s && p.isSet(cancel)) {
        if (p.isSet(candidate) || p.isSet(at))
            return usage(tr("--cancel takes neither --candidate nor --at"));
        request.kind = Actions::Kind::CancelSwitchover;
    }
    if (command == u"restart"_s) {
        request.pendingOnly = p.isSet(pending);
        request.role = p.value(role);
        if (p.isSet(cancel))
            request.kind = Actions::Kind::CancelRestart;
    }
    if (command == u"reinit"_s)
        request.force = p.isSet(force);
    const bool inEditor = command == u"edit-config"_s && !p.isSet(set) && !p.isSet(unset);
    if (command == u"edit-config"_s) {
        for (const QString& assignment : p.values(set)) {
            QString bad;
            if (!Actions::addSetting(&request.configPatch, assignment, &bad))
                return usage(bad);
        }
        for (const QString& key : p.values(unset)) {
            QString bad;
            if (key.contains(u'=') || !Actions::addSetting(&request.configPatch, key + u"=null"_s, &bad))
                return usage(tr("--unset takes a dotted key, not \"%1\"").arg(key));
        }
        if (inEditor && (!::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO)))
            return usage(tr("give --set KEY=VALUE or --unset KEY, or run in a terminal to edit in $EDITOR"));
    }
    bool ok = false;
    const int verifySeconds = p.value(verifyTimeout).toInt(&ok);
    if (!ok || verifySeconds < 1 || verifySeconds > 3600)
        return usage(tr("--verify-timeout must be a number of seconds from 1 to 3600"));
    if (p.isSet(passwordStdin) && !p.isSet(yes))
        return usage(tr("--password-stdin takes standard input, so there is none left to confirm on: add --yes"));
    QString why;
    const std::optional<Cluster::Profile> prof = cluster.profileFrom(p, &why);
    if (!prof)
        return usage(why);
    QString password;
    if (p.isSet(passwordStdin))
        password = readLine();

    Sources::HttpClient http;
    App::LiveSession session(&http, *prof, Session::SessionOptions {});
    App::ActionExecutor& executor = *session.executor(); // the session's one executor, as the window's
    executor.setVerifyTimeoutMs(verifySeconds * 1000);
    QEventLoop loop;
    QObject::connect(&session, &Session::ClusterSession::roundFinished, &loop, &QEventLoop::quit);
    session.start(); // kept polling: the verification watches what follows
    loop.exec();
    QObject::disconnect(&session, &Session::ClusterSession::roundFinished, &loop, &QEventLoop::quit);

    QString apiUser = p.value(user);
    if (apiUser.isEmpty())
        apiUser = qEnvironmentVariable("PATRONI_API_USER");
    if (apiUser.isEmpty())
        apiUser = prof->patroniApiUser;
    if (password.isEmpty())
        password = qEnvironmentVariable("PATRONI_API_PASSWORD");
    if (password.isEmpty())
        password = session.patroniApiPassword();
    if (!apiUser.isEmpty() || !password.isEmpty())
        executor.setCredentials(Sources::BasicAuth { apiUser, password });

    // One request: sent, its answer and each verification step printed as they come; the exit code.
    Actions::Outcome outcome;
    QObject::connect(&executor, &Actions::Controller::answered, &loop, [&out](int, const QString& message) {
        out << tr("Answer: %1").arg(message) << '\n';
        out.flush();
    });
    QList<Actions::Step> shown;
    QObject::connect(&executor, &Actions::Controller::stepsChanged, &loop, [&](const QList<Actions::Step>& steps) {
        for (const Actions::Step& s : steps) {
            bool before = false;
            for (const Actions::Step& o : std::as_const(shown))
                before |= o.name == s.name && o.passed;
            if (s.passed && !before) {
                out << "  " << tr("passed: %1 (after %2)").arg(s.shownText(), seconds(s.passedAfterMs)) << '\n';
                out.flush();
            }
        }
        shown = steps;
    });
    QObject::connect(&executor, &Actions::Controller::finished, &loop, [&](const Actions::Outcome& o) {
        outcome = o;
        loop.quit();
    });
    const auto sendAndReport = [&](const Actions::Request& what, const QString& expectedLeader) {
        shown.clear();
        outcome = {};
        executor.run(what, expectedLeader);
        if (executor.busy())
            loop.exec();
        if (!outcome.steps.isEmpty()) {
            out << tr("Verification:") << '\n';
            // [pass] and [FAIL] stay as they are in every language: marks to look (or grep) for.
            for (const Actions::Step& s : std::as_const(outcome.steps))
                out << (s.passed ? "  [pass] " : "  [FAIL] ") << s.shownText()
                    << (s.passed ? u' ' + tr("(after %1)").arg(seconds(s.passedAfterMs)) : QString()) << '\n';
        }
        using R = Actions::Outcome::Result;
        switch (outcome.result) {
        case R::Done:
            out << (outcome.steps.isEmpty() ? tr("Done: %1") : tr("Done, verified: %1")).arg(outcome.shownMessage())
                << '\n';
            return 0;
        case R::Refused:
            out << tr("Refused: %1").arg(outcome.shownMessage()) << '\n';
            return 4;
        case R::Failed:
            out << tr("Failed: %1").arg(outcome.shownMessage()) << '\n';
            return 1;
        case R::Unknown:
        case R::NotVerified:
            out << tr("Not verified: %1").arg(outcome.shownMessage()) << '\n';
            return 3;
        }
        return 3;
    };

    const auto refuse
        = [&executor](const Actions::Request& what, const QString& why) { executor.recordRefusal(what, why); };
    if (memberCommand && request.member.isEmpty() && !rollingRestart) {
        const int code = runEveryMember(session, request, p.isSet(yes), out, sendAndReport, refuse);
        session.stop();
        out.flush();
        return code;
    }
    if (rollingRestart) {
        const int code = runRolling(session, p.isSet(pending), p.isSet(yes), out, sendAndReport, refuse);
        session.stop();
        out.flush();
        return code;
    }
    const Cluster::ClusterStore* store = session.store();
    if (inEditor) {
        if (!store->state().config) {
            out << tr("Refused: the dynamic configuration could not be read; nothing is changed blind.") << '\n';
            executor.recordRefusal(request, u"the dynamic configuration could not be read"_s);
            session.stop();
            return 4;
        }
        QTemporaryFile file(QDir::tempPath() + u"/patroni-console-config-XXXXXX.json"_s);
        if (!file.open()) {
            err << "patroni-console edit-config: " << tr("cannot make a temporary file: %1").arg(file.errorString())
                << '\n';
            session.stop();
            return 1;
        }
        const QByteArray before = QJsonDocument(store->state().config->raw).toJson(QJsonDocument::Indented);
        file.write(before);
        file.close();
        QString editor = qEnvironmentVariable("VISUAL");
        if (editor.isEmpty())
            editor = qEnvironmentVariable("EDITOR");
        if (editor.isEmpty())
            editor = u"vi"_s;
        QStringList editorArgs = QProcess::splitCommand(editor);
        const QString program = editorArgs.takeFirst();
        if (QProcess::execute(program, editorArgs + QStringList { file.fileName() }) != 0) {
            out << tr("Refused: the editor (%1) did not end cleanly; nothing was sent.").arg(editor) << '\n';
            executor.recordRefusal(request, u"the editor did not end cleanly"_s);
            session.stop();
            return 4;
        }
        QFile edited(file.fileName());
        if (!edited.open(QIODevice::ReadOnly)) {
            out << tr("Refused: the edited file cannot be read back; nothing was sent.") << '\n';
            session.stop();
            return 4;
        }
        const Actions::EditedConfig e = Actions::editedConfig(store->state().config->raw, edited.readAll());
        if (!e.ok()) {
            // In English for the audit log, in the reader's language on the terminal.
            const QString why = !e.parseError.isEmpty()
                ? u"the edited configuration is not JSON: %1 on line %2"_s.arg(e.parseError).arg(e.line)
                : u"the edited configuration must be one JSON object"_s;
            const QString shown = !e.parseError.isEmpty()
                ? tr("the edited configuration is not JSON: %1 on line %2").arg(e.parseError, QString::number(e.line))
                : tr("the edited configuration must be one JSON object");
            out << tr("Refused: %1; nothing was sent.").arg(shown) << '\n';
            executor.recordRefusal(request, why);
            session.stop();
            return 4;
        }
        request.configPatch = e.patch;
    }
    const Actions::Preflight pre
        = Actions::preflight(store->state(), store->findings(), request, QDateTime::currentDateTimeUtc());
    out << tr("Cluster %1: %2").arg(Cluster::displayText(prof->name), session.summary().headline) << '\n';
    if (!pre.candidates.isEmpty()) {
        out << tr("Candidates:") << '\n';
        for (const Actions::Candidate& c : pre.candidates) {
            QString verdict;
            if (c.eligible()) {
                QStringList met;
                for (const Actions::Criterion& k : c.criteria)
                    met.append(k.shownText());
                verdict = tr("eligible: %1").arg(met.join(u", "_s));
            } else {
                verdict = tr("NOT eligible: %1").arg(c.reasonWords().text());
            }
            out << "  " << Cluster::displayText(c.name) << "  " << verdict << '\n';
        }
    }
    const auto finishWith = [&](int code) {
        session.stop();
        out.flush();
        return code;
    };
    if (!pre.ok()) {
        for (const QString& problem : pre.shownProblems())
            out << tr("Refused: %1").arg(problem) << '\n';
        out << tr("Nothing was sent.") << '\n';
        executor.recordRefusal(request, pre.problems.join(u"; "_s));
        return finishWith(4);
    }
    out << tr("What will happen: %1").arg(Actions::consequences(store->state(), store->findings(), request, pre))
        << '\n';
    for (const QString& w : pre.shownWarnings())
        out << tr("Warning: %1").arg(w) << '\n';
    if (const auto why = notConfirmed(p.isSet(yes), Actions::typedConfirmation(request), out)) {
        executor.recordRefusal(request, *why);
        return finishWith(4);
    }

    return finishWith(sendAndReport(request, pre.leader));
}

int runAudit(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Command command(u"audit"_s, arguments);
    QCommandLineParser& p = command.parser();
    p.setApplicationDescription(tr("Print the audit log: every action sent or refused, with its answer and "
                                   "verification. Append-only JSON Lines at %1")
                                    .arg(App::ActionExecutor::defaultAuditPath()));
    const QCommandLineOption since(
        u"since"_s, tr("From TIME on (2026-12-01T02:00:00Z, or ago: 30m, 2h, 7d)."), u"TIME"_s);
    const QCommandLineOption clusterName(u"cluster"_s, tr("Only this cluster (profile name)."), u"NAME"_s);
    const QCommandLineOption action(u"action"_s, tr("Only this action (switchover, failover, …)."), u"ACTION"_s);
    const QCommandLineOption format(
        u"format"_s, tr("table (default) or json (the log's own lines)."), u"FORMAT"_s, u"table"_s);
    p.addOptions({ since, clusterName, action, format });
    const auto usage = [&command](const QString& message) { return command.usage(message); };
    if (const auto exit = command.parse())
        return *exit;
    const QString fmt = p.value(format);
    if (fmt != u"table"_s && fmt != u"json"_s)
        return usage(tr("--format must be table or json"));
    QDateTime from;
    if (p.isSet(since)) {
        const auto t = Cluster::parseSince(p.value(since), QDateTime::currentDateTimeUtc());
        if (!t)
            return usage(tr("--since \"%1\" is neither a time nor an age (30m, 2h, 7d)").arg(p.value(since)));
        from = *t;
    }
    if (p.isSet(action) && !Actions::kindFromName(p.value(action)))
        return usage(tr("unknown --action \"%1\"").arg(p.value(action)));
    int skipped = 0;
    const QList<Actions::AuditRecord> records
        = Actions::AuditLog(App::ActionExecutor::defaultAuditPath()).read(&skipped);
    QJsonArray json;
    for (const Actions::AuditRecord& r : records) {
        if ((from.isValid() && r.at < from) || (p.isSet(clusterName) && r.cluster != p.value(clusterName))
            || (p.isSet(action) && Actions::kindName(r.request.kind) != p.value(action)))
            continue;
        if (fmt == u"json"_s) {
            json.append(Actions::toJson(r));
            continue;
        }
        QString params = Actions::auditParameters(r);
        if (!params.isEmpty())
            params.prepend(u' ');
        const QString detail = Actions::auditDetail(r);
        out << r.at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) << "  " << r.phase.leftJustified(12) << "  "
            << Cluster::displayText(r.cluster, 30) << "  " << Actions::kindName(r.request.kind) << params << "  "
            << r.osUser << '@' << r.host << (r.httpStatus ? u"  HTTP %1"_s.arg(r.httpStatus) : QString()) << "  "
            << Cluster::displayText(detail, 400) << '\n';
    }
    if (fmt == u"json"_s)
        out << QJsonDocument(QJsonObject { { u"schema"_s, u"patroni-console/audit/1"_s }, { u"records"_s, json } })
                   .toJson(QJsonDocument::Indented);
    if (skipped)
        err << "patroni-console audit: "
            << tr("%n line(s) of the log could not be read and were skipped", nullptr, skipped) << '\n';
    return 0;
}

} // namespace Cli
