#include "canvas/graph.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <deque>
#include <set>

#include "canvas/node_name.h"

namespace pika::canvas {

namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Not "table": that is an SQL keyword, which a name may not be.
std::string DefaultName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kTable: return "data";
    case NodeKind::kQuery: return "query";
    case NodeKind::kPlot: return "plot";
    case NodeKind::kNote: return "";
    case NodeKind::kRemote: return "remote";
  }
  return "node";
}

// Both arms are string_views: a mixed conditional would make a temporary std::string and
// return a view of it.
std::string_view Label(const Node& node) {
  return node.name.empty() ? std::string_view("note") : std::string_view(node.name);
}

}  // namespace

Result<NodeId> Graph::Add(Node node) {
  if (node.id == kNoNode) node.id = next_id_;
  if (nodes_.contains(node.id)) return InvalidInput(fmt::format("node id {} is in use", node.id));
  if (node.kind != NodeKind::kNote) {
    if (node.name.empty()) node.name = DefaultName(node.kind);
    PIKA_TRY(CheckNodeName(node.name));
    node.name = UniqueName(node.name);
  }
  next_id_ = std::max(next_id_, node.id + 1);
  const NodeId id = node.id;
  nodes_.emplace(id, std::move(node));
  return id;
}

Result<RemovedNode> Graph::Remove(NodeId id) {
  auto found = nodes_.find(id);
  if (found == nodes_.end()) return NotFound(fmt::format("no node with id {}", id));
  RemovedNode removed{std::move(found->second), {}};
  nodes_.erase(found);
  std::erase_if(edges_, [&](const Edge& edge) {
    const bool touches = edge.from == id || edge.to == id;
    if (touches) removed.edges.push_back(edge);
    return touches;
  });
  return removed;
}

Status Graph::Restore(const RemovedNode& removed) {
  if (nodes_.contains(removed.node.id))
    return InvalidInput(fmt::format("node id {} is in use", removed.node.id));
  if (removed.node.kind != NodeKind::kNote && FindByName(removed.node.name) != nullptr)
    return InvalidInput(fmt::format("a node named '{}' exists", removed.node.name));
  nodes_.emplace(removed.node.id, removed.node);
  next_id_ = std::max(next_id_, removed.node.id + 1);
  for (const Edge& edge : removed.edges) {
    if (Status connected = Connect(edge.from, edge.to); !connected.ok()) {
      (void)Remove(removed.node.id);
      return connected;
    }
  }
  return {};
}

Status Graph::CanConnect(NodeId from, NodeId to) const {
  const Node* source = Find(from);
  const Node* target = Find(to);
  if (source == nullptr || target == nullptr) return NotFound("one end of the connection is gone");
  if (from == to) return InvalidInput(fmt::format("'{}' cannot feed itself", Label(*source)));
  if (!HasOutput(source->kind)) {
    return InvalidInput(
        fmt::format("a {} node has no output to connect from", ToString(source->kind)));
  }
  if (!HasInput(target->kind)) {
    return InvalidInput(fmt::format("a {} node takes no input: connect it to a Query or Plot",
                                    ToString(target->kind)));
  }
  if (std::find(edges_.begin(), edges_.end(), Edge{from, to}) != edges_.end())
    return InvalidInput(fmt::format("'{}' already feeds '{}'", source->name, target->name));
  if (!TakesManyInputs(target->kind) && !Inputs(to).empty()) {
    return InvalidInput(fmt::format("'{}' draws one input, '{}': disconnect it first", target->name,
                                    Find(Inputs(to).front())->name));
  }
  if (Reaches(to, from)) {
    return InvalidInput(fmt::format("connecting '{}' to '{}' would make a cycle: {} → {}",
                                    source->name, target->name, PathText(to, from), target->name));
  }
  return {};
}

Status Graph::Connect(NodeId from, NodeId to) {
  PIKA_TRY(CanConnect(from, to));
  edges_.push_back({from, to});
  return {};
}

Status Graph::Disconnect(NodeId from, NodeId to) {
  const auto found = std::find(edges_.begin(), edges_.end(), Edge{from, to});
  if (found == edges_.end()) return NotFound("those nodes are not connected");
  edges_.erase(found);
  return {};
}

Status Graph::Rename(NodeId id, std::string_view name) {
  auto found = nodes_.find(id);
  if (found == nodes_.end()) return NotFound(fmt::format("no node with id {}", id));
  if (found->second.kind == NodeKind::kNote) return InvalidInput("notes have no name");
  PIKA_TRY(CheckNodeName(name));
  const Node* other = FindByName(name);
  if (other != nullptr && other->id != id)
    return InvalidInput(fmt::format("another node is named '{}'", other->name));
  found->second.name = std::string(name);
  return {};
}

Status Graph::Move(NodeId id, Point position) {
  auto found = nodes_.find(id);
  if (found == nodes_.end()) return NotFound(fmt::format("no node with id {}", id));
  found->second.position = position;
  found->second.user_placed = true;
  return {};
}

Status Graph::Update(const Node& node) {
  auto found = nodes_.find(node.id);
  if (found == nodes_.end()) return NotFound(fmt::format("no node with id {}", node.id));
  if (found->second.kind != node.kind) return InvalidInput("a node cannot change its kind");
  Node updated = node;
  updated.name = found->second.name;
  found->second = std::move(updated);
  return {};
}

const Node* Graph::Find(NodeId id) const {
  const auto found = nodes_.find(id);
  return found == nodes_.end() ? nullptr : &found->second;
}

const Node* Graph::FindByName(std::string_view name) const {
  for (const auto& [id, node] : nodes_) {
    if (node.kind != NodeKind::kNote && SameName(node.name, name)) return &node;
  }
  return nullptr;
}

std::vector<NodeId> Graph::Inputs(NodeId id) const {
  std::vector<NodeId> inputs;
  for (const Edge& edge : edges_) {
    if (edge.to == id) inputs.push_back(edge.from);
  }
  return inputs;
}

std::vector<NodeId> Graph::Outputs(NodeId id) const {
  std::vector<NodeId> outputs;
  for (const Edge& edge : edges_) {
    if (edge.from == id) outputs.push_back(edge.to);
  }
  return outputs;
}

std::vector<NodeId> Graph::Downstream(NodeId id) const {
  // Kahn's algorithm restricted to what `id` reaches: inputs always come first.
  std::set<NodeId> reached;
  std::deque<NodeId> frontier{id};
  while (!frontier.empty()) {
    for (NodeId next : Outputs(frontier.front())) {
      if (reached.insert(next).second) frontier.push_back(next);
    }
    frontier.pop_front();
  }
  std::map<NodeId, int> pending;
  for (NodeId node : reached) {
    for (NodeId input : Inputs(node)) pending[node] += reached.contains(input) ? 1 : 0;
  }
  std::vector<NodeId> order;
  std::deque<NodeId> ready;
  for (NodeId node : reached) {
    if (pending[node] == 0) ready.push_back(node);
  }
  while (!ready.empty()) {
    const NodeId node = ready.front();
    ready.pop_front();
    order.push_back(node);
    for (NodeId next : Outputs(node)) {
      if (reached.contains(next) && --pending[next] == 0) ready.push_back(next);
    }
  }
  return order;
}

std::string Graph::UniqueName(std::string_view base) const {
  return UniqueNodeName(base,
                        [this](std::string_view name) { return FindByName(name) != nullptr; });
}

bool Graph::Reaches(NodeId from, NodeId to) const {
  if (from == to) return true;
  const std::vector<NodeId> downstream = Downstream(from);
  return std::find(downstream.begin(), downstream.end(), to) != downstream.end();
}

// "b → c → a": the existing path that a new edge a → b would close into a cycle.
std::string Graph::PathText(NodeId from, NodeId to) const {
  std::map<NodeId, NodeId> parent;
  std::deque<NodeId> frontier{from};
  parent[from] = kNoNode;
  while (!frontier.empty() && !parent.contains(to)) {
    for (NodeId next : Outputs(frontier.front())) {
      if (parent.emplace(next, frontier.front()).second) frontier.push_back(next);
    }
    frontier.pop_front();
  }
  std::vector<std::string> names;
  for (NodeId at = to; at != kNoNode; at = parent[at]) names.push_back(Find(at)->name);
  std::reverse(names.begin(), names.end());
  return fmt::format("{}", fmt::join(names, " → "));
}

}  // namespace pika::canvas
