// CanvasView: the infinite canvas. Wheel zooms toward the cursor, the middle button (or
// Space + drag) pans, the left button selects with a rubber band; a grid shows scale.
#pragma once

#include <QGraphicsView>
#include <QStringList>

#include "canvas/graph_json.h"

namespace pika::ui {

class CanvasView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit CanvasView(QGraphicsScene* scene, QWidget* parent = nullptr);

  // Zooms and scrolls so every item is in view (F).
  void fitAll();
  double zoom() const { return transform().m11(); }
  // Zooms by `factor` keeping the scene point under `anchor` (view coordinates) in place.
  void zoomAt(double factor, QPoint anchor);

  static constexpr double kMinZoom = 0.1, kMaxZoom = 4.0;
  void setDark(bool dark);
  // Where the view looks and how close: what a workspace file keeps.
  canvas::Viewport viewportState() const;
  void setViewportState(const canvas::Viewport& viewport);

 Q_SIGNALS:
  void filesDropped(QStringList paths, QPointF scene_position);
  void deletePressed();

 protected:
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void startPan(QMouseEvent* event);
  bool space_held_ = false;
  bool dark_ = false;
  bool panning_ = false;
};

}  // namespace pika::ui
