// PlotView: a Plot node's scene in a widget, laid out again for the widget's size (on the
// engine's threads, coarse data never blocks the UI). The QPainter path of the interactive
// view, used wherever OpenGL is not available.
#pragma once

#include <QTimer>
#include <QWidget>
#include <memory>

#include "ui/node_run.h"

namespace pika::ui {

class EngineSession;

class PlotView : public QWidget {
  Q_OBJECT

 public:
  PlotView(EngineSession& engine, QWidget* parent = nullptr);

  void setPlot(std::shared_ptr<const PlotResult> plot, const std::string& title);
  const PlotScene* scene() const { return scene_ ? &*scene_ : nullptr; }
  // Saves what is shown as PNG, SVG or PDF (by the path's extension).
  Status exportTo(const QString& path) const;

 Q_SIGNALS:
  void relaidOut();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void layOut();

  EngineSession& engine_;
  std::shared_ptr<const PlotResult> plot_;
  std::string title_;
  std::optional<PlotScene> scene_;
  QTimer relayout_;
  uint64_t generation_ = 0;
};

}  // namespace pika::ui
