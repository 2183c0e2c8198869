// KeepLocalBox: the "keep a local copy" switch of a node whose rows live on a server (a Remote
// Table, or a Query that runs there), and how many rows that copy may take. Ticked, the node
// also brings its rows into the local engine, counted on the server first, so that what it
// feeds reads them like a Table's: queries mixing them with local nodes, brushing, drill-down.
#pragma once

#include <QCheckBox>
#include <QSpinBox>
#include <QWidget>

#include "canvas/node.h"

namespace pika::ui {

class GraphDocument;

class KeepLocalBox : public QWidget {
  Q_OBJECT

 public:
  KeepLocalBox(GraphDocument& document, QWidget* parent = nullptr);
  // Shows `node`'s settings; the next edit of either changes it (one undo step).
  void showNode(const canvas::Node& node);

  QCheckBox* box() const { return box_; }
  QSpinBox* rows() const { return rows_; }

 private:
  void edit(bool keep, uint64_t rows);

  GraphDocument& document_;
  canvas::NodeId id_ = canvas::kNoNode;
  QCheckBox* box_;
  QSpinBox* rows_;
};

}  // namespace pika::ui
