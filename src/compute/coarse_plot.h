// Coarse plots: the first level of a scatter or line plot over many rows, from a sample the
// engine reads cheaply (whole vectors of rows, the rest skipped), so that it shows at once
// while the rows themselves are still being fetched for the exact plot.
#pragma once

#include <optional>

#include "compute/plot_data.h"
#include "storage/connection.h"

namespace pika {

// Below this many rows (DuckDB's estimate) the exact plot arrives in a tenth of a second or
// so: no coarse level.
inline constexpr uint64_t kCoarseFromRows = 2'000'000;
// About this many rows are sampled for it, in whole vectors of 2,048 rows: some 400 vectors,
// so that even rows sorted by the plotted column leave no cell column of a plot empty.
inline constexpr uint64_t kCoarseSampleRows = 800'000;
// The rows of `request` (a scatter or line plot) counted in a `shape` grid over the extent of a
// sample of them, each sampled row counting for the rows it stands for; x as the plot places it
// (dates and times as microseconds). Nothing when DuckDB expects fewer than `min_rows` rows, or
// when they take more than a scan of tables or Parquet files (IsPlainScan) to compute.
Result<std::optional<CoarseCounts>> FetchCoarseCounts(Connection& connection,
                                                      const PlotDataRequest& request,
                                                      GridShape shape,
                                                      uint64_t min_rows = kCoarseFromRows);

// The grid a coarse level of a `width` x `height` plot gets: a cell per 6 x 6 pixels.
GridShape CoarseShapeFor(double width, double height);

}  // namespace pika
