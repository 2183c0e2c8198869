// GlPlotView: the interactive plot on the GPU (points, line strips, density textures) with
// the same navigation as PlotView. Used where OpenGL works; never on the offscreen platform,
// where QOpenGLWidget crashes (Qt 6.4).
#pragma once

#include <QOpenGLWidget>

#include "render/gl_scene_painter.h"
#include "ui/plot_navigator.h"

namespace pika::ui {

class GlPlotView : public QOpenGLWidget {
  Q_OBJECT

 public:
  GlPlotView(EngineSession& engine, QWidget* parent = nullptr);
  ~GlPlotView() override;
  PlotNavigator& navigator() { return *navigator_; }
  const GlScenePainter& painter() const { return painter_; }

  // Whether this process can show OpenGL views.
  static bool Available();

 protected:
  void paintGL() override;

 private:
  PlotNavigator* navigator_;
  GlScenePainter painter_;
};

}  // namespace pika::ui
