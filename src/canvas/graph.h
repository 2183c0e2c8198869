// The canvas graph: nodes and the edges that feed one node's rows into another. It refuses
// every edit that would make it invalid and says why, so widgets only adapt it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "canvas/node.h"
#include "core/result.h"

namespace pika::canvas {

struct Edge {
  NodeId from = kNoNode;  // the node whose output feeds
  NodeId to = kNoNode;    // the node whose input is fed
  friend bool operator==(const Edge&, const Edge&) = default;
};

// A removed node with the edges that went with it: what undo needs to put it back.
struct RemovedNode {
  Node node;
  std::vector<Edge> edges;
};

class Graph {
 public:
  // Adds `node`, giving it a fresh id when it has none and a unique name when its name is
  // taken or empty. Fails when the name is not a valid identifier or the id is in use.
  Result<NodeId> Add(Node node);
  Result<RemovedNode> Remove(NodeId id);
  // Puts back what Remove took out (undo).
  Status Restore(const RemovedNode& removed);

  Status CanConnect(NodeId from, NodeId to) const;
  Status Connect(NodeId from, NodeId to);
  Status Disconnect(NodeId from, NodeId to);

  Status Rename(NodeId id, std::string_view name);
  Status Move(NodeId id, Point position);
  // Replaces a node's settings (SQL, plot spec, text...); id, kind and name stay.
  Status Update(const Node& node);

  const Node* Find(NodeId id) const;
  const Node* FindByName(std::string_view name) const;  // case-insensitive, like SQL
  const std::map<NodeId, Node>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }
  std::vector<NodeId> Inputs(NodeId id) const;
  std::vector<NodeId> Outputs(NodeId id) const;
  // Every node fed directly or indirectly by `id`, in an order where inputs come first.
  std::vector<NodeId> Downstream(NodeId id) const;
  // `base` if free, else `base_2`, `base_3`...
  std::string UniqueName(std::string_view base) const;

 private:
  bool Reaches(NodeId from, NodeId to) const;
  std::string PathText(NodeId from, NodeId to) const;

  std::map<NodeId, Node> nodes_;
  std::vector<Edge> edges_;
  NodeId next_id_ = 1;
};

}  // namespace pika::canvas
