// Histograms counted in their engine: numbers in about 40 bins on round edges, dates and times
// in calendar bins (weeks from Monday, months from their first day). Only the bins come back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compute/plot/plot_queries.h"
#include "plot/plot_scene.h"

namespace pika {

struct EngineHistogram {
  HistogramBins bins;
  uint64_t rows = 0;       // the finite values counted
  bool x_is_time = false;  // bins of microseconds since the epoch
};

// The bins of column `x` of the run's relation.
Result<EngineHistogram> CountEngineHistogram(PlotQueries& run,
                                             const std::vector<EngineColumn>& columns,
                                             const std::string& x);

}  // namespace pika
