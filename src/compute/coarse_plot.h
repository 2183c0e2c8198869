// Coarse plots: the first level of a scatter or line plot over many rows, counted in the
// engine (two aggregate scans, a few thousand cells back) so that it shows while the rows
// themselves are still being fetched for the exact plot.
#pragma once

#include <optional>

#include "compute/plot_data.h"
#include "storage/connection.h"

namespace pika {

// Below this many rows the exact plot arrives about as fast: no coarse level.
inline constexpr uint64_t kCoarseFromRows = 200'000;

// The rows of `request` (a scatter or line plot) counted in a `shape` grid over their extent,
// with x as the plot places it (dates and times as microseconds). Nothing when fewer than
// `min_rows` rows have a finite x and y, when a value is infinite, or when the rows are more
// than a scan of tables or Parquet files (IsPlainScan) and counting them twice would cost.
Result<std::optional<CoarseCounts>> FetchCoarseCounts(Connection& connection,
                                                      const PlotDataRequest& request,
                                                      GridShape shape,
                                                      uint64_t min_rows = kCoarseFromRows);

// The grid a coarse level of a `width` x `height` plot gets: a cell per 6 x 6 pixels.
GridShape CoarseShapeFor(double width, double height);

}  // namespace pika
