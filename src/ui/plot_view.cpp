#include "ui/plot_view.h"

#include <QPainter>
#include <QResizeEvent>
#include <atomic>

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
  relayout_.setInterval(60);  // while the user drags the window edge, lay out once it rests
  connect(&relayout_, &QTimer::timeout, this, &PlotView::layOut);
  generation_ = kPlotViewKeyBase + next_view_key++;
}

void PlotView::setPlot(std::shared_ptr<const PlotResult> plot, const std::string& title) {
  plot_ = std::move(plot);
  title_ = title;
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
  engine_.run<PlotScene>(
      this, generation_,
      [plot = plot_, spec](Connection&, const CancelToken&, const ProgressFn&) {
        GridPool pool;
        return BuildScene(plot->request, plot->data, spec, TickLabelWidth(), pool);
      },
      [this](Result<PlotScene> scene) {
        if (!scene.ok()) return;  // a newer layout replaced it, or the size is too small
        scene_ = std::move(*scene);
        update();
        Q_EMIT relaidOut();
      });
}

void PlotView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);
  if (!scene_) return;
  painter.setRenderHint(QPainter::Antialiasing);
  // Until the new layout arrives, the old one is stretched rather than left blank.
  painter.scale(width() / scene_->scene.width, height() / scene_->scene.height);
  PaintScene(scene_->scene, painter);
}

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
