#pragma once

#include <QMainWindow>

class QLabel;
class QListView;
class QTableView;
class QTimer;

namespace Cluster {
class ClusterStore;
}
namespace ItemModels {
class EventLogModel;
class FindingsModel;
class MemberTableModel;
} // namespace ItemModels

namespace Ui {

class FindingStyleProxy;
class MemberStyleProxy;

// The console's window: a health banner a DBA reads in one second, the member table, and a status
// line that says where the data came from and how fresh it is. It reads the store; it never writes it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(Cluster::ClusterStore* store, ItemModels::MemberTableModel* members, ItemModels::FindingsModel* findings,
        ItemModels::EventLogModel* events, const QString& clusterLabel, QWidget* parent = nullptr);

    QTableView* memberView() const { return m_table; }
    QListView* findingsView() const { return m_findings; }
    QListView* eventsView() const { return m_events; }
    QString bannerText() const;

private:
    void handleStoreUpdated();

    Cluster::ClusterStore* m_store;
    QString m_clusterLabel;
    QLabel* m_banner;
    QListView* m_findings;
    FindingStyleProxy* m_findingsProxy;
    QListView* m_events;
    FindingStyleProxy* m_eventsProxy;
    QTableView* m_table;
    MemberStyleProxy* m_proxy;
    QLabel* m_statusLabel;
    QTimer* m_ageTimer;
};

} // namespace Ui
