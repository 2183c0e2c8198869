#include "ui/inspector.h"

#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/note_editor.h"
#include "ui/plot_editor.h"
#include "ui/query_editor.h"
#include "ui/remote_editor.h"
#include "ui/table_editor.h"

namespace pika::ui {

Inspector::Inspector(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
                     QWidget* parent)
    : QWidget(parent),
      document_(document),
      runner_(runner),
      name_(new QLineEdit(this)),
      name_error_(new QLabel(this)),
      pages_(new QStackedWidget(this)),
      empty_(
          new QLabel("Select a node to edit it.\n\nAdd nodes from the toolbar, or drop a "
                     "CSV, Parquet or DuckDB file on the canvas. A Remote Table plots a ClickHouse "
                     "or PostgreSQL table where it lives.",
                     this)),
      table_(new TableEditor(document, runner, engine, this)),
      query_(new QueryEditor(document, runner, engine, this)),
      plot_(new PlotEditor(document, runner, this)),
      note_(new NoteEditor(document, this)),
      remote_(new RemoteEditor(document, runner, engine, this)) {
  name_->setPlaceholderText("name (queries refer to the node by it)");
  name_error_->setStyleSheet("color: #d62728");
  name_error_->setWordWrap(true);
  empty_->setWordWrap(true);
  empty_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  for (QWidget* page : {static_cast<QWidget*>(empty_), static_cast<QWidget*>(table_),
                        static_cast<QWidget*>(query_), static_cast<QWidget*>(plot_),
                        static_cast<QWidget*>(note_), static_cast<QWidget*>(remote_)}) {
    pages_->addWidget(page);
  }
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(name_);
  layout->addWidget(name_error_);
  layout->addWidget(pages_, 1);
  connect(name_, &QLineEdit::editingFinished, this, &Inspector::rename);
  auto refresh_if_shown = [this](canvas::NodeId id) {
    if (id == id_) refresh();
  };
  connect(&document, &GraphDocument::nodeChanged, this, refresh_if_shown);
  connect(&document, &GraphDocument::nodeAnnotated, this, refresh_if_shown);
  connect(&document, &GraphDocument::nodeRenamed, this,
          [refresh_if_shown](canvas::NodeId id, const QString&, const QString&) {
            refresh_if_shown(id);
          });
  connect(&document, &GraphDocument::nodeRemoved, this, [this](canvas::NodeId id, const QString&) {
    if (id == id_) showNode(canvas::kNoNode);
  });
  connect(&runner, &GraphRunner::runChanged, this, refresh_if_shown);
  showNode(canvas::kNoNode);
}

void Inspector::showNode(canvas::NodeId id) {
  id_ = id;
  name_error_->clear();
  refresh();
}

NodeEditor* Inspector::editorFor(canvas::NodeKind kind) const {
  switch (kind) {
    case canvas::NodeKind::kTable: return table_;
    case canvas::NodeKind::kQuery: return query_;
    case canvas::NodeKind::kPlot: return plot_;
    case canvas::NodeKind::kNote: return note_;
    case canvas::NodeKind::kRemote: return remote_;
  }
  return nullptr;
}

void Inspector::refresh() {
  const canvas::Node* node = document_.graph().Find(id_);
  name_->setVisible(node != nullptr && node->kind != canvas::NodeKind::kNote);
  if (node == nullptr) {
    pages_->setCurrentWidget(empty_);
    return;
  }
  if (!name_->hasFocus()) name_->setText(QString::fromStdString(node->name));
  NodeEditor* editor = editorFor(node->kind);
  pages_->setCurrentWidget(editor);
  editor->showNode(*node, runner_.run(id_));
}

void Inspector::rename() {
  const QString refused = document_.renameNode(id_, name_->text());
  name_error_->setText(refused);
  if (!refused.isEmpty()) {
    if (const canvas::Node* node = document_.graph().Find(id_))
      name_->setText(QString::fromStdString(node->name));
  }
}

}  // namespace pika::ui
