#include "ui/plot_window.h"

#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "compute/plot/engine_plot.h"
#include "compute/plot_sql.h"
#include "compute/remote_export.h"
#include "compute/source/server_engine.h"
#include "core/local_copy.h"
#include "storage/query_export.h"
#include "ui/engine_session.h"
#include "ui/gl_plot_view.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/plot_navigator.h"
#include "ui/plot_view.h"
#include "ui/remote_plot_job.h"
#include "ui/rows_popup.h"
#include "workspace/plot_node.h"

namespace pika::ui {

namespace {

constexpr uint64_t kDataExportKeyBase = uint64_t{1} << 57;
constexpr uint64_t kDrillKeyBase = (uint64_t{1} << 57) + (uint64_t{1} << 45);
constexpr uint64_t kRowsShown = 200;

}  // namespace

PlotWindow::PlotWindow(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                       canvas::NodeId id, QWidget* parent)
    : QDialog(parent),
      document_(document),
      runner_(runner),
      engine_(engine),
      id_(id),
      view_(nullptr),
      navigator_(nullptr),
      status_(new QLabel(this)),
      cancel_(new QPushButton("Cancel", this)),
      progress_(new QTimer(this)) {
  if (GlPlotView::Available()) {
    auto* gl = new GlPlotView(engine, this);
    view_ = gl;
    navigator_ = &gl->navigator();
  } else {
    auto* painted = new PlotView(engine, this);
    view_ = painted;
    navigator_ = &painted->navigator();
  }
  view_->setToolTip(
      "Wheel: zoom · drag: pan · double-click: everything · Shift+drag: brush the rows this plot "
      "passes on · click a bar: pick it (Ctrl+click: add) · right-click: the rows behind a pixel, "
      "point, bar or bin");
  auto* save = new QPushButton("Export…", this);
  save->setToolTip("Save the plot as PNG, SVG or PDF");
  auto* export_data = new QPushButton("Export data in view…", this);
  export_data->setToolTip(
      "Save the rows in view (all their columns) as CSV or Parquet; bars and histograms save "
      "what they draw");
  auto* sql = new QPushButton("Copy SQL", this);
  sql->setToolTip("Copy the SQL behind the plot, with every node it reads, to the clipboard");
  cancel_->hide();
  auto* bottom = new QHBoxLayout;
  // A long brush or message must not widen the window: it is cut, and whole in the tooltip.
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  bottom->addWidget(status_, 1);
  bottom->addWidget(cancel_);
  bottom->addWidget(sql);
  bottom->addWidget(export_data);
  bottom->addWidget(save);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(view_, 1);
  layout->addLayout(bottom);
  connect(save, &QPushButton::clicked, this, &PlotWindow::exportPlot);
  connect(sql, &QPushButton::clicked, this, &PlotWindow::copySql);
  connect(navigator_, &PlotNavigator::drillRequested, this, &PlotWindow::showRowsBehind);
  connect(navigator_, &PlotNavigator::remoteDrillRequested, this,
          &PlotWindow::showRemoteRowsBehind);
  connect(navigator_, &PlotNavigator::remoteGroupDrillRequested, this,
          &PlotWindow::showRemoteRowsOfGroup);
  connect(navigator_, &PlotNavigator::notice, this, &PlotWindow::showStatus);
  connect(navigator_, &PlotNavigator::brushed, this, [this](const QString& predicate) {
    const canvas::Node* node = document_.graph().Find(id_);
    if (node == nullptr) return;
    canvas::Node brushed = *node;
    brushed.plot.brush = predicate.toStdString();
    document_.updateNode(brushed);  // undoable; the plot and what it feeds run again
  });
  connect(export_data, &QPushButton::clicked, this, &PlotWindow::exportDataInView);
  connect(cancel_, &QPushButton::clicked, this,
          [this] { engine_.cancel(kDataExportKeyBase + id_); });
  connect(progress_, &QTimer::timeout, this, [this] {
    const double done = engine_.progress(kDataExportKeyBase + id_);
    if (done >= 0) showStatus(QString("exporting… %1%").arg(static_cast<int>(done * 100)));
  });
  connect(&runner, &GraphRunner::runChanged, this, [this](canvas::NodeId changed) {
    if (changed == id_) refresh();
  });
  connect(&document, &GraphDocument::nodeRemoved, this,
          [this](canvas::NodeId removed, const QString&) {
            if (removed == id_) close();
          });
  resize(900, 600);
  refresh();
}

void PlotWindow::refresh() {
  const canvas::Node* node = document_.graph().Find(id_);
  if (node == nullptr) return;
  setWindowTitle(QString("%1 — Pika-Plot").arg(QString::fromStdString(node->name)));
  const NodeRun& run = runner_.run(id_);
  navigator_->setBrush(node->plot.brush);
  if (run.plot && run.plot->data_released) {
    runner_.rerun(id_);  // its data was given back when memory ran short
  } else if (run.plot) {
    navigator_->setPlot(run.plot, node->plot.title, runner_.plotTheme());
  } else if (run.coarse) {
    navigator_->setCoarse(run.coarse, node->plot.title, runner_.plotTheme());
  }
  status_->setStyleSheet(run.state == RunState::kError ? "color: #d62728" : "");
  QString text = run.state == RunState::kReady && run.plot
                     ? QString::fromStdString(run.plot->scene.badge)
                 : run.coarse ? QString::fromStdString(run.coarse->scene.badge)
                              : run.message;
  if (!node->plot.brush.empty())
    text += QString(" · brushed: %1").arg(QString::fromStdString(node->plot.brush));
  status_->setText(text);
  status_->setToolTip(text);
}

void PlotWindow::exportPlot() {
  const QString path = QFileDialog::getSaveFileName(this, "Export plot", "plot.png",
                                                    "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)");
  if (path.isEmpty()) return;
  Status saved = navigator_->exportTo(path);
  showStatus(
      saved.ok() ? QString("saved %1").arg(path) : QString::fromStdString(saved.error().message),
      !saved.ok());
}

void PlotWindow::showRowsBehind(const QString& predicate) {
  const NodeRun& run = runner_.run(id_);
  if (!run.plot) return;
  showStatus("fetching the rows behind it…");
  engine_.run<RowsBehind>(
      this, kDrillKeyBase + id_,
      [relation = run.plot->request.relation, where = predicate.toStdString()](
          Connection& connection, const CancelToken& cancel, const ProgressFn&) {
        return FetchRowsBehind(connection, relation, where, kRowsShown, cancel);
      },
      [this, predicate](Result<RowsBehind> rows) {
        if (!rows.ok()) return showStatus(QString::fromStdString(rows.error().message), true);
        showRowsPopup(*rows, predicate);
      });
}

// A remote plot's rows stay on its server: it counts the rows in the region and sends the
// first ones, as the local drill-down shows them.
void PlotWindow::showRemoteRowsBehind(const pika::DataWindow& region) {
  showRemoteRows(
      [region](SqlEngine& server, const PlotDataRequest& request, const CancelToken& cancel) {
        return FetchRowsBehindInEngine(server, request, region, kRowsShown, cancel);
      });
}

void PlotWindow::showRemoteRowsOfGroup(const QString& group) {
  showRemoteRows([group = group.toStdString()](SqlEngine& server, const PlotDataRequest& request,
                                               const CancelToken& cancel) {
    return FetchRowsOfGroupInEngine(server, request, group, kRowsShown, cancel);
  });
}

void PlotWindow::showRemoteRows(RemoteRowsFetch fetch) {
  const NodeRun& run = runner_.run(id_);
  if (!run.plot || !run.plot->remote) return;
  showStatus("asking the server for the rows behind it…");
  engine_.run<EngineRowsBehind>(
      this, kDrillKeyBase + id_,
      [origin = *run.plot->remote, request = run.plot->request, fetch = std::move(fetch),
       &remote = engine_.remote()](Connection&, const CancelToken& cancel,
                                   const ProgressFn&) -> Result<EngineRowsBehind> {
        auto client = remote.Open(origin.source, origin.max_age_s);
        ServerEngine server(*client);
        return fetch(server, request, cancel);
      },
      [this](Result<EngineRowsBehind> rows) {
        if (!rows.ok()) return showStatus(QString::fromStdString(rows.error().message), true);
        showRowsPopup(rows->rows, QString::fromStdString(rows->predicate));
      });
}

void PlotWindow::showRowsPopup(const RowsBehind& rows, const QString& predicate) {
  showStatus(QString("%1 rows behind it").arg(QLocale().toString(qulonglong(rows.total))));
  if (rows_popup_ != nullptr) rows_popup_->close();
  rows_popup_ = new RowsPopup(rows, predicate, this);
  rows_popup_->setAttribute(Qt::WA_DeleteOnClose);
  rows_popup_->show();
}

void PlotWindow::showStatus(const QString& text, bool error) {
  status_->setStyleSheet(error ? "color: #d62728" : "");
  status_->setText(text);
}

void PlotWindow::copySql() {
  const NodeRun& run = runner_.run(id_);
  if (!run.plot) return showStatus("the plot has not been drawn yet: nothing to copy", true);
  const std::string sql =
      run.plot->remote ? RemotePlotSqlText(*run.plot)
                       : PlotSqlOf(document_.graph(), id_, run.plot->request, run.plot->data);
  QGuiApplication::clipboard()->setText(QString::fromStdString(sql));
  showStatus("copied the SQL behind the plot");
}

void PlotWindow::exportDataInView() {
  const NodeRun& run = runner_.run(id_);
  if (!run.plot) return showStatus("the plot has not been drawn yet: nothing to export", true);
  const std::string& kind = run.plot->request.kind;
  if (run.plot->remote && kind != "scatter" && kind != "line")
    return showStatus(
        QString("a remote %1 plot is an aggregate computed on its server: Copy SQL gives the "
                "query, or tick \"Keep a local copy\" on the remote node to export from here")
            .arg(QString::fromStdString(kind)),
        true);
  const QString path = QFileDialog::getSaveFileName(this, "Export data in view", "data.csv",
                                                    "CSV (*.csv);;Parquet (*.parquet)");
  if (!path.isEmpty()) exportDataTo(path);
}

QString PlotWindow::statusText() const { return status_->text(); }

void PlotWindow::exportDataTo(const QString& path) {
  const NodeRun& run = runner_.run(id_);
  if (!run.plot) return showStatus("the plot has not been drawn yet: nothing to export", true);
  if (run.plot->remote) return exportRemoteDataTo(path);
  PlotSqlOptions options;
  options.window = navigator_->window();
  options.all_columns = true;
  const std::string sql = PlotQuerySql(run.plot->request, run.plot->data, options);
  runDataExport(
      path, [sql, target = path.toStdString()](Connection& connection, const CancelToken& cancel,
                                               const ProgressFn& progress) {
        return ExportQueryResult(connection, sql, target, cancel, progress);
      });
}

// The rows in view stay on the server until exported: counted there, then brought and written.
void PlotWindow::exportRemoteDataTo(const QString& path) {
  const NodeRun& run = runner_.run(id_);
  runDataExport(
      path,
      [origin = *run.plot->remote, request = run.plot->request, view = navigator_->window(),
       target = path.toStdString(), &remote = engine_.remote()](
          Connection&, const CancelToken& cancel, const ProgressFn& progress) -> Status {
        auto client = remote.Open(origin.source, origin.max_age_s);
        auto written = ExportRemoteRowsInView(*client, request, view, target, kBringLocalRows,
                                              cancel, progress);
        if (!written.ok()) return written.error();
        return {};
      });
}

void PlotWindow::runDataExport(const QString& path, DataExport write) {
  showStatus("exporting…");
  cancel_->show();
  progress_->start(200);
  engine_.run<bool>(
      this, kDataExportKeyBase + id_,
      [write = std::move(write)](Connection& connection, const CancelToken& cancel,
                                 const ProgressFn& progress) -> Result<bool> {
        PIKA_TRY(write(connection, cancel, progress));
        return true;
      },
      [this, path](Result<bool> done) {
        progress_->stop();
        cancel_->hide();
        if (done.ok()) return showStatus(QString("saved the data in view to %1").arg(path));
        showStatus(done.error().kind == ErrorKind::kCancelled
                       ? QString("export cancelled: %1 was not written").arg(path)
                       : QString::fromStdString(done.error().message),
                   done.error().kind != ErrorKind::kCancelled);
      });
}

}  // namespace pika::ui
