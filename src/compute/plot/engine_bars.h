// A bar plot reduced in its engine: a bar per value of x (the kMaxBars with the most rows), its
// aggregate computed there; split into the colour column's groups when there is one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compute/plot/plot_queries.h"
#include "compute/plot_data.h"

namespace pika {

// x may be of any type (its values are named as text); y is a number when it is aggregated.
// `rows` is set to the rows the bars aggregate, `groups` to the bars' names (x as text) in
// the order drawn.
Result<PlotScene> PlotEngineBars(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                 const PlotDataRequest& request, const PlotSpec& spec,
                                 const TextExtent& text_width, uint64_t& rows,
                                 std::vector<std::string>& groups);

}  // namespace pika
