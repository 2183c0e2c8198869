// QueryEditor: a Query node's SQL with run/cancel, its error where it points, and a preview
// of its result that scrolls through millions of rows.
#pragma once

#include <QTimer>

#include "ui/node_editor.h"

class QLabel;
class QPushButton;
class QTableView;

namespace pika::ui {

class EngineSession;
class GraphRunner;
class KeepLocalBox;
class NodeRowsModel;
class SqlEditor;

class QueryEditor : public NodeEditor {
  Q_OBJECT

 public:
  QueryEditor(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
              QWidget* parent = nullptr);
  void showNode(const canvas::Node& node, const NodeRun& run) override;
  SqlEditor* sqlEditor() const { return sql_; }
  NodeRowsModel* preview() const { return rows_; }
  // What a query held back as huge offers: its first rows, or running it anyway.
  QPushButton* limitButton() const { return limit_; }
  QPushButton* runAnywayButton() const { return anyway_; }
  KeepLocalBox* keepLocal() const { return keep_local_; }

 private:
  void completionsFor(const canvas::Node& node);
  void suggest(const QString& text_before_cursor);

  GraphRunner& runner_;
  EngineSession& engine_;
  canvas::NodeId id_ = canvas::kNoNode;
  SqlEditor* sql_;
  QPushButton* run_;
  QPushButton* cancel_;
  QPushButton* limit_;  // offered when the query is held back
  QPushButton* anyway_;
  KeepLocalBox* keep_local_;  // shown when the query runs on a server
  QLabel* status_;
  QTableView* table_;
  NodeRowsModel* rows_;
  std::shared_ptr<const NodeRelation> shown_;
  bool echoing_ = false;
};

}  // namespace pika::ui
