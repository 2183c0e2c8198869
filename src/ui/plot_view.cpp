#include "ui/plot_view.h"

#include <QPainter>

#include "render/scene_painter.h"

namespace pika::ui {

PlotView::PlotView(EngineSession& engine, QWidget* parent)
    : QWidget(parent), navigator_(new PlotNavigator(engine, *this)) {
  setMinimumSize(320, 220);
  connect(navigator_, &PlotNavigator::changed, this, qOverload<>(&QWidget::update));
}

void PlotView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);
  const PlotScene* scene = navigator_->scene();
  if (scene == nullptr) return;
  // Until a new layout arrives, the old one is stretched to the size, and moved and scaled to
  // where the requested window puts it.
  painter.scale(width() / scene->scene.width, height() / scene->scene.height);
  if (auto preview = navigator_->previewTransform()) {
    painter.setClipRect(preview->second);
    painter.setTransform(preview->first, /*combine=*/true);
  }
  PaintScene(scene->scene, painter);
  painter.resetTransform();
  painter.setClipping(false);
  navigator_->paintBrush(painter);
}

}  // namespace pika::ui
