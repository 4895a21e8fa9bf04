#pragma once

#include "models/cluster/clusterstate.h"
#include "models/cluster/finding.h"
#include "models/cluster/profile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Session {

// One source's answer to "Test connection", in words.
struct SourceCheck {
    QString source; // "Patroni", "HAProxy", "etcd", "PostgreSQL"
    bool ok = false;
    QString message;
    friend bool operator==(const SourceCheck&, const SourceCheck&) = default;
};

// What one round of every configured source found, source by source: what answered and what it
// said, or why it did not. `state` and `findings` are a session's after its first round.
QList<SourceCheck> connectionReport(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings);

// Passwords typed into the dialog, by Cluster::SecretKind; a kind that is absent is left as it is.
using Passwords = QHash<Cluster::SecretKind, QString>;

// Adding, changing and removing saved clusters, for the window's dialog. The window knows only this
// interface; app/ implements it with the settings, the keychain and a throw-away session for tests.
// Every call answers with a signal; nothing is saved half-done: the passwords go to the keychain
// first, and the profile is saved only when they are there.
class ClusterEditor : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterEditor)
public:
    explicit ClusterEditor(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    virtual QStringList names() const = 0;
    virtual std::optional<Cluster::Profile> profile(const QString& name) const = 0;
    // One round of every source the profile names, with these passwords (or the keychain's for those
    // not given): tested().
    virtual void test(const Cluster::Profile& profile, const Passwords& passwords) = 0;
    // isNew: refuse a name that is taken. saved() with no problems when it is stored.
    virtual void save(const Cluster::Profile& profile, bool isNew, const Passwords& passwords) = 0;
    // The keychain entries first, then the profile: removed().
    virtual void remove(const QString& name) = 0;

Q_SIGNALS:
    void tested(const QList<Session::SourceCheck>& results);
    void saved(const QString& name, const QStringList& problems);
    void removed(const QString& name, const QStringList& problems);
};

} // namespace Session
