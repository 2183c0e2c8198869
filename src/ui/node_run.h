// What the app knows about a node's latest run: its state for the canvas badge, and its
// result for the inspector, the preview and the plot.
#pragma once

#include <QString>
#include <memory>
#include <optional>

#include "compute/node_relations.h"
#include "compute/plot_data.h"
#include "compute/remote_table.h"
#include "compute/sql_error_position.h"
#include "workspace/remote_node.h"

namespace pika::ui {

enum class RunState {
  kIdle,     // nothing to run yet (no file, no SQL, no input)
  kWaiting,  // stale: runs once its inputs are ready
  kRunning,
  kReady,
  kError,
};

// A Plot node's fetched data and the scene laid out from it.
struct PlotResult {
  PlotDataRequest request;
  PlotData data;  // empty for a remote plot: its rows stay on the server
  PlotScene scene;
  bool data_released = false;  // memory ran short: the scene stays, the data must be fetched again
  // Set when the plot is of a remote table: every new size or window asks its server again
  // (or the cache, for answers younger than its freshness).
  std::optional<RemoteOrigin> remote;
  // Set when its rows were too many to fetch within the memory budget: it was reduced in the
  // app's DuckDB instead, and every new size or window is reduced there again.
  bool reduced_in_duckdb = false;
  std::vector<std::string> remote_queries;  // the SQL its server ran, in order

  // Reduced where its rows are (a server, or DuckDB): `data` holds no rows to lay out again.
  bool reduced_in_engine() const { return remote.has_value() || reduced_in_duckdb; }
};

// A Plot's first level while its rows are still coming: the counts, and the scene drawn from
// them at the canvas's plot size (views of other sizes draw their own from the counts).
struct CoarsePlot {
  CoarseCounts counts;
  PlotSpec spec;
  PlotScene scene;
};

struct NodeRun {
  RunState state = RunState::kIdle;
  QString message;         // the error, or why the node is idle
  bool cancelled = false;  // the run was stopped (by the user or a newer run), not failed
  bool held_back = false;  // Query: expected to be huge, waits for the go-ahead (idle)
  std::optional<SqlPosition> error_position;     // Query: where in the SQL the error points
  std::shared_ptr<const NodeRelation> relation;  // Table, Query, Remote: when ready
  std::shared_ptr<const RemoteTable> remote;     // Remote: when ready
  // Plot: when ready, and while it runs again for a new brush alone (the drawing stays).
  std::shared_ptr<const PlotResult> plot;
  std::shared_ptr<const CoarsePlot> coarse;  // Plot: while running, when it has many rows
  uint64_t generation = 0;                   // which run the answer belongs to
  double seconds = 0;                        // how long the last run took
};

}  // namespace pika::ui
