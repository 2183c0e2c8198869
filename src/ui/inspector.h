// Inspector: the panel for the selected node: its name and the editor for its kind.
#pragma once

#include <QWidget>

#include "canvas/node.h"

class QLabel;
class QLineEdit;
class QStackedWidget;

namespace pika::ui {

class EngineSession;
class GraphDocument;
class GraphRunner;
class NodeEditor;
class PlotEditor;
class QueryEditor;
class RemoteEditor;

class Inspector : public QWidget {
  Q_OBJECT

 public:
  Inspector(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
            QWidget* parent = nullptr);

  void showNode(canvas::NodeId id);
  canvas::NodeId node() const { return id_; }
  QueryEditor* queryEditor() const { return query_; }
  PlotEditor* plotEditor() const { return plot_; }
  RemoteEditor* remoteEditor() const { return remote_; }

 private:
  void refresh();
  void rename();
  NodeEditor* editorFor(canvas::NodeKind kind) const;

  GraphDocument& document_;
  GraphRunner& runner_;
  canvas::NodeId id_ = canvas::kNoNode;
  QLineEdit* name_;
  QLabel* name_error_;
  QStackedWidget* pages_;
  QLabel* empty_;
  NodeEditor* table_;
  QueryEditor* query_;
  PlotEditor* plot_;
  NodeEditor* note_;
  RemoteEditor* remote_;
};

}  // namespace pika::ui
