#pragma once

#include "models/actions/action.h"
#include "models/cluster/member.h"
#include "models/session/clustersession.h"

#include <QPointer>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QSplitter;
class QLineEdit;
class QListView;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace ItemModels {
class EventFilterModel;
class MemberSortModel;
} // namespace ItemModels

namespace Ui {

class DetailTree;
class FindingStyleProxy;
class LagChart;
class SessionsChart;
class MemberStyleProxy;
class TopologyScene;
class TopologyView;

// One cluster's page: a health banner a DBA reads in one second (Cluster::summarize(): the same
// words as the fleet list and `status`), the findings under it, the members, what just changed, and
// a line that says where the data came from and how fresh it is. It reads the session; it never
// writes it.
class ClusterPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterPage)
public:
    explicit ClusterPage(QWidget* parent = nullptr);

    void setSession(Session::ClusterSession* session);
    Session::ClusterSession* session() const { return m_session; }

    QTableView* memberView() const { return m_table; }
    QListView* findingsView() const { return m_findings; }
    QListView* eventsView() const { return m_events; }
    QString bannerText() const;
    Cluster::Health bannerHealth() const { return m_bannerHealth; }
    QString statusText() const;
    // Splitter sizes, the tab and the chart's range and unit, as one value for QSettings.
    QVariantMap layoutState() const;
    void restoreLayoutState(const QVariantMap& state);
    // Brings a part of the page forward and gives it the keyboard focus (the View menu's shortcuts).
    enum class Part { Topology, Members, LagChart, Events, MemberDetails, Haproxy, Etcd };
    void focusPart(Part part);
    TopologyScene* topologyScene() const { return m_scene; }
    TopologyView* topologyView() const { return m_topology; }
    LagChart* lagChart() const { return m_lagChart; }
    SessionsChart* sessionsChart() const { return m_sessionsChart; }
    DetailTree* memberDetails() const { return m_memberDetails; }
    QWidget* memberTab() const { return m_memberTab; } // the details and the member's action buttons
    // The member shown in detail (chosen in the picture or the table); empty: none.
    QString selectedMember() const { return m_selected; }
    QPushButton* memberActionButton(Actions::Kind kind) const;
    DetailTree* haproxyPanel() const { return m_haproxyPanel; }
    DetailTree* etcdPanel() const { return m_etcdPanel; }
    QTabWidget* detailTabs() const { return m_tabs; }
    ItemModels::EventFilterModel* eventFilter() const { return m_eventFilter; }

Q_SIGNALS:
    // A right click on a member in the picture or the table (it is selected first).
    void memberMenuRequested(const QString& member, const QPoint& globalPos);
    // A button under the member's details.
    void memberActionRequested(Actions::Kind kind, const QString& member);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void fitFindings();
    void updateTopology();
    void updateDetails();
    void updateMemberDetails(const Cluster::ClusterState& state, const QDateTime& now);
    void updateHaproxyPanel(const Cluster::ClusterState& state);
    void updateEtcdPanel(const Cluster::ClusterState& state);
    void selectMember(const QString& name);
    void updateMemberButtons();

    QPointer<Session::ClusterSession> m_session;
    QLabel* m_banner;
    QListView* m_findings;
    FindingStyleProxy* m_findingsProxy;
    QListView* m_events;
    FindingStyleProxy* m_eventsProxy;
    ItemModels::EventFilterModel* m_eventFilter;
    QLineEdit* m_eventText;
    QComboBox* m_eventKind;
    QComboBox* m_eventSeverity;
    QTableView* m_table;
    MemberStyleProxy* m_proxy;
    ItemModels::MemberSortModel* m_sort;
    QLabel* m_statusLabel;
    QTimer* m_ageTimer;
    TopologyScene* m_scene;
    TopologyView* m_topology;
    LagChart* m_lagChart;
    SessionsChart* m_sessionsChart;
    QTabWidget* m_charts;
    QTimer* m_topologyTimer;
    QTabWidget* m_tabs;
    DetailTree* m_memberDetails;
    QWidget* m_memberTab;
    QList<std::pair<Actions::Kind, QPushButton*>> m_memberButtons;
    DetailTree* m_haproxyPanel;
    DetailTree* m_etcdPanel;
    QString m_selected; // the member shown in detail
    QList<QSplitter*> m_splitters;
    Cluster::Health m_bannerHealth = Cluster::Health::Unknown;
};

} // namespace Ui
