#include "ui/topology/topologyview.h"

#include "ui/topology/topologyscene.h"

#include <QKeyEvent>
#include <QWheelEvent>

namespace Ui {

TopologyView::TopologyView(TopologyScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("topology"));
    setAccessibleName(tr("Cluster topology"));
    setToolTip(QString());
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFrameShape(QFrame::StyledPanel);
    connect(scene, &TopologyScene::layoutChanged, this, &TopologyView::autoFit);
}

void TopologyView::zoomBy(double factor)
{
    const double current = transform().m11();
    if (!(current > 0))
        return;
    // Never zoom the wrong way: below 0.2 only further in, above 4 only further out.
    const double next = std::clamp(current * factor, std::min(0.2, current), std::max(4.0, current));
    scale(next / current, next / current);
    m_userZoomed = true;
}

void TopologyView::fitAll()
{
    m_userZoomed = false;
    autoFit();
}

void TopologyView::autoFit()
{
    if (m_userZoomed || !scene())
        return;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty())
        return;
    // Fit, but never blow a small cluster up beyond 1.25x: text the size of a poster reads worse.
    const QRectF viewRect = viewport()->rect().adjusted(4, 4, -4, -4);
    if (viewRect.width() <= 1 || viewRect.height() <= 1)
        return; // collapsed in its splitter: nothing to fit
    const double factor = std::min({ viewRect.width() / rect.width(), viewRect.height() / rect.height(), 1.25 });
    resetTransform();
    scale(factor, factor);
    centerOn(rect.center());
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    autoFit();
}

void TopologyView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomBy(1.15);
            return;
        case Qt::Key_Minus:
            zoomBy(1 / 1.15);
            return;
        case Qt::Key_0:
            fitAll();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace Ui
