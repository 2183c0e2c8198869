#include "canvas/node.h"

namespace pika::canvas {

std::string_view ToString(NodeKind kind) {
  switch (kind) {
    case NodeKind::kTable: return "Table";
    case NodeKind::kQuery: return "Query";
    case NodeKind::kPlot: return "Plot";
    case NodeKind::kNote: return "Note";
    case NodeKind::kRemote: return "Remote Table";
  }
  return "?";
}

bool HasOutput(NodeKind kind) { return kind != NodeKind::kNote; }
bool HasInput(NodeKind kind) { return kind == NodeKind::kQuery || kind == NodeKind::kPlot; }
bool TakesManyInputs(NodeKind kind) { return kind == NodeKind::kQuery; }

}  // namespace pika::canvas
