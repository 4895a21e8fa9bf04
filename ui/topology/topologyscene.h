#pragma once

#include "models/cluster/topology.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPair>

namespace Ui {

class MemberNode;
class PortNode;
class EdgeItem;

// The cluster drawn: HAProxy's ports on the left with an edge to every server each one sends new
// connections to, the members in a column (the leader first, cascading replicas indented), and the
// replication edges on the right from each upstream to its replicas. Items live as long as what they
// show: an update changes them in place, so nothing flickers and the selection and the view's zoom
// stay as the user left them. It reads a Topology; it never writes anything.
class TopologyScene final : public QGraphicsScene {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)
public:
    explicit TopologyScene(QObject* parent = nullptr);
    ~TopologyScene() override;

    // `stale`: the DCS's view is the last known one (its source fails): drawn faded.
    void setTopology(const Cluster::Topology& topology, bool stale);
    void clearTopology();
    const Cluster::Topology& topology() const { return m_topology; }

    // What is drawn, for tests and accessibility: member names in drawing order, routing edges
    // (port -> member) and replication edges (upstream -> replica).
    QStringList memberNodes() const;
    QList<QPair<int, QString>> routingEdges() const;
    QList<QPair<QString, QString>> replicationEdges() const;
    // The text a member's node shows, line by line (as painted).
    QStringList memberLines(const QString& name) const;
    // The member drawn at a point of the scene; empty: none.
    QString memberAt(const QPointF& scenePos) const;
    QString selectedMember() const;
    void selectMember(const QString& name);

Q_SIGNALS:
    void memberSelected(const QString& name); // empty: nothing selected
    void layoutChanged(); // nodes were added, removed or moved: a view may fit again

private:
    void relayout();
    void updateEdges();

    Cluster::Topology m_topology;
    bool m_stale = false;
    QHash<QString, MemberNode*> m_members;
    QHash<int, PortNode*> m_ports;
    QHash<QString, EdgeItem*> m_edges; // "r:5000\x1fpatroni1", "p:patroni1\x1fpatroni2"
    QGraphicsSimpleTextItem* m_note = nullptr;
    QStringList m_order; // "name\x1fdepth" in the order they were laid out
    QList<int> m_portOrder;
};

} // namespace Ui
