// KeepLocalBox: the "keep a local copy" switch of a node whose rows live on a server (a Remote
// Table, or a Query that runs there). Ticked, the node also brings its rows into the local
// engine, sized first, so that what it feeds reads them like a Table's: queries mixing them
// with local nodes, brushing, drill-down.
#pragma once

#include <QCheckBox>

#include "canvas/node.h"

namespace pika::ui {

class GraphDocument;

class KeepLocalBox : public QCheckBox {
  Q_OBJECT

 public:
  KeepLocalBox(GraphDocument& document, QWidget* parent = nullptr);
  // Shows `node`'s setting; the next click edits it (one undo step).
  void showNode(const canvas::Node& node);

 private:
  GraphDocument& document_;
  canvas::NodeId id_ = canvas::kNoNode;
};

}  // namespace pika::ui
