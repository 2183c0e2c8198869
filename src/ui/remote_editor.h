// RemoteEditor: a Remote Table node's connection (URL, a password kept for this session only,
// how long answers may be reused), what the server said about the table (columns, rows, its
// first rows) or why it could not be reached, and one click to ask it again.
#pragma once

#include "ui/node_editor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pika::ui {

class EngineSession;
class GraphRunner;
class KeepLocalBox;
class NodeRowsModel;

class RemoteEditor : public NodeEditor {
  Q_OBJECT

 public:
  RemoteEditor(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
               QWidget* parent = nullptr);
  void showNode(const canvas::Node& node, const NodeRun& run) override;

  QLineEdit* url() const { return url_; }
  QLineEdit* password() const { return password_; }
  QComboBox* freshness() const { return freshness_; }
  QPushButton* refresh() const { return refresh_; }
  KeepLocalBox* keepLocal() const { return keep_local_; }
  QLabel* summary() const { return summary_; }
  NodeRowsModel* preview() const { return rows_; }

 private:
  void applyUrl();
  void applyFreshness();
  void connectWithPassword();

  GraphRunner& runner_;
  EngineSession& engine_;
  canvas::NodeId id_ = canvas::kNoNode;
  QLineEdit* url_;
  QLineEdit* password_;
  QComboBox* freshness_;
  KeepLocalBox* keep_local_;
  QPushButton* refresh_;
  QPushButton* cancel_;
  QLabel* summary_;
  QTableView* table_;
  NodeRowsModel* rows_;
  std::shared_ptr<const NodeRelation> shown_;
};

}  // namespace pika::ui
