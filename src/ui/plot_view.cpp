#include "ui/plot_view.h"

#include <QPainter>
#include <QResizeEvent>
#include <atomic>
#include <cmath>

#include "render/scene_export.h"
#include "render/scene_painter.h"
#include "render/text_metrics.h"
#include "ui/engine_session.h"

namespace pika::ui {

namespace {

constexpr uint64_t kPlotViewKeyBase = uint64_t{1} << 54;
std::atomic<uint64_t> next_view_key{0};

}  // namespace

PlotView::PlotView(EngineSession& engine, QWidget* parent) : QWidget(parent), engine_(engine) {
  setMinimumSize(320, 220);
  relayout_.setSingleShot(true);
  relayout_.setInterval(40);  // resizing lays out once the edge rests; panning at most 25/s
  connect(&relayout_, &QTimer::timeout, this, &PlotView::layOut);
  generation_ = kPlotViewKeyBase + next_view_key++;
}

void PlotView::setPlot(std::shared_ptr<const PlotResult> plot, const std::string& title) {
  plot_ = std::move(plot);
  title_ = title;
  if (!navigable()) window_.reset();
  layOut();
}

bool PlotView::navigable() const {
  return plot_ && (plot_->request.kind == "scatter" || plot_->request.kind == "line");
}

DataWindow PlotView::currentWindow() const {
  if (window_) return *window_;
  return {scene_->x_min, scene_->x_max, scene_->y_min, scene_->y_max};
}

void PlotView::zoomAt(QPointF at, double factor) {
  if (!navigable() || !scene_ || factor <= 0) return;
  const DataWindow now = currentWindow();
  const PlotScene& plot = *scene_;
  // The data under the cursor, from the scene's own mapping of its plot area.
  const double fx =
      std::clamp((at.x() - plot.area_left) / (plot.area_right - plot.area_left), 0.0, 1.0);
  const double fy =
      std::clamp((plot.area_bottom - at.y()) / (plot.area_bottom - plot.area_top), 0.0, 1.0);
  const double x = now.x_min + fx * (now.x_max - now.x_min);
  const double y = now.y_min + fy * (now.y_max - now.y_min);
  const double x_span = (now.x_max - now.x_min) / factor;
  const double y_span = (now.y_max - now.y_min) / factor;
  if (x_span <= 0 || y_span <= 0 || !std::isfinite(x_span) || !std::isfinite(y_span)) return;
  window_ =
      DataWindow{x - fx * x_span, x + (1 - fx) * x_span, y - fy * y_span, y + (1 - fy) * y_span};
  update();
  if (!relayout_.isActive()) relayout_.start();
}

void PlotView::panBy(QPointF pixels) {
  if (!navigable() || !scene_) return;
  const DataWindow now = currentWindow();
  const PlotScene& plot = *scene_;
  const double dx = pixels.x() * (now.x_max - now.x_min) / (plot.area_right - plot.area_left);
  const double dy = pixels.y() * (now.y_max - now.y_min) / (plot.area_bottom - plot.area_top);
  window_ = DataWindow{now.x_min - dx, now.x_max - dx, now.y_min + dy, now.y_max + dy};
  update();
  if (!relayout_.isActive()) relayout_.start();
}

void PlotView::showAll() {
  window_.reset();
  layOut();
}

void PlotView::layOut() {
  if (!plot_) return;
  PlotSpec spec;
  spec.title = title_;
  spec.x_title = plot_->request.x;
  spec.y_title = PlotYTitle(plot_->request);
  spec.width = width();
  spec.height = height();
  spec.window = window_;
  engine_.run<PlotScene>(
      this, generation_,
      [plot = plot_, spec](Connection&, const CancelToken& cancel,
                           const ProgressFn&) -> Result<PlotScene> {
        if (cancel.cancelled()) return Cancelled();  // a newer view replaced this one
        GridPool pool;
        return BuildScene(plot->request, plot->data, spec, TickLabelWidth(), pool);
      },
      [this, window = window_](Result<PlotScene> scene) {
        if (!scene.ok()) return;  // replaced, or the size is too small to draw in
        scene_ = std::move(*scene);
        shown_window_ = window;
        update();
        Q_EMIT relaidOut();
      });
}

void PlotView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);
  if (!scene_) return;
  painter.setRenderHint(QPainter::Antialiasing);
  // Until the new layout arrives, the old one is stretched rather than left blank, and
  // moved and scaled to where the requested window puts it.
  painter.scale(width() / scene_->scene.width, height() / scene_->scene.height);
  if (window_ && shown_window_ != window_) {
    const PlotScene& plot = *scene_;
    const DataWindow shown =
        shown_window_.value_or(DataWindow{plot.x_min, plot.x_max, plot.y_min, plot.y_max});
    const double area_w = plot.area_right - plot.area_left,
                 area_h = plot.area_bottom - plot.area_top;
    const double sx = (shown.x_max - shown.x_min) / (window_->x_max - window_->x_min);
    const double sy = (shown.y_max - shown.y_min) / (window_->y_max - window_->y_min);
    const double tx = (shown.x_min - window_->x_min) / (window_->x_max - window_->x_min) * area_w;
    const double ty = (window_->y_max - shown.y_max) / (window_->y_max - window_->y_min) * area_h;
    painter.setClipRect(QRectF(plot.area_left, plot.area_top, area_w, area_h));
    painter.translate(plot.area_left + tx, plot.area_top + ty);
    painter.scale(sx, sy);
    painter.translate(-plot.area_left, -plot.area_top);
  }
  PaintScene(scene_->scene, painter);
}

void PlotView::wheelEvent(QWheelEvent* event) {
  zoomAt(event->position(), std::pow(1.25, event->angleDelta().y() / 120.0));
  event->accept();
}

void PlotView::mousePressEvent(QMouseEvent* event) {
  drag_from_ = event->position();
  QWidget::mousePressEvent(event);
}

void PlotView::mouseMoveEvent(QMouseEvent* event) {
  if (!(event->buttons() & Qt::LeftButton)) return QWidget::mouseMoveEvent(event);
  panBy(event->position() - drag_from_);
  drag_from_ = event->position();
}

void PlotView::mouseDoubleClickEvent(QMouseEvent*) { showAll(); }

void PlotView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  relayout_.start();
}

Status PlotView::exportTo(const QString& path) const {
  if (!scene_) return InvalidInput("the plot has not been drawn yet");
  const std::string file = path.toStdString();
  if (path.endsWith(".png", Qt::CaseInsensitive))
    return ExportPng(scene_->scene, file, {192, false});
  if (path.endsWith(".svg", Qt::CaseInsensitive)) return ExportSvg(scene_->scene, file, title_);
  if (path.endsWith(".pdf", Qt::CaseInsensitive)) return ExportPdf({scene_->scene}, file, title_);
  return InvalidInput("end the file name in .png, .svg or .pdf");
}

}  // namespace pika::ui
