#include "ui/import_settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <atomic>

#include "storage/file_importer.h"
#include "ui/engine_session.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/remembered_import.h"
#include "workspace/table_node.h"

namespace pika::ui {

namespace {

constexpr uint64_t kInspectKeyBase = uint64_t{1} << 56;
constexpr ColumnType kChoosable[] = {ColumnType::kBoolean,   ColumnType::kBigint,
                                     ColumnType::kDouble,    ColumnType::kDate,
                                     ColumnType::kTimestamp, ColumnType::kVarchar};
constexpr const char* kInferred = "as inferred";

std::atomic<uint64_t> next_key{kInspectKeyBase};

enum TableColumn { kName, kInferredType, kConfidence, kContradictions, kUse };

// The inference's reason, then the values that contradict it, with their lines.
QString Why(const ColumnReport& column) {
  QStringList values;
  for (const Counterexample& example : column.counterexamples) {
    values << QString("line %1: '%2'").arg(example.line).arg(QString::fromStdString(example.value));
  }
  const QString reason = QString::fromStdString(column.explanation);
  return values.isEmpty() ? reason : reason + "; contradicted by " + values.join(", ");
}

QStringList SplitWords(const QString& text) {
  QStringList words;
  for (const QString& word : text.split(',', Qt::SkipEmptyParts)) {
    if (!word.trimmed().isEmpty()) words << word.trimmed();
  }
  return words;
}

}  // namespace

bool NeedsReview(const std::vector<ColumnReport>& columns) {
  return std::any_of(columns.begin(), columns.end(), [](const ColumnReport& column) {
    return column.confidence < kReviewConfidence;
  });
}

ImportSettingsDialog::ImportSettingsDialog(EngineSession& engine, const canvas::Node& node,
                                           std::vector<ColumnReport> columns, QWidget* parent)
    : QDialog(parent),
      engine_(engine),
      path_(node.source_path),
      initial_(node.import),
      columns_(new QTableWidget(this)),
      nulls_(new QLineEdit(this)),
      remember_(new QCheckBox("Remember these settings for this file", this)),
      status_(new QLabel(this)),
      preview_(new QTableWidget(this)),
      key_(next_key++) {
  setWindowTitle(
      QString("Column types — %1").arg(QFileInfo(QString::fromStdString(path_)).fileName()));
  auto* intro = new QLabel(
      "Each column's type as inferred from a sample, how sure that is, and the values that "
      "contradict it. Uncertain columns are marked; choose another type where the inference "
      "is wrong, then Preview.",
      this);
  intro->setWordWrap(true);
  columns_->setColumnCount(5);
  columns_->setHorizontalHeaderLabels(
      {"Column", "Inferred", "Confidence", "Why, and the values that contradict it", "Use"});
  columns_->horizontalHeader()->setSectionResizeMode(kContradictions, QHeaderView::Stretch);
  columns_->verticalHeader()->hide();
  QStringList nulls;
  for (const std::string& word : initial_.null_strings) nulls << QString::fromStdString(word);
  nulls_->setText(nulls.join(", "));
  nulls_->setPlaceholderText("e.g. NA, N/A, -   (the empty field is always missing)");
  status_->setWordWrap(true);
  auto* preview_button = new QPushButton("Preview", this);
  preview_button->setToolTip("Read the sample again with these choices");
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText("Import with these types");
  auto* form = new QFormLayout;
  form->addRow("Missing values", nulls_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(columns_, 2);
  layout->addLayout(form);
  layout->addWidget(remember_);
  layout->addWidget(preview_button, 0, Qt::AlignLeft);
  layout->addWidget(status_);
  layout->addWidget(preview_, 3);
  layout->addWidget(buttons);
  connect(preview_button, &QPushButton::clicked, this, &ImportSettingsDialog::preview);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(900, 640);
  showColumns(columns);
  preview();  // the sample rows, and the reports when the run had none
}

void ImportSettingsDialog::showColumns(const std::vector<ColumnReport>& columns) {
  const canvas::ImportSettings chosen = columns_->rowCount() > 0 ? settings() : initial_;
  columns_->setRowCount(static_cast<int>(columns.size()));
  for (int row = 0; row < static_cast<int>(columns.size()); ++row) {
    const ColumnReport& column = columns[static_cast<size_t>(row)];
    const bool unsure = column.confidence < kReviewConfidence;
    auto cell = [&](int at, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
      if (unsure) item->setForeground(QColor(0xd6, 0x27, 0x28));
      item->setToolTip(QString::fromStdString(column.explanation));
      columns_->setItem(row, at, item);
    };
    cell(kName, QString::fromStdString(column.name));
    cell(kInferredType, QString::fromStdString(std::string(ToDuckDbName(column.type))));
    cell(kConfidence,
         QString("%1%%2").arg(column.confidence * 100, 0, 'f', 1).arg(unsure ? "  ⚠" : ""));
    cell(kContradictions, Why(column));
    auto* use = new QComboBox(columns_);
    use->addItem(kInferred);
    for (ColumnType type : kChoosable)
      use->addItem(QString::fromStdString(std::string(ToDuckDbName(type))));
    const auto found = chosen.column_types.find(column.name);
    if (found != chosen.column_types.end())
      use->setCurrentText(QString::fromStdString(std::string(ToDuckDbName(found->second))));
    columns_->setCellWidget(row, kUse, use);
  }
  columns_->resizeColumnsToContents();
}

canvas::ImportSettings ImportSettingsDialog::settings() const {
  canvas::ImportSettings chosen;
  for (int row = 0; row < columns_->rowCount(); ++row) {
    const auto* use = qobject_cast<QComboBox*>(columns_->cellWidget(row, kUse));
    if (use == nullptr || use->currentText() == kInferred) continue;
    if (auto type = ParseColumnType(use->currentText().toStdString()))
      chosen.column_types[columns_->item(row, kName)->text().toStdString()] = *type;
  }
  for (const QString& word : SplitWords(nulls_->text()))
    chosen.null_strings.push_back(word.toStdString());
  return chosen;
}

bool ImportSettingsDialog::remember() const { return remember_->isChecked(); }

void ImportSettingsDialog::preview() {
  const ImportOptions options = ImportOptionsOf(settings());
  status_->setText("reading the sample…");
  engine_.run<InspectReport>(
      this, key_,
      [path = path_, options](Connection& connection, const CancelToken& cancel,
                              const ProgressFn&) {
        return InspectFile(connection, path, options, cancel);
      },
      [this](Result<InspectReport> report) {
        if (!report.ok()) {
          status_->setStyleSheet("color: #d62728");
          status_->setText(QString::fromStdString(report.error().message));
          Q_EMIT previewed(false);
          return;
        }
        status_->setStyleSheet({});
        status_->setText(QString("%1 rows sampled%2")
                             .arg(report->sampled_rows)
                             .arg(report->malformed_rows > 0
                                      ? QString(", %1 malformed").arg(report->malformed_rows)
                                      : QString()));
        showColumns(report->columns);
        showSample(report->sample);
        Q_EMIT previewed(true);
      });
}

void ImportSettingsDialog::showSample(const TableBatch& sample) {
  const int rows = static_cast<int>(std::min<size_t>(sample.row_count, 200));
  preview_->clear();
  preview_->setRowCount(rows);
  preview_->setColumnCount(static_cast<int>(sample.columns.size()));
  QStringList headers;
  for (const Column& column : sample.columns) {
    headers << QString("%1\n%2").arg(
        QString::fromStdString(column.name),
        QString::fromStdString(std::string(ToDuckDbName(column.type))));
  }
  preview_->setHorizontalHeaderLabels(headers);
  for (int column = 0; column < preview_->columnCount(); ++column) {
    const Column& values = sample.columns[static_cast<size_t>(column)];
    for (int row = 0; row < rows; ++row) {
      auto* item = new QTableWidgetItem(
          QString::fromStdString(FormatValue(values, static_cast<size_t>(row))));
      if (!values.IsValid(static_cast<size_t>(row))) item->setForeground(Qt::gray);
      preview_->setItem(row, column, item);
    }
  }
}

void OpenImportSettings(QWidget* parent, GraphDocument& document, EngineSession& engine,
                        canvas::NodeId id, std::vector<ColumnReport> columns) {
  const canvas::Node* node = document.graph().Find(id);
  if (node == nullptr || node->kind != canvas::NodeKind::kTable || node->source_path.empty())
    return;
  auto* dialog = new ImportSettingsDialog(engine, *node, std::move(columns), parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  QObject::connect(dialog, &QDialog::accepted, &document, [dialog, &document, id] {
    const canvas::Node* current = document.graph().Find(id);
    if (current == nullptr) return;
    canvas::Node changed = *current;
    changed.import = dialog->settings();
    if (dialog->remember())
      RememberImport(QString::fromStdString(changed.source_path), changed.import);
    document.updateNode(changed);
  });
  dialog->show();
}

}  // namespace pika::ui
