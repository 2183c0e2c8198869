// A plot's extent, found in its engine: how many rows have finite values on the axes, and
// the range of each.
#pragma once

#include <cstdint>

#include "compute/plot/plot_queries.h"
#include "plot/plot_scene.h"
#include "plot/reduction_sql.h"

namespace pika {

struct Extent {
  uint64_t rows = 0;
  DataWindow window;  // y only when source.y is set; nothing when there are no rows
};

Result<Extent> FetchExtent(PlotQueries& run, const SqlSource& source);

}  // namespace pika
