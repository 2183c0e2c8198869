#include "ui/gl_plot_view.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QPainter>

namespace pika::ui {

GlPlotView::GlPlotView(EngineSession& engine, QWidget* parent)
    : QOpenGLWidget(parent), navigator_(new PlotNavigator(engine, *this)) {
  setMinimumSize(320, 220);
  connect(navigator_, &PlotNavigator::changed, this, qOverload<>(&QWidget::update));
}

GlPlotView::~GlPlotView() {
  makeCurrent();  // GPU buffers are released in their own context
  painter_.release();
  doneCurrent();
}

bool GlPlotView::Available() {
  if (QGuiApplication::platformName() == "offscreen" ||
      QGuiApplication::platformName() == "minimal")
    return false;
  QOpenGLContext context;
  return context.create();
}

void GlPlotView::paintGL() {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);
  const PlotScene* scene = navigator_->scene();
  if (scene == nullptr) return;
  painter.setRenderHint(QPainter::Antialiasing);
  painter.scale(width() / scene->scene.width, height() / scene->scene.height);
  if (auto preview = navigator_->previewTransform()) {
    painter.setClipRect(preview->second);
    painter.setTransform(preview->first, /*combine=*/true);
  }
  painter_.paint(scene->scene, navigator_->sceneVersion(), painter);
  painter.resetTransform();
  painter.setClipping(false);
  navigator_->paintBrush(painter);
}

}  // namespace pika::ui
