// TableEditor: a Table node's file, what the import found (rows, columns and their types,
// rows it could not read with their line numbers) and a preview of the rows.
#pragma once

#include "ui/node_editor.h"

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace pika::ui {

class EngineSession;
class GraphRunner;
class NodeRowsModel;

class TableEditor : public NodeEditor {
  Q_OBJECT

 public:
  TableEditor(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
              QWidget* parent = nullptr);
  void showNode(const canvas::Node& node, const NodeRun& run) override;
  QListWidget* rejects() const { return rejects_; }
  QLabel* rejectText() const { return reject_text_; }
  QLabel* summary() const { return summary_; }

 private:
  void chooseFile();

  GraphRunner& runner_;
  EngineSession& engine_;
  canvas::NodeId id_ = canvas::kNoNode;
  QLabel* path_;
  QPushButton* choose_;
  QPushButton* types_;
  QPushButton* cancel_;
  QCheckBox* embed_;
  QLabel* summary_;
  QListWidget* rejects_;
  QLabel* reject_text_;  // the raw row of the clicked rejected line
  QTableView* table_;
  NodeRowsModel* rows_;
  std::shared_ptr<const NodeRelation> shown_;
};

}  // namespace pika::ui
