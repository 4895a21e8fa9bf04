#pragma once

#include <QGraphicsView>

namespace Ui {

class TopologyScene;

// Shows the topology scaled to fit, until the user zooms (Ctrl+wheel, Ctrl++ / Ctrl+-); Ctrl+0 fits
// again. Updates of the scene never touch the zoom the user chose.
class TopologyView final : public QGraphicsView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)
public:
    explicit TopologyView(TopologyScene* scene, QWidget* parent = nullptr);

    void zoomBy(double factor);
    void fitAll();
    bool userZoomed() const { return m_userZoomed; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void autoFit();
    bool m_userZoomed = false;
};

} // namespace Ui
