#include "ui/plot_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "compute/plot_data.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"

namespace pika::ui {

namespace {

void SetCurrent(QComboBox* box, const std::string& value) {
  const QString text = QString::fromStdString(value);
  if (box->findText(text) < 0) box->addItem(text);
  box->setCurrentText(text);
}

}  // namespace

PlotEditor::PlotEditor(GraphDocument& document, GraphRunner& runner, QWidget* parent)
    : NodeEditor(document, parent),
      runner_(runner),
      kind_(new QComboBox(this)),
      x_(new QComboBox(this)),
      y_(new QComboBox(this)),
      color_(new QComboBox(this)),
      agg_(new QComboBox(this)),
      size_(new QComboBox(this)),
      x_log_(new QCheckBox("log x", this)),
      y_log_(new QCheckBox("log y", this)),
      title_(new QLineEdit(this)),
      brush_(new QLineEdit(this)),
      clear_brush_(new QPushButton("Clear", this)),
      to_filter_(new QPushButton("Make Filter node", this)),
      status_(new QLabel(this)) {
  kind_->addItems({"scatter", "line", "histogram", "bar", "box", "heatmap"});
  agg_->addItems({"", "count", "sum", "mean", "min", "max"});
  agg_->setToolTip(
      "Bar plots: how the rows of each category are aggregated; heatmaps: how each cell's "
      "colour column is");
  color_->setToolTip(
      "Scatter and line plots: colour by this column. Names and up to ten distinct numbers are "
      "categories (a line each); more numbers colour points on a colour bar. Heatmaps: the "
      "column each cell aggregates (without one, cells count rows).");
  status_->setWordWrap(true);
  auto* form = new QFormLayout(this);
  form->addRow("Kind", kind_);
  form->addRow("x", x_);
  form->addRow("y", y_);
  form->addRow("Colour", color_);
  form->addRow("Size", size_);
  size_->setToolTip(
      "Scatter plots: size the points by this number column (shown while points are drawn "
      "one by one, not in a density)");
  form->addRow("Aggregate", agg_);
  auto* log_row = new QHBoxLayout;
  log_row->addWidget(x_log_);
  log_row->addWidget(y_log_);
  log_row->addStretch(1);
  form->addRow("Axes", log_row);
  for (QCheckBox* log : {x_log_, y_log_}) {
    log->setToolTip("Scatter and line plots: a base 10 axis; values of 0 or less are left off");
    connect(log, &QCheckBox::toggled, this, &PlotEditor::edited);
  }
  form->addRow("Title", title_);
  brush_->setPlaceholderText("none: all rows pass on");
  brush_->setToolTip(
      "The rows this plot passes on to the nodes it feeds, as a SQL condition over its input's "
      "columns. Shift+drag in the plot's window to brush a region; click bars to pick them.");
  to_filter_->setToolTip("Move the brush into a Query node that filters with it");
  auto* brush_row = new QHBoxLayout;
  brush_row->addWidget(brush_, 1);
  brush_row->addWidget(clear_brush_);
  form->addRow("Brush", brush_row);
  form->addRow("", to_filter_);
  form->addRow(status_);
  for (QComboBox* box : {kind_, x_, y_, color_, size_, agg_})
    connect(box, &QComboBox::currentTextChanged, this, &PlotEditor::edited);
  connect(title_, &QLineEdit::editingFinished, this, &PlotEditor::edited);
  connect(brush_, &QLineEdit::editingFinished, this, &PlotEditor::edited);
  connect(clear_brush_, &QPushButton::clicked, this, [this] {
    brush_->clear();
    edited();
  });
  connect(to_filter_, &QPushButton::clicked, this, [this] { document_.brushToFilter(id_); });
}

void PlotEditor::edited() {
  const canvas::Node* node = document_.graph().Find(id_);
  if (echoing_ || node == nullptr) return;
  canvas::Node changed = *node;
  changed.plot.kind = kind_->currentText().toStdString();
  changed.plot.x = x_->currentText().toStdString();
  changed.plot.y = y_->currentText().toStdString();
  changed.plot.agg = agg_->currentText().toStdString();
  // Histograms have one colour: the kind's change clears it, in the same undo step.
  changed.plot.color = KindTakesColor(changed.plot.kind) ? color_->currentText().toStdString() : "";
  changed.plot.title = title_->text().toStdString();
  // Only scatter and line plots have log axes: another kind turns them off in the same step.
  const bool logs = changed.plot.kind == "scatter" || changed.plot.kind == "line";
  changed.plot.size = changed.plot.kind == "scatter" ? size_->currentText().toStdString() : "";
  changed.plot.x_log = logs && x_log_->isChecked();
  changed.plot.y_log = logs && y_log_->isChecked();
  changed.plot.brush = brush_->text().trimmed().toStdString();
  document_.updateNode(changed);
}

void PlotEditor::fillColumns(const canvas::Node& node) {
  x_->clear();
  y_->clear();
  color_->clear();
  size_->clear();
  size_->addItem("");                            // one size
  if (node.plot.kind == "box") x_->addItem("");  // one box of all of y
  y_->addItem("");                               // histograms and counted bars need no y
  color_->addItem("");                           // one colour
  const auto inputs = document_.graph().Inputs(node.id);
  if (inputs.empty()) return;
  if (const auto& relation = runner_.run(inputs.front()).relation) {
    for (const ResultColumn& column : relation->columns) {
      x_->addItem(QString::fromStdString(column.name));
      y_->addItem(QString::fromStdString(column.name));
      color_->addItem(QString::fromStdString(column.name));
      size_->addItem(QString::fromStdString(column.name));
    }
  }
}

void PlotEditor::showNode(const canvas::Node& node, const NodeRun& run) {
  id_ = node.id;
  echoing_ = true;
  fillColumns(node);
  SetCurrent(kind_, node.plot.kind);
  SetCurrent(x_, node.plot.x);
  SetCurrent(y_, node.plot.y);
  SetCurrent(agg_, node.plot.agg);
  SetCurrent(color_, node.plot.color);
  SetCurrent(size_, node.plot.size);
  size_->setEnabled(node.plot.kind == "scatter");
  color_->setEnabled(KindTakesColor(node.plot.kind));
  x_log_->setChecked(node.plot.x_log);
  y_log_->setChecked(node.plot.y_log);
  for (QCheckBox* log : {x_log_, y_log_})
    log->setEnabled(node.plot.kind == "scatter" || node.plot.kind == "line");
  if (!title_->hasFocus()) title_->setText(QString::fromStdString(node.plot.title));
  if (!brush_->hasFocus()) brush_->setText(QString::fromStdString(node.plot.brush));
  clear_brush_->setEnabled(!node.plot.brush.empty());
  to_filter_->setEnabled(!node.plot.brush.empty());
  echoing_ = false;
  status_->setStyleSheet(run.state == RunState::kError ? "color: #d62728" : "");
  status_->setText(run.state == RunState::kReady && run.plot
                       ? QString::fromStdString(run.plot->scene.badge) +
                             "\nDouble-click the node to open the plot."
                       : run.message);
}

}  // namespace pika::ui
