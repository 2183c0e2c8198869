// PlotWindow: a Plot node opened on its own, following the node's results, with export.
// It draws with OpenGL where the platform has it, with QPainter otherwise.
#pragma once

#include <QDialog>

#include "canvas/node.h"

class QLabel;

namespace pika::ui {

class EngineSession;
class GraphDocument;
class GraphRunner;
class PlotNavigator;

class PlotWindow : public QDialog {
  Q_OBJECT

 public:
  PlotWindow(GraphDocument& document, GraphRunner& runner, EngineSession& engine, canvas::NodeId id,
             QWidget* parent = nullptr);
  PlotNavigator& navigator() const { return *navigator_; }
  QWidget* view() const { return view_; }

 private:
  void refresh();
  void exportPlot();

  GraphDocument& document_;
  GraphRunner& runner_;
  canvas::NodeId id_;
  QWidget* view_;
  PlotNavigator* navigator_;
  QLabel* status_;
};

}  // namespace pika::ui
