#include "models/cluster/clusterstore.h"

#include "models/cluster/assessment.h"

using namespace Qt::StringLiterals;

namespace Cluster {

ClusterStore::ClusterStore(QObject* parent)
    : QObject(parent)
{
}

void ClusterStore::applyClusterView(
    const ClusterView& view, const QString& source, const QDateTime& at, const QStringList& warnings)
{
    ++m_pollCount;
    m_state.dcsWarnings = warnings;
    m_state.dcs.lastAttempt = at;
    const bool firstView = !m_state.dcs.everSucceeded();
    m_state.dcs.lastSuccess = at;
    m_lastGoodSource = source;
    const QString previousLeader = leader();
    QStringList changedMembers;
    if (firstView || view != m_state.view) {
        for (const Member& m : view.members) {
            const Member* was = m_state.view.member(m.name);
            if (!was || *was != m)
                changedMembers.append(m.name);
        }
        const ClusterView previous = std::exchange(m_state.view, view);
        // A member the DCS no longer lists is no longer ours to watch.
        for (auto it = m_state.members.begin(); it != m_state.members.end();) {
            if (!m_state.view.member(it.key()))
                it = m_state.members.erase(it);
            else
                ++it;
        }
        Q_EMIT viewChanged(previous, m_state.view);
    }
    setError(SourceError {});
    const QString currentLeader = leader();
    // Only a change the console saw happen has a time: the first view does not say since when the DCS
    // names its leader (a one-shot `status` must not grant a promotion grace to a leader that has
    // long since demoted itself).
    if (!firstView && currentLeader != previousLeader)
        m_state.leaderSince = at;
    if (currentLeader != previousLeader)
        Q_EMIT leaderChanged(previousLeader, currentLeader);
    reevaluate(at);
    if (!changedMembers.isEmpty())
        Q_EMIT membersUpdated(changedMembers);
    Q_EMIT sourceUpdated(SourceKind::Patroni);
    Q_EMIT stateChanged();
    Q_EMIT pollRecorded();
}

void ClusterStore::recordFailure(const SourceError& error, const QDateTime& at)
{
    ++m_pollCount;
    m_state.dcs.lastAttempt = at;
    setError(error);
    reevaluate(at);
    Q_EMIT sourceUpdated(SourceKind::Patroni);
    Q_EMIT stateChanged();
    Q_EMIT pollRecorded();
}

void ClusterStore::applyMemberStatus(
    const QString& member, const QUrl& apiUrl, const Patroni::MemberStatus& status, const QDateTime& at)
{
    setMemberObservation(member, observationFor({ member, apiUrl, status, {}, at, {} }), at);
}

void ClusterStore::recordMemberFailure(
    const QString& member, const QUrl& apiUrl, const SourceError& error, const QDateTime& at)
{
    setMemberObservation(member, observationFor({ member, apiUrl, std::nullopt, error, at, {} }), at);
}

bool ClusterStore::storeObservation(const QString& member, const MemberObservation& observation)
{
    const auto it = m_state.members.constFind(member);
    const bool changed = it == m_state.members.constEnd() || it->status != observation.status
        || it->source.error != observation.source.error || it->apiUrl != observation.apiUrl
        || it->warnings != observation.warnings;
    m_state.members.insert(member, observation);
    return changed;
}

void ClusterStore::setMemberObservation(
    const QString& member, const MemberObservation& observation, const QDateTime& at)
{
    // Only members the DCS lists: an answer that arrives after the member left is history.
    if (!m_state.view.member(member))
        return;
    const bool changed = storeObservation(member, observation);
    reevaluate(at);
    Q_EMIT memberObservationChanged(member);
    if (changed)
        Q_EMIT membersUpdated({ member });
    Q_EMIT stateChanged();
}

MemberObservation ClusterStore::observationFor(const MemberAnswer& a) const
{
    MemberObservation o = m_state.members.value(a.member);
    o.apiUrl = a.apiUrl;
    o.source.lastAttempt = a.at;
    if (a.status) {
        o.status = a.status;
        o.warnings = a.warnings;
        o.source.lastSuccess = a.at;
        o.source.error = SourceError {};
    } else {
        o.source.error = a.error;
    }
    return o;
}

void ClusterStore::applyMemberAnswers(const QList<MemberAnswer>& answers)
{
    QStringList changed;
    QStringList answered;
    QDateTime latest;
    for (const MemberAnswer& a : answers) {
        if (!m_state.view.member(a.member))
            continue;
        if (storeObservation(a.member, observationFor(a)))
            changed.append(a.member);
        answered.append(a.member);
        if (!latest.isValid() || a.at > latest)
            latest = a.at;
    }
    if (answered.isEmpty())
        return;
    reevaluate(latest);
    for (const QString& m : std::as_const(answered))
        Q_EMIT memberObservationChanged(m);
    if (!changed.isEmpty())
        Q_EMIT membersUpdated(changed);
    Q_EMIT stateChanged();
}

void ClusterStore::configureSources(bool haproxy, bool etcd, const RouteNames& routes)
{
    m_state.haproxyConfigured = haproxy;
    m_state.etcdConfigured = etcd;
    m_state.routes = routes;
}

void ClusterStore::applyHaproxy(const Haproxy::Stats& stats, const QDateTime& at)
{
    m_state.haproxy = stats;
    recordSource(&m_state.haproxySource, {}, at);
    reevaluate(at);
    Q_EMIT haproxyChanged();
    Q_EMIT sourceUpdated(SourceKind::Haproxy);
    Q_EMIT stateChanged();
}

void ClusterStore::recordHaproxyFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.haproxySource, error, at);
    reevaluate(at);
    Q_EMIT haproxyChanged();
    Q_EMIT sourceUpdated(SourceKind::Haproxy);
    Q_EMIT stateChanged();
}

void ClusterStore::applyEtcd(const EtcdView& etcd, const QDateTime& at)
{
    m_state.etcd = etcd;
    recordSource(&m_state.etcdSource, {}, at);
    reevaluate(at);
    Q_EMIT etcdChanged();
    Q_EMIT sourceUpdated(SourceKind::Etcd);
    Q_EMIT stateChanged();
}

void ClusterStore::recordEtcdFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.etcdSource, error, at);
    reevaluate(at);
    Q_EMIT etcdChanged();
    Q_EMIT sourceUpdated(SourceKind::Etcd);
    Q_EMIT stateChanged();
}

void ClusterStore::applyPostgres(const PostgresView& view, const QDateTime& at)
{
    m_state.postgres = view;
    recordSource(&m_state.postgresSource, {}, at);
    reevaluate(at);
    Q_EMIT sourceUpdated(SourceKind::Postgres);
    Q_EMIT stateChanged();
}

void ClusterStore::recordPostgresFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.postgresSource, error, at);
    reevaluate(at);
    Q_EMIT sourceUpdated(SourceKind::Postgres);
    Q_EMIT stateChanged();
}

void ClusterStore::applyDynamicConfig(const Patroni::DynamicConfig& config, const QDateTime& at)
{
    m_state.config = config;
    recordSource(&m_state.configSource, {}, at);
    reevaluate(at);
    Q_EMIT sourceUpdated(SourceKind::PatroniConfig);
    Q_EMIT stateChanged();
}

void ClusterStore::recordConfigFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.configSource, error, at);
    Q_EMIT sourceUpdated(SourceKind::PatroniConfig);
    Q_EMIT stateChanged();
}

void ClusterStore::applyHistory(const QList<Patroni::HistoryEntry>& history, const QDateTime& at)
{
    recordSource(&m_state.historySource, {}, at);
    if (history != m_state.history) {
        m_state.history = history;
        reevaluate(at);
    }
    Q_EMIT sourceUpdated(SourceKind::PatroniHistory);
    Q_EMIT stateChanged();
}

void ClusterStore::recordHistoryFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.historySource, error, at);
    Q_EMIT sourceUpdated(SourceKind::PatroniHistory);
    Q_EMIT stateChanged();
}

void ClusterStore::recordMetricsFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.metricsSource, error, at);
    Q_EMIT sourceUpdated(SourceKind::PatroniMetrics);
    Q_EMIT stateChanged();
}

void ClusterStore::applyApiAuth(const ApiAuthCheck& check, const QDateTime& at)
{
    recordSource(&m_state.apiAuthSource, {}, at);
    if (check != m_state.apiAuth) {
        m_state.apiAuth = check;
        reevaluate(at);
    }
    Q_EMIT sourceUpdated(SourceKind::PatroniAuth);
    Q_EMIT stateChanged();
}

void ClusterStore::recordApiAuthFailure(const SourceError& error, const QDateTime& at)
{
    recordSource(&m_state.apiAuthSource, error, at);
    Q_EMIT sourceUpdated(SourceKind::PatroniAuth);
    Q_EMIT stateChanged();
}

void ClusterStore::recordSource(SourceState* source, const SourceError& error, const QDateTime& at)
{
    source->lastAttempt = at;
    source->error = error;
    if (!error.isError())
        source->lastSuccess = at;
}

void ClusterStore::applyMetrics(const QString& member, const Patroni::Metrics& metrics, const QDateTime& at)
{
    QMap<QString, double> flat;
    for (const Patroni::MetricSample& sample : metrics.samples) {
        QStringList labels;
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
            labels.append(it.key() + u"=\""_s + it.value() + u'"');
        flat.insert(labels.isEmpty() ? sample.name : sample.name + u'{' + labels.join(u',') + u'}', sample.value);
    }
    m_state.metricsMember = member;
    m_state.metrics = std::move(flat);
    recordSource(&m_state.metricsSource, {}, at);
    Q_EMIT sourceUpdated(SourceKind::PatroniMetrics);
    Q_EMIT stateChanged();
}

qint64 ClusterStore::maximumLagOnFailover() const
{
    // The cluster's own setting when known: that is the limit Patroni itself applies.
    if (m_state.config && m_state.config->maximumLagOnFailover)
        return *m_state.config->maximumLagOnFailover;
    return m_thresholds.defaultMaximumLagOnFailover;
}

void ClusterStore::reevaluate(const QDateTime& at)
{
    Thresholds limits = m_thresholds;
    limits.defaultMaximumLagOnFailover = maximumLagOnFailover();
    QList<Finding> findings = evaluateFindings(m_state, at, limits);
    const QList<Event> events = m_detector.update(m_state, findings, at, maximumLagOnFailover());
    if (findings != m_findings) {
        m_findings = std::move(findings);
        Q_EMIT findingsChanged(m_findings);
    }
    if (!events.isEmpty())
        Q_EMIT eventsDetected(events);
}

QString ClusterStore::effectiveLeader() const
{
    return Cluster::effectiveLeader(m_state, m_thresholds.promotionGraceSeconds);
}

QString ClusterStore::leader() const
{
    const QStringList leaders = m_state.view.leaders();
    return leaders.size() == 1 ? leaders.first() : QString();
}

void ClusterStore::setError(const SourceError& error)
{
    const bool wasStale = isStale();
    m_state.dcs.error = error;
    if (wasStale != isStale())
        Q_EMIT stalenessChanged(isStale());
}

} // namespace Cluster
