// The undo commands behind every graph edit (see GraphDocument).
#pragma once

#include <QUndoCommand>
#include <map>
#include <vector>

#include "canvas/graph.h"

namespace pika::ui {

class GraphDocument;

class AddNodeCommand : public QUndoCommand {
 public:
  AddNodeCommand(GraphDocument& document, canvas::Node node);
  void redo() override;
  void undo() override;
  canvas::NodeId nodeId() const { return node_.id; }

 private:
  GraphDocument& document_;
  canvas::Node node_;
};

// Removes nodes with their edges; undo puts back nodes first, then every edge.
class RemoveNodesCommand : public QUndoCommand {
 public:
  RemoveNodesCommand(GraphDocument& document, std::vector<canvas::NodeId> ids);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  std::vector<canvas::NodeId> ids_;
  std::vector<canvas::RemovedNode> removed_;
};

class MoveNodesCommand : public QUndoCommand {
 public:
  MoveNodesCommand(GraphDocument& document, std::map<canvas::NodeId, canvas::Point> from,
                   std::map<canvas::NodeId, canvas::Point> to);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  std::map<canvas::NodeId, canvas::Point> from_, to_;
};

class ConnectCommand : public QUndoCommand {
 public:
  ConnectCommand(GraphDocument& document, canvas::Edge edge, bool connect);
  void redo() override;
  void undo() override;

 private:
  void Apply(bool connect);
  GraphDocument& document_;
  canvas::Edge edge_;
  bool connect_;
};

class RenameCommand : public QUndoCommand {
 public:
  RenameCommand(GraphDocument& document, canvas::NodeId id, std::string from, std::string to);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  canvas::NodeId id_;
  std::string from_, to_;
};

// Settings edits; typing in one node's SQL merges into one step.
class UpdateNodeCommand : public QUndoCommand {
 public:
  UpdateNodeCommand(GraphDocument& document, canvas::Node before, canvas::Node after);
  void redo() override;
  void undo() override;
  int id() const override { return 1; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  GraphDocument& document_;
  canvas::Node before_, after_;
  int typed_field_;  // the one text field this edit changed (see TypedField), or 0
};

}  // namespace pika::ui
