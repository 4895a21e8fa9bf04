#include "models/session/clustersession.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/journal.h"
#include "models/cluster/laghistory.h"
#include "models/itemmodels/eventlogmodel.h"
#include "models/itemmodels/findingsmodel.h"
#include "models/itemmodels/membertablemodel.h"

#include <QDebug>

using namespace Qt::StringLiterals;

namespace Session {

QString ClusterSession::journalPath(const QString& directory, const QString& profileName)
{
    QString safe = profileName;
    for (QChar& c : safe) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            c = u'_';
    }
    if (safe.startsWith(u'.'))
        safe.prepend(u'_');
    return directory + u'/' + safe + u".jsonl"_s;
}

ClusterSession::ClusterSession(const Cluster::Profile& profile, const SessionOptions& options, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(new Cluster::ClusterStore(this))
    , m_history(std::make_unique<Cluster::LagHistory>())
    , m_sessions(std::make_unique<Cluster::SessionHistory>())
    , m_options(options)
{
    if (!options.journalDirectory.isEmpty())
        m_journal = std::make_unique<Cluster::Journal>(journalPath(options.journalDirectory, profile.name));
    connect(m_store, &Cluster::ClusterStore::eventsDetected, this, &ClusterSession::handleEvents);
    connect(m_store, &Cluster::ClusterStore::sourceUpdated, this, [this](Cluster::SourceKind source) {
        if (source == Cluster::SourceKind::Patroni)
            recordLag();
        const Cluster::ClusterState& state = m_store->state();
        if (source == Cluster::SourceKind::Haproxy && state.haproxy && !state.haproxySource.failing())
            m_sessions->record(state.haproxySource.lastSuccess, Cluster::sessionsByServer(state));
    });
    connect(m_store, &Cluster::ClusterStore::stateChanged, this, [this] {
        std::optional<Cluster::ClusterSummary> before = std::move(m_summary);
        m_summary.reset();
        if (!before || *before != summary())
            Q_EMIT summaryChanged();
    });
}

ClusterSession::~ClusterSession() = default;

ItemModels::EventLogModel* ClusterSession::eventModel()
{
    if (!m_events) {
        m_events = new ItemModels::EventLogModel(m_options.recentEvents, this);
        // What happened before the page was opened (also while the console was closed).
        m_events->append(m_journal ? m_journal->read(m_options.journalTail) : m_recent);
        // Patroni's own record of promotions, merged in as it is read.
        m_events->mergeHistory(m_store->state().history);
        connect(m_store, &Cluster::ClusterStore::sourceUpdated, m_events, [this](Cluster::SourceKind source) {
            if (source == Cluster::SourceKind::PatroniHistory)
                m_events->mergeHistory(m_store->state().history);
        });
    }
    return m_events;
}

ItemModels::MemberTableModel* ClusterSession::memberModel()
{
    if (!m_members) {
        m_members = new ItemModels::MemberTableModel(this);
        m_members->setStore(m_store);
    }
    return m_members;
}

ItemModels::FindingsModel* ClusterSession::findingsModel()
{
    if (!m_findings) {
        m_findings = new ItemModels::FindingsModel(this);
        m_findings->setStore(m_store);
    }
    return m_findings;
}

QList<Cluster::Event> ClusterSession::recentEvents(int limit) const
{
    if (m_journal)
        return m_journal->read(limit);
    return m_recent.mid(std::max<qsizetype>(0, m_recent.size() - limit));
}

const Cluster::ClusterSummary& ClusterSession::summary() const
{
    if (!m_summary)
        m_summary = Cluster::summarize(m_store->state(), m_store->findings());
    return *m_summary;
}

void ClusterSession::handleEvents(const QList<Cluster::Event>& events)
{
    if (m_events)
        m_events->append(events);
    if (!m_journal) {
        m_recent += events;
        if (m_recent.size() > m_options.recentInMemory)
            m_recent.remove(0, m_recent.size() - m_options.recentInMemory);
    }
    for (const Cluster::Event& e : events) {
        if (e.kind == Cluster::EventKind::LeaderChanged || e.kind == Cluster::EventKind::LeaderLost
            || e.kind == Cluster::EventKind::TimelineChanged)
            m_history->mark(e);
    }
    if (m_journal) {
        QString error;
        if (!m_journal->append(events, &error))
            qWarning().noquote() << "patroni-console:" << m_profile.name << error;
    }
}

void ClusterSession::recordLag()
{
    const Cluster::ClusterState& state = m_store->state();
    if (state.dcs.failing())
        return; // the last good view again: nothing new to record
    const QDateTime at = state.dcs.lastSuccess;
    for (const Cluster::MemberView& v : Cluster::memberViews(state, m_store->findings())) {
        if (v.isLeader())
            continue;
        m_history->record(v.name, at, v.lagUnknown ? std::nullopt : v.lagBytes, v.lagSeconds);
    }
    // Everything past the retention (a member that left keeps its history until then), now and then
    // rather than every poll.
    if (++m_lagRecords % 600 == 0)
        m_history->prune(at);
}

} // namespace Session
