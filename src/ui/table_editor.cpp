#include "ui/table_editor.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/import_settings_dialog.h"
#include "ui/node_rows_model.h"

namespace pika::ui {

TableEditor::TableEditor(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                         QWidget* parent)
    : NodeEditor(document, parent),
      runner_(runner),
      engine_(engine),
      path_(new QLabel(this)),
      choose_(new QPushButton("Choose file…", this)),
      types_(new QPushButton("Column types…", this)),
      cancel_(new QPushButton("Cancel import", this)),
      embed_(new QCheckBox("Embed data when saving", this)),
      summary_(new QLabel(this)),
      rejects_(new QListWidget(this)),
      reject_text_(new QLabel(this)),
      table_(new QTableView(this)),
      rows_(new NodeRowsModel(engine, this)) {
  path_->setWordWrap(true);
  path_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_->setWordWrap(true);
  rejects_->setMaximumHeight(110);
  rejects_->setToolTip(
      "Rows of the file that could not be read, by line number: click one to "
      "see it as it is in the file");
  table_->setModel(rows_);
  table_->verticalHeader()->setDefaultSectionSize(22);
  types_->setToolTip("Check the inferred types, set your own, and say which words mean missing");
  auto* file_row = new QHBoxLayout;
  file_row->addWidget(path_, 1);
  file_row->addWidget(choose_);
  auto* action_row = new QHBoxLayout;
  action_row->addWidget(types_);
  action_row->addWidget(cancel_);
  action_row->addStretch();
  action_row->addWidget(embed_);
  embed_->setToolTip(
      "On: the workspace file holds this table's data and opens without the source file. "
      "Off: it saves only the path, and opening reads the file again.");
  connect(embed_, &QCheckBox::toggled, this, [this](bool on) {
    const canvas::Node* node = document_.graph().Find(id_);
    if (node == nullptr || node->embed_data == on) return;
    canvas::Node edited = *node;
    edited.embed_data = on;
    document_.updateNode(edited);
  });
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(file_row);
  layout->addLayout(action_row);
  layout->addWidget(summary_);
  layout->addWidget(rejects_);
  layout->addWidget(reject_text_);
  layout->addWidget(table_, 1);
  connect(choose_, &QPushButton::clicked, this, &TableEditor::chooseFile);
  connect(cancel_, &QPushButton::clicked, this, [this] { runner_.cancel(id_); });
  reject_text_->setWordWrap(true);
  reject_text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  reject_text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  connect(rejects_, &QListWidget::currentRowChanged, this, [this](int row) {
    const auto& relation = runner_.run(id_).relation;
    if (!relation || row < 0 || row >= static_cast<int>(relation->rejects.size())) {
      reject_text_->clear();
      return;
    }
    const RejectedRow& reject = relation->rejects[static_cast<size_t>(row)];
    reject_text_->setText(QString("line %1 as read: %2")
                              .arg(reject.line)
                              .arg(reject.text.empty() ? QString("(not available)")
                                                       : QString::fromStdString(reject.text)));
  });
  connect(types_, &QPushButton::clicked, this, [this] {
    const auto& relation = runner_.run(id_).relation;
    OpenImportSettings(window(), document_, engine_, id_,
                       relation ? relation->column_reports : std::vector<ColumnReport>{});
  });
}

void TableEditor::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(
      this, "Import a file", {},
      "Data files (*.csv *.tsv *.txt *.csv.gz *.csv.zst *.parquet);;All files (*)");
  const canvas::Node* node = document_.graph().Find(id_);
  if (path.isEmpty() || node == nullptr) return;
  canvas::Node edited = *node;
  edited.source_path = path.toStdString();
  document_.updateNode(edited);
}

void TableEditor::showNode(const canvas::Node& node, const NodeRun& run) {
  id_ = node.id;
  types_->setEnabled(!node.source_path.empty());
  const QSignalBlocker quiet(embed_);  // showing is not editing
  embed_->setChecked(node.embed_data);
  cancel_->setVisible(run.state == RunState::kRunning || run.state == RunState::kWaiting);
  path_->setText(node.source_path.empty() ? "no file yet"
                                          : QString::fromStdString(canvas::SourceText(node)));
  rejects_->clear();
  if (run.state == RunState::kReady) {
    const NodeRelation& relation = *run.relation;
    QStringList columns;
    for (const ResultColumn& column : relation.columns) {
      columns << QString("%1 %2").arg(QString::fromStdString(column.name),
                                      QString::fromStdString(column.engine_type));
    }
    QString text = QString("%1 rows, %2 columns: %3")
                       .arg(QLocale().toString(static_cast<qulonglong>(relation.rows)))
                       .arg(relation.columns.size())
                       .arg(columns.join(", "));
    for (const std::string& note : relation.notes) text += "\n" + QString::fromStdString(note);
    if (relation.rejected > 0)
      text += QString("\n%1 rows could not be read and are not in the table:")
                  .arg(QLocale().toString(static_cast<qulonglong>(relation.rejected)));
    summary_->setText(text);
    summary_->setStyleSheet({});
    for (const RejectedRow& reject : relation.rejects) {
      rejects_->addItem(
          QString("line %1: %2%3")
              .arg(reject.line)
              .arg(reject.column.empty() ? QString() : QString::fromStdString(reject.column) + ": ")
              .arg(QString::fromStdString(reject.reason)));
    }
  } else {
    summary_->setText(run.state == RunState::kRunning ? QString("importing…") : run.message);
    summary_->setStyleSheet(run.state == RunState::kError ? "color: #d62728" : "");
  }
  rejects_->setVisible(rejects_->count() > 0);
  reject_text_->clear();
  reject_text_->setVisible(rejects_->count() > 0);
  if (run.relation && run.relation != shown_) {
    shown_ = run.relation;
    rows_->setRelation(node.name, run.relation);
  } else if (!run.relation && run.state != RunState::kRunning && run.state != RunState::kWaiting) {
    shown_ = nullptr;
    rows_->clear();
  }
}

}  // namespace pika::ui
