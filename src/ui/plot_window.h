// PlotWindow: a Plot node opened on its own, following the node's results, with export of the
// picture, of the rows in view (CSV or Parquet), and a copy of the SQL behind it.
// It draws with OpenGL where the platform has it, with QPainter otherwise.
#pragma once

#include <QDialog>
#include <QPointer>
#include <functional>

#include "canvas/node.h"
#include "compute/plot/engine_plot.h"
#include "plot/plot_scene.h"
#include "ui/rows_popup.h"

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
  // The popup of the last drill-down, once its rows arrived (null before).
  RowsPopup* rowsPopup() const { return rows_popup_; }

 private:
  void refresh();
  void exportPlot();
  void copySql();
  void exportDataInView();
  void exportRemoteDataTo(const QString& path);
  // Writes data to `path` off the UI thread, with progress and cancel.
  using DataExport = std::function<Status(Connection& connection, const CancelToken& cancel,
                                          const ProgressFn& progress)>;
  void runDataExport(const QString& path, DataExport write);
  void showStatus(const QString& text, bool error = false);
  void showRowsBehind(const QString& predicate);
  void showRemoteRowsBehind(const pika::DataWindow& region);
  void showRemoteRowsOfGroup(const QString& group);
  // Asks the plot's server for rows with `fetch`, and shows them in the popup.
  using RemoteRowsFetch = std::function<Result<EngineRowsBehind>(
      SqlEngine& server, const PlotDataRequest& request, const CancelToken& cancel)>;
  void showRemoteRows(RemoteRowsFetch fetch);
  void showRowsPopup(const RowsBehind& rows, const QString& predicate);

  GraphDocument& document_;
  GraphRunner& runner_;
  EngineSession& engine_;
  canvas::NodeId id_;
  QWidget* view_;
  PlotNavigator* navigator_;
  QLabel* status_;
  QPushButton* cancel_;
  QTimer* progress_;
  QPointer<RowsPopup> rows_popup_;  // null once closed
};

}  // namespace pika::ui
