#include "ui/topology/topologyscene.h"

#include "ui/palette.h"
#include "ui/plaintooltip.h"

#include "models/cluster/plaintext.h"
#include "models/itemmodels/membertablemodel.h"

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    constexpr qreal memberWidth = 330;
    constexpr qreal memberHeight = 84;
    constexpr qreal memberGap = 22;
    constexpr qreal portWidth = 190;
    constexpr qreal portHeight = 62;
    constexpr qreal memberX = 330; // the members' column starts here; the ports sit at 0
    constexpr qreal cascadeIndent = 44;
    constexpr int nameChars = 64;

    QColor blend(const QColor& a, const QColor& b, qreal t)
    {
        return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
            a.blueF() * (1 - t) + b.blueF() * t);
    }

    QString lagText(const Cluster::MemberView& v)
    {
        if (v.isLeader())
            return {};
        QString text;
        if (v.lagUnknown)
            text = TopologyScene::tr("lag unknown");
        else if (v.lagBytes)
            text = TopologyScene::tr("lag %1").arg(ItemModels::displayBytes(*v.lagBytes));
        if (v.lagSeconds)
            text += (text.isEmpty() ? QString() : u" · "_s) + TopologyScene::tr("%L1 s").arg(*v.lagSeconds, 0, 'f', 1);
        return text;
    }

    QString linkWord(Cluster::LinkKind kind)
    {
        switch (kind) {
        case Cluster::LinkKind::Sync:
            return TopologyScene::tr("sync");
        case Cluster::LinkKind::Quorum:
            return TopologyScene::tr("quorum");
        case Cluster::LinkKind::Potential:
            return TopologyScene::tr("potential sync");
        case Cluster::LinkKind::Async:
            break;
        }
        return {};
    }
} // namespace

// ---- items

class MemberNode final : public QGraphicsItem {
public:
    explicit MemberNode(const QString& name)
        : m_name(name)
    {
        setFlag(ItemIsSelectable);
        setAcceptHoverEvents(true);
        setZValue(2);
    }
    QRectF boundingRect() const override { return QRectF(-3, -3, memberWidth + 6, memberHeight + 6); }

    void update(const Cluster::TopologyMember& m, const std::optional<int>& leaderTimeline, bool stale)
    {
        const Cluster::MemberView& v = m.view;
        QStringList lines;
        lines << Cluster::displayText(v.name, nameChars);
        // Only the leader the console believes in wears the crown; one that only the DCS still names
        // says so in red (Cluster::shownRole: the same words as the table).
        const QString role = Cluster::shownRole(v);
        QString second = v.state.isEmpty() ? TopologyScene::tr("no state") : Cluster::displayText(v.state, 40);
        if (v.timeline) {
            second += u" · "_s + TopologyScene::tr("TL %1").arg(*v.timeline);
            if (m.oldTimeline && leaderTimeline)
                second += TopologyScene::tr(" (leader on %1)").arg(*leaderTimeline);
        }
        if (v.pendingRestart)
            second += u" · "_s + TopologyScene::tr("restart pending");
        QString third = lagText(v);
        if (!m.tagBadges.isEmpty()) {
            QStringList badges;
            for (const QString& b : m.tagBadges)
                badges << Cluster::displayText(b, 40);
            third += (third.isEmpty() ? QString() : u"  "_s) + u"⚑ "_s + badges.join(u", "_s);
        }
        lines << second << third;
        const bool changed = lines != m_lines || role != m_role || v.role != m_roleKind || v.state != m_state
            || v.health != m_health || stale != m_stale || m.leader != m_leader || m.oldTimeline != m_oldTimeline
            || m.dcsCallsLeader != m_dcsLeader || (v.reach == Cluster::Reach::Silent) != m_silent;
        m_lines = lines;
        m_role = role;
        m_roleKind = v.role;
        m_state = v.state;
        m_health = v.health;
        m_stale = stale;
        m_leader = m.leader;
        m_oldTimeline = m.oldTimeline;
        m_dcsLeader = m.dcsCallsLeader;
        m_silent = v.reach == Cluster::Reach::Silent;

        QStringList tip;
        tip << TopologyScene::tr("%1 — %2, %3").arg(v.name, Cluster::roleName(v.role), v.state);
        if (v.reach == Cluster::Reach::Silent)
            tip << TopologyScene::tr("Its own REST API does not answer: shown as the DCS last listed it.");
        if (v.dcs.role != v.role || v.dcs.state != v.state)
            tip << TopologyScene::tr("The DCS (GET /cluster) lists it as %1, %2.").arg(v.dcs.roleText, v.dcs.state);
        tip << Cluster::explainState(v, m.upstream);
        if (!m.upstream.isEmpty() && !m.streaming)
            tip << TopologyScene::tr("Not seen streaming from %1.").arg(m.upstream);
        tip << m.findings;
        const QString toolTipText = plainToolTip(tip.join(u'\n'));
        if (toolTip() != toolTipText)
            setToolTip(toolTipText);
        if (changed)
            QGraphicsItem::update();
    }

    const QStringList& lines() const { return m_lines; }
    QString name() const { return m_name; }

    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        const QPalette pal = scene() ? scene()->palette() : QPalette();
        const QColor health = m_stale ? QColor(0x9e, 0x9e, 0x9e) : Palette::healthColor(m_health);
        const QRectF r(0, 0, memberWidth, memberHeight);
        p->setRenderHint(QPainter::Antialiasing);
        p->setOpacity(m_stale || m_silent ? 0.75 : 1.0);
        const bool selected = option->state & QStyle::State_Selected;
        p->setPen(QPen(selected ? pal.color(QPalette::Highlight) : health, selected ? 4 : (m_leader ? 3 : 2)));
        p->setBrush(blend(pal.color(QPalette::Base), health, m_health == Cluster::Health::Healthy ? 0.06 : 0.16));
        p->drawRoundedRect(r, 8, 8);
        // The health strip on the left.
        QPainterPath strip;
        strip.setFillRule(Qt::WindingFill);
        strip.addRoundedRect(QRectF(0, 0, 14, memberHeight), 8, 8);
        strip.addRect(QRectF(7, 0, 7, memberHeight));
        p->fillPath(strip, health);

        QFont nameFont = p->font();
        nameFont.setBold(true);
        nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
        QFont smallFont = p->font();
        const QColor text = pal.color(QPalette::Text);
        const qreal left = 24;
        const qreal inner = memberWidth - left - 10;

        // Line 1: name, and the role on the right.
        QFont roleFont = smallFont;
        roleFont.setBold(m_leader || m_dcsLeader);
        const QFontMetricsF roleMetrics(roleFont);
        const QString role = roleMetrics.elidedText(m_role, Qt::ElideRight, inner * 0.5);
        const qreal roleWidth = roleMetrics.horizontalAdvance(role);
        p->setFont(roleFont);
        p->setPen(m_dcsLeader ? Palette::healthColor(Cluster::Health::Critical) : text);
        p->drawText(QRectF(left, 6, inner, 26), Qt::AlignRight | Qt::AlignVCenter, role);
        p->setFont(nameFont);
        p->setPen(text);
        const QFontMetricsF nameMetrics(nameFont);
        // The name, then the role's icon after it (18 px and a gap kept free for it, so a long name is
        // elided before the icon rather than under it). The crown finds the leader at a glance, a database
        // a replica; only the leader the console believes in wears the crown, one that only the DCS still
        // names gets a question mark (its role text beside it says so in red).
        const qreal nameWidth = inner - roleWidth - 8 - 24;
        const QString name = nameMetrics.elidedText(m_lines.value(0), Qt::ElideRight, nameWidth);
        p->drawText(QRectF(left, 6, nameWidth, 26), Qt::AlignLeft | Qt::AlignVCenter, name);
        const qreal iconX = left + nameMetrics.horizontalAdvance(name) + 6;
        Palette::roleIcon(
            (m_dcsLeader || Cluster::isLeaderRole(m_roleKind)) && !m_leader ? Cluster::Role::Unknown : m_roleKind)
            .paint(p, QRect(int(iconX), 10, 18, 18));
        // Lines 2 and 3.
        const QFontMetricsF small(smallFont);
        p->setFont(smallFont);
        // Line 2 starts with the state's icon (running, streaming, on its way, stopped, failed, unreachable).
        Palette::stateIcon(m_state).paint(p, QRect(int(left), 37, 16, 16));
        p->setPen(m_oldTimeline ? Palette::healthColor(Cluster::Health::Critical) : text);
        p->drawText(QRectF(left + 20, 34, inner - 20, 22), Qt::AlignLeft | Qt::AlignVCenter,
            small.elidedText(m_lines.value(1), Qt::ElideRight, inner - 20));
        p->setPen(text);
        p->drawText(QRectF(left, 56, inner, 22), Qt::AlignLeft | Qt::AlignVCenter,
            small.elidedText(m_lines.value(2), Qt::ElideRight, inner));
    }

private:
    QString m_name;
    QStringList m_lines;
    QString m_role;
    Cluster::Role m_roleKind = Cluster::Role::Unknown;
    QString m_state;
    Cluster::Health m_health = Cluster::Health::Unknown;
    bool m_stale = false;
    bool m_leader = false;
    bool m_oldTimeline = false;
    bool m_dcsLeader = false;
    bool m_silent = false;
};

class PortNode final : public QGraphicsItem {
public:
    explicit PortNode(int port)
        : m_port(port)
    {
        setZValue(2);
    }
    QRectF boundingRect() const override { return QRectF(-2, -2, portWidth + 4, portHeight + 4); }

    void update(const Cluster::TopologyRoute& route, bool stale)
    {
        QString second = route.purpose;
        if (route.sessions)
            second += u" · "_s + TopologyScene::tr("%n session(s)", nullptr, int(*route.sessions));
        if (route.targets.isEmpty() && !stale)
            second = TopologyScene::tr("routes nowhere");
        const QString first = u":"_s + QString::number(route.port) + u"  "_s + Cluster::displayText(route.proxy, 24);
        const bool changed = first != m_first || second != m_second || route.health != m_health || stale != m_stale;
        m_first = first;
        m_second = second;
        m_health = route.health;
        m_stale = stale;
        QStringList tip;
        tip << TopologyScene::tr("HAProxy port %1 (%2, proxy \"%3\")").arg(route.port).arg(route.purpose, route.proxy);
        QStringList targets;
        for (const Cluster::RouteTarget& t : route.targets)
            targets << t.member + (t.goingDown ? TopologyScene::tr(" (checks failing)") : QString());
        tip << (targets.isEmpty() ? TopologyScene::tr("New connections go nowhere.")
                                  : TopologyScene::tr("New connections go to %1.").arg(targets.join(u", "_s)));
        if (stale)
            tip << TopologyScene::tr("HAProxy's stats page does not answer: this is the last known routing.");
        tip << route.findings;
        const QString toolTipText = plainToolTip(tip.join(u'\n'));
        if (toolTip() != toolTipText)
            setToolTip(toolTipText);
        if (changed)
            QGraphicsItem::update();
    }

    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        const QPalette pal = scene() ? scene()->palette() : QPalette();
        const QColor health = m_stale ? QColor(0x9e, 0x9e, 0x9e) : Palette::healthColor(m_health);
        p->setRenderHint(QPainter::Antialiasing);
        p->setOpacity(m_stale ? 0.75 : 1.0);
        p->setPen(QPen(health, m_health == Cluster::Health::Critical ? 3 : 2));
        p->setBrush(blend(pal.color(QPalette::Base), health, m_health == Cluster::Health::Healthy ? 0.06 : 0.18));
        p->drawRoundedRect(QRectF(0, 0, portWidth, portHeight), 6, 6);
        QFont big = p->font();
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.2);
        p->setFont(big);
        p->setPen(pal.color(QPalette::Text));
        const QFontMetricsF bm(big);
        p->drawText(QRectF(10, 4, portWidth - 20, 28), Qt::AlignLeft | Qt::AlignVCenter,
            bm.elidedText(m_first, Qt::ElideRight, portWidth - 20));
        QFont small = p->font();
        small.setBold(false);
        small.setPointSizeF(big.pointSizeF() / 1.2);
        p->setFont(small);
        if (m_health == Cluster::Health::Critical)
            p->setPen(Palette::healthColor(Cluster::Health::Critical));
        p->drawText(QRectF(10, 32, portWidth - 20, 24), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(small).elidedText(m_second, Qt::ElideRight, portWidth - 20));
    }

private:
    int m_port;
    QString m_first;
    QString m_second;
    Cluster::Health m_health = Cluster::Health::Unknown;
    bool m_stale = false;
};

class EdgeItem final : public QGraphicsItem {
public:
    EdgeItem() { setZValue(1); }
    QRectF boundingRect() const override { return m_bounds; }

    void set(const QPainterPath& path, const QPointF& tip, const QPointF& from, const QPen& pen, const QString& label,
        const QPointF& labelAt)
    {
        if (path == m_path && pen == m_pen && label == m_label && tip == m_tip && from == m_from)
            return;
        prepareGeometryChange();
        m_path = path;
        m_tip = tip;
        m_from = from;
        m_pen = pen;
        m_label = label;
        m_labelAt = labelAt;
        m_bounds = path.boundingRect().adjusted(-12, -12, 12, 12);
        if (!label.isEmpty())
            m_bounds = m_bounds.united(QRectF(labelAt - QPointF(4, 16), QSizeF(110, 22)));
        QGraphicsItem::update();
    }

    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(m_pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(m_path);
        // An arrowhead at the end, along the direction it arrives from.
        const QLineF dir(m_from, m_tip);
        if (dir.length() > 0.1) {
            const qreal angle = std::atan2(dir.dy(), dir.dx());
            const qreal size = 7 + m_pen.widthF();
            const QPointF a = m_tip - QPointF(std::cos(angle - 0.45) * size, std::sin(angle - 0.45) * size);
            const QPointF b = m_tip - QPointF(std::cos(angle + 0.45) * size, std::sin(angle + 0.45) * size);
            p->setPen(Qt::NoPen);
            p->setBrush(m_pen.color());
            p->drawPolygon(QPolygonF { m_tip, a, b });
        }
        if (!m_label.isEmpty()) {
            const QPalette pal = scene() ? scene()->palette() : QPalette();
            QFont f = p->font();
            f.setBold(true);
            p->setFont(f);
            p->setPen(m_pen.color());
            p->drawText(m_labelAt, m_label);
            Q_UNUSED(pal);
        }
    }

private:
    QPainterPath m_path;
    QPointF m_tip;
    QPointF m_from;
    QPen m_pen;
    QString m_label;
    QPointF m_labelAt;
    QRectF m_bounds;
};

// ---- the scene

TopologyScene::TopologyScene(QObject* parent)
    : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT memberSelected(selectedMember()); });
}

TopologyScene::~TopologyScene()
{
    // QGraphicsScene's destructor removes the items and reports the selection change: by then this is
    // no TopologyScene any more. Remove them while it still is, without a word.
    blockSignals(true);
    m_members.clear();
    m_ports.clear();
    m_edges.clear();
    m_note = nullptr;
    clear();
}

void TopologyScene::clearTopology()
{
    setTopology(Cluster::Topology {}, false);
}

void TopologyScene::setTopology(const Cluster::Topology& topology, bool stale)
{
    m_topology = topology;
    m_stale = stale;
    bool structure = false;

    // Members: keep the items of those still there, add the new, drop the gone.
    QSet<QString> present;
    for (const Cluster::TopologyMember& m : topology.members) {
        present.insert(m.view.name);
        MemberNode*& node = m_members[m.view.name];
        if (!node) {
            node = new MemberNode(m.view.name);
            addItem(node);
            structure = true;
        }
        node->update(m, topology.leaderTimeline, stale);
    }
    for (auto it = m_members.begin(); it != m_members.end();) {
        if (!present.contains(it.key())) {
            delete it.value();
            it = m_members.erase(it);
            structure = true;
        } else {
            ++it;
        }
    }
    QSet<int> ports;
    QList<int> portOrder;
    for (const Cluster::TopologyRoute& r : topology.routes) {
        ports.insert(r.port);
        portOrder.append(r.port);
        PortNode*& node = m_ports[r.port];
        if (!node) {
            node = new PortNode(r.port);
            addItem(node);
            structure = true;
        }
        node->update(r, stale || topology.haproxyStale || !topology.haproxyKnown);
    }
    for (auto it = m_ports.begin(); it != m_ports.end();) {
        if (!ports.contains(it.key())) {
            delete it.value();
            it = m_ports.erase(it);
            structure = true;
        } else {
            ++it;
        }
    }
    // The layout depends on the order and on each member's depth (a replica turning cascading moves).
    QStringList order;
    for (const Cluster::TopologyMember& m : topology.members)
        order.append(m.view.name + QChar(0x1f) + QString::number(m.cascading ? m.depth : 0));
    structure = structure || order != m_order || portOrder != m_portOrder;

    // A note where the ports would be when HAProxy is not watched.
    QString note;
    if (!topology.haproxyConfigured)
        note = tr("HAProxy is not watched:\nadd its stats URL to see\nwhere clients are sent");
    else if (!topology.haproxyKnown)
        note = tr("HAProxy's stats page has\nnot answered yet");
    if (note.isEmpty() != !m_note || (m_note && m_note->text() != note)) {
        delete m_note;
        m_note = nullptr;
        if (!note.isEmpty()) {
            m_note = addSimpleText(note);
            m_note->setBrush(palette().color(QPalette::PlaceholderText));
        }
        structure = true;
    }

    if (structure) {
        m_order = order;
        m_portOrder = portOrder;
        relayout();
    }
    updateEdges();
    if (structure)
        Q_EMIT layoutChanged();
}

void TopologyScene::relayout()
{
    qreal y = 0;
    for (const Cluster::TopologyMember& m : std::as_const(m_topology.members)) {
        MemberNode* node = m_members.value(m.view.name);
        const qreal indent = m.cascading ? cascadeIndent * std::max(1, m.depth - 1) : 0;
        node->setPos(memberX + indent, y);
        y += memberHeight + memberGap;
    }
    const qreal membersHeight = std::max<qreal>(memberHeight, y - memberGap);
    const int n = int(m_portOrder.size());
    const qreal portsHeight = n * portHeight + std::max(0, n - 1) * 30.0;
    qreal py = std::max<qreal>(0, (membersHeight - portsHeight) / 2);
    for (int port : std::as_const(m_portOrder)) {
        m_ports.value(port)->setPos(0, py);
        py += portHeight + 30;
    }
    if (m_note)
        m_note->setPos(0, std::max<qreal>(0, membersHeight / 2 - 30));
    // Room on the right for the replication arcs.
    int maxChildren = 0;
    QHash<QString, int> children;
    for (const Cluster::TopologyMember& m : std::as_const(m_topology.members)) {
        if (!m.upstream.isEmpty())
            maxChildren = std::max(maxChildren, ++children[m.upstream]);
    }
    qreal indent = 0;
    for (const Cluster::TopologyMember& m : std::as_const(m_topology.members))
        indent = std::max(indent, m.cascading ? cascadeIndent * std::max(1, m.depth - 1) : 0);
    const qreal right = memberX + memberWidth + indent + 40 + 26.0 * maxChildren + 70;
    setSceneRect(QRectF(-20, -20, right + 40, std::max(membersHeight, portsHeight) + 40));
}

void TopologyScene::updateEdges()
{
    QSet<QString> present;
    const QPalette pal = palette();
    const QColor normal = pal.color(QPalette::Text);
    const QColor route = QColor(0x19, 0x76, 0xd2);

    // Routing: port -> member, from the port's right edge to the member's left edge.
    for (const Cluster::TopologyRoute& r : std::as_const(m_topology.routes)) {
        PortNode* port = m_ports.value(r.port);
        if (!port)
            continue;
        const int portIndex = int(m_portOrder.indexOf(r.port));
        for (const Cluster::RouteTarget& t : r.targets) {
            MemberNode* member = t.known ? m_members.value(t.member) : nullptr;
            if (!member)
                continue;
            const QString key = u"r:%1\x1f%2"_s.arg(r.port).arg(t.member);
            present.insert(key);
            EdgeItem*& edge = m_edges[key];
            if (!edge) {
                edge = new EdgeItem;
                addItem(edge);
            }
            const QPointF from = port->pos() + QPointF(portWidth, portHeight / 2);
            const QPointF to = member->pos() + QPointF(0, memberHeight / 2 + (portIndex - 1) * 14);
            QPainterPath path(from);
            const qreal dx = (to.x() - from.x()) / 2;
            const QPointF c1(from.x() + dx, from.y());
            const QPointF c2(to.x() - dx, to.y());
            path.cubicTo(c1, c2, to);
            QPen pen(route, 2);
            if (m_stale || m_topology.haproxyStale)
                pen.setColor(QColor(0x9e, 0x9e, 0x9e));
            if (t.wrong) {
                pen = QPen(Palette::healthColor(Cluster::Health::Critical), 4, Qt::DashLine);
            } else if (t.goingDown) {
                pen = QPen(Palette::healthColor(Cluster::Health::Warning), 2, Qt::DotLine);
            }
            edge->set(path, to, c2, pen, QString(), {});
        }
    }

    // Replication: upstream -> replica, arcs on the right, nested by the replica's index.
    QHash<QString, int> childIndex;
    for (const Cluster::TopologyMember& m : std::as_const(m_topology.members)) {
        if (m.upstream.isEmpty())
            continue;
        MemberNode* up = m_members.value(m.upstream);
        MemberNode* down = m_members.value(m.view.name);
        if (!up || !down)
            continue;
        const int k = childIndex[m.upstream]++;
        const QString key = u"p:%1\x1f%2"_s.arg(m.upstream, m.view.name);
        present.insert(key);
        EdgeItem*& edge = m_edges[key];
        if (!edge) {
            edge = new EdgeItem;
            addItem(edge);
        }
        const QPointF from = up->pos() + QPointF(memberWidth, memberHeight / 2 + 10);
        const QPointF to = down->pos() + QPointF(memberWidth, memberHeight / 2 - 10);
        const qreal bulge = std::max(from.x(), to.x()) + 40 + 26.0 * k;
        QPainterPath path(from);
        const QPointF c1(bulge, from.y());
        const QPointF c2(bulge, to.y());
        path.cubicTo(c1, c2, to);
        qreal width = m.link == Cluster::LinkKind::Sync || m.link == Cluster::LinkKind::Quorum ? 3.5 : 2;
        QPen pen(normal, width);
        if (!m.streaming)
            pen = QPen(Palette::healthColor(m.view.reach == Cluster::Reach::Silent ? Cluster::Health::Critical
                                                                                   : Cluster::Health::Warning),
                2, Qt::DashLine);
        if (m_stale)
            pen.setColor(QColor(0x9e, 0x9e, 0x9e));
        // The arc's rightmost point (t = 0.5 of a symmetric cubic) is 3/4 of the way to the bulge.
        const QPointF mid(from.x() + (bulge - from.x()) * 0.75 + 4, (from.y() + to.y()) / 2 + 4);
        edge->set(path, to, c2, pen, linkWord(m.link), mid);
    }
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (!present.contains(it.key())) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
}

QStringList TopologyScene::memberNodes() const
{
    QStringList names;
    for (const QString& key : m_order)
        names.append(key.section(QChar(0x1f), 0, 0));
    return names;
}

QList<QPair<int, QString>> TopologyScene::routingEdges() const
{
    QList<QPair<int, QString>> out;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        if (!it.key().startsWith(u"r:"_s))
            continue;
        const QString rest = it.key().mid(2);
        const qsizetype gt = rest.indexOf(QChar(0x1f));
        out.append({ rest.left(gt).toInt(), rest.mid(gt + 1) });
    }
    std::sort(out.begin(), out.end());
    return out;
}

QList<QPair<QString, QString>> TopologyScene::replicationEdges() const
{
    QList<QPair<QString, QString>> out;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        if (!it.key().startsWith(u"p:"_s))
            continue;
        const QString rest = it.key().mid(2);
        const qsizetype gt = rest.indexOf(QChar(0x1f));
        out.append({ rest.left(gt), rest.mid(gt + 1) });
    }
    std::sort(out.begin(), out.end());
    return out;
}

QStringList TopologyScene::memberLines(const QString& name) const
{
    const MemberNode* node = m_members.value(name);
    return node ? node->lines() : QStringList();
}

QString TopologyScene::selectedMember() const
{
    for (QGraphicsItem* item : selectedItems()) {
        for (auto it = m_members.cbegin(); it != m_members.cend(); ++it) {
            if (it.value() == item)
                return it.key();
        }
    }
    return {};
}

QString TopologyScene::memberAt(const QPointF& scenePos) const
{
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it) {
        if (it.value()->sceneBoundingRect().contains(scenePos))
            return it.key();
    }
    return {};
}

void TopologyScene::selectMember(const QString& name)
{
    MemberNode* node = m_members.value(name);
    if (node && node->isSelected())
        return;
    clearSelection();
    if (node)
        node->setSelected(true);
}

} // namespace Ui
