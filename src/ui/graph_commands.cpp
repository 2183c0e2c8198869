#include "ui/graph_commands.h"

#include <QtGlobal>

#include "ui/graph_document.h"

namespace pika::ui {

namespace {

// The stack only replays edits that succeeded in this order, so a failure here is a bug.
void Expect(const Status& status) {
  if (!status.ok())
    qWarning("undo stack out of step with the graph: %s", status.error().message.c_str());
}

}  // namespace

AddNodeCommand::AddNodeCommand(GraphDocument& document, canvas::Node node)
    : document_(document), node_(std::move(node)) {
  setText(QString("add %1").arg(QString::fromStdString(std::string(ToString(node_.kind)))));
}

void AddNodeCommand::redo() {
  auto id = document_.applyAdd(node_);
  if (!id.ok()) return Expect(id.error());
  node_ = *document_.graph().Find(*id);  // keep the id and name given, for the next redo
}

void AddNodeCommand::undo() {
  auto removed = document_.applyRemove(node_.id);
  if (!removed.ok()) Expect(removed.error());
}

RemoveNodesCommand::RemoveNodesCommand(GraphDocument& document, std::vector<canvas::NodeId> ids)
    : document_(document), ids_(std::move(ids)) {
  setText(ids_.size() == 1 ? "delete node" : QString("delete %1 nodes").arg(ids_.size()));
}

void RemoveNodesCommand::redo() {
  removed_.clear();
  for (canvas::NodeId id : ids_) {
    auto removed = document_.applyRemove(id);
    if (removed.ok()) removed_.push_back(std::move(*removed));
  }
}

void RemoveNodesCommand::undo() {
  // Nodes first: an edge between two removed nodes needs both ends back.
  std::vector<canvas::Edge> edges;
  for (const canvas::RemovedNode& removed : removed_) {
    Expect(document_.applyRestore({removed.node, {}}));
    edges.insert(edges.end(), removed.edges.begin(), removed.edges.end());
  }
  for (const canvas::Edge& edge : edges) {
    if (document_.graph().CanConnect(edge.from, edge.to).ok())
      Expect(document_.applyConnect(edge.from, edge.to));
  }
}

MoveNodesCommand::MoveNodesCommand(GraphDocument& document,
                                   std::map<canvas::NodeId, canvas::Point> from,
                                   std::map<canvas::NodeId, canvas::Point> to)
    : document_(document), from_(std::move(from)), to_(std::move(to)) {
  setText(to_.size() == 1 ? "move node" : QString("move %1 nodes").arg(to_.size()));
}

void MoveNodesCommand::redo() {
  for (const auto& [id, point] : to_) Expect(document_.applyMove(id, point));
}

void MoveNodesCommand::undo() {
  for (const auto& [id, point] : from_) Expect(document_.applyMove(id, point));
}

ConnectCommand::ConnectCommand(GraphDocument& document, canvas::Edge edge, bool connect)
    : document_(document), edge_(edge), connect_(connect) {
  setText(connect ? "connect" : "disconnect");
}

void ConnectCommand::redo() { Apply(connect_); }
void ConnectCommand::undo() { Apply(!connect_); }

void ConnectCommand::Apply(bool connect) {
  Expect(connect ? document_.applyConnect(edge_.from, edge_.to)
                 : document_.applyDisconnect(edge_.from, edge_.to));
}

RenameCommand::RenameCommand(GraphDocument& document, canvas::NodeId id, std::string from,
                             std::string to)
    : document_(document), id_(id), from_(std::move(from)), to_(std::move(to)) {
  setText(QString("rename to %1").arg(QString::fromStdString(to_)));
}

void RenameCommand::redo() { Expect(document_.applyRename(id_, to_)); }
void RenameCommand::undo() { Expect(document_.applyRename(id_, from_)); }

namespace {

// Typing makes an update per keystroke: those of one text field merge into one undo step,
// while a picked kind or column stays a step of its own. Numbers the text field that alone
// differs between the two (1 and up), or gives 0.
int TypedField(const canvas::Node& before, const canvas::Node& after) {
  std::string canvas::Node::*const kNodeText[] = {&canvas::Node::sql, &canvas::Node::text,
                                                  &canvas::Node::name};
  int field = 0;
  for (const auto member : kNodeText) {
    ++field;
    canvas::Node probe = before;
    probe.*member = after.*member;
    if (before.*member != after.*member && probe == after) return field;
  }
  canvas::Node probe = before;
  probe.plot.title = after.plot.title;
  if (before.plot.title != after.plot.title && probe == after) return field + 1;
  return 0;
}

}  // namespace

UpdateNodeCommand::UpdateNodeCommand(GraphDocument& document, canvas::Node before,
                                     canvas::Node after)
    : document_(document),
      before_(std::move(before)),
      after_(std::move(after)),
      typed_field_(TypedField(before_, after_)) {
  setText(QString("edit %1").arg(QString::fromStdString(after_.name)));
}

void UpdateNodeCommand::redo() { Expect(document_.applyUpdate(after_)); }
void UpdateNodeCommand::undo() { Expect(document_.applyUpdate(before_)); }

bool UpdateNodeCommand::mergeWith(const QUndoCommand* other) {
  const auto* update = static_cast<const UpdateNodeCommand*>(other);
  if (update->after_.id != after_.id) return false;
  if (typed_field_ == 0 || update->typed_field_ != typed_field_) return false;
  after_ = update->after_;
  return true;
}

}  // namespace pika::ui
