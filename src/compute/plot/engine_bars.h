// A bar plot reduced in its engine: a bar per value of x (the kMaxBars largest), its aggregate
// computed there; split into the colour column's groups when there is one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compute/plot/plot_queries.h"
#include "compute/plot_data.h"

namespace pika {

struct EngineBars {
  // The bars in the order drawn: numbers, dates and times in their own order, anything else
  // the largest first.
  std::vector<std::string> categories;  // x as text
  std::vector<double> values;           // one per bar (NaN: no value)
  uint64_t rows = 0;                    // the rows of every group
  uint64_t distinct = 0;                // groups in all, before keeping the largest
  std::string badge;
  // With a colour column: its groups (names, in legend order), and values[bar * groups +
  // group] (NaN where a bar has no rows of a group), stacked when they add up (count, sum).
  PlotColor color;
  std::vector<double> group_values;
  bool stacked = false;
};

// x may be of any type (its values are named as text); y is a number when it is aggregated.
Result<EngineBars> AggregateEngineBars(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                       const PlotDataRequest& request);

Result<PlotScene> BuildEngineBarScene(const EngineBars& bars, const PlotSpec& spec,
                                      const TextExtent& text_width);

}  // namespace pika
