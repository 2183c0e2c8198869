// CanvasScene: the graph drawn as items. It mirrors the GraphDocument (items appear and go
// with nodes and edges), turns drags into undoable moves and connections, and shows why a
// connection was refused.
#pragma once

#include <QGraphicsScene>
#include <QTimer>
#include <map>

#include "ui/graph_document.h"
#include "ui/graph_runner.h"

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace pika::ui {

class NodeItem;
class WireItem;

class CanvasScene : public QGraphicsScene {
  Q_OBJECT

 public:
  CanvasScene(GraphDocument& document, GraphRunner& runner, QObject* parent = nullptr);

  NodeItem* item(NodeId id) const;
  std::vector<NodeId> selectedNodes() const;
  // Deletes the selected nodes and wires as one undo step each.
  void deleteSelection();
  // Tries the connection as if the user had dragged it, showing a refusal near `where`.
  QString connectByDrag(NodeId from, NodeId to, QPointF where);

 Q_SIGNALS:
  void nodeActivated(pika::ui::NodeId id);  // double-click
  void message(QString text);               // for the status bar
  // Right-click: on a node (`node`), a wire (`from`/`to`), or the empty canvas (all none).
  void contextMenuRequested(pika::ui::NodeId node, pika::ui::NodeId from, pika::ui::NodeId to,
                            QPointF scene_position, QPoint screen_position);

 protected:
  void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
  void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

 private:
  NodeItem* nodeAt(QPointF point) const;
  void addNodeItem(NodeId id);
  void removeNodeItem(NodeId id);
  void addWire(NodeId from, NodeId to);
  void removeWire(NodeId from, NodeId to);
  void updateWires(NodeId id);
  void updateRun(NodeId id);
  void refreshProgress();
  void showRefusal(const QString& reason, QPointF where);

  GraphDocument& document_;
  GraphRunner& runner_;
  std::map<NodeId, NodeItem*> nodes_;
  std::vector<WireItem*> wires_;
  // A wire being dragged out of an output port.
  NodeId drag_from_ = canvas::kNoNode;
  QGraphicsPathItem* drag_wire_ = nullptr;
  // Where the selected nodes were when a move began.
  std::map<NodeId, canvas::Point> move_start_;
  QGraphicsSimpleTextItem* refusal_ = nullptr;
  QTimer refusal_timer_;
  QTimer progress_timer_;
};

}  // namespace pika::ui
