// GraphDocument: the canvas graph as the app edits it. Every edit goes through the undo
// stack; the signals tell the canvas, the inspector and the runner what changed.
#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <map>
#include <vector>

#include "canvas/graph.h"

namespace pika::ui {

using canvas::NodeId;

class GraphDocument : public QObject {
  Q_OBJECT

 public:
  explicit GraphDocument(QObject* parent = nullptr);

  const canvas::Graph& graph() const { return graph_; }
  // Grows with every change, undo and redo included (merged edits move no undo index, so
  // the index cannot tell a saved graph from a newer one).
  uint64_t revision() const { return revision_; }
  QUndoStack* undoStack() { return &undo_; }

  // Undoable edits. Those that can be refused return the reason, or an empty string.
  // addNode returns kNoNode when the node is refused (a name that is not an identifier).
  NodeId addNode(canvas::Node node);
  void removeNodes(const std::vector<NodeId>& ids);
  void moveNodes(const std::map<NodeId, canvas::Point>& from,
                 const std::map<NodeId, canvas::Point>& to);
  QString connectNodes(NodeId from, NodeId to);
  void disconnectNodes(NodeId from, NodeId to);
  QString renameNode(NodeId id, const QString& name);
  // Settings (SQL, plot spec, text); typing into one text field undoes as one step.
  void updateNode(const canvas::Node& node);
  // Turns a plot's brush into a Query node over the plot's input that filters with it, and
  // feeds the plot's downstream nodes from there; the plot's brush is cleared. One undo step.
  // Returns the new node, or kNoNode when the plot has no brush or no input.
  NodeId brushToFilter(NodeId plot);

  // Replaces everything with `graph` (a workspace opened): not undoable, and clean.
  void load(const canvas::Graph& graph);

  // What the undo commands call: apply to the graph and signal, never push.
  Result<NodeId> applyAdd(const canvas::Node& node);
  Result<canvas::RemovedNode> applyRemove(NodeId id);
  Status applyRestore(const canvas::RemovedNode& removed);
  Status applyConnect(NodeId from, NodeId to);
  Status applyDisconnect(NodeId from, NodeId to);
  Status applyRename(NodeId id, const std::string& name);
  Status applyMove(NodeId id, canvas::Point position);
  Status applyUpdate(const canvas::Node& node);

 Q_SIGNALS:
  void nodeAdded(pika::ui::NodeId id);
  void nodeRemoved(pika::ui::NodeId id, QString name);
  void nodeChanged(pika::ui::NodeId id);  // settings changed: its result is stale
  // A setting that changes no result (whether a save embeds a table's data): redraw only.
  void nodeAnnotated(pika::ui::NodeId id);
  void nodeRenamed(pika::ui::NodeId id, QString from, QString to);
  void nodeMoved(pika::ui::NodeId id);
  void edgeAdded(pika::ui::NodeId from, pika::ui::NodeId to);
  void edgeRemoved(pika::ui::NodeId from, pika::ui::NodeId to);

 private:
  canvas::Graph graph_;
  QUndoStack undo_;
  uint64_t revision_ = 0;
};

}  // namespace pika::ui
