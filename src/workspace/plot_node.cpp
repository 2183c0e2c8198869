#include "workspace/plot_node.h"

#include <fmt/format.h>

#include <cctype>
#include <set>

#include "storage/duckdb_source.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// `id` and everything it reads, inputs before the nodes that read them.
void UpstreamInOrder(const canvas::Graph& graph, canvas::NodeId id, std::set<canvas::NodeId>& seen,
                     std::vector<canvas::NodeId>& order) {
  if (!seen.insert(id).second) return;
  for (canvas::NodeId input : graph.Inputs(id)) UpstreamInOrder(graph, input, seen, order);
  order.push_back(id);
}

std::string WithoutTrailingSemicolons(std::string sql) {
  while (!sql.empty() &&
         (sql.back() == ';' || std::isspace(static_cast<unsigned char>(sql.back()))))
    sql.pop_back();
  return sql;
}

std::string ClauseOf(const canvas::Node& node) {
  const std::string name = QuoteIdentifier(node.name);
  if (node.kind == canvas::NodeKind::kQuery)
    return fmt::format("{} AS (\n{}\n)", name, WithoutTrailingSemicolons(node.sql));
  std::string clause =
      fmt::format("{} AS (SELECT * FROM {})", name, QuoteFileLiteral(node.source_path));
  // A table of a DuckDB database: DuckDB reads it once the file is attached.
  if (!node.import.database_table.empty()) {
    clause = fmt::format(
        "-- run first: ATTACH {} AS source_db (READ_ONLY);\n{} AS (SELECT * FROM source_db.{})",
        QuoteLiteral(node.source_path), name, DuckDbTableSql(node.import.database_table));
  }
  if (!node.import.column_types.empty()) {
    std::string set;
    for (const auto& [column, type] : node.import.column_types)
      set += fmt::format("{}{} {}", set.empty() ? "" : ", ", column, ToDuckDbName(type));
    clause =
        fmt::format("-- in the app, {} was read with these types: {}\n{}", node.name, set, clause);
  }
  return clause;
}

}  // namespace

PlotDataRequest PlotRequestOf(const canvas::Node& plot, const canvas::Node& input) {
  PlotDataRequest request{QuoteIdentifier(input.name),
                          plot.plot.kind,
                          plot.plot.x,
                          plot.plot.y,
                          plot.plot.agg,
                          plot.plot.color};
  request.x_log = plot.plot.x_log;
  request.y_log = plot.plot.y_log;
  request.size = plot.plot.size;
  return request;
}

PlotSpec PlotSpecOf(const canvas::Node& plot, const PlotDataRequest& request) {
  PlotSpec spec;
  spec.title = plot.plot.title;
  spec.x_title = plot.plot.x;
  spec.y_title = PlotYTitle(request);
  return spec;
}

std::string PlotSqlOf(const canvas::Graph& graph, canvas::NodeId plot,
                      const PlotDataRequest& request, const PlotData& data,
                      const PlotSqlOptions& options) {
  std::set<canvas::NodeId> seen;
  std::vector<canvas::NodeId> order;
  for (canvas::NodeId input : graph.Inputs(plot)) UpstreamInOrder(graph, input, seen, order);
  std::string sql = fmt::format("-- The data behind plot '{}'\n", graph.Find(plot)->name);
  for (size_t index = 0; index < order.size(); ++index)
    sql += (index == 0 ? "WITH " : ",\n") + ClauseOf(*graph.Find(order[index]));
  if (!order.empty()) sql += "\n";
  return sql + PlotQuerySql(request, data, options);
}

}  // namespace pika
