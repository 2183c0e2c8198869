// The engine pipeline's reductions over a relation of the app's DuckDB: how the fetched path's
// aggregates (box plots, heatmaps) are computed by the same code a server's are.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compute/plot/plot_queries.h"
#include "compute/source/duckdb_engine.h"

namespace pika {

// Calls `reduce(PlotQueries&, const std::vector<EngineColumn>&)` over `relation` (a quoted
// table or "(SELECT ...)") and returns its result.
template <typename Reduce>
auto ReduceInDuckDb(Connection& connection, const std::string& relation, Reduce reduce)
    -> decltype(reduce(std::declval<PlotQueries&>(),
                       std::declval<const std::vector<EngineColumn>&>())) {
  DuckDbEngine engine(connection, relation, relation.starts_with("(") ? "the query" : relation);
  std::vector<std::string> queries;
  uint64_t bytes_received = 0;
  PlotQueries run(engine, CancelToken(), queries, bytes_received);
  auto columns = engine.Columns(CancelToken());
  if (!columns.ok()) return columns.error();
  return reduce(run, *columns);
}

}  // namespace pika
