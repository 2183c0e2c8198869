#include "ui/remote_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/engine_session.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/keep_local_box.h"
#include "ui/node_rows_model.h"

namespace pika::ui {

namespace {

constexpr std::pair<int, const char*> kFreshness[] = {
    {canvas::kAskEveryTime, "ask the server every time"},
    {60, "reuse answers for 1 minute"},
    {300, "reuse answers for 5 minutes"},
    {3600, "reuse answers for 1 hour"},
    {canvas::kUntilRefreshed, "reuse answers until I refresh"},
};

QString Count(uint64_t rows) { return QLocale().toString(static_cast<qulonglong>(rows)); }

QString Summary(const RemoteTable& table) {
  QStringList columns;
  for (const EngineColumn& column : table.columns)
    columns << QString("%1 %2").arg(QString::fromStdString(column.name),
                                    QString::fromStdString(column.engine_type));
  return QString("%1%2 rows (%3), %4 columns in %5: %6")
      .arg(table.rows.exact ? "" : "about ")
      .arg(Count(table.rows.rows))
      .arg(table.rows.exact ? "counted" : "the server's estimate")
      .arg(table.columns.size())
      .arg(QString::fromStdString(std::string(EngineName(table.source.engine))))
      .arg(columns.join(", "));
}

}  // namespace

RemoteEditor::RemoteEditor(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                           QWidget* parent)
    : NodeEditor(document, parent),
      runner_(runner),
      engine_(engine),
      url_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      freshness_(new QComboBox(this)),
      keep_local_(new KeepLocalBox(document, this)),
      refresh_(new QPushButton("Refresh from server", this)),
      cancel_(new QPushButton("Cancel", this)),
      summary_(new QLabel(this)),
      table_(new QTableView(this)),
      rows_(new NodeRowsModel(engine, this)) {
  url_->setPlaceholderText("clickhouse://user@host:8123/database/table");
  url_->setToolTip(
      "clickhouse://[user@]host[:port]/database/table (the HTTP port, 8123 by default) or\n"
      "postgres://[user@]host[:port]/database/[schema.]table. No password here: it would be\n"
      "saved with the workspace.");
  password_->setEchoMode(QLineEdit::Password);
  password_->setPlaceholderText("password (kept until you quit, never saved)");
  password_->setToolTip(
      "Used for this server and user until the app quits. Without one, the app reads\n"
      "PIKA_REMOTE_PASSWORD, then CLICKHOUSE_PASSWORD or PGPASSWORD, then ~/.pgpass.");
  for (const auto& [seconds, label] : kFreshness) freshness_->addItem(label, seconds);
  freshness_->setToolTip(
      "Remote tables can change under us: how long plots and counts may reuse an answer\n"
      "before the server is asked again. Refresh asks it at once.");
  refresh_->setToolTip("Ask the server again, now (Ctrl+Enter)");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setModel(rows_);
  table_->verticalHeader()->setDefaultSectionSize(22);
  auto* form = new QFormLayout;
  form->addRow("Table", url_);
  form->addRow("Password", password_);
  form->addRow("Answers", freshness_);
  form->addRow("", keep_local_);
  auto* actions = new QHBoxLayout;
  actions->addWidget(refresh_);
  actions->addWidget(cancel_);
  actions->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(form);
  layout->addLayout(actions);
  layout->addWidget(summary_);
  layout->addWidget(table_, 1);
  connect(url_, &QLineEdit::editingFinished, this, &RemoteEditor::applyUrl);
  connect(password_, &QLineEdit::returnPressed, this, &RemoteEditor::connectWithPassword);
  connect(freshness_, &QComboBox::activated, this, &RemoteEditor::applyFreshness);
  connect(refresh_, &QPushButton::clicked, this, &RemoteEditor::connectWithPassword);
  connect(cancel_, &QPushButton::clicked, this, [this] { runner_.cancel(id_); });
}

void RemoteEditor::applyUrl() {
  const canvas::Node* node = document_.graph().Find(id_);
  const std::string url = url_->text().trimmed().toStdString();
  if (node == nullptr || url == node->remote_url) return;
  canvas::Node edited = *node;
  edited.remote_url = url;
  document_.updateNode(edited);
}

void RemoteEditor::applyFreshness() {
  const canvas::Node* node = document_.graph().Find(id_);
  const int seconds = freshness_->currentData().toInt();
  if (node == nullptr || seconds == node->remote_max_age_s) return;
  canvas::Node edited = *node;
  edited.remote_max_age_s = seconds;
  document_.updateNode(edited);
}

// The password (if one was typed) is kept for the server and user; then the server is asked
// again, which is also the retry after an error.
void RemoteEditor::connectWithPassword() {
  const canvas::Node* node = document_.graph().Find(id_);
  if (node == nullptr) return;
  applyUrl();
  if (!password_->text().isEmpty()) {
    if (auto source = ParseRemoteUrl(node->remote_url); source.ok())
      engine_.remote().SetPassword(*source, password_->text().toStdString());
    password_->clear();
  }
  runner_.rerun(id_);
}

void RemoteEditor::showNode(const canvas::Node& node, const NodeRun& run) {
  id_ = node.id;
  if (!url_->hasFocus()) url_->setText(QString::fromStdString(node.remote_url));
  keep_local_->showNode(node);
  if (freshness_->findData(node.remote_max_age_s) < 0)  // set in a workspace file by hand
    freshness_->addItem(QString("reuse answers for %1 s").arg(node.remote_max_age_s),
                        node.remote_max_age_s);
  freshness_->setCurrentIndex(freshness_->findData(node.remote_max_age_s));
  const bool busy = run.state == RunState::kRunning || run.state == RunState::kWaiting;
  cancel_->setVisible(busy);
  if (run.state == RunState::kReady && run.remote) {
    summary_->setText(Summary(*run.remote));
    summary_->setStyleSheet({});
  } else {
    summary_->setText(run.state == RunState::kRunning ? QString("asking the server…")
                                                      : run.message);
    summary_->setStyleSheet(run.state == RunState::kError ? "color: #d62728" : "");
  }
  // The preview keeps the last good rows while the server is asked again.
  if (run.remote && run.relation != shown_) {
    shown_ = run.relation;
    if (node.keep_local) {
      rows_->setRelation(node.name, run.relation);  // every row, from the local copy
    } else {
      rows_->setFetchedRows(run.relation, run.remote->preview);
    }
  } else if (!run.remote && !busy) {
    shown_ = nullptr;
    rows_->clear();
  }
}

}  // namespace pika::ui
