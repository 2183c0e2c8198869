// The SQL behind a plot, as a user reads it and runs it again: the plotted columns of the rows
// a scatter or line draws (those in view, when a window is given), or the aggregate a bar or
// histogram draws (with the bins the plot used). "Copy SQL" copies it, data exports write its
// result, and batch exports list it next to each image.
#pragma once

#include <optional>
#include <string>

#include "compute/plot_data.h"
#include "remote/remote_source.h"

namespace pika {

struct PlotSqlOptions {
  // Scatter, line: only the rows inside it (in the plot's axis units: decades on log axes).
  std::optional<DataWindow> window;
  bool all_columns = false;  // scatter, line: every column of those rows
};

std::string PlotQuerySql(const PlotDataRequest& request, const PlotData& data,
                         const PlotSqlOptions& options = {});

// The predicate a brush makes, over the input's columns as a user writes them: a box on a
// scatter plot, a range of x on a line plot or a histogram (widened to whole bins). Bounds
// are rounded outwards to a few digits of the brushed span, so they read well and keep
// every row that was inside; dates and times read as TIMESTAMP literals (UTC). A side of the
// box from -infinity to infinity is left out: a range of y alone, or of x alone. The box is
// in the plot's axis units (decades on a log axis), as a view reads it off the scene.
std::string BrushPredicate(const PlotDataRequest& request, const PlotData& data,
                           const DataWindow& axis_box);

// The predicate of bars picked by their categories (as the plot names them; "NULL" is the
// bar of missing values). Text is quoted for the engine that runs it: `server` for a remote
// plot's brush (ClickHouse reads a backslash as an escape), DuckDB otherwise.
std::string CategoryBrushPredicate(const PlotDataRequest& request,
                                   const std::vector<std::string>& categories,
                                   std::optional<RemoteEngine> server = {});

// What a plot passes on: the rows of `relation` inside `brush` (all of them without one).
std::string PlotOutputSql(const std::string& relation, const std::string& brush);

}  // namespace pika
