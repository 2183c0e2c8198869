#include "ui/canvas_scene.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include "ui/node_item.h"
#include "ui/wire_item.h"

namespace pika::ui {

CanvasScene::CanvasScene(GraphDocument& document, GraphRunner& runner, QObject* parent)
    : QGraphicsScene(parent), document_(document), runner_(runner) {
  setSceneRect(-5000, -5000, 10000, 10000);  // grows as items go further
  connect(&document, &GraphDocument::nodeAdded, this, &CanvasScene::addNodeItem);
  connect(&document, &GraphDocument::nodeRemoved, this,
          [this](NodeId id, const QString&) { removeNodeItem(id); });
  connect(&document, &GraphDocument::edgeAdded, this, &CanvasScene::addWire);
  connect(&document, &GraphDocument::edgeRemoved, this, &CanvasScene::removeWire);
  auto refresh_node = [this](NodeId id) {
    if (NodeItem* node = item(id)) node->setNode(*document_.graph().Find(id));
  };
  connect(&document, &GraphDocument::nodeChanged, this, refresh_node);
  connect(&document, &GraphDocument::nodeAnnotated, this, refresh_node);
  connect(&document, &GraphDocument::nodeRenamed, this,
          [refresh_node](NodeId id, const QString&, const QString&) { refresh_node(id); });
  connect(&document, &GraphDocument::nodeMoved, this, [this](NodeId id) {
    NodeItem* node = item(id);
    const canvas::Point point = document_.graph().Find(id)->position;
    if (node != nullptr && node->pos() != QPointF(point.x, point.y)) node->setPos(point.x, point.y);
  });
  connect(&runner, &GraphRunner::runChanged, this, &CanvasScene::updateRun);
  refusal_timer_.setSingleShot(true);
  connect(&refusal_timer_, &QTimer::timeout, this, [this] {
    if (refusal_ != nullptr) refusal_->setVisible(false);
  });
  progress_timer_.setInterval(150);
  connect(&progress_timer_, &QTimer::timeout, this, &CanvasScene::refreshProgress);
  progress_timer_.start();
}

NodeItem* CanvasScene::item(NodeId id) const {
  const auto found = nodes_.find(id);
  return found == nodes_.end() ? nullptr : found->second;
}

std::vector<NodeId> CanvasScene::selectedNodes() const {
  std::vector<NodeId> ids;
  for (QGraphicsItem* selected : selectedItems()) {
    if (auto* node = dynamic_cast<NodeItem*>(selected)) ids.push_back(node->id());
  }
  return ids;
}

void CanvasScene::deleteSelection() {
  std::vector<canvas::Edge> edges;
  for (QGraphicsItem* selected : selectedItems()) {
    if (auto* wire = dynamic_cast<WireItem*>(selected)) edges.push_back({wire->from(), wire->to()});
  }
  const std::vector<NodeId> nodes = selectedNodes();
  if (nodes.empty() && edges.empty()) return;
  document_.undoStack()->beginMacro("delete selection");
  for (const canvas::Edge& edge : edges) document_.disconnectNodes(edge.from, edge.to);
  document_.removeNodes(nodes);
  document_.undoStack()->endMacro();
}

QString CanvasScene::connectByDrag(NodeId from, NodeId to, QPointF where) {
  const QString refused = document_.connectNodes(from, to);
  if (!refused.isEmpty()) showRefusal(refused, where);
  return refused;
}

NodeItem* CanvasScene::nodeAt(QPointF point) const {
  for (QGraphicsItem* hit : items(point)) {
    if (auto* node = dynamic_cast<NodeItem*>(hit)) return node;
  }
  // Ports stick out of the node's body: look a little around the point too.
  for (const auto& [id, node] : nodes_) {
    if (node->hitsInputPort(point) || node->hitsOutputPort(point)) return node;
  }
  return nullptr;
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
  NodeItem* node = event->button() == Qt::LeftButton ? nodeAt(event->scenePos()) : nullptr;
  if (node != nullptr && node->hitsOutputPort(event->scenePos())) {
    drag_from_ = node->id();
    drag_wire_ = addPath(WireItem::Curve(node->outputPort(), event->scenePos()),
                         QPen(QColor(0x1f, 0x6f, 0xeb), 2, Qt::DashLine));
    event->accept();
    return;
  }
  QGraphicsScene::mousePressEvent(event);
  move_start_.clear();
  for (NodeId id : selectedNodes()) move_start_[id] = document_.graph().Find(id)->position;
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
  if (drag_wire_ != nullptr) {
    drag_wire_->setPath(WireItem::Curve(item(drag_from_)->outputPort(), event->scenePos()));
    return;
  }
  QGraphicsScene::mouseMoveEvent(event);
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
  if (drag_wire_ != nullptr) {
    removeItem(drag_wire_);
    delete drag_wire_;
    drag_wire_ = nullptr;
    NodeItem* target = nodeAt(event->scenePos());
    if (target != nullptr) connectByDrag(drag_from_, target->id(), event->scenePos());
    drag_from_ = canvas::kNoNode;
    return;
  }
  QGraphicsScene::mouseReleaseEvent(event);
  std::map<NodeId, canvas::Point> end;
  for (const auto& [id, start] : move_start_) {
    if (NodeItem* node = item(id)) end[id] = {node->pos().x(), node->pos().y()};
  }
  if (end != move_start_) document_.moveNodes(move_start_, end);
  move_start_.clear();
}

void CanvasScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
  if (NodeItem* node = nodeAt(event->scenePos())) {
    Q_EMIT nodeActivated(node->id());
    return;
  }
  QGraphicsScene::mouseDoubleClickEvent(event);
}

void CanvasScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
  NodeId node = canvas::kNoNode, from = canvas::kNoNode, to = canvas::kNoNode;
  if (NodeItem* hit = nodeAt(event->scenePos())) {
    node = hit->id();
    if (!hit->isSelected()) {
      clearSelection();
      hit->setSelected(true);
    }
  } else {
    for (QGraphicsItem* item : items(event->scenePos())) {
      if (auto* wire = dynamic_cast<WireItem*>(item)) {
        from = wire->from();
        to = wire->to();
        break;
      }
    }
  }
  Q_EMIT contextMenuRequested(node, from, to, event->scenePos(), event->screenPos());
  event->accept();
}

void CanvasScene::addNodeItem(NodeId id) {
  auto* node = new NodeItem(*document_.graph().Find(id));
  addItem(node);
  nodes_[id] = node;
  connect(node, &NodeItem::moved, this, [this, id] { updateWires(id); });
  updateRun(id);
}

void CanvasScene::removeNodeItem(NodeId id) {
  NodeItem* node = item(id);
  if (node == nullptr) return;
  nodes_.erase(id);
  removeItem(node);
  node->deleteLater();
}

void CanvasScene::addWire(NodeId from, NodeId to) {
  auto* wire = new WireItem(from, to);
  wire->setEnds(item(from)->outputPort(), item(to)->inputPort());
  addItem(wire);
  wires_.push_back(wire);
}

void CanvasScene::removeWire(NodeId from, NodeId to) {
  std::erase_if(wires_, [&](WireItem* wire) {
    if (wire->from() != from || wire->to() != to) return false;
    removeItem(wire);
    delete wire;
    return true;
  });
}

void CanvasScene::updateWires(NodeId id) {
  for (WireItem* wire : wires_) {
    if (wire->from() == id || wire->to() == id)
      wire->setEnds(item(wire->from())->outputPort(), item(wire->to())->inputPort());
  }
}

void CanvasScene::updateRun(NodeId id) {
  if (NodeItem* node = item(id)) node->setRun(runner_.run(id), runner_.progress(id));
}

void CanvasScene::refreshProgress() {
  for (const auto& [id, node] : nodes_) {
    if (runner_.run(id).state == RunState::kRunning) updateRun(id);
  }
}

void CanvasScene::showRefusal(const QString& reason, QPointF where) {
  if (refusal_ == nullptr) {
    refusal_ = addSimpleText({});
    refusal_->setBrush(QColor(0xd6, 0x27, 0x28));
    refusal_->setZValue(10);
  }
  refusal_->setText(reason);
  refusal_->setPos(where + QPointF(12, 8));
  refusal_->setVisible(true);
  refusal_timer_.start(4000);
  Q_EMIT message(reason);
}

}  // namespace pika::ui
