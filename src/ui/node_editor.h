// NodeEditor: the inspector's page for one kind of node. It shows the node and its latest
// run, and sends the user's edits to the GraphDocument.
#pragma once

#include <QWidget>

#include "canvas/node.h"
#include "ui/node_run.h"

namespace pika::ui {

class GraphDocument;

class NodeEditor : public QWidget {
  Q_OBJECT

 public:
  NodeEditor(GraphDocument& document, QWidget* parent = nullptr)
      : QWidget(parent), document_(document) {}

  // Called when the node, its settings or its run change; must not echo edits back.
  virtual void showNode(const canvas::Node& node, const NodeRun& run) = 0;

 protected:
  GraphDocument& document_;
};

}  // namespace pika::ui
