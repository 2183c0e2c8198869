// PlotNavigator: what a plot view shows and how the user moves through it, apart from how it
// is painted. It lays the scene out for the view's size and, for scatter and line plots, for
// the part of the data in view: the wheel zooms toward the cursor, dragging pans, a
// double-click shows everything. Each change re-reduces the data on the engine's threads;
// until the new scene arrives, previewTransform() moves the last one along.
#pragma once

#include <QObject>
#include <QSize>
#include <QTimer>
#include <QTransform>
#include <memory>
#include <optional>

#include "ui/node_run.h"

class QWidget;

class QPainter;

namespace pika::ui {

class EngineSession;

class PlotNavigator : public QObject {
  Q_OBJECT

 public:
  // Follows `view`'s size and input events (it installs itself as an event filter).
  PlotNavigator(EngineSession& engine, QWidget& view);

  void setPlot(std::shared_ptr<const PlotResult> plot, const std::string& title,
               ThemeKind theme = ThemeKind::kLight);
  // While the plot's rows are still coming: its coarse level, laid out for the view. It is
  // a picture only: panning, brushing and drill-down wait for the exact plot.
  void setCoarse(std::shared_ptr<const CoarsePlot> coarse, const std::string& title,
                 ThemeKind theme = ThemeKind::kLight);
  const PlotScene* scene() const { return scene_ ? &*scene_ : nullptr; }
  // Grows with every new scene: painters that keep GPU buffers key them by it.
  uint64_t sceneVersion() const { return scene_version_; }
  // The part of the data in view; none: all of it.
  const std::optional<DataWindow>& window() const { return window_; }
  // Zooms by `factor` (> 1 zooms in) keeping the data under `at` (view pixels) in place.
  void zoomAt(QPointF at, double factor);
  void panBy(QPointF pixels);
  void showAll();
  // Shows exactly `window` (scatter and line plots).
  void showWindow(const DataWindow& window);
  // What to paint the current scene through while a newer window is being reduced, and the
  // plot area to clip it to; nothing when the scene is current.
  std::optional<std::pair<QTransform, QRectF>> previewTransform() const;
  // The data coordinates under a view point, when it is inside the plot area.
  std::optional<QPointF> dataAt(QPointF at) const;
  // What hovering `at` shows: the point under it, or the rows a density pixel counts, or
  // the coordinates.
  QString hoverText(QPointF at) const;
  // Saves what is shown as PNG, SVG or PDF (by the path's extension).
  Status exportTo(const QString& path) const;
  // Brushing: Shift+drag marks a box (scatter) or a range of x (line, histogram); a click
  // picks a bar (Ctrl+click adds one). Each ends in brushed() with the SQL predicate.
  void brushBetween(QPointF from, QPointF to);
  void pickBarAt(QPointF at, bool add);
  // Drill-down: the predicate of the rows behind the mark at a view point (a density or
  // line's pixel, a point, a bar, a bin), or nothing outside the plot area. A right-click
  // asks for them with drillRequested().
  std::optional<std::string> drillPredicateAt(QPointF at) const;
  // A remote plot's drill-down: the region under a view point in values (not logs), which
  // its server filters; a right-click asks for its rows with remoteDrillRequested().
  std::optional<DataWindow> remoteDrillRegionAt(QPointF at) const;
  // A remote bar or box plot's drill-down: the group (x as text) of the bar or box under a
  // view point; a right-click asks for its rows with remoteGroupDrillRequested().
  std::optional<std::string> remoteDrillGroupAt(QPointF at) const;
  // The plot's brush as it is now (the node's predicate, empty: none). The region or bars
  // brushed here stay marked while it is still the brush.
  void setBrush(const std::string& predicate);
  // The rectangle being dragged, or the brushed region or bars, over what the view painted.
  void paintBrush(QPainter& painter) const;

 Q_SIGNALS:
  void changed();    // repaint
  void relaidOut();  // a new scene arrived
  void brushed(const QString& predicate);
  void drillRequested(const QString& predicate);
  void remoteDrillRequested(const pika::DataWindow& region);
  // A remote plot's bar or box was right-clicked: its group, x as text.
  void remoteGroupDrillRequested(const QString& group);
  // Something the user asked for could not be done (a remote table's view could not be
  // reduced, or brushing one): what happened, in words.
  void notice(const QString& message, bool error);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void layOut();
  void layOutInEngine(const PlotSpec& spec, uint64_t request);
  bool refuseRemote(const char* what);
  std::optional<RemoteEngine> server() const;
  std::optional<DataWindow> drillRegionAt(QPointF at) const;
  bool navigable() const;
  DataWindow currentWindow() const;
  void requestLayout();
  bool hasArea() const;

  EngineSession& engine_;
  QWidget& view_;
  std::shared_ptr<const PlotResult> plot_;
  std::shared_ptr<const CoarsePlot> coarse_;  // shown while plot_ is not there
  void layOutCoarse();
  std::string title_;
  ThemeKind theme_ = ThemeKind::kLight;
  std::optional<PlotScene> scene_;
  std::optional<DataWindow> shown_window_;  // the window of the scene on screen
  std::optional<DataWindow> window_;
  QPointF drag_from_;
  std::optional<QPointF> brush_from_, brush_to_;
  std::vector<std::string> picked_;  // bars picked by their category
  std::string brush_now_;
  // The last region brushed here, in data units, and its predicate (lines and histograms:
  // all of y).
  struct BrushedRegion {
    std::string predicate;
    DataWindow region;
    bool x_only = false;
  };
  std::optional<BrushedRegion> brushed_;
  void paintBrushedBars(QPainter& painter) const;
  QRectF brushRect(QPointF from, QPointF to) const;
  QPointF dataOfClamped(QPointF at) const;
  QString heatmapCellAt(QPointF at) const;
  std::optional<size_t> barAt(QPointF at) const;
  QTimer relayout_;
  uint64_t key_;
  uint64_t scene_version_ = 0;
  uint64_t layout_requests_ = 0;
  uint64_t exact_shown_ = 0;  // the request whose exact scene is on screen
  // Big scatter plots: count grids at every resolution, built once per data set, so that a
  // new window shows a coarse picture at once while the exact one is computed.
  std::shared_ptr<const DensityPyramid> pyramid_;
  void buildPyramid();
};

}  // namespace pika::ui
