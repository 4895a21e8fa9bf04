#pragma once

#include "models/actions/action.h"
#include "models/cluster/member.h"
#include "models/snapshot/snapshot.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLineEdit;
class QMenu;
class QSplitter;
class QListView;
class QTableView;
class QToolBar;

namespace ItemModels {
class FleetModel;
}
namespace Session {
class ClusterEditor;
class ClusterSession;
} // namespace Session

namespace Ui {

class ActionDialog;
class AuditDialog;
class RollingRestartDialog;
class ClusterPage;
class Notifier;
class FleetProxy;

// The console's window: the fleet on the left (every session, worst first, filterable) and the
// selected cluster's page on the right. It takes sessions and reads them; it never writes them.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(const QList<Session::ClusterSession*>& sessions, const QString& title, QWidget* parent = nullptr);

    void showSession(Session::ClusterSession* session);
    // The fleet changed (a cluster added, changed or removed): the list follows, the shown one stays.
    void setSessions(const QList<Session::ClusterSession*>& sessions);
    // Adds the Cluster menu (add, edit, remove) that works through `editor`.
    void setEditor(Session::ClusterEditor* editor);
    // The window's size and layout and the cluster shown, as the user left them (QSettings); the
    // composition root restores them except for --screenshot, which wants the default layout.
    void restoreWindowState();
    void saveWindowState() const;
    void addCluster();
    void editCluster();
    void removeCluster();
    Session::ClusterSession* currentSession() const;
    // File → Export snapshot: asks where and in which format, then exportSnapshot().
    void exportSnapshotInteractively();
    // Writes the shown cluster's snapshot (PNG: the page as shown). Failures are said in a message
    // box (unless `quiet`) and returned; nothing partial is left.
    QString exportSnapshot(const QString& path, Snapshot::Format format, bool quiet = false);

    // The action's dialog for the cluster shown (review, confirm, send, verify), left open beside the
    // window; null when the cluster shown cannot act.
    ActionDialog* openAction(const Actions::Request& request);
    ActionDialog* openMemberAction(Actions::Kind kind, const QString& member);
    // The member's actions (a right click on it in the picture or the table).
    QMenu* memberMenu(const QString& member, QWidget* parent);
    AuditDialog* openAuditLog();
    // The guided rolling restart of the cluster shown (pendingOnly: the members that need it).
    RollingRestartDialog* openRollingRestart(bool pendingOnly);
    QMenu* actionsMenu() const { return m_actionsMenu; }
    QToolBar* actionsToolBar() const { return m_toolBar; }

    // Something the user must know once (a damaged settings file set aside, no keychain): a message
    // box that does not block, and the status bar. The last one said, for tests.
    void showNotice(const QString& title, const QString& text);
    QString lastNotice() const { return m_lastNotice; }

    ClusterPage* page() const { return m_page; }
    Notifier* notifier() const { return m_notifier; }
    QListView* fleetView() const { return m_fleet; }
    QTableView* memberView() const;
    QListView* findingsView() const;
    QListView* eventsView() const;
    QString bannerText() const;
    Cluster::Health bannerHealth() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createViewMenu();
    void createActionsMenu();
    void updateActionStates();
    void watchController(Session::ClusterSession* session);
    // The cluster shown, if it can act (else said in the status bar, and null).
    Session::ClusterSession* actingSession();
    template <typename Dialog, typename... Args> Dialog* openBeside(Args&&... args);
    ItemModels::FleetModel* m_fleetModel;
    FleetProxy* m_fleetProxy;
    QListView* m_fleet;
    QLineEdit* m_filter;
    ClusterPage* m_page;
    QWidget* m_fleetBox;
    QSplitter* m_splitter = nullptr;
    Notifier* m_notifier = nullptr;
    QMenu* m_clusterMenu = nullptr;
    QAction* m_notifyAction = nullptr;
    QPointer<Session::ClusterEditor> m_editor;
    QMenu* m_actionsMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QList<std::pair<QAction*, std::function<bool(Session::ClusterSession*, const QString&)>>> m_enablers;
    QList<QObject*> m_watchedControllers;
    QPointer<AuditDialog> m_audit;
    QString m_lastNotice;
};

} // namespace Ui
