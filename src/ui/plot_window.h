// PlotWindow: a Plot node opened on its own, following the node's results, with export of the
// picture, of the rows in view (CSV or Parquet), and a copy of the SQL behind it.
// It draws with OpenGL where the platform has it, with QPainter otherwise.
#pragma once

#include <QDialog>

#include "canvas/node.h"

class QLabel;
class QPushButton;
class QTimer;

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
  // Writes the rows in view to `path` (.csv or .parquet) off the UI thread; the status line
  // shows progress, then the outcome.
  void exportDataTo(const QString& path);
  QString statusText() const;

 private:
  void refresh();
  void exportPlot();
  void copySql();
  void exportDataInView();
  void showStatus(const QString& text, bool error = false);

  GraphDocument& document_;
  GraphRunner& runner_;
  EngineSession& engine_;
  canvas::NodeId id_;
  QWidget* view_;
  PlotNavigator* navigator_;
  QLabel* status_;
  QPushButton* cancel_;
  QTimer* progress_;
};

}  // namespace pika::ui
