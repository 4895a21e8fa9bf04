#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// `patroni-console check`: a monitoring plugin in the Nagios/Icinga convention. What Dalibo's
// check_patroni checks, with the same meaning (cluster_has_leader, cluster_has_replica,
// cluster_node_count, cluster_is_in_maintenance, cluster_has_scheduled_action,
// cluster_config_has_changed, node_is_alive/primary/replica/pending_restart, node_tl_has_changed,
// node_patroni_version), plus what only the console sees: writes misrouted by HAProxy, lag in
// seconds, every finding. Pure: the state comes in, results go out.
namespace Check {

enum class Status { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 }; // the plugin's exit codes
QString statusName(Status status); // "OK", "WARNING", "CRITICAL", "UNKNOWN"
Status worse(Status a, Status b); // CRITICAL > WARNING > UNKNOWN > OK, as Nagios ranks them

// A threshold range in the plugin syntax (Monitoring Plugins Development Guidelines):
// "10" alerts outside 0..10, "10:" below 10, "~:10" above 10, "10:20" outside 10..20, "@10:20" inside.
struct Range {
    std::optional<double> low; // none: -infinity
    std::optional<double> high; // none: +infinity
    bool inside = false; // '@': alert inside the range instead of outside
    QString text; // as given, for the performance data

    bool alerts(double value) const;
    static std::optional<Range> parse(const QString& text);
};

// A lag threshold: "1048576", "512kB", "16MB", "1GB" (bytes, 1024-based) or "30s", "1.5s", "500ms".
struct LagLimit {
    std::optional<qint64> bytes;
    std::optional<double> seconds;
    static std::optional<LagLimit> parse(const QString& text);
};

struct PerfValue {
    QString label;
    double value = 0;
    QString unit; // "B", "s", "" (a count)
    QString warn;
    QString crit;
    std::optional<double> min;
    std::optional<double> max;
};
// 'label'=value[unit];warn;crit;min;max — quotes doubled inside the label, '=' kept out of it.
QString perfText(const PerfValue& value);

struct Result {
    QString check; // "leader", "replicas", …
    Status status = Status::Ok;
    QString message; // one sentence
    QList<PerfValue> perf;
};

// What the state file keeps between two calls (JSON: {"configHash": "…", "timeline": 4}).
struct Remembered {
    QString configHash;
    std::optional<int> timeline;
};

struct Options {
    QStringList checks; // empty: defaultChecks()
    QString member; // for the node checks; empty: every member
    std::optional<LagLimit> warnLagBytes, critLagBytes, warnLagSeconds, critLagSeconds;
    std::optional<Range> warnReplicas, critReplicas; // healthy replicas
    std::optional<Range> warnMembers, critMembers; // members listed by the DCS
    QString patroniVersion; // node_patroni_version: the version every member must run
    std::optional<Remembered> remembered; // the state file's content; none: no state file given
};

QStringList allChecks();
QStringList defaultChecks(); // the cluster checks that need no option
QString describeCheck(const QString& check); // one line, for --help

// Each asked check once. `toRemember` gets what a state file should hold after this call.
QList<Result> run(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings, const Options& options,
    Remembered* toRemember);

// A digest of the dynamic configuration (SHA-256 of its compact JSON, keys sorted).
QString configHash(const QJsonObject& config);

// The plugin's output: one status line (the worst result first, then the others not OK), the
// performance data after '|', then one line per check.
QString pluginOutput(const QString& cluster, const QList<Result>& results);
Status overall(const QList<Result>& results);

} // namespace Check
