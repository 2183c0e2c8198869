// RunPlot: the one way a plot is drawn, by the app, its export dialog, `pika plot` and
// `pika render`, and the one place that decides where its rows are reduced. Rows in this
// process's DuckDB are fetched and reduced in C++ while they fit a quarter of the memory
// budget; past it, and on a server always, the reduction runs in the engine as SQL and only
// its answer comes back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/plot/engine_plot.h"
#include "compute/plot_data.h"
#include "compute/source/sql_engine.h"

namespace pika {

// How a plot reduced in its engine came about.
struct EngineReduction {
  std::vector<std::string> queries;  // the SQL of its reductions, run there in order
  uint64_t rows = 0;                 // the rows the plot stands for
  uint64_t bytes_received = 0;       // over the network (none in this process)
};

// What the plot is drawn for, which decides where a scatter or line is reduced.
enum class PlotUse {
  // A view that pans and zooms: its rows are fetched while they fit the budget, so that each
  // new view is reduced from memory.
  kInteractive,
  // One picture (pika plot, pika render): reduced where the rows are, whatever their number.
  kOneFrame,
};

struct DrawnPlot {
  // The fetched rows or aggregates the scene was built from. For a plot reduced in its
  // engine, only what drill-down and brushes name: bins, groups (as categories), x_is_time.
  PlotData data;
  PlotScene scene;
  std::optional<EngineReduction> reduced;  // set when the engine reduced it
};

// Rows in this process are fetched for an interactive view while they fit a quarter of the
// memory budget; a single picture of a scatter or line, and anything on a server, is reduced
// in the engine. `request.relation` must be the relation `engine` reads (DuckDbEngine is made from
// it).
Result<DrawnPlot> RunPlot(SqlEngine& engine, const PlotDataRequest& request, const PlotSpec& spec,
                          PlotUse use, const TextExtent& text_width, const CancelToken& cancel);

// The plot reduced in its engine whatever its size: what a new view (a pan, a zoom, another
// size) of a plot RunPlot reduced there asks for.
Result<DrawnPlot> ReduceInEngine(SqlEngine& engine, const PlotDataRequest& request,
                                 const PlotSpec& spec, const TextExtent& text_width,
                                 const CancelToken& cancel);

}  // namespace pika
