#include "ui/canvas_view.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>
#include <cmath>

namespace pika::ui {

namespace {

constexpr double kGridStep = 24;

}  // namespace

CanvasView::CanvasView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(RubberBandDrag);
  setTransformationAnchor(NoAnchor);
  setViewportUpdateMode(SmartViewportUpdate);
  setAcceptDrops(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void CanvasView::fitAll() {
  QRectF bounds = scene()->itemsBoundingRect();
  if (bounds.isEmpty()) bounds = QRectF(-200, -150, 400, 300);
  fitInView(bounds.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
  const double clamped = std::clamp(zoom(), kMinZoom, 1.5);
  if (clamped != zoom()) zoomAt(clamped / zoom(), viewport()->rect().center());
  centerOn(bounds.center());
}

void CanvasView::zoomAt(double factor, QPoint anchor) {
  const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
  factor = target / zoom();
  const QPointF before = mapToScene(anchor);
  scale(factor, factor);
  const QPointF after = mapToScene(anchor);
  const QPointF shift = (after - before) * zoom();
  horizontalScrollBar()->setValue(horizontalScrollBar()->value() - qRound(shift.x()));
  verticalScrollBar()->setValue(verticalScrollBar()->value() - qRound(shift.y()));
}

canvas::Viewport CanvasView::viewportState() const {
  const QPointF center = mapToScene(viewport()->rect().center());
  return {center.x(), center.y(), zoom()};
}

void CanvasView::setViewportState(const canvas::Viewport& state) {
  const double target = std::clamp(state.zoom, kMinZoom, kMaxZoom);
  scale(target / zoom(), target / zoom());
  centerOn(state.center_x, state.center_y);
}

void CanvasView::setDark(bool dark) {
  dark_ = dark;
  resetCachedContent();
  viewport()->update();
}

void CanvasView::drawBackground(QPainter* painter, const QRectF& rect) {
  painter->fillRect(rect, dark_ ? QColor(0x23, 0x23, 0x26) : QColor(0xf7, 0xf7, 0xf5));
  // Fine dots when zoomed in, only every fourth when zoomed out: never a grey wash.
  const double step = zoom() < 0.5 ? kGridStep * 4 : kGridStep;
  const double left = std::floor(rect.left() / step) * step;
  const double top = std::floor(rect.top() / step) * step;
  painter->setPen(QPen(dark_ ? QColor(0x48, 0x48, 0x4c) : QColor(0xc8, 0xc8, 0xc8), 1.5 / zoom()));
  QVector<QPointF> dots;
  for (double x = left; x < rect.right(); x += step) {
    for (double y = top; y < rect.bottom(); y += step) dots.append({x, y});
  }
  painter->drawPoints(dots.data(), static_cast<int>(dots.size()));
}

void CanvasView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  zoomAt(std::pow(1.15, steps), event->position().toPoint());
  event->accept();
}

void CanvasView::startPan(QMouseEvent* event) {
  panning_ = true;
  setDragMode(ScrollHandDrag);
  // ScrollHandDrag pans with the left button only: replay the press as a left press.
  QMouseEvent left(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                   Qt::LeftButton, event->modifiers());
  QGraphicsView::mousePressEvent(&left);
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton || (space_held_ && event->button() == Qt::LeftButton)) {
    return startPan(event);
  }
  QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
  if (panning_) {
    QMouseEvent left(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                     Qt::NoButton, event->modifiers());
    QGraphicsView::mouseReleaseEvent(&left);
    setDragMode(RubberBandDrag);
    panning_ = false;
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    space_held_ = true;
    return;
  }
  if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
    Q_EMIT deletePressed();
    return;
  }
  if (event->key() == Qt::Key_F && event->modifiers() == Qt::NoModifier) {
    fitAll();
    return;
  }
  QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) space_held_ = false;
  QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void CanvasView::dragMoveEvent(QDragMoveEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void CanvasView::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) paths << url.toLocalFile();
  }
  if (paths.isEmpty()) return;
  Q_EMIT filesDropped(paths, mapToScene(event->position().toPoint()));
  event->acceptProposedAction();
}

}  // namespace pika::ui
