#include "canvas/auto_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

namespace pika::canvas {

namespace {

// A node's rectangle grown by half the gaps on every side: boxes that do not overlap keep
// whole gaps between their nodes.
struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
};

Box BoxAt(Point at, Size size) {
  return {at.x - kLayoutGapX / 2, at.y - kLayoutGapY / 2, at.x + size.width + kLayoutGapX / 2,
          at.y + size.height + kLayoutGapY / 2};
}

bool Overlaps(const Box& a, const Box& b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

bool OverlapsAny(Point at, Size size, const std::vector<Box>& others) {
  const Box box = BoxAt(at, size);
  return std::any_of(others.begin(), others.end(),
                     [&](const Box& other) { return Overlaps(box, other); });
}

// The shortest move that takes `box` off `other`: the force two overlapping nodes push each
// other apart with. Ties go down, then right, so that a crowd grows downward.
Point PushOut(const Box& box, const Box& other) {
  const std::pair<double, Point> moves[] = {
      {other.bottom - box.top, {0, other.bottom - box.top}},
      {other.right - box.left, {other.right - box.left, 0}},
      {box.bottom - other.top, {0, other.top - box.bottom}},
      {box.right - other.left, {other.left - box.right, 0}},
  };
  const auto* best =
      std::min_element(std::begin(moves), std::end(moves),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
  return best->second;
}

// Springs pull toward `target` while the nodes in the way push back: the node comes to rest
// at the edge of whatever sits on its place, on the side nearest to it.
Point Relax(Point target, Size size, const std::vector<Box>& others) {
  Point at = target;
  for (int step = 0; step < 200; ++step) {
    const Point before = at;
    at.x += 0.5 * (target.x - at.x);
    at.y += 0.5 * (target.y - at.y);
    for (const Box& other : others) {
      const Box box = BoxAt(at, size);
      if (!Overlaps(box, other)) continue;
      const Point push = PushOut(box, other);
      at.x += push.x;
      at.y += push.y;
    }
    if (std::abs(at.x - before.x) < 1e-6 && std::abs(at.y - before.y) < 1e-6) break;
  }
  return at;
}

// When pushes from several sides trap a node: the nearest free place on a grid around
// `target`, ring by ring; below everything when the neighbourhood is full.
Point NearestFree(Point target, Size size, const std::vector<Box>& others) {
  constexpr double kStep = 20;
  for (int ring = 1; ring <= 100; ++ring) {
    std::vector<Point> candidates;
    for (int i = -ring; i <= ring; ++i) {
      for (int j = -ring; j <= ring; ++j) {
        if (std::max(std::abs(i), std::abs(j)) != ring) continue;
        candidates.push_back({target.x + i * kStep, target.y + j * kStep});
      }
    }
    const auto distance = [&](Point p) { return std::hypot(p.x - target.x, p.y - target.y); };
    std::stable_sort(candidates.begin(), candidates.end(), [&](Point a, Point b) {
      return std::make_tuple(distance(a), -a.y, -a.x) < std::make_tuple(distance(b), -b.y, -b.x);
    });
    for (Point candidate : candidates) {
      if (!OverlapsAny(candidate, size, others)) return candidate;
    }
  }
  double lowest = target.y;
  for (const Box& other : others) lowest = std::max(lowest, other.bottom + kLayoutGapY / 2);
  return {target.x, lowest};
}

Point PlaceClear(Point target, Size size, const std::vector<Box>& others) {
  const Point rested = Relax(target, size, others);
  return OverlapsAny(rested, size, others) ? NearestFree(target, size, others) : rested;
}

// Tidy, step 1: a column per node, one right of its deepest input (the graph has no cycles).
std::map<NodeId, int> Depths(const Graph& graph) {
  std::map<NodeId, int> depth;
  for (const auto& [id, node] : graph.nodes())
    if (node.kind != NodeKind::kNote) depth[id] = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (const Edge& edge : graph.edges()) {
      if (depth[edge.to] > depth[edge.from]) continue;
      depth[edge.to] = depth[edge.from] + 1;
      changed = true;
    }
  }
  return depth;
}

using Columns = std::vector<std::vector<NodeId>>;

// The graphs that no wire joins, each with its nodes' depths, topmost (as placed now) first:
// laid out one by one, nothing pulls one toward another.
std::vector<std::map<NodeId, int>> Components(const Graph& graph,
                                              const std::map<NodeId, int>& depths) {
  std::vector<std::map<NodeId, int>> components;
  std::set<NodeId> seen;
  for (const auto& [start, depth] : depths) {
    if (!seen.insert(start).second) continue;
    std::map<NodeId, int>& component = components.emplace_back();
    std::vector<NodeId> pending{start};
    while (!pending.empty()) {
      const NodeId id = pending.back();
      pending.pop_back();
      component[id] = depths.at(id);
      std::vector<NodeId> wired = graph.Inputs(id);
      const std::vector<NodeId> outputs = graph.Outputs(id);
      wired.insert(wired.end(), outputs.begin(), outputs.end());
      for (NodeId other : wired)
        if (seen.insert(other).second) pending.push_back(other);
    }
  }
  const auto top_left = [&](const std::map<NodeId, int>& component) {
    Point corner{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    for (const auto& [id, depth] : component) {
      const Point at = graph.Find(id)->position;
      corner = std::tie(at.y, at.x) < std::tie(corner.y, corner.x) ? at : corner;
    }
    return std::make_pair(corner.y, corner.x);
  };
  std::stable_sort(components.begin(), components.end(),
                   [&](const auto& a, const auto& b) { return top_left(a) < top_left(b); });
  return components;
}

// Step 2: each column top to bottom as it is now, then re-sorted by where the nodes it is
// wired to sit (the barycenter heuristic, sweeping right and back). A stable sort keeps an
// order without crossings as it is.
Columns OrderColumns(const Graph& graph, const std::map<NodeId, int>& depths) {
  int deepest = 0;
  for (const auto& [id, depth] : depths) deepest = std::max(deepest, depth);
  Columns columns(static_cast<size_t>(deepest) + 1);
  for (const auto& [id, depth] : depths) columns[static_cast<size_t>(depth)].push_back(id);
  std::map<NodeId, double> rank;
  const auto reindex = [&](const std::vector<NodeId>& column) {
    for (size_t index = 0; index < column.size(); ++index)
      rank[column[index]] = static_cast<double>(index);
  };
  for (auto& column : columns) {
    std::stable_sort(column.begin(), column.end(), [&](NodeId a, NodeId b) {
      const Point pa = graph.Find(a)->position, pb = graph.Find(b)->position;
      return std::tie(pa.y, pa.x) < std::tie(pb.y, pb.x);
    });
    reindex(column);
  }
  for (int sweep = 0; sweep < 8; ++sweep) {
    const bool rightward = sweep % 2 == 0;
    for (size_t step = 1; step < columns.size(); ++step) {
      auto& column = columns[rightward ? step : columns.size() - 1 - step];
      std::map<NodeId, double> key;
      for (NodeId id : column) {
        const std::vector<NodeId> wired = rightward ? graph.Inputs(id) : graph.Outputs(id);
        double sum = 0;
        for (NodeId other : wired) sum += rank[other];
        key[id] = wired.empty() ? rank[id] : sum / static_cast<double>(wired.size());
      }
      std::stable_sort(column.begin(), column.end(),
                       [&](NodeId a, NodeId b) { return key[a] < key[b]; });
      reindex(column);
    }
  }
  return columns;
}

// The tops nearest (least squares) to `wanted` that keep the column's order and gaps:
// isotonic regression by pooling adjacent violators, on the tops less the room each node
// needs above it.
std::vector<double> Pack(const std::vector<double>& wanted, const std::vector<double>& heights) {
  const size_t count = wanted.size();
  std::vector<double> room(count, 0);
  for (size_t index = 1; index < count; ++index)
    room[index] = room[index - 1] + heights[index - 1] + kLayoutGapY;
  struct Pool {
    double sum = 0;
    size_t size = 0;
    double mean() const { return sum / static_cast<double>(size); }
  };
  std::vector<Pool> pools;
  for (size_t index = 0; index < count; ++index) {
    pools.push_back({wanted[index] - room[index], 1});
    while (pools.size() > 1 && pools[pools.size() - 2].mean() > pools.back().mean()) {
      pools[pools.size() - 2].sum += pools.back().sum;
      pools[pools.size() - 2].size += pools.back().size;
      pools.pop_back();
    }
  }
  std::vector<double> tops;
  for (const Pool& pool : pools)
    for (size_t member = 0; member < pool.size; ++member) tops.push_back(pool.mean());
  for (size_t index = 0; index < count; ++index) tops[index] += room[index];
  return tops;
}

// Step 3: heights. Springs pull each node's middle toward the middles of the nodes it is
// wired to; Pack keeps each column's order and gaps. Starts from the columns stacked from
// the top, so the answer depends on the order alone.
std::map<NodeId, double> SettleTops(const Graph& graph, const Columns& columns) {
  std::map<NodeId, double> top;
  const auto height = [&](NodeId id) { return NodeSize(graph.Find(id)->kind).height; };
  for (const auto& column : columns) {
    double y = 0;
    for (NodeId id : column) {
      top[id] = y;
      y += height(id) + kLayoutGapY;
    }
  }
  for (int round = 0; round < 40; ++round) {
    for (size_t step = 0; step < columns.size(); ++step) {
      const auto& column = columns[round % 2 == 0 ? step : columns.size() - 1 - step];
      std::vector<double> wanted, heights;
      for (NodeId id : column) {
        std::vector<NodeId> wired = graph.Inputs(id);
        const std::vector<NodeId> outputs = graph.Outputs(id);
        wired.insert(wired.end(), outputs.begin(), outputs.end());
        double sum = 0;
        for (NodeId other : wired) sum += top[other] + height(other) / 2;
        wanted.push_back(wired.empty() ? top[id]
                                       : sum / static_cast<double>(wired.size()) - height(id) / 2);
        heights.push_back(height(id));
      }
      const std::vector<double> tops = Pack(wanted, heights);
      for (size_t index = 0; index < column.size(); ++index) top[column[index]] = tops[index];
    }
  }
  return top;
}

// Step 4: a note keeps its offset from the node it was nearest, and is then moved clear.
void PlaceNotes(const Graph& graph, std::map<NodeId, Point>& placed) {
  std::vector<const Node*> notes;
  for (const auto& [id, node] : graph.nodes())
    if (node.kind == NodeKind::kNote) notes.push_back(&node);
  std::stable_sort(notes.begin(), notes.end(), [](const Node* a, const Node* b) {
    return std::tie(a->position.y, a->position.x) < std::tie(b->position.y, b->position.x);
  });
  std::vector<Box> boxes;
  for (const auto& [id, at] : placed) boxes.push_back(BoxAt(at, NodeSize(graph.Find(id)->kind)));
  const std::map<NodeId, Point> anchors = placed;
  for (const Node* note : notes) {
    Point target = note->position;
    double nearest = std::numeric_limits<double>::infinity();
    for (const auto& [id, at] : anchors) {
      const Point was = graph.Find(id)->position;
      const double distance = std::hypot(was.x - note->position.x, was.y - note->position.y);
      if (distance >= nearest) continue;
      nearest = distance;
      target = {at.x + note->position.x - was.x, at.y + note->position.y - was.y};
    }
    const Point at = PlaceClear(target, NodeSize(note->kind), boxes);
    placed[note->id] = at;
    boxes.push_back(BoxAt(at, NodeSize(note->kind)));
  }
}

// Step 5: the whole moved so that its top-left corner is where the graph's was.
void KeepCorner(const Graph& graph, std::map<NodeId, Point>& placed) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  Point was{kInf, kInf}, now{kInf, kInf};
  for (const auto& [id, at] : placed) {
    const Point old = graph.Find(id)->position;
    was = {std::min(was.x, old.x), std::min(was.y, old.y)};
    now = {std::min(now.x, at.x), std::min(now.y, at.y)};
  }
  for (auto& [id, at] : placed) at = {at.x - now.x + was.x, at.y - now.y + was.y};
}

}  // namespace

Point PlaceNewNode(const Graph& graph, NodeKind kind, const std::vector<NodeId>& inputs,
                   Point hint) {
  Point target = hint;
  double right = -std::numeric_limits<double>::infinity(), height_sum = 0;
  size_t found = 0;
  for (NodeId id : inputs) {
    const Node* input = graph.Find(id);
    if (input == nullptr) continue;
    right = std::max(right, input->position.x + NodeSize(input->kind).width);
    height_sum += input->position.y;
    ++found;
  }
  if (found > 0) target = {right + kLayoutGapX, height_sum / static_cast<double>(found)};
  std::vector<Box> others;
  for (const auto& [id, node] : graph.nodes())
    others.push_back(BoxAt(node.position, NodeSize(node.kind)));
  return PlaceClear(target, NodeSize(kind), others);
}

std::map<NodeId, Point> TidyLayout(const Graph& graph) {
  std::map<NodeId, Point> placed;
  if (graph.nodes().empty()) return placed;
  const double column_width = NodeSize(NodeKind::kQuery).width + kLayoutGapX;
  double next_top = 0;
  for (const std::map<NodeId, int>& component : Components(graph, Depths(graph))) {
    const std::map<NodeId, double> tops = SettleTops(graph, OrderColumns(graph, component));
    double first = std::numeric_limits<double>::infinity(), last = -first;
    for (const auto& [id, top] : tops) {
      first = std::min(first, top);
      last = std::max(last, top + NodeSize(graph.Find(id)->kind).height);
    }
    for (const auto& [id, top] : tops)
      placed[id] = {static_cast<double>(component.at(id)) * column_width, top - first + next_top};
    next_top += last - first + 2 * kLayoutGapY;  // stacked, a little apart
  }
  PlaceNotes(graph, placed);
  KeepCorner(graph, placed);
  return placed;
}

}  // namespace pika::canvas
