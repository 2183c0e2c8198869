// A node of the canvas graph: what it is, where it sits and what the user configured in it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/column_type.h"
#include "core/local_copy.h"

namespace pika::canvas {

using NodeId = uint64_t;
inline constexpr NodeId kNoNode = 0;

enum class NodeKind { kTable, kQuery, kPlot, kNote, kRemote };

std::string_view ToString(NodeKind kind);

struct Point {
  double x = 0, y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
  double width = 0, height = 0;
};

// The size the canvas draws a node of `kind` at, from its top-left position: what layout
// keeps apart.
constexpr Size NodeSize(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPlot: return {230, 230};
    case NodeKind::kNote: return {230, 130};
    case NodeKind::kTable:
    case NodeKind::kQuery:
    case NodeKind::kRemote: break;
  }
  return {230, 96};
}

// What a Plot node draws; columns are names in its input's result.
struct PlotNodeSpec {
  std::string kind = "scatter";  // scatter, line, histogram, bar, box, heatmap
  std::string x, y;
  std::string agg;  // bar: count, sum, mean, min, max (empty: count without y, mean with it)
  std::string title;
  std::string color;  // scatter, line, bar: the column colouring the marks (empty: none)
  // A SQL predicate over the input's columns: the rows the plot passes on (empty: all). Set
  // by brushing the plot, and editable as text.
  std::string brush;
  bool x_log = false, y_log = false;  // scatter, line: base 10 axes
  std::string size;                   // scatter: the number column sizing the points
  friend bool operator==(const PlotNodeSpec&, const PlotNodeSpec&) = default;
};

// How a Table node reads its file beyond what is inferred: types the user set, and the
// words that mean "missing" besides the empty string.
struct ImportSettings {
  std::map<std::string, ColumnType> column_types;  // by column name
  std::vector<std::string> null_strings;
  std::string database_table;  // a DuckDB database file: which of its tables
  friend bool operator==(const ImportSettings&, const ImportSettings&) = default;
};

// How long a Remote Table node's answers (its columns, counts, plot reductions) may be reused
// before the server is asked again: remote tables change under us, and only the user knows
// how fast. Ctrl+Enter on the node asks again at once.
inline constexpr int kAskEveryTime = 0;
inline constexpr int kUntilRefreshed = -1;
inline constexpr int kDefaultRemoteMaxAgeS = 300;

struct Node {
  NodeId id = kNoNode;
  NodeKind kind = NodeKind::kNote;
  // Table, Query and Plot nodes are referred to by name in SQL, so names are identifiers.
  std::string name;
  Point position;
  bool user_placed = true;  // false: placed by auto-layout, and never moved by the user
  std::string source_path;  // Table: the imported file
  ImportSettings import;    // Table
  // Table: a save copies its data into the workspace file (so it opens without the source);
  // off, only the path is saved and opening reads the source again.
  bool embed_data = true;
  std::string sql;    // Query: refers to upstream nodes by their names
  PlotNodeSpec plot;  // Plot
  std::string text;   // Note
  // Remote: where the table lives, as clickhouse:// or postgres:// URL. Never a password:
  // those come from the environment or are typed in for the session only.
  std::string remote_url;
  int remote_max_age_s = kDefaultRemoteMaxAgeS;  // Remote: seconds, or kUntilRefreshed
  // Remote, and a Query that runs on a server: its rows are also brought into the local
  // engine (sized first), where the nodes it feeds read them like a Table's.
  bool keep_local = false;
  uint64_t local_rows = kBringLocalRows;  // the most rows that copy may take (sized first)
  friend bool operator==(const Node&, const Node&) = default;
};

// Ports: Table, Remote and Query nodes have one output (their rows), and so has a Plot (its
// input's rows inside its brush: all of them without one). Query has an input that takes any number
// of edges, Plot one that takes a single edge. Notes have no ports.
bool HasOutput(NodeKind kind);
bool HasInput(NodeKind kind);

// What a Table node reads, as people read it: its file, and the table in it for a database.
std::string SourceText(const Node& node);
bool TakesManyInputs(NodeKind kind);

}  // namespace pika::canvas
