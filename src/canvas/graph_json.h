// The graph as JSON (graph.json of a workspace file): nodes with their settings and
// positions, edges, and the canvas viewport. Reading checks every field's type and the
// graph's validity (unique ids and names, no dangling edge, no cycle) and says what is wrong
// where; it never returns half a graph.
#pragma once

#include <string>
#include <string_view>

#include "canvas/graph.h"
#include "core/result.h"

namespace pika::canvas {

struct Viewport {
  double center_x = 0, center_y = 0, zoom = 1;
  friend bool operator==(const Viewport&, const Viewport&) = default;
};

struct GraphDocumentData {
  Graph graph;
  Viewport viewport;
};

// How graph.json (and `pika info`) names a kind: "table", "query", "plot", "note".
std::string_view KindKey(NodeKind kind);

std::string GraphToJson(const Graph& graph, const Viewport& viewport);
Result<GraphDocumentData> GraphFromJson(std::string_view json);

}  // namespace pika::canvas
