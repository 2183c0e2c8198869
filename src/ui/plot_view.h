// PlotView: a Plot node's scene in a widget, laid out again for the widget's size and, for
// scatter and line plots, for the part of the data in view: the wheel zooms toward the
// cursor, dragging pans, a double-click shows everything again. Each change re-reduces the
// data for the new view on the engine's threads; meanwhile the last picture is moved along.
// The QPainter path of the interactive view, used wherever OpenGL is not available.
#pragma once

#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

#include "ui/node_run.h"

namespace pika::ui {

class EngineSession;

class PlotView : public QWidget {
  Q_OBJECT

 public:
  PlotView(EngineSession& engine, QWidget* parent = nullptr);

  void setPlot(std::shared_ptr<const PlotResult> plot, const std::string& title);
  const PlotScene* scene() const { return scene_ ? &*scene_ : nullptr; }
  // The part of the data in view; none: all of it.
  const std::optional<DataWindow>& window() const { return window_; }
  // Zooms by `factor` (> 1 zooms in) keeping the data under `at` (widget pixels) in place.
  void zoomAt(QPointF at, double factor);
  void panBy(QPointF pixels);
  void showAll();
  // Saves what is shown as PNG, SVG or PDF (by the path's extension).
  Status exportTo(const QString& path) const;

 Q_SIGNALS:
  void relaidOut();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  void layOut();
  bool navigable() const;
  DataWindow currentWindow() const;
  std::optional<DataWindow> shown_window_;  // the window of the scene on screen
  std::optional<DataWindow> window_;
  QPointF drag_from_;

  EngineSession& engine_;
  std::shared_ptr<const PlotResult> plot_;
  std::string title_;
  std::optional<PlotScene> scene_;
  QTimer relayout_;
  uint64_t generation_ = 0;
};

}  // namespace pika::ui
