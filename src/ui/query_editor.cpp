#include "ui/query_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "compute/preflight.h"
#include "storage/sql_suggestions.h"
#include "ui/engine_session.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/keep_local_box.h"
#include "ui/node_rows_model.h"
#include "ui/sql_editor.h"

namespace pika::ui {

namespace {

// Suggestion requests replace each other, never a node's run.
constexpr uint64_t kSuggestKey = (uint64_t{1} << 58) + 16;
constexpr int kOfferedRows = 10'000;

}  // namespace

QueryEditor::QueryEditor(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                         QWidget* parent)
    : NodeEditor(document, parent),
      runner_(runner),
      engine_(engine),
      sql_(new SqlEditor(this)),
      run_(new QPushButton("Run", this)),
      cancel_(new QPushButton("Cancel", this)),
      limit_(new QPushButton(
          QString("Keep the first %1 rows").arg(QLocale().toString(kOfferedRows)), this)),
      anyway_(new QPushButton("Run anyway", this)),
      keep_local_(new KeepLocalBox(document, this)),
      status_(new QLabel(this)),
      table_(new QTableView(this)),
      rows_(new NodeRowsModel(engine, this)) {
  run_->setToolTip("Run this query and everything downstream (Ctrl+Enter)");
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setModel(rows_);
  table_->verticalHeader()->setDefaultSectionSize(22);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  buttons->addWidget(limit_);
  buttons->addWidget(anyway_);
  buttons->addStretch();
  buttons->addWidget(keep_local_);
  limit_->setToolTip("Wrap the query in SELECT * FROM (...) LIMIT: one undo step takes it back");
  limit_->hide();
  anyway_->hide();
  auto* top = new QWidget(this);
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  top_layout->addWidget(sql_);
  top_layout->addLayout(buttons);
  top_layout->addWidget(status_);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(top);
  splitter->addWidget(table_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(sql_, &QPlainTextEdit::textChanged, this, [this] {
    const canvas::Node* node = document_.graph().Find(id_);
    if (echoing_ || node == nullptr) return;
    canvas::Node edited = *node;
    edited.sql = sql_->toPlainText().toStdString();
    document_.updateNode(edited);
  });
  auto run_now = [this] { runner_.rerun(id_); };
  connect(sql_, &SqlEditor::runRequested, this, run_now);
  connect(run_, &QPushButton::clicked, this, run_now);
  connect(cancel_, &QPushButton::clicked, this, [this] { runner_.cancel(id_); });
  connect(anyway_, &QPushButton::clicked, this, run_now);
  connect(limit_, &QPushButton::clicked, this, [this] {
    const canvas::Node* node = document_.graph().Find(id_);
    if (node == nullptr) return;
    canvas::Node limited = *node;
    limited.sql = WithRowLimit(node->sql, kOfferedRows);
    document_.updateNode(limited);
  });
  connect(rows_, &NodeRowsModel::failed, status_, &QLabel::setText);
  connect(sql_, &SqlEditor::contextWanted, this, &QueryEditor::suggest);
}

void QueryEditor::showNode(const canvas::Node& node, const NodeRun& run) {
  const bool other_node = node.id != id_;
  id_ = node.id;
  echoing_ = true;
  sql_->setSql(QString::fromStdString(node.sql));
  echoing_ = false;
  if (other_node) completionsFor(node);
  cancel_->setEnabled(run.state == RunState::kRunning || run.state == RunState::kWaiting);
  limit_->setVisible(run.held_back);
  keep_local_->showNode(node);
  keep_local_->setVisible(run.remote != nullptr || node.keep_local);
  anyway_->setVisible(run.held_back);
  sql_->showError(run.state == RunState::kError ? run.error_position : std::nullopt);
  switch (run.state) {
    case RunState::kReady:
      status_->setStyleSheet({});
      if (run.remote) {
        status_->setText(
            QString("%1 rows × %2 columns, run on %3 in %4 s (the first %5 shown)")
                .arg(QLocale().toString(static_cast<qulonglong>(run.remote->rows.rows)))
                .arg(run.remote->columns.size())
                .arg(QString::fromStdString(std::string(EngineName(run.remote->source.engine))))
                .arg(run.seconds, 0, 'f', 2)
                .arg(run.remote->preview.row_count));
        break;
      }
      status_->setText(QString("%1 rows × %2 columns in %3 s%4")
                           .arg(QLocale().toString(static_cast<qulonglong>(run.relation->rows)))
                           .arg(run.relation->columns.size())
                           .arg(run.seconds, 0, 'f', 2)
                           .arg(run.relation->cache_note.empty()
                                    ? QString()
                                    : "\n" + QString::fromStdString(run.relation->cache_note)));
      break;
    case RunState::kError:
      status_->setStyleSheet("color: #d62728");
      status_->setText(run.message);
      break;
    default:
      status_->setStyleSheet({});
      status_->setText(run.state == RunState::kIdle ? run.message : QString("running…"));
  }
  // The preview keeps the last good result while a new one runs.
  if (run.relation && run.relation != shown_) {
    shown_ = run.relation;
    if (run.remote && !node.keep_local) {
      rows_->setFetchedRows(run.relation, run.remote->preview);  // the rest stays on the server
    } else {
      rows_->setRelation(node.name, run.relation);
    }
    completionsFor(node);
  } else if (other_node && !run.relation) {
    shown_ = nullptr;
    rows_->clear();
  }
}

// DuckDB's grammar- and catalog-aware suggestions for the text before the cursor; a newer
// request replaces an older one.
void QueryEditor::suggest(const QString& text_before_cursor) {
  engine_.run<QStringList>(
      this, kSuggestKey,
      [text = text_before_cursor.toStdString()](Connection& connection, const CancelToken& cancel,
                                                const ProgressFn&) -> Result<QStringList> {
        if (cancel.cancelled()) return Cancelled();
        auto words = SqlSuggestions(connection, text, 40);
        if (!words.ok()) return words.error();
        QStringList suggestions;
        for (const std::string& word : *words) suggestions << QString::fromStdString(word);
        return suggestions;
      },
      [this](Result<QStringList> suggestions) {
        if (suggestions.ok()) sql_->setContextSuggestions(*suggestions);
      });
}

// Node names this query can read and their columns, for completion.
void QueryEditor::completionsFor(const canvas::Node& node) {
  QStringList words;
  for (const auto& [id, other] : document_.graph().nodes()) {
    if (id == node.id || other.kind == canvas::NodeKind::kNote ||
        other.kind == canvas::NodeKind::kPlot)
      continue;
    words << QString::fromStdString(other.name);
    if (const auto& relation = runner_.run(id).relation) {
      for (const ResultColumn& column : relation->columns)
        words << QString::fromStdString(column.name);
    }
  }
  sql_->setCompletions(words);
}

}  // namespace pika::ui
