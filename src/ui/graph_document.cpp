#include "ui/graph_document.h"

#include "canvas/auto_layout.h"
#include "canvas/node_name.h"
#include "storage/sql_quote.h"
#include "ui/graph_commands.h"

namespace pika::ui {

namespace {

QString Reason(const Status& status) {
  return status.ok() ? QString() : QString::fromStdString(status.error().message);
}

}  // namespace

GraphDocument::GraphDocument(QObject* parent) : QObject(parent), undo_(this) {}

NodeId GraphDocument::addNode(canvas::Node node) {
  // Try it on a copy: a refused node must not reach the undo stack.
  canvas::Graph trial = graph_;
  if (auto added = trial.Add(node); !added.ok()) {
    qWarning("pika: node not added: %s", added.error().message.c_str());
    return canvas::kNoNode;
  }
  auto* command = new AddNodeCommand(*this, std::move(node));
  undo_.push(command);  // runs redo(), which gives the node its id
  return command->nodeId();
}

NodeId GraphDocument::brushToFilter(NodeId plot_id) {
  const canvas::Node* plot = graph_.Find(plot_id);
  if (plot == nullptr || plot->plot.brush.empty() || graph_.Inputs(plot_id).empty())
    return canvas::kNoNode;
  const canvas::Node& input = *graph_.Find(graph_.Inputs(plot_id).front());
  canvas::Node filter;
  filter.kind = canvas::NodeKind::kQuery;
  filter.name = canvas::UniqueNodeName(plot->name + "_filter", [this](std::string_view name) {
    return graph_.FindByName(name) != nullptr;
  });
  filter.sql =
      "SELECT *\nFROM " + QuoteIdentifier(input.name) + "\nWHERE " + plot->plot.brush + "\n";
  filter.position =
      canvas::PlaceNewNode(graph_, filter.kind, {input.id}, {plot->position.x, plot->position.y});
  filter.user_placed = false;
  canvas::Node cleared = *plot;
  cleared.plot.brush.clear();
  const std::vector<NodeId> downstream = graph_.Outputs(plot_id);
  undo_.beginMacro(
      QString("turn the brush of %1 into a filter").arg(QString::fromStdString(plot->name)));
  const NodeId filter_id = addNode(filter);
  connectNodes(input.id, filter_id);
  for (NodeId target : downstream) {
    disconnectNodes(plot_id, target);
    connectNodes(filter_id, target);
  }
  updateNode(cleared);
  undo_.endMacro();
  return filter_id;
}

void GraphDocument::removeNodes(const std::vector<NodeId>& ids) {
  if (ids.empty()) return;
  undo_.push(new RemoveNodesCommand(*this, ids));
}

void GraphDocument::moveNodes(const std::map<NodeId, canvas::Point>& from,
                              const std::map<NodeId, canvas::Point>& to) {
  if (from == to) return;
  undo_.push(new MoveNodesCommand(*this, from, to));
}

QString GraphDocument::connectNodes(NodeId from, NodeId to) {
  if (Status allowed = graph_.CanConnect(from, to); !allowed.ok()) return Reason(allowed);
  undo_.push(new ConnectCommand(*this, {from, to}, true));
  return {};
}

void GraphDocument::disconnectNodes(NodeId from, NodeId to) {
  const auto& edges = graph_.edges();
  if (std::find(edges.begin(), edges.end(), canvas::Edge{from, to}) == edges.end()) return;
  undo_.push(new ConnectCommand(*this, {from, to}, false));
}

QString GraphDocument::renameNode(NodeId id, const QString& name) {
  const canvas::Node* node = graph_.Find(id);
  if (node == nullptr) return "the node is gone";
  const std::string wanted = name.trimmed().toStdString();
  if (wanted == node->name) return {};
  // Try it on a copy: a refused name must not reach the undo stack.
  canvas::Graph trial = graph_;
  if (Status renamed = trial.Rename(id, wanted); !renamed.ok()) return Reason(renamed);
  undo_.push(new RenameCommand(*this, id, node->name, wanted));
  return {};
}

void GraphDocument::updateNode(const canvas::Node& node) {
  const canvas::Node* current = graph_.Find(node.id);
  if (current == nullptr) return;
  canvas::Node after = node;
  after.name = current->name;
  after.position = current->position;
  if (after == *current) return;
  undo_.push(new UpdateNodeCommand(*this, *current, after));
}

void GraphDocument::load(const canvas::Graph& graph) {
  undo_.clear();
  std::vector<NodeId> current;
  for (const auto& [id, node] : graph_.nodes()) current.push_back(id);
  for (NodeId id : current) (void)applyRemove(id);
  for (const auto& [id, node] : graph.nodes()) (void)applyAdd(node);
  for (const canvas::Edge& edge : graph.edges()) (void)applyConnect(edge.from, edge.to);
  undo_.setClean();
}

Result<NodeId> GraphDocument::applyAdd(const canvas::Node& node) {
  ++revision_;
  auto id = graph_.Add(node);
  if (id.ok()) Q_EMIT nodeAdded(*id);
  return id;
}

Result<canvas::RemovedNode> GraphDocument::applyRemove(NodeId id) {
  ++revision_;
  auto removed = graph_.Remove(id);
  if (!removed.ok()) return removed;
  for (const canvas::Edge& edge : removed->edges) Q_EMIT edgeRemoved(edge.from, edge.to);
  Q_EMIT nodeRemoved(id, QString::fromStdString(removed->node.name));
  return removed;
}

Status GraphDocument::applyRestore(const canvas::RemovedNode& removed) {
  ++revision_;
  PIKA_TRY(graph_.Restore(removed));
  Q_EMIT nodeAdded(removed.node.id);
  for (const canvas::Edge& edge : removed.edges) Q_EMIT edgeAdded(edge.from, edge.to);
  return {};
}

Status GraphDocument::applyConnect(NodeId from, NodeId to) {
  ++revision_;
  PIKA_TRY(graph_.Connect(from, to));
  Q_EMIT edgeAdded(from, to);
  return {};
}

Status GraphDocument::applyDisconnect(NodeId from, NodeId to) {
  ++revision_;
  PIKA_TRY(graph_.Disconnect(from, to));
  Q_EMIT edgeRemoved(from, to);
  return {};
}

Status GraphDocument::applyRename(NodeId id, const std::string& name) {
  ++revision_;
  const canvas::Node* node = graph_.Find(id);
  if (node == nullptr) return NotFound("the node is gone");
  const QString from = QString::fromStdString(node->name);
  PIKA_TRY(graph_.Rename(id, name));
  Q_EMIT nodeRenamed(id, from, QString::fromStdString(name));
  return {};
}

Status GraphDocument::applyMove(NodeId id, canvas::Point position) {
  ++revision_;
  PIKA_TRY(graph_.Move(id, position));
  Q_EMIT nodeMoved(id);
  return {};
}

Status GraphDocument::applyUpdate(const canvas::Node& node) {
  ++revision_;
  const canvas::Node* before = graph_.Find(node.id);
  bool same_results = false;
  if (before != nullptr) {
    canvas::Node unchanged = *before;
    unchanged.embed_data = node.embed_data;
    same_results = unchanged == node;
  }
  PIKA_TRY(graph_.Update(node));
  if (same_results) {
    Q_EMIT nodeAnnotated(node.id);  // nothing runs again: a restored table keeps its data
  } else {
    Q_EMIT nodeChanged(node.id);
  }
  return {};
}

}  // namespace pika::ui
