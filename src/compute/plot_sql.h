// The SQL behind a plot, as a user reads it and runs it again: the plotted columns of the rows
// a scatter or line draws (those in view, when a window is given), or the aggregate a bar or
// histogram draws (with the bins the plot used). "Copy SQL" copies it, data exports write its
// result, and batch exports list it next to each image.
#pragma once

#include <optional>
#include <string>

#include "compute/plot_data.h"

namespace pika {

struct PlotSqlOptions {
  std::optional<DataWindow> window;  // scatter, line: only the rows inside it
  bool all_columns = false;          // scatter, line: every column of those rows
};

std::string PlotQuerySql(const PlotDataRequest& request, const PlotData& data,
                         const PlotSqlOptions& options = {});

}  // namespace pika
