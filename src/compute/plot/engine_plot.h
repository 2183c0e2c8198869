// Plots reduced in the engine that holds their rows (ClickHouse, PostgreSQL, or the app's own
// DuckDB when the rows are too many to fetch): the reduction runs there, as the reduction
// engine's SQL in the engine's dialect, and only its result comes back: a density's cells, a
// line's M4 points, a histogram's bins, a bar per group. Few rows (up to the raw point cap)
// come back as they are, so that they are drawn exactly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compute/plot_data.h"
#include "compute/rows_behind.h"
#include "compute/source/sql_engine.h"

namespace pika {

struct EnginePlot {
  PlotScene plot;
  uint64_t rows = 0;                 // the rows the plot stands for
  uint64_t bytes_received = 0;       // over the network, for every query the plot ran
  std::vector<std::string> queries;  // the SQL of its reductions, run in the engine in order
  HistogramBins bins;                // a histogram's bins, as drawn
  std::vector<std::string> groups;   // a bar or box plot's groups (x as text), as drawn
  bool x_is_time = false;            // x is a date or time (microseconds on the axis)
  PlotColor color;  // scatter, line, bar: the colour's names or range (no per-row codes)
};

// request.relation is ignored: the plot is of the engine's relation. Scatter, line, histogram
// and bar plots of number columns (bars: x of any type; scatter and line: x may be a date or
// time), coloured as fetched plots are (scatter, line and bar), box plots of a number y (by any
// x), and heatmaps of any two columns, counting rows or aggregating the colour column.
Result<EnginePlot> PlotInEngine(SqlEngine& engine, const PlotDataRequest& request, PlotSpec spec,
                                const TextExtent& text_width, const CancelToken& cancel);

struct EngineRowsBehind {
  RowsBehind rows;        // the first rows, every column, and how many match in all
  std::string predicate;  // the WHERE clause the engine ran, as the popup shows it
};

// Drill-down into a plot reduced in its engine: the rows of the engine's relation inside
// `region` (x and y in values: microseconds for times, values not logs on log axes; only a
// scatter's y counts: a line's pixel column and a histogram's bins are ranges of x), counted
// and the first `limit` fetched there. Scatter, line and histogram plots.
Result<EngineRowsBehind> FetchRowsBehindInEngine(SqlEngine& engine, const PlotDataRequest& request,
                                                 const DataWindow& region, uint64_t limit,
                                                 const CancelToken& cancel);

// The rows behind a bar or a box: those whose x, as text, is `group` (one of
// EnginePlot::groups), counted and the first `limit` fetched in the engine.
Result<EngineRowsBehind> FetchRowsOfGroupInEngine(SqlEngine& engine, const PlotDataRequest& request,
                                                  const std::string& group, uint64_t limit,
                                                  const CancelToken& cancel);

}  // namespace pika
