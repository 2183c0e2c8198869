#include "ui/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

#include "compute/plot_sql.h"
#include "ui/engine_session.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/remote_plot_job.h"
#include "workspace/plot_node.h"

namespace pika::ui {

namespace {

constexpr uint64_t kExportKey = (uint64_t{1} << 58) + 48;

QSpinBox* SpinBox(int low, int high, int value, const QString& suffix, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  box->setRange(low, high);
  box->setValue(value);
  box->setSuffix(suffix);
  return box;
}

}  // namespace

ExportDialog::ExportDialog(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                           ExportScopes scopes, QString workspace, QWidget* parent)
    : QDialog(parent),
      document_(document),
      runner_(runner),
      engine_(engine),
      scopes_(std::move(scopes)),
      workspace_(std::move(workspace)),
      scope_(new QComboBox(this)),
      format_(new QComboBox(this)),
      width_(SpinBox(120, 20000, 1200, " px", this)),
      height_(SpinBox(90, 20000, 750, " px", this)),
      dpi_(SpinBox(72, 600, 192, " dpi", this)),
      transparent_(new QCheckBox("Transparent background", this)),
      title_(new QCheckBox("Plot titles", this)),
      notes_(new QCheckBox("Notes (in summary.md)", this)),
      timestamp_(new QCheckBox("Time of export", this)),
      folder_(new QLineEdit(this)),
      progress_(new QProgressBar(this)),
      result_(new QLabel(this)),
      export_(new QPushButton("Export", this)),
      poll_(new QTimer(this)) {
  setWindowTitle("Export plots");
  scope_->addItem(QString("Selected plots (%1)").arg(scopes_.selected.size()), 0);
  scope_->addItem(QString("Plots visible on the canvas (%1)").arg(scopes_.visible.size()), 1);
  scope_->addItem(QString("Whole workspace (%1 plots)").arg(scopes_.all.size()), 2);
  format_->addItem("PNG images", int(ExportFormat::kPng));
  format_->addItem("SVG images", int(ExportFormat::kSvg));
  format_->addItem("PDF, one plot per page", int(ExportFormat::kPdf));
  format_->addItem("CSV: the data behind each plot", int(ExportFormat::kCsv));
  format_->addItem("Parquet: the data behind each plot", int(ExportFormat::kParquet));
  const QSettings settings;
  format_->setCurrentIndex(settings.value("export/format", 0).toInt());
  width_->setValue(settings.value("export/width", 1200).toInt());
  height_->setValue(settings.value("export/height", 750).toInt());
  dpi_->setValue(settings.value("export/dpi", 192).toInt());
  transparent_->setChecked(settings.value("export/transparent", false).toBool());
  for (QCheckBox* box : {title_, notes_, timestamp_}) box->setChecked(true);
  timestamp_->setChecked(settings.value("export/timestamp", true).toBool());
  folder_->setText(
      settings.value("export/folder", QDir::home().filePath("Pika-Plot exports")).toString());
  scope_->setCurrentIndex(!scopes_.selected.empty() ? 0 : !scopes_.visible.empty() ? 1 : 2);
  progress_->setRange(0, 100);
  progress_->hide();
  result_->setWordWrap(true);
  result_->setTextFormat(Qt::RichText);
  setMinimumWidth(560);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* choose = new QPushButton("Choose…", this);
  auto* folder_row = new QHBoxLayout;
  folder_row->addWidget(folder_, 1);
  folder_row->addWidget(choose);
  auto* size_row = new QHBoxLayout;
  size_row->addWidget(width_);
  size_row->addWidget(new QLabel("×", this));
  size_row->addWidget(height_);
  size_row->addWidget(dpi_);
  size_row->addStretch();
  auto* form = new QFormLayout;
  form->addRow("Plots", scope_);
  form->addRow("Format", format_);
  form->addRow("Size", size_row);
  form->addRow("", transparent_);
  form->addRow("Include", title_);
  form->addRow("", notes_);
  form->addRow("", timestamp_);
  form->addRow("Folder", folder_row);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons->addButton(export_, QDialogButtonBox::AcceptRole);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(progress_);
  layout->addWidget(result_);
  layout->addWidget(buttons);

  connect(choose, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, "Export into", folder_->text());
    if (!folder.isEmpty()) folder_->setText(folder);
  });
  connect(export_, &QPushButton::clicked, this, [this] {
    if (running_) return engine_.cancel(kExportKey);
    start();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
  connect(scope_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
  connect(poll_, &QTimer::timeout, this, [this] {
    const double done = engine_.progress(kExportKey);
    if (done >= 0) progress_->setValue(static_cast<int>(done * 100));
  });
  updateEnabled();
}

ExportDialog::~ExportDialog() {
  if (running_) engine_.cancel(kExportKey);
}

void ExportDialog::setFolder(const QString& folder) { folder_->setText(folder); }

void ExportDialog::setFormat(ExportFormat format) {
  format_->setCurrentIndex(format_->findData(int(format)));
}

bool ExportDialog::setScope(int scope) {
  scope_->setCurrentIndex(scope);
  return !scopePlots().empty();
}

QString ExportDialog::resultText() const { return result_->text(); }

std::vector<canvas::NodeId> ExportDialog::scopePlots() const {
  switch (scope_->currentData().toInt()) {
    case 0: return scopes_.selected;
    case 1: return scopes_.visible;
    default: return scopes_.all;
  }
}

void ExportDialog::updateEnabled() {
  const auto format = ExportFormat(format_->currentData().toInt());
  for (QWidget* widget : {static_cast<QWidget*>(width_), static_cast<QWidget*>(height_),
                          static_cast<QWidget*>(title_), static_cast<QWidget*>(timestamp_)})
    widget->setEnabled(IsPicture(format) && !running_);
  dpi_->setEnabled(format == ExportFormat::kPng && !running_);
  transparent_->setEnabled(format == ExportFormat::kPng && !running_);
  export_->setEnabled(running_ || !scopePlots().empty());
  export_->setText(running_ ? "Cancel" : "Export");
}

ExportSettings ExportDialog::settings() const {
  ExportSettings settings;
  settings.format = ExportFormat(format_->currentData().toInt());
  settings.width = width_->value();
  settings.height = height_->value();
  settings.dpi = dpi_->value();
  settings.transparent = transparent_->isChecked();
  settings.include_title = title_->isChecked();
  settings.include_notes = notes_->isChecked();
  settings.include_timestamp = timestamp_->isChecked();
  settings.theme = runner_.plotTheme();
  return settings;
}

ExportJob ExportDialog::makeJob() const {
  ExportJob job;
  job.folder = folder_->text().toStdString();
  job.workspace = workspace_.toStdString();
  job.settings = settings();
  job.remote = &engine_.remote();
  if (job.settings.include_timestamp)
    job.timestamp = QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm t").toStdString();
  const canvas::Graph& graph = document_.graph();
  for (canvas::NodeId id : scopePlots()) {
    const canvas::Node* node = graph.Find(id);
    if (node == nullptr) continue;
    ExportPlotItem item{node->name, node->plot.title, runner_.run(id).plot, "", "", ""};
    if (item.plot && item.plot->remote) {
      item.sql = RemotePlotSqlText(*item.plot);
    } else if (item.plot) {
      item.sql = PlotSqlOf(graph, id, item.plot->request, item.plot->data);
      item.data_sql = PlotQuerySql(item.plot->request, item.plot->data);
    } else {
      const NodeRun& run = runner_.run(id);
      item.error = run.state == RunState::kError
                       ? run.message.toStdString()
                       : "the plot has not been drawn yet: connect it and wait for its input";
    }
    job.plots.push_back(std::move(item));
  }
  for (const auto& [id, node] : graph.nodes())
    if (node.kind == canvas::NodeKind::kNote && !node.text.empty()) job.notes.push_back(node.text);
  return job;
}

void ExportDialog::start() {
  if (running_) return;
  if (folder_->text().trimmed().isEmpty()) {
    result_->setStyleSheet("color: #d62728");
    result_->setText("Choose a folder to export into.");
    return;
  }
  remember();
  running_ = true;
  progress_->setValue(0);
  progress_->show();
  result_->setStyleSheet("");
  result_->setText("Exporting…");
  updateEnabled();
  poll_->start(100);
  engine_.run<ExportReport>(
      this, kExportKey,
      [job = makeJob()](Connection& connection, const CancelToken& cancel,
                        const ProgressFn& progress) -> Result<ExportReport> {
        return RunExport(connection, job, cancel, progress);
      },
      [this](Result<ExportReport> report) { finished(std::move(report)); });
}

void ExportDialog::finished(Result<ExportReport> report) {
  running_ = false;
  poll_->stop();
  progress_->hide();
  updateEnabled();
  if (!report.ok()) {
    result_->setStyleSheet("color: #d62728");
    result_->setText(report.error().kind == ErrorKind::kCancelled
                         ? "Export cancelled: files already written stay, summary.md was not "
                           "written."
                         : QString::fromStdString(report.error().message));
    return;
  }
  QStringList files;
  for (const std::string& file : report->files) files << QString::fromStdString(file);
  QString text = QString("Wrote %1 files to %2: %3")
                     .arg(files.size())
                     .arg(folder_->text(), files.join(", "))
                     .toHtmlEscaped();
  if (!report->errors.empty()) {
    text += "<br><span style='color: #d62728'>Not exported (see summary.md):";
    // The first line says it; engine errors go on with the statement and a caret.
    for (const std::string& error : report->errors)
      text += "<br>• " + QString::fromStdString(error).section('\n', 0, 0).toHtmlEscaped();
    text += "</span>";
  }
  result_->setStyleSheet("");
  result_->setText(text);
}

void ExportDialog::remember() const {
  QSettings settings;
  settings.setValue("export/format", format_->currentIndex());
  settings.setValue("export/width", width_->value());
  settings.setValue("export/height", height_->value());
  settings.setValue("export/dpi", dpi_->value());
  settings.setValue("export/transparent", transparent_->isChecked());
  settings.setValue("export/timestamp", timestamp_->isChecked());
  settings.setValue("export/folder", folder_->text());
}

}  // namespace pika::ui
