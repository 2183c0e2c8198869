#include "ui/plot_navigator.h"

#include <QLineF>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QToolTip>
#include <QWheelEvent>
#include <QWidget>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "compute/plot_sql.h"
#include "render/scene_export.h"
#include "render/text_metrics.h"
#include "ui/engine_session.h"
#include "ui/remote_plot_job.h"

namespace pika::ui {

namespace {

constexpr uint64_t kPlotViewKeyBase = uint64_t{1} << 54;
// A view's other jobs, beside its exact layouts (view keys are spaced far apart).
constexpr uint64_t kCoarseKeyOffset = uint64_t{1} << 30;
constexpr uint64_t kPyramidKeyOffset = uint64_t{2} << 30;
std::atomic<uint64_t> next_view_key{0};

}  // namespace

PlotNavigator::PlotNavigator(EngineSession& engine, QWidget& view)
    : QObject(&view), engine_(engine), view_(view), key_(kPlotViewKeyBase + next_view_key++) {
  relayout_.setSingleShot(true);
  relayout_.setInterval(40);  // resizing lays out once the edge rests; panning at most 25/s
  connect(&relayout_, &QTimer::timeout, this, &PlotNavigator::layOut);
  view.installEventFilter(this);
  view.setMouseTracking(true);
}

void PlotNavigator::setPlot(std::shared_ptr<const PlotResult> plot, const std::string& title,
                            ThemeKind theme) {
  // The same drawing again (a brush ran what it feeds): the view, pyramid and scene stay.
  if (plot != nullptr && plot == plot_ && title == title_ && theme == theme_) return;
  plot_ = std::move(plot);
  // A remote view is a server round trip, and each one a newer view replaces is killed there:
  // while a drag goes on, the previewed picture moves and the server is asked 5 times a second.
  relayout_.setInterval(plot_ && plot_->reduced_in_engine() ? 200 : 40);
  coarse_.reset();
  title_ = title;
  theme_ = theme;
  if (!navigable()) window_.reset();
  pyramid_.reset();
  buildPyramid();
  layOut();
}

void PlotNavigator::setCoarse(std::shared_ptr<const CoarsePlot> coarse, const std::string& title,
                              ThemeKind theme) {
  plot_.reset();
  pyramid_.reset();
  coarse_ = std::move(coarse);
  title_ = title;
  theme_ = theme;
  layOut();
}

// A few thousand cells: laid out here, at once.
void PlotNavigator::layOutCoarse() {
  PlotSpec spec = coarse_->spec;
  spec.title = title_;
  spec.width = view_.width();
  spec.height = view_.height();
  spec.window = window_;
  spec.theme = theme_;
  ++layout_requests_;  // what the previous data's layouts answer comes too late
  auto scene = BuildCoarseScene(spec, coarse_->counts, TickLabelWidth());
  if (!scene.ok()) return;
  scene_ = std::move(*scene);
  ++scene_version_;
  shown_window_ = window_;
  Q_EMIT changed();
  Q_EMIT relaidOut();
}

void PlotNavigator::buildPyramid() {
  constexpr size_t kPyramidFrom = 250'000;  // below, exact frames are fast enough alone
  if (!plot_ || plot_->request.kind != "scatter" || plot_->data.x.size() < kPyramidFrom) return;
  if (plot_->request.x_log || plot_->request.y_log) return;  // the pyramid counts linear cells
  // A pyramid holds counts only: coloured views are binned exactly from the first frame.
  if (!plot_->request.color.empty()) return;
  engine_.run<std::shared_ptr<const DensityPyramid>>(
      this, key_ + kPyramidKeyOffset,
      [plot = plot_](Connection&, const CancelToken& cancel,
                     const ProgressFn&) -> Result<std::shared_ptr<const DensityPyramid>> {
        if (cancel.cancelled()) return Cancelled();
        // 2048 x 2048 at the finest level (about 21 MB in all): finer than any window's pixels.
        PyramidOptions options;
        options.max_side = 2048;
        options.memory_budget_bytes = size_t{32} << 20;
        auto pyramid = DensityPyramid::Build(plot->data.x, plot->data.y, options);
        if (!pyramid.ok()) return pyramid.error();
        return std::make_shared<const DensityPyramid>(std::move(*pyramid));
      },
      [this, plot = plot_](Result<std::shared_ptr<const DensityPyramid>> pyramid) {
        if (pyramid.ok() && plot == plot_) pyramid_ = std::move(*pyramid);
      });
}

bool PlotNavigator::navigable() const {
  return plot_ && (plot_->request.kind == "scatter" || plot_->request.kind == "line");
}

DataWindow PlotNavigator::currentWindow() const {
  if (window_) return *window_;
  return {scene_->x_min, scene_->x_max, scene_->y_min, scene_->y_max};
}

void PlotNavigator::requestLayout() {
  Q_EMIT changed();
  if (!relayout_.isActive()) relayout_.start();
}

bool PlotNavigator::hasArea() const {
  return scene_ && scene_->area_right > scene_->area_left && scene_->area_bottom > scene_->area_top;
}

void PlotNavigator::zoomAt(QPointF at, double factor) {
  if (!navigable() || !hasArea() || !(factor > 0)) return;
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
  // Doubles cannot tell apart values closer than this: zooming stops before axes collapse.
  const auto too_narrow = [](double span, double a, double b) {
    return !(span > 1e-9 * std::max({std::abs(a), std::abs(b), 1e-300}));
  };
  if (!std::isfinite(x_span) || !std::isfinite(y_span) ||
      too_narrow(x_span, now.x_min, now.x_max) || too_narrow(y_span, now.y_min, now.y_max))
    return;
  window_ =
      DataWindow{x - fx * x_span, x + (1 - fx) * x_span, y - fy * y_span, y + (1 - fy) * y_span};
  requestLayout();
}

void PlotNavigator::panBy(QPointF pixels) {
  if (!navigable() || !hasArea()) return;
  const DataWindow now = currentWindow();
  const PlotScene& plot = *scene_;
  const double dx = pixels.x() * (now.x_max - now.x_min) / (plot.area_right - plot.area_left);
  const double dy = pixels.y() * (now.y_max - now.y_min) / (plot.area_bottom - plot.area_top);
  window_ = DataWindow{now.x_min - dx, now.x_max - dx, now.y_min + dy, now.y_max + dy};
  requestLayout();
}

void PlotNavigator::showAll() {
  window_.reset();
  layOut();
}

void PlotNavigator::showWindow(const DataWindow& window) {
  if (!navigable()) return;
  window_ = window;
  layOut();
}

std::optional<std::pair<QTransform, QRectF>> PlotNavigator::previewTransform() const {
  if (!scene_ || !window_ || shown_window_ == window_) return std::nullopt;
  const PlotScene& plot = *scene_;
  const DataWindow shown =
      shown_window_.value_or(DataWindow{plot.x_min, plot.x_max, plot.y_min, plot.y_max});
  const double area_w = plot.area_right - plot.area_left;
  const double area_h = plot.area_bottom - plot.area_top;
  const double sx = (shown.x_max - shown.x_min) / (window_->x_max - window_->x_min);
  const double sy = (shown.y_max - shown.y_min) / (window_->y_max - window_->y_min);
  const double tx = (shown.x_min - window_->x_min) / (window_->x_max - window_->x_min) * area_w;
  const double ty = (window_->y_max - shown.y_max) / (window_->y_max - window_->y_min) * area_h;
  QTransform transform;
  transform.translate(plot.area_left + tx, plot.area_top + ty);
  transform.scale(sx, sy);
  transform.translate(-plot.area_left, -plot.area_top);
  return std::make_pair(transform, QRectF(plot.area_left, plot.area_top, area_w, area_h));
}

std::optional<QPointF> PlotNavigator::dataAt(QPointF at) const {
  if (!scene_ || !navigable()) return std::nullopt;
  const PlotScene& plot = *scene_;
  if (at.x() < plot.area_left || at.x() > plot.area_right || at.y() < plot.area_top ||
      at.y() > plot.area_bottom)
    return std::nullopt;
  return dataOfClamped(at);
}

QString PlotNavigator::hoverText(QPointF at) const {
  if (plot_ && scene_ && plot_->request.kind == "heatmap") return heatmapCellAt(at);
  const auto data = dataAt(at);
  if (!data) return {};
  const PlotScene& plot = *scene_;
  auto number = [](double value) { return QString::number(value, 'g', 6); };
  // Log axes are laid out in decades: say the values.
  const auto x_of = [&](const QPointF& p) {
    return number(AxisToValue(p.x(), plot_->request.x_log));
  };
  const auto y_of = [&](const QPointF& p) {
    return number(AxisToValue(p.y(), plot_->request.y_log));
  };
  for (const Mark& mark : plot.scene.marks) {
    if (const auto* image = std::get_if<ImageMark>(&mark);
        image != nullptr && !image->counts.empty()) {
      const auto column = static_cast<int64_t>((at.x() - image->x) / image->width * image->columns);
      const auto row = static_cast<int64_t>((at.y() - image->y) / image->height * image->rows);
      if (column < 0 || row < 0 || column >= image->columns || row >= image->rows) continue;
      const uint32_t count =
          image->counts[static_cast<size_t>(row) * image->columns + static_cast<size_t>(column)];
      return QString("%1 rows in this pixel, around x %2, y %3")
          .arg(QLocale().toString(static_cast<qulonglong>(count)), x_of(*data), y_of(*data));
    }
    if (const auto* points = std::get_if<PointsMark>(&mark)) {
      // The nearest drawn point within a few pixels: shown with its own values.
      double best = 36;
      const ScenePoint* nearest = nullptr;
      for (const ScenePoint& center : points->centers) {
        const double dx = center.x - at.x(), dy = center.y - at.y();
        if (dx * dx + dy * dy < best) {
          best = dx * dx + dy * dy;
          nearest = &center;
        }
      }
      if (nearest != nullptr) {
        const auto point = dataAt(QPointF(nearest->x, nearest->y));
        if (point) return QString("point: x %1, y %2").arg(x_of(*point), y_of(*point));
      }
    }
  }
  return QString("x %1, y %2").arg(x_of(*data), y_of(*data));
}

// The heatmap cell under the pointer: its bands and what it holds.
QString PlotNavigator::heatmapCellAt(QPointF at) const {
  const PlotScene& plot = *scene_;
  const HeatmapCells& cells = plot_->data.heatmap.cells;
  if (!hasArea() || at.x() < plot.area_left || at.x() >= plot.area_right ||
      at.y() <= plot.area_top || at.y() > plot.area_bottom || cells.x.size() == 0 ||
      cells.y.size() == 0)
    return {};
  const double fx = (at.x() - plot.area_left) / (plot.area_right - plot.area_left);
  const double fy = (plot.area_bottom - at.y()) / (plot.area_bottom - plot.area_top);
  const auto column =
      std::min(static_cast<size_t>(fx * static_cast<double>(cells.x.size())), cells.x.size() - 1);
  const auto row =
      std::min(static_cast<size_t>(fy * static_cast<double>(cells.y.size())), cells.y.size() - 1);
  return QString::fromStdString(
      DescribeCell(cells, plot_->request.x, plot_->request.y, column, row));
}

void PlotNavigator::layOut() {
  // This layout reads the view's size now: a resize's pending one would only repeat it (and
  // replace the picture a moment after it arrived).
  relayout_.stop();
  if (!plot_) {
    if (coarse_) layOutCoarse();
    return;
  }
  PlotSpec spec;
  spec.title = title_;
  spec.x_title = plot_->request.x;
  spec.y_title = PlotYTitle(plot_->request);
  spec.width = view_.width();
  spec.height = view_.height();
  spec.window = window_;
  spec.theme = theme_;
  const uint64_t request = ++layout_requests_;
  if (plot_->reduced_in_engine()) return layOutInEngine(spec, request);
  if (pyramid_ && window_) {
    // Coarse first: a pyramid level at once, then the exact counts replace it.
    PlotSpec coarse = spec;
    coarse.pyramid = pyramid_.get();
    engine_.run<PlotScene>(
        this, key_ + kCoarseKeyOffset,
        [plot = plot_, pyramid = pyramid_, coarse](Connection&, const CancelToken& cancel,
                                                   const ProgressFn&) -> Result<PlotScene> {
          if (cancel.cancelled()) return Cancelled();
          GridPool pool;
          return BuildScene(plot->request, plot->data, coarse, TickLabelWidth(), pool);
        },
        [this, window = window_, request](Result<PlotScene> scene) {
          if (request != layout_requests_ || exact_shown_ == request || !scene.ok()) return;
          scene_ = std::move(*scene);
          ++scene_version_;
          shown_window_ = window;
          Q_EMIT changed();
        });
  }
  engine_.run<PlotScene>(
      this, key_,
      [plot = plot_, spec](Connection&, const CancelToken& cancel,
                           const ProgressFn&) -> Result<PlotScene> {
        if (cancel.cancelled()) return Cancelled();  // a newer view replaced this one
        GridPool pool;
        return BuildScene(plot->request, plot->data, spec, TickLabelWidth(), pool);
      },
      [this, window = window_, request](Result<PlotScene> scene) {
        // Only the latest request counts: an older layout finishing last must not win.
        if (request != layout_requests_ || !scene.ok()) return;
        exact_shown_ = request;
        scene_ = std::move(*scene);
        ++scene_version_;
        shown_window_ = window;
        Q_EMIT changed();
        Q_EMIT relaidOut();
      });
}

// A remote table's view is reduced on its server, and a plot past the memory budget's in
// DuckDB; a newer view cancels this one there.
void PlotNavigator::layOutInEngine(const PlotSpec& spec, uint64_t request) {
  const QString asking = plot_->remote ? "asking the server…" : "reducing in DuckDB…";
  Q_EMIT notice(asking, false);
  // Posted back to this view, like the answer; an old request's progress is dropped.
  auto shown = [guard = QPointer<PlotNavigator>(this), request, asking](double fraction) {
    QMetaObject::invokeMethod(
        guard,
        [guard, request, fraction, asking] {
          if (guard && request == guard->layout_requests_ && guard->exact_shown_ != request)
            Q_EMIT guard->notice(QString("%1 %2%").arg(asking).arg(qRound(fraction * 100)), false);
        },
        Qt::QueuedConnection);
  };
  engine_.run<PlotResult>(
      this, key_,
      [plot = plot_, spec, &remote = engine_.remote(), shown](
          Connection& connection, const CancelToken& cancel,
          const ProgressFn&) -> Result<PlotResult> {
        if (cancel.cancelled()) return Cancelled();
        return RedrawInEngine(*plot, connection, &remote, spec, cancel, shown);
      },
      [this, window = window_, request](Result<PlotResult> result) {
        if (request != layout_requests_) return;
        if (!result.ok()) {
          if (result.error().kind != ErrorKind::kCancelled)
            Q_EMIT notice(QString::fromStdString(result.error().message), true);
          return;
        }
        exact_shown_ = request;
        scene_ = std::move(result->scene);
        ++scene_version_;
        shown_window_ = window;
        Q_EMIT notice(QString::fromStdString(scene_->badge), false);
        Q_EMIT changed();
        Q_EMIT relaidOut();
      });
}

// Where a brush of this plot runs: a remote plot's on its server, in that server's SQL.
std::optional<RemoteEngine> PlotNavigator::server() const {
  if (!plot_ || !plot_->remote) return std::nullopt;
  return plot_->remote->source.engine;
}

bool PlotNavigator::refuseRemote(const char* what) {
  if (!plot_ || !plot_->remote) return false;
  Q_EMIT notice(
      QString("%1: not available while the plot is reduced on the server. Tick \"Keep a local "
              "copy\" on the remote node to plot its rows here")
          .arg(what),
      true);
  return true;
}

bool PlotNavigator::eventFilter(QObject* watched, QEvent* event) {
  if (watched != &view_) return false;
  switch (event->type()) {
    case QEvent::Resize: relayout_.start(); return false;
    case QEvent::Wheel: {
      const auto* wheel = static_cast<QWheelEvent*>(event);
      zoomAt(wheel->position(), std::pow(1.25, wheel->angleDelta().y() / 120.0));
      return true;
    }
    case QEvent::MouseButtonPress: {
      const auto* press = static_cast<QMouseEvent*>(event);
      drag_from_ = press->position();
      if ((press->modifiers() & Qt::ShiftModifier) && plot_ &&
          KindBrushesRanges(plot_->request.kind)) {
        brush_from_ = press->position();
        return true;
      }
      return false;
    }
    case QEvent::MouseButtonRelease: {
      const auto* release = static_cast<QMouseEvent*>(event);
      if (brush_from_) {
        const QPointF from = *brush_from_;
        brush_from_.reset();
        brush_to_.reset();
        brushBetween(from, release->position());
        return true;
      }
      if (release->button() == Qt::RightButton) {
        if (plot_ && plot_->remote) {
          if (auto region = remoteDrillRegionAt(release->position())) {
            Q_EMIT remoteDrillRequested(*region);
          } else if (auto group = remoteDrillGroupAt(release->position())) {
            Q_EMIT remoteGroupDrillRequested(QString::fromStdString(*group));
          } else if (!KindBrushesRanges(plot_->request.kind) &&
                     !KindPicksCategories(plot_->request)) {
            refuseRemote("The rows behind a cell");
          }
          return true;
        }
        if (auto predicate = drillPredicateAt(release->position()))
          Q_EMIT drillRequested(QString::fromStdString(*predicate));
        return true;
      }
      if (plot_ && KindPicksCategories(plot_->request) &&
          QLineF(drag_from_, release->position()).length() < 4) {
        pickBarAt(release->position(), release->modifiers() & Qt::ControlModifier);
        return true;
      }
      return false;
    }
    case QEvent::MouseMove: {
      const auto* move = static_cast<QMouseEvent*>(event);
      if (brush_from_) {
        brush_to_ = move->position();
        Q_EMIT changed();
        return true;
      }
      if (move->buttons() & Qt::LeftButton) {
        panBy(move->position() - drag_from_);
        drag_from_ = move->position();
        return true;
      }
      const QString text = hoverText(move->position());
      if (text.isEmpty()) {
        QToolTip::hideText();
      } else {
        QToolTip::showText(view_.mapToGlobal(move->position().toPoint()), text, &view_);
      }
      return false;
    }
    case QEvent::MouseButtonDblClick: showAll(); return true;
    default: return false;
  }
}

// A view point inside the plot area (moved onto its edge when outside), in data units.
QPointF PlotNavigator::dataOfClamped(QPointF at) const {
  const PlotScene& plot = *scene_;
  const double fx =
      std::clamp((at.x() - plot.area_left) / (plot.area_right - plot.area_left), 0.0, 1.0);
  const double fy =
      std::clamp((plot.area_bottom - at.y()) / (plot.area_bottom - plot.area_top), 0.0, 1.0);
  return {plot.x_min + fx * (plot.x_max - plot.x_min), plot.y_min + fy * (plot.y_max - plot.y_min)};
}

// Lines and histograms are brushed along x: the rectangle spans the plot area's height.
QRectF PlotNavigator::brushRect(QPointF from, QPointF to) const {
  const PlotScene& plot = *scene_;
  const QRectF area(QPointF(plot.area_left, plot.area_top),
                    QPointF(plot.area_right, plot.area_bottom));
  QRectF rect = QRectF(from, to).normalized();
  if (plot_->request.kind != "scatter") {  // before clipping: a flat drag is a whole range
    rect.setTop(area.top());
    rect.setBottom(area.bottom());
  }
  return rect.intersected(area);
}

void PlotNavigator::brushBetween(QPointF from, QPointF to) {
  if (!scene_ || !plot_ || !KindBrushesRanges(plot_->request.kind) || !hasArea()) return;
  // A remote plot's brush is SQL its server runs: numbers read the same there, times do not.
  if (plot_->data.x_is_time && refuseRemote("Brushing a date or time axis")) return;
  const QRectF rect = brushRect(from, to);
  if (rect.width() < 2 || (plot_->request.kind == "scatter" && rect.height() < 2)) return;
  const QPointF low = dataOfClamped(rect.bottomLeft());
  const QPointF high = dataOfClamped(rect.topRight());
  DataWindow region{low.x(), high.x(), low.y(), high.y()};
  // Dragged past both edges of the plot area: no bounds on that side (a range of y, or of x).
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const PlotScene& plot = *scene_;
  const QRectF dragged = QRectF(from, to).normalized();
  if (dragged.left() < plot.area_left && dragged.right() > plot.area_right) {
    region.x_min = -kInf;
    region.x_max = kInf;
  }
  if (dragged.top() < plot.area_top && dragged.bottom() > plot.area_bottom) {
    region.y_min = -kInf;
    region.y_max = kInf;
  }
  const std::string predicate = BrushPredicate(plot_->request, plot_->data, region);
  brushed_ = BrushedRegion{predicate, region, plot_->request.kind != "scatter"};
  Q_EMIT brushed(QString::fromStdString(predicate));
}

// The bar under a view point, as its index among the plot's categories.
std::optional<size_t> PlotNavigator::barAt(QPointF at) const {
  const PlotScene& plot = *scene_;
  const auto& categories = plot_->data.categories;
  if (categories.empty() || at.x() < plot.area_left || at.x() >= plot.area_right)
    return std::nullopt;
  const double share = (at.x() - plot.area_left) / (plot.area_right - plot.area_left);
  return std::min(static_cast<size_t>(share * static_cast<double>(categories.size())),
                  categories.size() - 1);
}

void PlotNavigator::pickBarAt(QPointF at, bool add) {
  if (!scene_ || !plot_ || !KindPicksCategories(plot_->request) || !hasArea()) return;
  const std::optional<size_t> bar = barAt(at);
  if (!bar) return;
  const std::string& category = plot_->data.categories[*bar];
  if (!add) picked_.clear();
  const auto found = std::find(picked_.begin(), picked_.end(), category);
  if (found == picked_.end()) {
    picked_.push_back(category);
  } else {
    picked_.erase(found);  // Ctrl+click on a picked bar puts it back
  }
  Q_EMIT brushed(picked_.empty() ? QString()
                                 : QString::fromStdString(
                                       CategoryBrushPredicate(plot_->request, picked_, server())));
}

// The pixel under the pointer (a few around it for a point drawn raw), in axis units (decades
// on log axes), or nothing outside the plot area or on a plot without ranges (bars, boxes).
std::optional<DataWindow> PlotNavigator::drillRegionAt(QPointF at) const {
  if (!scene_ || !plot_ || !hasArea() || !KindBrushesRanges(plot_->request.kind))
    return std::nullopt;
  const PlotScene& plot = *scene_;
  if (at.x() < plot.area_left || at.x() > plot.area_right || at.y() < plot.area_top ||
      at.y() > plot.area_bottom)
    return std::nullopt;
  // A point drawn raw is hit a few pixels around it; a bar, a pixel or a bin where it is.
  const bool points =
      plot.reduction.method == ReductionMethod::kRaw && plot_->request.kind != "histogram";
  const double reach = points ? 3.0 : 0.5;
  const QPointF low = dataOfClamped(at + QPointF(-reach, reach));
  const QPointF high = dataOfClamped(at + QPointF(reach, -reach));
  return DataWindow{low.x(), high.x(), low.y(), high.y()};
}

std::optional<std::string> PlotNavigator::drillPredicateAt(QPointF at) const {
  if (!scene_ || !plot_ || !hasArea() || plot_->remote) return std::nullopt;
  const PlotScene& plot = *scene_;
  if (KindPicksCategories(plot_->request)) {
    if (at.x() < plot.area_left || at.x() > plot.area_right || at.y() < plot.area_top ||
        at.y() > plot.area_bottom)
      return std::nullopt;
    const std::optional<size_t> bar = barAt(at);
    if (!bar) return std::nullopt;
    return CategoryBrushPredicate(plot_->request, {plot_->data.categories[*bar]});
  }
  const std::optional<DataWindow> region = drillRegionAt(at);
  if (!region) return std::nullopt;
  return BrushPredicate(plot_->request, plot_->data, *region);
}

std::optional<DataWindow> PlotNavigator::remoteDrillRegionAt(QPointF at) const {
  if (!plot_ || !plot_->remote) return std::nullopt;
  std::optional<DataWindow> region = drillRegionAt(at);
  if (!region) return std::nullopt;
  // A histogram's bar is in or out whole, as the eye sees it.
  if (plot_->request.kind == "histogram" && !plot_->data.bins.counts.empty()) {
    const HistogramBins& bins = plot_->data.bins;
    const auto [first, last] = bins.Reached(region->x_min, region->x_max);
    region->x_min = bins.start(first);
    region->x_max = bins.end(last);
  }
  return AxisToValues(plot_->request, *region);  // log axes place decades; the server, values
}

std::optional<std::string> PlotNavigator::remoteDrillGroupAt(QPointF at) const {
  if (!scene_ || !plot_ || !plot_->remote || !hasArea() || !KindPicksCategories(plot_->request))
    return std::nullopt;
  const PlotScene& plot = *scene_;
  if (at.y() < plot.area_top || at.y() > plot.area_bottom) return std::nullopt;
  const std::optional<size_t> bar = barAt(at);
  if (!bar) return std::nullopt;
  return plot_->data.categories[*bar];
}

void PlotNavigator::paintBrush(QPainter& painter) const {
  if (!scene_ || !plot_ || !hasArea()) return;
  painter.setPen(QPen(QColor(78, 121, 167), 1.0));
  painter.setBrush(QColor(78, 121, 167, 50));
  if (brush_from_ && brush_to_) return painter.drawRect(brushRect(*brush_from_, *brush_to_));
  if (brush_now_.empty()) return;
  if (KindPicksCategories(plot_->request)) return paintBrushedBars(painter);
  if (!brushed_ || brushed_->predicate != brush_now_) return;  // edited as text since
  const PlotScene& plot = *scene_;
  const QRectF area(QPointF(plot.area_left, plot.area_top),
                    QPointF(plot.area_right, plot.area_bottom));
  // Unbounded sides reach the edges of the area.
  const auto px = [&](double x) {
    return std::clamp(plot.area_left + (x - plot.x_min) / (plot.x_max - plot.x_min) * area.width(),
                      area.left(), area.right());
  };
  const auto py = [&](double y) {
    return std::clamp(
        plot.area_bottom - (y - plot.y_min) / (plot.y_max - plot.y_min) * area.height(), area.top(),
        area.bottom());
  };
  const DataWindow& region = brushed_->region;
  const QRectF marked = brushed_->x_only ? QRectF(QPointF(px(region.x_min), area.top()),
                                                  QPointF(px(region.x_max), area.bottom()))
                                         : QRectF(QPointF(px(region.x_min), py(region.y_max)),
                                                  QPointF(px(region.x_max), py(region.y_min)));
  painter.drawRect(marked.normalized().intersected(area));
}

void PlotNavigator::setBrush(const std::string& predicate) {
  if (predicate == brush_now_) return;
  brush_now_ = predicate;
  Q_EMIT changed();
}

// The picked bars, while their predicate is the brush.
void PlotNavigator::paintBrushedBars(QPainter& painter) const {
  const auto& categories = plot_->data.categories;
  if (picked_.empty() || categories.empty() ||
      CategoryBrushPredicate(plot_->request, picked_, server()) != brush_now_)
    return;
  const PlotScene& plot = *scene_;
  const double slot = (plot.area_right - plot.area_left) / static_cast<double>(categories.size());
  for (size_t bar = 0; bar < categories.size(); ++bar) {
    if (std::find(picked_.begin(), picked_.end(), categories[bar]) == picked_.end()) continue;
    const double left = plot.area_left + slot * static_cast<double>(bar);
    painter.drawRect(QRectF(left, plot.area_top, slot, plot.area_bottom - plot.area_top));
  }
}

Status PlotNavigator::exportTo(const QString& path) const {
  if (!scene_) return InvalidInput("the plot has not been drawn yet");
  const std::string file = path.toStdString();
  if (path.endsWith(".png", Qt::CaseInsensitive))
    return ExportPng(scene_->scene, file, {192, false});
  if (path.endsWith(".svg", Qt::CaseInsensitive)) return ExportSvg(scene_->scene, file, title_);
  if (path.endsWith(".pdf", Qt::CaseInsensitive)) return ExportPdf({scene_->scene}, file, title_);
  return InvalidInput("end the file name in .png, .svg or .pdf");
}

}  // namespace pika::ui
