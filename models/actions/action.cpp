#include "models/actions/action.h"

#include "models/cluster/assessment.h"
#include "models/cluster/plaintext.h"
#include "models/itemmodels/membertablemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace Actions {

namespace {

    const QList<std::pair<Kind, QString>>& kindNames()
    {
        static const QList<std::pair<Kind, QString>> names { { Kind::Switchover, u"switchover"_s },
            { Kind::CancelSwitchover, u"cancel-switchover"_s }, { Kind::Failover, u"failover"_s },
            { Kind::Restart, u"restart"_s }, { Kind::CancelRestart, u"cancel-restart"_s },
            { Kind::Reload, u"reload"_s }, { Kind::Reinit, u"reinit"_s }, { Kind::Pause, u"pause"_s },
            { Kind::Resume, u"resume"_s }, { Kind::EditConfig, u"edit-config"_s } };
        return names;
    }

    QString name(const QString& n)
    {
        return Cluster::displayText(n, 80);
    }

    bool truthy(const QVariant& v)
    {
        if (v.typeId() == QMetaType::Bool)
            return v.toBool();
        const QString s = v.toString().toLower();
        return s == u"true"_s || s == u"on"_s || s == u"yes"_s || s == u"1"_s;
    }

    qint64 lagLimit(const Cluster::ClusterState& state)
    {
        return state.config && state.config->maximumLagOnFailover ? *state.config->maximumLagOnFailover : 1048576;
    }

    bool runningState(const QString& state)
    {
        return state == u"running"_s || state == u"streaming"_s;
    }

    std::optional<Cluster::MemberView> viewOf(const QList<Cluster::MemberView>& views, const QString& member)
    {
        for (const Cluster::MemberView& v : views) {
            if (v.name == member)
                return v;
        }
        return std::nullopt;
    }

    QString memberList(const QList<Cluster::MemberView>& views)
    {
        QStringList names;
        for (const Cluster::MemberView& v : views)
            names.append(name(v.name));
        return names.join(u", "_s);
    }

    // The cluster's timeline: the leader's; without a leader, the highest any member is on (the one a
    // promotion continues from).
    std::optional<int> clusterTimeline(const QList<Cluster::MemberView>& views, const QString& leader)
    {
        std::optional<int> highest;
        for (const Cluster::MemberView& v : views) {
            if (v.name == leader)
                return v.timeline;
            if (v.timeline && (!highest || *v.timeline > *highest))
                highest = v.timeline;
        }
        return leader.isEmpty() ? highest : std::nullopt;
    }

    // lupdate files these under "Actions" (namespace-level calls).
    Cluster::Words tr(const char* text)
    {
        return Cluster::Words::source(text, -1, "Actions");
    }

    Cluster::Words named(const QString& n)
    {
        return Cluster::Words::verbatim(name(n));
    }

    QString timeText(const QDateTime& t)
    {
        return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
    }

} // namespace

QString kindName(Kind kind)
{
    for (const auto& [k, n] : kindNames()) {
        if (k == kind)
            return n;
    }
    return {};
}

std::optional<Kind> kindFromName(const QString& n)
{
    for (const auto& [k, kn] : kindNames()) {
        if (kn == n)
            return k;
    }
    return std::nullopt;
}

QJsonObject toJson(const Request& r)
{
    QJsonObject o { { u"action"_s, kindName(r.kind) } };
    if (!r.member.isEmpty())
        o.insert("member"_L1, r.member);
    if (!r.candidate.isEmpty())
        o.insert("candidate"_L1, r.candidate);
    if (r.at.isValid())
        o.insert("at"_L1, r.at.toUTC().toString(Qt::ISODate));
    if (r.force)
        o.insert("force"_L1, true);
    if (r.pendingOnly)
        o.insert("pendingOnly"_L1, true);
    if (!r.role.isEmpty())
        o.insert("role"_L1, r.role);
    if (!r.configPatch.isEmpty())
        o.insert("configPatch"_L1, r.configPatch);
    return o;
}

QJsonObject mergePatch(const QJsonObject& base, const QJsonObject& patch)
{
    QJsonObject out = base;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else if (it.value().isObject() && out.value(it.key()).isObject())
            out.insert(it.key(), mergePatch(out.value(it.key()).toObject(), it.value().toObject()));
        else if (it.value().isObject())
            out.insert(it.key(), mergePatch({}, it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

EditedConfig editedConfig(const QJsonObject& current, const QByteArray& text)
{
    EditedConfig e;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        e.parseError = error.errorString();
        e.line = int(text.left(error.offset).count('\n')) + 1;
        return e;
    }
    e.isObject = doc.isObject();
    if (e.isObject)
        e.patch = patchBetween(current, doc.object());
    return e;
}

QJsonObject patchBetween(const QJsonObject& before, const QJsonObject& after)
{
    QJsonObject patch;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        const QJsonValue was = before.value(it.key());
        if (was == it.value())
            continue;
        if (was.isObject() && it.value().isObject())
            patch.insert(it.key(), patchBetween(was.toObject(), it.value().toObject()));
        else
            patch.insert(it.key(), it.value());
    }
    return patch;
}

bool addSetting(QJsonObject* patch, const QString& assignment, QString* why)
{
    const qsizetype eq = assignment.indexOf(u'=');
    const QString key = assignment.left(eq).trimmed();
    if (eq <= 0 || key.isEmpty() || key.startsWith(u'.') || key.endsWith(u'.') || key.contains(u".."_s)) {
        *why = u"\"%1\" is not KEY=VALUE (a dotted key such as postgresql.parameters.max_connections=200)"_s.arg(
            assignment);
        return false;
    }
    const QString text = assignment.mid(eq + 1);
    // The value as JSON when it is (200, true, null, "quoted", {…}); anything else is text.
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]");
    const QJsonValue value = doc.isArray() && doc.array().size() == 1 ? doc.array().first() : QJsonValue(text);
    const QStringList path = key.split(u'.');
    // Rebuild the nested objects along the path, keeping what the patch already holds.
    std::function<QJsonObject(const QJsonObject&, qsizetype)> set = [&](const QJsonObject& at, qsizetype i) {
        QJsonObject o = at;
        if (i == path.size() - 1)
            o.insert(path[i], value);
        else
            o.insert(path[i], set(o.value(path[i]).toObject(), i + 1));
        return o;
    };
    *patch = set(*patch, 0);
    return true;
}

QStringList restartNeeded(const QJsonObject& patch)
{
    // PostgreSQL's postmaster-context settings (pg_settings.context = 'postmaster', PostgreSQL 15).
    static const QSet<QString> postmaster { u"archive_mode"_s, u"autovacuum_freeze_max_age"_s,
        u"autovacuum_max_workers"_s, u"autovacuum_multixact_freeze_max_age"_s, u"bonjour"_s, u"bonjour_name"_s,
        u"cluster_name"_s, u"config_file"_s, u"data_directory"_s, u"data_sync_retry"_s, u"dynamic_shared_memory_type"_s,
        u"event_source"_s, u"external_pid_file"_s, u"hba_file"_s, u"hot_standby"_s, u"huge_pages"_s,
        u"huge_page_size"_s, u"ident_file"_s, u"jit_provider"_s, u"listen_addresses"_s, u"logging_collector"_s,
        u"max_connections"_s, u"max_files_per_process"_s, u"max_locks_per_transaction"_s,
        u"max_logical_replication_workers"_s, u"max_pred_locks_per_transaction"_s, u"max_prepared_transactions"_s,
        u"max_replication_slots"_s, u"max_wal_senders"_s, u"max_worker_processes"_s, u"min_dynamic_shared_memory"_s,
        u"old_snapshot_threshold"_s, u"port"_s, u"recovery_target"_s, u"recovery_target_action"_s,
        u"recovery_target_inclusive"_s, u"recovery_target_lsn"_s, u"recovery_target_name"_s, u"recovery_target_time"_s,
        u"recovery_target_timeline"_s, u"recovery_target_xid"_s, u"reserved_connections"_s, u"shared_buffers"_s,
        u"shared_memory_type"_s, u"shared_preload_libraries"_s, u"superuser_reserved_connections"_s,
        u"track_activity_query_size"_s, u"track_commit_timestamp"_s, u"unix_socket_directories"_s,
        u"unix_socket_group"_s, u"unix_socket_permissions"_s, u"wal_buffers"_s, u"wal_decode_buffer_size"_s,
        u"wal_level"_s, u"wal_log_hints"_s };
    QStringList out;
    const QJsonObject params = patch.value("postgresql"_L1).toObject().value("parameters"_L1).toObject();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        if (postmaster.contains(it.key()))
            out.append(it.key());
    }
    return out;
}

bool Candidate::eligible() const
{
    for (const Criterion& c : criteria) {
        if (!c.met)
            return false;
    }
    return true;
}

QString Candidate::reasons() const
{
    return reasonWords().english();
}

Cluster::Words Candidate::reasonWords() const
{
    QList<Cluster::Words> out;
    for (const Criterion& c : criteria) {
        if (!c.met)
            out.append(c.words);
    }
    return Cluster::Words::joined(out, u"; "_s);
}

void Preflight::addProblem(const Cluster::Words& sentence)
{
    problems.append(sentence.english());
    problemWords.append(sentence);
}

void Preflight::addWarning(const Cluster::Words& sentence)
{
    warnings.append(sentence.english());
    warningWords.append(sentence);
}

namespace {
    // The words where every sentence has them; the English where one was added without (never, today).
    QStringList shown(const QStringList& english, const QList<Cluster::Words>& words)
    {
        if (words.size() != english.size())
            return english;
        QStringList out;
        for (const Cluster::Words& w : words)
            out.append(w.text());
        return out;
    }
} // namespace

QStringList Preflight::shownProblems() const
{
    return shown(problems, problemWords);
}

QStringList Preflight::shownWarnings() const
{
    return shown(warnings, warningWords);
}

QList<Candidate> candidates(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings)
{
    const QList<Cluster::MemberView> views = Cluster::memberViews(state, findings);
    const QString leader = Cluster::believedLeader(views);
    const std::optional<int> leaderTimeline = clusterTimeline(views, leader);
    const qint64 limit = lagLimit(state);
    const Patroni::SynchronousMode sync = state.config ? state.config->synchronousMode : Patroni::SynchronousMode::Off;
    QList<Candidate> out;
    for (const Cluster::MemberView& v : views) {
        if (v.name == leader)
            continue;
        Candidate c { v.name, {} };
        const auto obs = state.members.constFind(v.name);
        const bool reachable = obs != state.members.constEnd() && obs->reachable();
        c.criteria.append(
            { u"reachable"_s, reachable, reachable ? tr("its REST API answers") : tr("its REST API does not answer") });
        const bool running = runningState(v.state);
        c.criteria.append({ u"running"_s, running,
            running ? tr("PostgreSQL is %1").arg(name(v.state)) : tr("it is %1, not running").arg(name(v.state)) });
        const bool noFailover = truthy(v.dcs.tags.value(u"nofailover"_s))
            || (v.dcs.tags.contains(u"failover_priority"_s) && v.dcs.tags.value(u"failover_priority"_s).toInt() <= 0);
        c.criteria.append({ u"nofailover"_s, !noFailover,
            noFailover ? tr("tagged nofailover (or failover_priority 0): Patroni never promotes it")
                       : tr("no nofailover tag") });
        if (v.lagBytes && !v.lagUnknown) {
            const bool under = *v.lagBytes <= limit;
            c.criteria.append({ u"lag"_s, under,
                tr("%1 behind (limit %2, maximum_lag_on_failover)")
                    .arg(Cluster::Words::bytes(*v.lagBytes), Cluster::Words::bytes(limit)) });
        } else {
            c.criteria.append({ u"lag"_s, false, tr("its lag is unknown") });
        }
        const bool sameTimeline = leaderTimeline && v.timeline == leaderTimeline;
        c.criteria.append({ u"timeline"_s, sameTimeline,
            sameTimeline ? tr("on the cluster's timeline %1").arg(*leaderTimeline)
                         : tr("on timeline %1, the cluster on %2")
                               .arg(v.timeline ? QString::number(*v.timeline) : u"?"_s,
                                   leaderTimeline ? QString::number(*leaderTimeline) : u"?"_s) });
        if (sync != Patroni::SynchronousMode::Off) {
            const bool inSet = v.role == Cluster::Role::SyncStandby || v.role == Cluster::Role::QuorumStandby;
            c.criteria.append({ u"sync"_s, inSet,
                inSet
                    ? tr("in the synchronous set")
                    : tr("not in the synchronous set (synchronous mode is on: only a sync standby may be promoted)") });
        }
        out.append(c);
    }
    return out;
}

Preflight preflight(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings, const Request& request,
    const QDateTime& now)
{
    Preflight p;
    if (!state.dcs.everSucceeded() || state.dcs.failing()) {
        p.addProblem(tr("the cluster could not be read (%1): nothing is sent while its state is unknown")
                         .arg(Cluster::describeWords(state.dcs.error)));
        return p;
    }
    const QList<Cluster::MemberView> views = Cluster::memberViews(state, findings);
    p.leader = Cluster::believedLeader(views);
    p.timeline = clusterTimeline(views, p.leader);
    const auto needMember = [&](const QString& member) -> std::optional<Cluster::MemberView> {
        const auto v = viewOf(views, member);
        if (!v)
            p.addProblem(tr("no member named \"%1\"; the members are %2").arg(name(member), memberList(views)));
        return v;
    };
    const bool paused = state.view.paused;
    switch (request.kind) {
    case Kind::Switchover:
    case Kind::Failover: {
        const bool failover = request.kind == Kind::Failover;
        p.candidates = candidates(state, findings);
        if (!failover && p.leader.isEmpty())
            p.addProblem(tr("there is no leader to hand over from: use failover --candidate NAME"));
        if (failover && request.candidate.isEmpty()) {
            p.addProblem(tr("a failover needs --candidate NAME: the member to promote"));
            break;
        }
        if (!request.candidate.isEmpty()) {
            if (!needMember(request.candidate))
                break;
            if (request.candidate == p.leader) {
                p.addProblem(tr("%1 is already the leader; name another member").arg(name(request.candidate)));
                break;
            }
            for (const Candidate& c : std::as_const(p.candidates)) {
                if (c.name != request.candidate || c.eligible())
                    continue;
                // A failover is the emergency tool: lag and timeline are the price it names, not a refusal.
                QList<Cluster::Words> blocking;
                QList<Cluster::Words> costly;
                for (const Criterion& k : c.criteria) {
                    if (k.met)
                        continue;
                    (failover && (k.name == u"lag"_s || k.name == u"timeline"_s) ? costly : blocking).append(k.words);
                }
                if (!blocking.isEmpty())
                    p.addProblem(
                        tr("%1 cannot become leader: %2").arg(name(c.name), Cluster::Words::joined(blocking, u"; "_s)));
                if (!costly.isEmpty())
                    p.addWarning(
                        Cluster::Words::verbatim(name(c.name) + u": "_s) + Cluster::Words::joined(costly, u"; "_s));
            }
        } else {
            bool any = false;
            QList<Cluster::Words> why;
            for (const Candidate& c : std::as_const(p.candidates)) {
                any |= c.eligible();
                if (!c.eligible())
                    why.append(Cluster::Words::verbatim(name(c.name) + u": "_s) + c.reasonWords());
            }
            if (!any)
                p.addProblem(tr("no member can become leader (%1)").arg(Cluster::Words::joined(why, u"; "_s)));
            if (paused)
                p.addProblem(tr("the cluster is paused: name the candidate (Patroni refuses a switchover "
                                "without one while paused) or resume first"));
        }
        if (request.at.isValid()) {
            if (failover)
                p.addProblem(tr("a failover cannot be scheduled; schedule a switchover"));
            else if (request.at <= now)
                p.addProblem(tr("%1 is in the past; give a time to come, or none for now").arg(timeText(request.at)));
            if (paused)
                p.addProblem(tr("the cluster is paused: Patroni refuses a scheduled switchover; resume first"));
        }
        if (!failover && state.view.scheduledSwitchover)
            p.addWarning(tr("it replaces the switchover already scheduled at %1 (Patroni keeps only one)")
                             .arg(name(state.view.scheduledSwitchover->at)));
        if (failover && !p.leader.isEmpty())
            p.addWarning(tr("the leader %1 is healthy: a switchover is the gentler way").arg(name(p.leader)));
        break;
    }
    case Kind::CancelSwitchover:
        if (!state.view.scheduledSwitchover)
            p.addProblem(tr("no switchover is scheduled"));
        break;
    case Kind::Restart:
    case Kind::Reload:
    case Kind::CancelRestart:
    case Kind::Reinit: {
        if (request.member.isEmpty()) {
            if (request.kind == Kind::Reinit || request.kind == Kind::CancelRestart)
                p.addProblem(tr("name the member"));
            break;
        }
        const auto v = needMember(request.member);
        if (!v)
            break;
        const auto obs = state.members.constFind(v->name);
        if (obs == state.members.constEnd() || !obs->reachable())
            p.addProblem(tr("%1's REST API does not answer: the request could not reach it").arg(name(v->name)));
        if (request.kind == Kind::Reinit && v->name == p.leader)
            p.addProblem(tr("%1 is the leader; reinit rebuilds a replica from the leader").arg(name(v->name)));
        if (request.kind == Kind::Reinit && runningState(v->state) && !request.force)
            p.addWarning(
                tr("%1 is %2: its data directory is thrown away and copied anew").arg(name(v->name), name(v->state)));
        if (request.kind == Kind::CancelRestart && v->dcs.scheduledRestart.isEmpty())
            p.addProblem(tr("no restart of %1 is scheduled").arg(name(v->name)));
        if (request.kind == Kind::Restart && request.at.isValid()) {
            if (request.at <= now)
                p.addProblem(tr("%1 is in the past; give a time to come, or none for now").arg(timeText(request.at)));
            if (paused)
                p.addProblem(tr("the cluster is paused: Patroni refuses a scheduled restart; resume first"));
        }
        if (request.kind == Kind::Restart && request.pendingOnly && !v->pendingRestart)
            p.addProblem(tr("%1 needs no restart (--pending)").arg(name(v->name)));
        if (request.kind == Kind::Restart && !request.role.isEmpty()) {
            static const QStringList roles { u"primary"_s, u"master"_s, u"replica"_s, u"standby-leader"_s, u"any"_s };
            const bool primary = v->name == p.leader;
            if (!roles.contains(request.role))
                p.addProblem(
                    tr("--role must be primary, replica, standby-leader or any, not \"%1\"").arg(name(request.role)));
            else if (((request.role == u"primary"_s || request.role == u"master"_s) && !primary)
                || (request.role == u"replica"_s && primary))
                p.addProblem(tr("%1 is %2, not %3 (--role): Patroni would refuse with 503")
                                 .arg(name(v->name), primary ? tr("the primary") : tr("a replica"), request.role));
        }
        break;
    }
    case Kind::EditConfig: {
        if (!state.config || state.configSource.failing()) {
            p.addProblem(tr("the dynamic configuration could not be read (%1): nothing is changed blind")
                             .arg(Cluster::describeWords(state.configSource.error)));
            break;
        }
        const QJsonObject merged = mergePatch(state.config->raw, request.configPatch);
        p.diff = Patroni::diffConfig(state.config->raw, merged);
        if (p.diff.isEmpty()) {
            p.addProblem(tr("nothing would change: the configuration already says so"));
            break;
        }
        const auto parsed = Patroni::parseDynamicConfig(QJsonDocument(merged).toJson(QJsonDocument::Compact));
        if (!parsed.config) {
            p.addProblem(
                tr("the result is not a configuration Patroni accepts: %1").arg(Cluster::describeWords(parsed.error)));
            break;
        }
        // Only what the edit brings in: a value already odd in the cluster is not this edit's fault.
        const QStringList already
            = Patroni::parseDynamicConfig(QJsonDocument(state.config->raw).toJson(QJsonDocument::Compact)).warnings;
        for (const QString& w : parsed.warnings) {
            if (!already.contains(w))
                p.addProblem(tr("the result is not a configuration Patroni accepts: %1").arg(w));
        }
        const Patroni::DynamicConfig& c = *parsed.config;
        for (const auto& [key, value] : { std::pair { u"ttl"_s, c.ttl }, std::pair { u"loop_wait"_s, c.loopWait },
                 std::pair { u"retry_timeout"_s, c.retryTimeout } }) {
            if (value && *value <= 0)
                p.addProblem(tr("%1 must be a positive number of seconds").arg(key));
        }
        const int ttl = c.ttl.value_or(30);
        const int loop = c.loopWait.value_or(10);
        const int retry = c.retryTimeout.value_or(10);
        if (loop + 2 * retry > ttl)
            p.addWarning(tr("loop_wait + 2 × retry_timeout (%1 s) exceeds ttl (%2 s): a leader may lose its lock "
                            "during a DCS hiccup")
                             .arg(loop + 2 * retry)
                             .arg(ttl));
        const QStringList restart = restartNeeded(request.configPatch);
        if (!restart.isEmpty())
            p.addWarning(tr("%1 take(s) effect only after PostgreSQL restarts on every member (they will show "
                            "pending restart; then restart MEMBER --pending, replicas first)")
                             .arg(restart.join(u", "_s)));
        break;
    }
    case Kind::Pause:
        if (paused)
            p.addProblem(tr("the cluster is already paused"));
        break;
    case Kind::Resume:
        if (!paused)
            p.addProblem(tr("the cluster is not paused"));
        break;
    }
    return p;
}

namespace {
    // (A return type spelled Cluster::Words here makes lupdate file the strings under "Cluster".)
    using Sentence = Cluster::Words;
    Sentence consequenceWords(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings,
        const Request& r, const Preflight& p)
    {
        const int port = state.routes.primaryPort;
        const Cluster::Words when = r.at.isValid() ? tr("At %1: ").arg(timeText(r.at)) : Cluster::Words();
        switch (r.kind) {
        case Kind::Switchover:
            return when
                + tr("%1 becomes leader; %2 is demoted and rejoins as a replica; connections through port %3 drop for "
                     "a few seconds and clients must reconnect.")
                      .arg(r.candidate.isEmpty() ? tr("the healthiest eligible replica (Patroni chooses)")
                                                 : named(r.candidate),
                          p.leader.isEmpty() ? tr("the leader") : named(p.leader))
                      .arg(port);
        case Kind::Failover: {
            Cluster::Words loss;
            if (const auto v = viewOf(Cluster::memberViews(state, findings), r.candidate)) {
                loss = v->lagBytes ? Cluster::Words::bytes(*v->lagBytes) : tr("an unknown amount");
                if (v->lagSeconds)
                    loss = loss + tr(" (%1 s)").arg(QString::number(*v->lagSeconds, 'f', 1));
            }
            return tr("%1 is promoted to leader%2. It is %3 behind: writes the old leader had not sent it are lost. "
                      "Connections through port %4 drop and clients must reconnect.")
                .arg(name(r.candidate),
                    p.leader.isEmpty() ? Cluster::Words()
                                       : tr(" without waiting for %1, which is demoted").arg(name(p.leader)),
                    loss)
                .arg(port);
        }
        case Kind::CancelSwitchover:
            return tr("The switchover scheduled at %1 is cancelled; the leader stays.")
                .arg(state.view.scheduledSwitchover ? name(state.view.scheduledSwitchover->at) : u"?"_s);
        case Kind::Restart: {
            const Cluster::Words who = r.member.isEmpty() ? tr("every member") : named(r.member);
            Cluster::Words out = when + tr("PostgreSQL on %1 restarts: its connections drop").arg(who);
            if (r.member.isEmpty() || r.member == p.leader)
                out = out
                    + tr("; while the leader restarts there is no writable primary for a few seconds (Patroni does "
                         "not fail over for a restart)");
            return out + u"."_s;
        }
        case Kind::CancelRestart:
            return tr("The restart of %1 scheduled for later is cancelled.").arg(name(r.member));
        case Kind::Reload:
            return tr("Patroni on %1 re-reads its configuration and PostgreSQL reloads its settings; connections stay.")
                .arg(r.member.isEmpty() ? tr("every member") : named(r.member));
        case Kind::Reinit:
            return tr("%1's data directory is deleted and copied anew from the leader; it serves no reads until it "
                      "streams again.")
                .arg(name(r.member));
        case Kind::Pause:
            return tr("Patroni stops managing the cluster: no automatic failover until it is resumed.");
        case Kind::Resume:
            return tr("Patroni manages the cluster again: automatic failover is back on.");
        case Kind::EditConfig:
            return tr("The dynamic configuration changes (every member applies it within a loop):\n  ")
                + p.diff.join(u"\n  "_s);
        }
        return {};
    }
} // namespace

QString consequences(
    const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings, const Request& r, const Preflight& p)
{
    return consequenceWords(state, findings, r, p).text();
}

QString typedConfirmation(const Request& r)
{
    if (r.kind == Kind::Failover)
        return r.candidate;
    if (r.kind == Kind::Reinit)
        return r.member;
    return {};
}

bool allPassed(const QList<Step>& steps)
{
    for (const Step& s : steps) {
        if (!s.passed)
            return false;
    }
    return true;
}

QList<Step> verification(const Request& r, const Preflight& before, const Cluster::ClusterState& state,
    const QList<Cluster::Finding>& findings, qint64 elapsedMs, const QList<Step>& previous)
{
    const QList<Cluster::MemberView> views = Cluster::memberViews(state, findings);
    const QString leader = Cluster::believedLeader(views);
    QList<Step> steps;
    const auto step = [&](const QString& id, const Cluster::Words& text, bool holds, bool sticky = false) {
        Step s { id, text, holds, -1 };
        for (const Step& p : previous) {
            if (p.name != id)
                continue;
            if (p.passed && (holds || sticky)) {
                s.passed = true;
                s.passedAfterMs = p.passedAfterMs;
            }
        }
        if (s.passed && s.passedAfterMs < 0)
            s.passedAfterMs = elapsedMs;
        steps.append(s);
    };
    switch (r.kind) {
    case Kind::Switchover:
    case Kind::Failover: {
        if (r.at.isValid()) {
            const auto& sw = state.view.scheduledSwitchover;
            step(u"scheduled"_s, tr("the switchover is scheduled"),
                sw && (r.candidate.isEmpty() || sw->to == r.candidate));
            break;
        }
        const bool newLeader
            = r.candidate.isEmpty() ? !leader.isEmpty() && leader != before.leader : leader == r.candidate;
        const Cluster::Words who = r.candidate.isEmpty() ? tr("another member") : named(r.candidate);
        step(u"leader"_s, tr("%1 is the leader").arg(who), newLeader);
        const auto lv = viewOf(views, leader);
        const bool timelineUp = newLeader && before.timeline && lv && lv->timeline == *before.timeline + 1;
        step(u"timeline"_s,
            before.timeline ? tr("the timeline went from %1 to %2").arg(*before.timeline).arg(*before.timeline + 1)
                            : tr("the timeline went up by one"),
            timelineUp);
        if (!before.leader.isEmpty()) {
            const auto old = viewOf(views, before.leader);
            const bool rejoined = old && !old->isLeader() && old->name != leader && runningState(old->state)
                && old->reach == Cluster::Reach::Answering && old->timeline == (lv ? lv->timeline : std::nullopt);
            step(u"old-leader-replica"_s, tr("%1 rejoined as a streaming replica").arg(name(before.leader)), rejoined);
        }
        if (state.haproxyConfigured) {
            const QStringList primary = state.routedTo(state.routes.primary);
            step(u"route-primary"_s,
                tr("HAProxy's port %1 routes to the new leader only").arg(state.routes.primaryPort),
                newLeader && primary == QStringList { leader });
            const QStringList replicas = state.routedTo(state.routes.replicas);
            step(u"route-replicas"_s, tr("HAProxy's port %1 routes to replicas only").arg(state.routes.replicasPort),
                newLeader && !replicas.isEmpty() && !replicas.contains(leader));
        }
        if (state.postgresConfigured) {
            bool landed = false;
            if (state.postgres) {
                for (const Postgres::RoutingProbe& p : state.postgres->routing)
                    landed |= p.port == state.routes.primaryPort && p.ok && !p.inRecovery
                        && Postgres::memberForProbe(p, state.view.members) == leader;
            }
            step(u"probe-primary"_s,
                tr("a connection through port %1 lands on the new leader, a primary").arg(state.routes.primaryPort),
                newLeader && landed);
        }
        break;
    }
    case Kind::CancelSwitchover:
        step(u"cancelled"_s, tr("no switchover is scheduled"), !state.view.scheduledSwitchover);
        break;
    case Kind::Pause:
        step(u"paused"_s, tr("the cluster is paused"), state.view.paused);
        break;
    case Kind::Resume:
        step(u"resumed"_s, tr("the cluster is no longer paused"), !state.view.paused);
        break;
    case Kind::EditConfig: {
        // Applied when patching the configuration as it is now would change nothing more.
        const bool applied = state.config
            && Patroni::diffConfig(state.config->raw, mergePatch(state.config->raw, r.configPatch)).isEmpty();
        step(u"applied"_s, tr("the dynamic configuration reads as edited"), applied);
        break;
    }
    case Kind::Restart:
    case Kind::Reload:
    case Kind::CancelRestart: {
        QStringList members;
        if (r.member.isEmpty()) {
            for (const Cluster::MemberView& v : views)
                members.append(v.name);
        } else {
            members.append(r.member);
        }
        for (const QString& m : std::as_const(members)) {
            const auto v = viewOf(views, m);
            if (r.kind == Kind::CancelRestart) {
                step(u"cancelled/"_s + m, tr("no restart of %1 is scheduled").arg(name(m)),
                    v && v->dcs.scheduledRestart.isEmpty());
                continue;
            }
            if (r.kind == Kind::Restart && r.at.isValid()) {
                step(u"scheduled/"_s + m, tr("a restart of %1 is scheduled").arg(name(m)),
                    v && !v->dcs.scheduledRestart.isEmpty());
                continue;
            }
            const bool back = v && runningState(v->state) && v->reach == Cluster::Reach::Answering;
            step(u"running/"_s + m, tr("%1 is running and answering").arg(name(m)), back);
            if (r.kind == Kind::Restart)
                step(u"no-pending-restart/"_s + m, tr("%1 no longer needs a restart").arg(name(m)),
                    v && !v->pendingRestart);
        }
        break;
    }
    case Kind::Reinit: {
        const auto v = viewOf(views, r.member);
        // First it must be seen rebuilding, else the old "running" would pass at once.
        const bool rebuilding = !v || !runningState(v->state) || v->reach != Cluster::Reach::Answering
            || v->role == Cluster::Role::Uninitialized;
        step(u"rebuilding"_s, tr("%1 was seen rebuilding").arg(name(r.member)), rebuilding, true);
        const bool seen = steps.last().passed;
        const auto lv = viewOf(views, leader);
        const bool streams = seen && v && runningState(v->state) && v->reach == Cluster::Reach::Answering
            && !v->isLeader() && lv && v->timeline == lv->timeline && v->lagBytes.has_value() && !v->lagUnknown;
        step(u"streams"_s, tr("%1 streams from the leader again").arg(name(r.member)), streams);
        break;
    }
    }
    return steps;
}

} // namespace Actions
