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
    QStringList out;
    for (const Criterion& c : criteria) {
        if (!c.met)
            out.append(c.text);
    }
    return out.join(u"; "_s);
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
            { u"reachable"_s, reachable, reachable ? u"its REST API answers"_s : u"its REST API does not answer"_s });
        const bool running = runningState(v.state);
        c.criteria.append({ u"running"_s, running,
            running ? u"PostgreSQL is %1"_s.arg(name(v.state)) : u"it is %1, not running"_s.arg(name(v.state)) });
        const bool noFailover = truthy(v.dcs.tags.value(u"nofailover"_s))
            || (v.dcs.tags.contains(u"failover_priority"_s) && v.dcs.tags.value(u"failover_priority"_s).toInt() <= 0);
        c.criteria.append({ u"nofailover"_s, !noFailover,
            noFailover ? u"tagged nofailover (or failover_priority 0): Patroni never promotes it"_s
                       : u"no nofailover tag"_s });
        if (v.lagBytes && !v.lagUnknown) {
            const bool under = *v.lagBytes <= limit;
            c.criteria.append({ u"lag"_s, under,
                u"%1 behind (limit %2, maximum_lag_on_failover)"_s.arg(
                    ItemModels::formatBytes(*v.lagBytes), ItemModels::formatBytes(limit)) });
        } else {
            c.criteria.append({ u"lag"_s, false, u"its lag is unknown"_s });
        }
        const bool sameTimeline = leaderTimeline && v.timeline == leaderTimeline;
        c.criteria.append({ u"timeline"_s, sameTimeline,
            sameTimeline
                ? u"on the cluster's timeline %1"_s.arg(*leaderTimeline)
                : u"on timeline %1, the cluster on %2"_s.arg(v.timeline ? QString::number(*v.timeline) : u"?"_s,
                    leaderTimeline ? QString::number(*leaderTimeline) : u"?"_s) });
        if (sync != Patroni::SynchronousMode::Off) {
            const bool inSet = v.role == Cluster::Role::SyncStandby || v.role == Cluster::Role::QuorumStandby;
            c.criteria.append({ u"sync"_s, inSet,
                inSet
                    ? u"in the synchronous set"_s
                    : u"not in the synchronous set (synchronous mode is on: only a sync standby may be promoted)"_s });
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
        p.problems.append(u"the cluster could not be read (%1): nothing is sent while its state is unknown"_s.arg(
            Cluster::describe(state.dcs.error)));
        return p;
    }
    const QList<Cluster::MemberView> views = Cluster::memberViews(state, findings);
    p.leader = Cluster::believedLeader(views);
    p.timeline = clusterTimeline(views, p.leader);
    const auto needMember = [&](const QString& member) -> std::optional<Cluster::MemberView> {
        const auto v = viewOf(views, member);
        if (!v)
            p.problems.append(u"no member named \"%1\"; the members are %2"_s.arg(name(member), memberList(views)));
        return v;
    };
    const bool paused = state.view.paused;
    switch (request.kind) {
    case Kind::Switchover:
    case Kind::Failover: {
        const bool failover = request.kind == Kind::Failover;
        p.candidates = candidates(state, findings);
        if (!failover && p.leader.isEmpty())
            p.problems.append(u"there is no leader to hand over from: use failover --candidate NAME"_s);
        if (failover && request.candidate.isEmpty()) {
            p.problems.append(u"a failover needs --candidate NAME: the member to promote"_s);
            break;
        }
        if (!request.candidate.isEmpty()) {
            if (!needMember(request.candidate))
                break;
            if (request.candidate == p.leader) {
                p.problems.append(u"%1 is already the leader; name another member"_s.arg(name(request.candidate)));
                break;
            }
            for (const Candidate& c : std::as_const(p.candidates)) {
                if (c.name != request.candidate || c.eligible())
                    continue;
                // A failover is the emergency tool: lag and timeline are the price it names, not a refusal.
                QStringList blocking;
                QStringList costly;
                for (const Criterion& k : c.criteria) {
                    if (k.met)
                        continue;
                    (failover && (k.name == u"lag"_s || k.name == u"timeline"_s) ? costly : blocking).append(k.text);
                }
                if (!blocking.isEmpty())
                    p.problems.append(u"%1 cannot become leader: %2"_s.arg(name(c.name), blocking.join(u"; "_s)));
                if (!costly.isEmpty())
                    p.warnings.append(u"%1: %2"_s.arg(name(c.name), costly.join(u"; "_s)));
            }
        } else {
            bool any = false;
            QStringList why;
            for (const Candidate& c : std::as_const(p.candidates)) {
                any |= c.eligible();
                if (!c.eligible())
                    why.append(u"%1: %2"_s.arg(name(c.name), c.reasons()));
            }
            if (!any)
                p.problems.append(u"no member can become leader (%1)"_s.arg(why.join(u"; "_s)));
            if (paused)
                p.problems.append(u"the cluster is paused: name the candidate (Patroni refuses a switchover "
                                  "without one while paused) or resume first"_s);
        }
        if (request.at.isValid()) {
            if (failover)
                p.problems.append(u"a failover cannot be scheduled; schedule a switchover"_s);
            else if (request.at <= now)
                p.problems.append(
                    u"%1 is in the past; give a time to come, or none for now"_s.arg(timeText(request.at)));
            if (paused)
                p.problems.append(u"the cluster is paused: Patroni refuses a scheduled switchover; resume first"_s);
        }
        if (!failover && state.view.scheduledSwitchover)
            p.warnings.append(u"it replaces the switchover already scheduled at %1 (Patroni keeps only one)"_s.arg(
                name(state.view.scheduledSwitchover->at)));
        if (failover && !p.leader.isEmpty())
            p.warnings.append(u"the leader %1 is healthy: a switchover is the gentler way"_s.arg(name(p.leader)));
        break;
    }
    case Kind::CancelSwitchover:
        if (!state.view.scheduledSwitchover)
            p.problems.append(u"no switchover is scheduled"_s);
        break;
    case Kind::Restart:
    case Kind::Reload:
    case Kind::CancelRestart:
    case Kind::Reinit: {
        if (request.member.isEmpty()) {
            if (request.kind == Kind::Reinit || request.kind == Kind::CancelRestart)
                p.problems.append(u"name the member"_s);
            break;
        }
        const auto v = needMember(request.member);
        if (!v)
            break;
        const auto obs = state.members.constFind(v->name);
        if (obs == state.members.constEnd() || !obs->reachable())
            p.problems.append(u"%1's REST API does not answer: the request could not reach it"_s.arg(name(v->name)));
        if (request.kind == Kind::Reinit && v->name == p.leader)
            p.problems.append(u"%1 is the leader; reinit rebuilds a replica from the leader"_s.arg(name(v->name)));
        if (request.kind == Kind::Reinit && runningState(v->state) && !request.force)
            p.warnings.append(
                u"%1 is %2: its data directory is thrown away and copied anew"_s.arg(name(v->name), name(v->state)));
        if (request.kind == Kind::CancelRestart && v->dcs.scheduledRestart.isEmpty())
            p.problems.append(u"no restart of %1 is scheduled"_s.arg(name(v->name)));
        if (request.kind == Kind::Restart && request.at.isValid()) {
            if (request.at <= now)
                p.problems.append(
                    u"%1 is in the past; give a time to come, or none for now"_s.arg(timeText(request.at)));
            if (paused)
                p.problems.append(u"the cluster is paused: Patroni refuses a scheduled restart; resume first"_s);
        }
        if (request.kind == Kind::Restart && request.pendingOnly && !v->pendingRestart)
            p.problems.append(u"%1 needs no restart (--pending)"_s.arg(name(v->name)));
        if (request.kind == Kind::Restart && !request.role.isEmpty()) {
            static const QStringList roles { u"primary"_s, u"master"_s, u"replica"_s, u"standby-leader"_s, u"any"_s };
            const bool primary = v->name == p.leader;
            if (!roles.contains(request.role))
                p.problems.append(
                    u"--role must be primary, replica, standby-leader or any, not \"%1\""_s.arg(name(request.role)));
            else if (((request.role == u"primary"_s || request.role == u"master"_s) && !primary)
                || (request.role == u"replica"_s && primary))
                p.problems.append(u"%1 is %2, not %3 (--role): Patroni would refuse with 503"_s.arg(
                    name(v->name), primary ? u"the primary"_s : u"a replica"_s, request.role));
        }
        break;
    }
    case Kind::EditConfig: {
        if (!state.config || state.configSource.failing()) {
            p.problems.append(u"the dynamic configuration could not be read (%1): nothing is changed blind"_s.arg(
                Cluster::describe(state.configSource.error)));
            break;
        }
        const QJsonObject merged = mergePatch(state.config->raw, request.configPatch);
        p.diff = Patroni::diffConfig(state.config->raw, merged);
        if (p.diff.isEmpty()) {
            p.problems.append(u"nothing would change: the configuration already says so"_s);
            break;
        }
        const auto parsed = Patroni::parseDynamicConfig(QJsonDocument(merged).toJson(QJsonDocument::Compact));
        if (!parsed.config) {
            p.problems.append(
                u"the result is not a configuration Patroni accepts: %1"_s.arg(Cluster::describe(parsed.error)));
            break;
        }
        // Only what the edit brings in: a value already odd in the cluster is not this edit's fault.
        const QStringList already
            = Patroni::parseDynamicConfig(QJsonDocument(state.config->raw).toJson(QJsonDocument::Compact)).warnings;
        for (const QString& w : parsed.warnings) {
            if (!already.contains(w))
                p.problems.append(u"the result is not a configuration Patroni accepts: %1"_s.arg(w));
        }
        const Patroni::DynamicConfig& c = *parsed.config;
        for (const auto& [key, value] : { std::pair { u"ttl"_s, c.ttl }, std::pair { u"loop_wait"_s, c.loopWait },
                 std::pair { u"retry_timeout"_s, c.retryTimeout } }) {
            if (value && *value <= 0)
                p.problems.append(u"%1 must be a positive number of seconds"_s.arg(key));
        }
        const int ttl = c.ttl.value_or(30);
        const int loop = c.loopWait.value_or(10);
        const int retry = c.retryTimeout.value_or(10);
        if (loop + 2 * retry > ttl)
            p.warnings.append(u"loop_wait + 2 × retry_timeout (%1 s) exceeds ttl (%2 s): a leader may lose its lock "
                              "during a DCS hiccup"_s.arg(loop + 2 * retry)
                                  .arg(ttl));
        const QStringList restart = restartNeeded(request.configPatch);
        if (!restart.isEmpty())
            p.warnings.append(
                u"%1 take(s) effect only after PostgreSQL restarts on every member (they will show "
                "pending restart; then restart MEMBER --pending, replicas first)"_s.arg(restart.join(u", "_s)));
        break;
    }
    case Kind::Pause:
        if (paused)
            p.problems.append(u"the cluster is already paused"_s);
        break;
    case Kind::Resume:
        if (!paused)
            p.problems.append(u"the cluster is not paused"_s);
        break;
    }
    return p;
}

QString consequences(
    const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings, const Request& r, const Preflight& p)
{
    const int port = state.routes.primaryPort;
    const QString when = r.at.isValid() ? u"At %1: "_s.arg(timeText(r.at)) : QString();
    switch (r.kind) {
    case Kind::Switchover:
        return when
            + u"%1 becomes leader; %2 is demoted and rejoins as a replica; connections through port %3 drop for "
              "a few seconds and clients must reconnect."_s
                  .arg(r.candidate.isEmpty() ? u"the healthiest eligible replica (Patroni chooses)"_s
                                             : name(r.candidate),
                      p.leader.isEmpty() ? u"the leader"_s : name(p.leader))
                  .arg(port);
    case Kind::Failover: {
        QString loss;
        if (const auto v = viewOf(Cluster::memberViews(state, findings), r.candidate)) {
            loss = v->lagBytes ? ItemModels::formatBytes(*v->lagBytes) : u"an unknown amount"_s;
            loss += v->lagSeconds ? u" (%1 s)"_s.arg(*v->lagSeconds, 0, 'f', 1) : QString();
        }
        return u"%1 is promoted to leader%2. It is %3 behind: writes the old leader had not sent it are lost. "
               "Connections through port %4 drop and clients must reconnect."_s
                   .arg(name(r.candidate),
                       p.leader.isEmpty() ? QString()
                                          : u" without waiting for %1, which is demoted"_s.arg(name(p.leader)),
                       loss)
                   .arg(port);
    }
    case Kind::CancelSwitchover:
        return u"The switchover scheduled at %1 is cancelled; the leader stays."_s.arg(
            state.view.scheduledSwitchover ? name(state.view.scheduledSwitchover->at) : u"?"_s);
    case Kind::Restart: {
        const QString who = r.member.isEmpty() ? u"every member"_s : name(r.member);
        QString out = when + u"PostgreSQL on %1 restarts: its connections drop"_s.arg(who);
        if (r.member.isEmpty() || r.member == p.leader)
            out += u"; while the leader restarts there is no writable primary for a few seconds (Patroni does "
                   "not fail over for a restart)"_s;
        return out + u'.';
    }
    case Kind::CancelRestart:
        return u"The restart of %1 scheduled for later is cancelled."_s.arg(name(r.member));
    case Kind::Reload:
        return u"Patroni on %1 re-reads its configuration and PostgreSQL reloads its settings; connections stay."_s.arg(
            r.member.isEmpty() ? u"every member"_s : name(r.member));
    case Kind::Reinit:
        return u"%1's data directory is deleted and copied anew from the leader; it serves no reads until it "
               "streams again."_s.arg(name(r.member));
    case Kind::Pause:
        return u"Patroni stops managing the cluster: no automatic failover until it is resumed."_s;
    case Kind::Resume:
        return u"Patroni manages the cluster again: automatic failover is back on."_s;
    case Kind::EditConfig:
        return u"The dynamic configuration changes (every member applies it within a loop):\n  "_s
            + p.diff.join(u"\n  "_s);
    }
    return {};
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
    const auto step = [&](const QString& id, const QString& text, bool holds, bool sticky = false) {
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
            step(u"scheduled"_s, u"the switchover is scheduled"_s,
                sw && (r.candidate.isEmpty() || sw->to == r.candidate));
            break;
        }
        const bool newLeader
            = r.candidate.isEmpty() ? !leader.isEmpty() && leader != before.leader : leader == r.candidate;
        const QString who = r.candidate.isEmpty() ? u"another member"_s : name(r.candidate);
        step(u"leader"_s, u"%1 is the leader"_s.arg(who), newLeader);
        const auto lv = viewOf(views, leader);
        const bool timelineUp = newLeader && before.timeline && lv && lv->timeline == *before.timeline + 1;
        step(u"timeline"_s,
            before.timeline ? u"the timeline went from %1 to %2"_s.arg(*before.timeline).arg(*before.timeline + 1)
                            : u"the timeline went up by one"_s,
            timelineUp);
        if (!before.leader.isEmpty()) {
            const auto old = viewOf(views, before.leader);
            const bool rejoined = old && !old->isLeader() && old->name != leader && runningState(old->state)
                && old->reach == Cluster::Reach::Answering && old->timeline == (lv ? lv->timeline : std::nullopt);
            step(u"old-leader-replica"_s, u"%1 rejoined as a streaming replica"_s.arg(name(before.leader)), rejoined);
        }
        if (state.haproxyConfigured) {
            const QStringList primary = state.routedTo(state.routes.primary);
            step(u"route-primary"_s, u"HAProxy's port %1 routes to the new leader only"_s.arg(state.routes.primaryPort),
                newLeader && primary == QStringList { leader });
            const QStringList replicas = state.routedTo(state.routes.replicas);
            step(u"route-replicas"_s, u"HAProxy's port %1 routes to replicas only"_s.arg(state.routes.replicasPort),
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
                u"a connection through port %1 lands on the new leader, a primary"_s.arg(state.routes.primaryPort),
                newLeader && landed);
        }
        break;
    }
    case Kind::CancelSwitchover:
        step(u"cancelled"_s, u"no switchover is scheduled"_s, !state.view.scheduledSwitchover);
        break;
    case Kind::Pause:
        step(u"paused"_s, u"the cluster is paused"_s, state.view.paused);
        break;
    case Kind::Resume:
        step(u"resumed"_s, u"the cluster is no longer paused"_s, !state.view.paused);
        break;
    case Kind::EditConfig: {
        // Applied when patching the configuration as it is now would change nothing more.
        const bool applied = state.config
            && Patroni::diffConfig(state.config->raw, mergePatch(state.config->raw, r.configPatch)).isEmpty();
        step(u"applied"_s, u"the dynamic configuration reads as edited"_s, applied);
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
                step(u"cancelled/"_s + m, u"no restart of %1 is scheduled"_s.arg(name(m)),
                    v && v->dcs.scheduledRestart.isEmpty());
                continue;
            }
            if (r.kind == Kind::Restart && r.at.isValid()) {
                step(u"scheduled/"_s + m, u"a restart of %1 is scheduled"_s.arg(name(m)),
                    v && !v->dcs.scheduledRestart.isEmpty());
                continue;
            }
            const bool back = v && runningState(v->state) && v->reach == Cluster::Reach::Answering;
            step(u"running/"_s + m, u"%1 is running and answering"_s.arg(name(m)), back);
            if (r.kind == Kind::Restart)
                step(u"no-pending-restart/"_s + m, u"%1 no longer needs a restart"_s.arg(name(m)),
                    v && !v->pendingRestart);
        }
        break;
    }
    case Kind::Reinit: {
        const auto v = viewOf(views, r.member);
        // First it must be seen rebuilding, else the old "running" would pass at once.
        const bool rebuilding = !v || !runningState(v->state) || v->reach != Cluster::Reach::Answering
            || v->role == Cluster::Role::Uninitialized;
        step(u"rebuilding"_s, u"%1 was seen rebuilding"_s.arg(name(r.member)), rebuilding, true);
        const bool seen = steps.last().passed;
        const auto lv = viewOf(views, leader);
        const bool streams = seen && v && runningState(v->state) && v->reach == Cluster::Reach::Answering
            && !v->isLeader() && lv && v->timeline == lv->timeline && v->lagBytes.has_value() && !v->lagUnknown;
        step(u"streams"_s, u"%1 streams from the leader again"_s.arg(name(r.member)), streams);
        break;
    }
    }
    return steps;
}

} // namespace Actions
