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

std::string SourceText(const Node& node) {
  if (node.import.database_table.empty()) return node.source_path;
  return node.source_path + " \u25B8 " + node.import.database_table;
}
bool TakesManyInputs(NodeKind kind) { return kind == NodeKind::kQuery; }

}  // namespace pika::canvas
