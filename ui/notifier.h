#pragma once

#include "models/cluster/notification.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class QSystemTrayIcon;

namespace Session {
class ClusterSession;
}

namespace Ui {

// Desktop notifications (a tray icon's message) when a cluster's leader is lost or changes, or a
// critical finding is raised: Cluster::notificationFor() decides, this shows. Each cluster can be
// muted; the muted ones are kept in QSettings ("notifications/muted"). Without a system tray (a bare
// X server) nothing is shown, and notified() still tells.
class Notifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)
public:
    // A cluster's events are gathered this long before one notification is decided: a switchover
    // that the etcd watch shows as "leader lost" and, a tenth of a second later, "leader changed" is
    // one notification that the leader changed, not an alarm and then the all-clear.
    static constexpr int holdMs = 1500;

    explicit Notifier(QObject* parent = nullptr);
    ~Notifier() override;

    void setSessions(const QList<Session::ClusterSession*>& sessions);
    bool isMuted(const QString& cluster) const { return m_muted.contains(cluster); }
    void setMuted(const QString& cluster, bool muted);
    bool hasTray() const { return m_tray != nullptr; }

Q_SIGNALS:
    void notified(const QString& cluster, const Cluster::Notification& notification);

private:
    void decide(const QString& cluster);

    QList<QPointer<Session::ClusterSession>> m_sessions;
    QHash<QString, QList<Cluster::Event>> m_held; // per cluster, the events of the current hold
    QSet<QString> m_muted;
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace Ui
