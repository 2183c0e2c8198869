// PlotView: a plot painted with QPainter — the interactive view wherever OpenGL is not
// available (the offscreen platform), and the reference the OpenGL view is tested against.
#pragma once

#include <QWidget>

#include "ui/plot_navigator.h"

namespace pika::ui {

class PlotView : public QWidget {
  Q_OBJECT

 public:
  PlotView(EngineSession& engine, QWidget* parent = nullptr);
  PlotNavigator& navigator() { return *navigator_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  PlotNavigator* navigator_;
};

}  // namespace pika::ui
