#include "ui/plot_window.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/gl_plot_view.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/plot_navigator.h"
#include "ui/plot_view.h"

namespace pika::ui {

PlotWindow::PlotWindow(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                       canvas::NodeId id, QWidget* parent)
    : QDialog(parent),
      document_(document),
      runner_(runner),
      id_(id),
      view_(nullptr),
      navigator_(nullptr),
      status_(new QLabel(this)) {
  if (GlPlotView::Available()) {
    auto* gl = new GlPlotView(engine, this);
    view_ = gl;
    navigator_ = &gl->navigator();
  } else {
    auto* painted = new PlotView(engine, this);
    view_ = painted;
    navigator_ = &painted->navigator();
  }
  view_->setToolTip("Wheel: zoom · drag: pan · double-click: everything");
  auto* save = new QPushButton("Export…", this);
  save->setToolTip("Save the plot as PNG, SVG or PDF");
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(status_, 1);
  bottom->addWidget(save);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(view_, 1);
  layout->addLayout(bottom);
  connect(save, &QPushButton::clicked, this, &PlotWindow::exportPlot);
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
  if (run.plot && run.plot->data_released) {
    runner_.rerun(id_);  // its data was given back when memory ran short
  } else if (run.plot) {
    navigator_->setPlot(run.plot, node->plot.title, runner_.plotTheme());
  }
  status_->setStyleSheet(run.state == RunState::kError ? "color: #d62728" : "");
  status_->setText(run.state == RunState::kReady && run.plot
                       ? QString::fromStdString(run.plot->scene.badge)
                       : run.message);
}

void PlotWindow::exportPlot() {
  const QString path = QFileDialog::getSaveFileName(this, "Export plot", "plot.png",
                                                    "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)");
  if (path.isEmpty()) return;
  Status saved = navigator_->exportTo(path);
  status_->setStyleSheet(saved.ok() ? "" : "color: #d62728");
  status_->setText(saved.ok() ? QString("saved %1").arg(path)
                              : QString::fromStdString(saved.error().message));
}

}  // namespace pika::ui
