// Box plots reduced in their engine, summarised there as SummariseBoxes summarises fetched
// rows: interpolated quartiles per group of x (the kMaxBoxes largest), Tukey's whiskers and the
// most extreme outliers. Only those numbers come back.
#pragma once

#include <vector>

#include "compute/box_stats.h"
#include "compute/plot/plot_queries.h"

namespace pika {

// `x` empty: one box of all of y, named after it. y must be a number column.
Result<BoxSummary> SummariseEngineBoxes(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                        const std::string& x, const std::string& y);

}  // namespace pika
