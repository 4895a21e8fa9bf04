#pragma once

#include "models/cluster/assessment.h"
#include "models/cluster/profile.h"
#include "models/cluster/sessionhistory.h"

#include <QList>
#include <QObject>

#include <memory>

namespace Cluster {
class ClusterStore;
class Journal;
class LagHistory;
struct Event;
} // namespace Cluster
namespace Actions {
class Controller;
}
namespace ItemModels {
class EventLogModel;
class FindingsModel;
class MemberTableModel;
} // namespace ItemModels

namespace Session {

struct SessionOptions {
    // Where the journal lives (one JSON Lines file per profile name); empty: no journal (one-shot
    // commands such as `status`, tests).
    QString journalDirectory;
    int recentEvents = 500; // the event model's capacity
    int journalTail = 200; // events read back from the journal when the event model is created
    int recentInMemory = 50; // without a journal: events kept for a model created later
};

// One cluster as the window, the CLI and everything later see it: its profile, its store (what the
// console believes), its item models, its journal, its lag history. The sources that feed the store
// belong to a subclass in app/ (LiveSession), so this part builds and tests without a network.
// Sessions are independent: each has its own store and history, and nothing here waits on another.
class ClusterSession : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)
public:
    ClusterSession(const Cluster::Profile& profile, const SessionOptions& options, QObject* parent = nullptr);
    ~ClusterSession() override;

    // The saved profile's own name: it keys the keychain entries and the journal.
    QString name() const { return m_profile.name; }
    const Cluster::Profile& profile() const { return m_profile; }
    Cluster::ClusterStore* store() const { return m_store; }
    Cluster::LagHistory* lagHistory() const { return m_history.get(); }
    // HAProxy's sessions per member over the last hour, at each good stats read.
    Cluster::SessionHistory* sessionHistory() const { return m_sessions.get(); }
    Cluster::Journal* journal() const { return m_journal.get(); } // null without a journal directory
    // Created on first use: a fleet of hundreds keeps item models only for the clusters looked at.
    // The event model starts from the journal's tail (or, without a journal, the last events kept in
    // memory) and then takes every new event.
    ItemModels::EventLogModel* eventModel();
    ItemModels::MemberTableModel* memberModel();
    ItemModels::FindingsModel* findingsModel();

    // The newest `limit` events, oldest first: the journal's, or without one those kept in memory.
    QList<Cluster::Event> recentEvents(int limit) const;
    // The passwords this session has been given (keychain, environment, a dialog): whatever the
    // console writes for people is searched for them (Snapshot::Redactor). Never written anywhere.
    QStringList secretsInUse() const { return m_secrets; }

    // Cluster::summarize() of the store, cached until the store changes.
    const Cluster::ClusterSummary& summary() const;

    // The one place this cluster's actions go out (created on first use); null where the session
    // cannot act (a session fed by a test, a replayed state).
    virtual Actions::Controller* actions() { return nullptr; }

    virtual void start() = 0; // poll continuously
    virtual void stop() = 0;
    virtual void pollOnce() = 0; // every source once; roundFinished() when all have answered

    // The journal's file for a profile name in a directory (the name made safe for a file name).
    static QString journalPath(const QString& directory, const QString& profileName);

Q_SIGNALS:
    // Every source has answered or failed once: after pollOnce(), and after the first round of start().
    void roundFinished();
    // The cluster's summary (health, headline, leader, counts) changed: a fleet list redraws this row.
    void summaryChanged();

protected:
    void handleEvents(const QList<Cluster::Event>& events);
    void recordLag();
    void rememberSecret(const QString& secret)
    {
        if (!secret.isEmpty() && !m_secrets.contains(secret))
            m_secrets.append(secret);
    }

private:
    Cluster::Profile m_profile;
    Cluster::ClusterStore* m_store;
    std::unique_ptr<Cluster::LagHistory> m_history;
    std::unique_ptr<Cluster::SessionHistory> m_sessions;
    std::unique_ptr<Cluster::Journal> m_journal;
    SessionOptions m_options;
    ItemModels::EventLogModel* m_events = nullptr;
    QList<Cluster::Event> m_recent; // without a journal: the newest events, for a model and snapshots
    QStringList m_secrets;
    ItemModels::MemberTableModel* m_members = nullptr;
    ItemModels::FindingsModel* m_findings = nullptr;
    mutable std::optional<Cluster::ClusterSummary> m_summary;
    quint64 m_lagRecords = 0;
};

} // namespace Session
