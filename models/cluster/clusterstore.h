#pragma once

#include "models/cluster/changedetector.h"
#include "models/cluster/clusterstate.h"
#include "models/cluster/event.h"
#include "models/cluster/findings.h"
#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"
#include "models/patroni/metricsparser.h"

#include <QDateTime>
#include <QObject>

namespace Cluster {

// The one place that holds what the console believes about a cluster. Sources feed it parsed
// answers or failures; it keeps the last good data of each source and marks it stale (with the
// reason) when a poll fails. Views and models read from here and never write.
class ClusterStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterStore)
public:
    explicit ClusterStore(QObject* parent = nullptr);

    // --- GET /cluster (the DCS's view)
    // A usable reading from `source`; `warnings` are the parser's notes about odd fields.
    void applyClusterView(
        const ClusterView& view, const QString& source, const QDateTime& at, const QStringList& warnings = {});
    // A poll that produced nothing usable: keep the last good view, mark it stale with the reason.
    void recordFailure(const SourceError& error, const QDateTime& at);

    // --- GET /patroni of one member
    void applyMemberStatus(
        const QString& member, const QUrl& apiUrl, const Patroni::MemberStatus& status, const QDateTime& at);
    void recordMemberFailure(const QString& member, const QUrl& apiUrl, const SourceError& error, const QDateTime& at);
    // Several members' answers of one round at once: the checks run once for all of them.
    struct MemberAnswer {
        QString member;
        QUrl apiUrl;
        std::optional<Patroni::MemberStatus> status; // set: an answer; unset: `error`
        SourceError error;
        QDateTime at;
        QStringList warnings; // the parser's, with an answer
    };
    void applyMemberAnswers(const QList<MemberAnswer>& answers);

    // --- GET /config and GET /history
    void applyDynamicConfig(const Patroni::DynamicConfig& config, const QDateTime& at);
    void recordConfigFailure(const SourceError& error, const QDateTime& at);
    void applyHistory(const QList<Patroni::HistoryEntry>& history, const QDateTime& at);
    void recordHistoryFailure(const SourceError& error, const QDateTime& at);
    void applyMetrics(const QString& member, const Patroni::Metrics& metrics, const QDateTime& at);
    void recordMetricsFailure(const SourceError& error, const QDateTime& at);
    // The REST API's verdict on the actions' credentials (see ApiAuthCheck); a request that got no
    // verdict (a network error) keeps the last one.
    void applyApiAuth(const ApiAuthCheck& check, const QDateTime& at);
    void recordApiAuthFailure(const SourceError& error, const QDateTime& at);

    // --- HAProxy's stats CSV and etcd's own view (both optional per profile)
    void configureSources(bool haproxy, bool etcd, const RouteNames& routes);
    void applyHaproxy(const Haproxy::Stats& stats, const QDateTime& at);
    void recordHaproxyFailure(const SourceError& error, const QDateTime& at);
    void applyEtcd(const EtcdView& etcd, const QDateTime& at);
    void recordEtcdFailure(const SourceError& error, const QDateTime& at);

    // --- PostgreSQL through libpq
    void configurePostgres(bool enabled) { m_state.postgresConfigured = enabled; }
    void setSettingsProblems(const QStringList& problems) { m_state.settingsProblems = problems; }
    void applyPostgres(const PostgresView& view, const QDateTime& at);
    void recordPostgresFailure(const SourceError& error, const QDateTime& at);

    const ClusterState& state() const { return m_state; }
    const ClusterView& view() const { return m_state.view; }
    bool hasView() const { return m_state.dcs.everSucceeded(); }
    bool isStale() const { return m_state.dcs.failing(); }
    const SourceError& lastError() const { return m_state.dcs.error; }
    QDateTime lastGoodAt() const { return m_state.dcs.lastSuccess; }
    QDateTime lastPollAt() const { return m_state.dcs.lastAttempt; }
    QString lastGoodSource() const { return m_lastGoodSource; }
    const QStringList& lastWarnings() const { return m_state.dcsWarnings; }
    // The DCS's single leader, or empty when it names none or more than one. What the console
    // believes (the node's own word and silence joined in) is effectiveLeader().
    QString leader() const;
    QString effectiveLeader() const;
    quint64 pollCount() const { return m_pollCount; }
    // Every failing cross-layer check, worst first, as of the last update.
    const QList<Finding>& findings() const { return m_findings; }
    void setThresholds(const Thresholds& thresholds) { m_thresholds = thresholds; }
    qint64 maximumLagOnFailover() const;

Q_SIGNALS:
    // A source's answer or failure was recorded (also when nothing in it changed: "last updated").
    void sourceUpdated(Cluster::SourceKind source);
    // These members' DCS entry or own answer changed (added ones included; removed ones are in
    // viewChanged). A view redraws their rows only.
    void membersUpdated(const QStringList& members);
    void viewChanged(const Cluster::ClusterView& previous, const Cluster::ClusterView& current);
    void stalenessChanged(bool stale);
    void leaderChanged(const QString& previous, const QString& current);
    void memberObservationChanged(const QString& member);
    void haproxyChanged();
    void etcdChanged();
    // Any change of state() at all: the coarse signal for views that redraw a summary.
    void stateChanged();
    // Every /cluster poll, good or bad: lets views refresh "last updated" without polling the store.
    void pollRecorded();
    void findingsChanged(const QList<Cluster::Finding>& findings);
    // What changed since the previous update, in the order it is best read (the journal stores these).
    void eventsDetected(const QList<Cluster::Event>& events);

private:
    void setError(const SourceError& error);
    void recordSource(SourceState* source, const SourceError& error, const QDateTime& at);
    void setMemberObservation(const QString& member, const MemberObservation& observation, const QDateTime& at);
    // Stores one answer; true when it changed what is known of the member. No signal, no checks.
    bool storeObservation(const QString& member, const MemberObservation& observation);
    MemberObservation observationFor(const MemberAnswer& answer) const;
    // Recomputes findings and events after any change of m_state.
    void reevaluate(const QDateTime& at);

    ClusterState m_state;
    QString m_lastGoodSource;
    quint64 m_pollCount = 0;
    QList<Finding> m_findings;
    Thresholds m_thresholds;
    ChangeDetector m_detector;
};

} // namespace Cluster
