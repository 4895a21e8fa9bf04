#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"
#include "models/cluster/words.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The dangerous buttons, made safe: what an action is, whether it may be sent (preflight, with each
// candidate's eligibility in words), what it will do (the confirmation's sentence), and whether it
// did what it said (verification). Pure: the state comes in, verdicts go out; the executor in app/
// sends, and the audit log records.
namespace Actions {

enum class Kind {
    Switchover, // POST /switchover {leader, candidate?, scheduled_at?}
    CancelSwitchover, // DELETE /switchover
    Failover, // POST /failover {candidate}
    Restart, // POST /restart on a member
    CancelRestart, // DELETE /restart on a member
    Reload, // POST /reload on a member
    Reinit, // POST /reinitialize on a member {force?}
    Pause, // PATCH /config {"pause": true}
    Resume, // PATCH /config {"pause": false}
    EditConfig, // PATCH /config with a merge patch
};
QString kindName(Kind kind); // "switchover", "cancel-switchover", …: the CLI's and the audit's word
std::optional<Kind> kindFromName(const QString& name);

struct Request {
    Kind kind = Kind::Switchover;
    QString member; // Restart, CancelRestart, Reload, Reinit: the member; empty Restart/Reload: every member
    QString candidate; // Switchover (optional), Failover (required)
    QDateTime at; // Switchover, Restart: scheduled; invalid: now
    bool force = false; // Reinit: also while PostgreSQL runs
    bool pendingOnly = false; // Restart: only members that need it
    QString role; // Restart: only members of this role ("primary", "replica")
    QJsonObject configPatch; // EditConfig: merged into the dynamic configuration; null deletes a key
};

// --- The dynamic configuration, as PATCH /config edits it
// `patch` merged into `base`: objects recursively, null deletes, anything else replaces.
QJsonObject mergePatch(const QJsonObject& base, const QJsonObject& patch);
// The patch that turns `before` into `after`: changed leaves, removed keys as null.
QJsonObject patchBetween(const QJsonObject& before, const QJsonObject& after);
// The dynamic configuration as edited by hand ($EDITOR, the window's editor): one JSON object, turned
// into the patch from `current`. Not JSON: `parseError` (Qt's words) and its `line`; JSON but not an
// object: neither set and !ok(). Each caller says it in its own sentence.
struct EditedConfig {
    QJsonObject patch;
    QString parseError;
    int line = 0;
    bool isObject = false;
    bool ok() const { return parseError.isEmpty() && isObject; }
};
EditedConfig editedConfig(const QJsonObject& current, const QByteArray& text);
// "postgresql.parameters.max_connections=200" into `patch`: the value read as JSON when it is JSON
// (200, true, null, "text", {…}), else as text. False with *why for a malformed assignment.
bool addSetting(QJsonObject* patch, const QString& assignment, QString* why);
// The PostgreSQL settings in `patch` that take effect only after a restart (postmaster context).
QStringList restartNeeded(const QJsonObject& patch);
QJsonObject toJson(const Request& request); // for the audit log

// One line of a candidate's checklist.
// The sentences of this file are Cluster::Words: English in the records (the audit log, JSON, tests:
// text(), problems, message), in the reader's language where they are shown (shownText(), …).
struct Criterion {
    QString name; // "reachable", "running", "nofailover", "lag", "timeline", "sync", "paused"
    bool met = false;
    Cluster::Words words; // "1 048 576 B behind (limit 1 MiB, maximum_lag_on_failover)", "no nofailover tag"
    QString text() const { return words.english(); }
    QString shownText() const { return words.text(); }
};

struct Candidate {
    QString name;
    QList<Criterion> criteria;
    bool eligible() const;
    QString reasons() const; // the unmet criteria in words, "; "-joined
    Cluster::Words reasonWords() const;
};

// Every member but the leader, each with the checklist Patroni applies before it promotes one:
// reachable, running and streaming, no nofailover tag, lag under maximum_lag_on_failover, the
// leader's timeline, in the synchronous set when synchronous mode is on.
QList<Candidate> candidates(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings);

struct Preflight {
    QStringList problems; // any: nothing may be sent; each a sentence that says what to do (English)
    QStringList warnings; // shown in the confirmation; sending is still allowed (English)
    QList<Cluster::Words> problemWords; // the same sentences, to be shown
    QList<Cluster::Words> warningWords;
    void addProblem(const Cluster::Words& sentence);
    void addWarning(const Cluster::Words& sentence);
    QStringList shownProblems() const; // in the reader's language
    QStringList shownWarnings() const;
    QList<Candidate> candidates; // for switchover and failover
    QStringList diff; // EditConfig: the configuration's changes, one line per leaf
    QString leader; // the leader at the time of the check
    std::optional<int> timeline;
    bool ok() const { return problems.isEmpty(); }
};

// Everything that can be known before sending. `now` for scheduled times.
Preflight preflight(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings, const Request& request,
    const QDateTime& now);

// What will happen, in one paragraph for the confirmation: "patroni2 becomes leader; patroni1 is
// demoted and rejoins as a replica; connections through port 5000 drop for a few seconds." A
// failover adds what may be lost (bytes and seconds behind).
// In the reader's language: it is only ever shown.
QString consequences(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings,
    const Request& request, const Preflight& preflight);

// Failover and reinit must be confirmed by typing this (the member's name).
QString typedConfirmation(const Request& request);

// --- After sending: did it do what it said?
struct Step {
    QString name; // "leader", "timeline", "old-leader-replica", "route-primary", "route-replicas", "probe-primary"
    Cluster::Words words; // "patroni2 is the leader"
    bool passed = false;
    qint64 passedAfterMs = -1; // since the request was sent
    QString text() const { return words.english(); }
    QString shownText() const { return words.text(); }
};

// The steps to check for `request`, given the state before it was sent; call again with every new
// state (and the milliseconds since sending) and keep the first time each passed.
QList<Step> verification(const Request& request, const Preflight& before, const Cluster::ClusterState& state,
    const QList<Cluster::Finding>& findings, qint64 elapsedMs, const QList<Step>& previous);
bool allPassed(const QList<Step>& steps);

} // namespace Actions
