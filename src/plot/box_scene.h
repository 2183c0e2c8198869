// Box plots: the spread of a column in each group, as quartiles, whiskers and outliers
// (Tukey's: whiskers reach the farthest values within 1.5 interquartile ranges of the box).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "plot/plot_scene.h"

namespace pika {

// One group's summary, computed where the data is (only these numbers come back).
struct BoxStats {
  std::string name;
  uint64_t rows = 0;  // finite values summarised
  double q1 = 0, median = 0, q3 = 0;
  double low = 0, high = 0;      // the whiskers' ends: the extreme values inside the fences
  std::vector<double> outliers;  // some or all of the values beyond the fences
  uint64_t outlier_count = 0;    // all of them
};

// A box per group, side by side, on a shared y axis; `badge` says what was summarised.
Result<PlotScene> BuildBoxScene(const PlotSpec& spec, std::span<const BoxStats> boxes,
                                const std::string& badge, const TextExtent& text_width);

}  // namespace pika
