// Nice ticks: round-numbered (1-2-5 step) ticks and their labels for a linear axis.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace pika {

struct NumericTick {
  double value = 0;
  std::string label;   // see tick_number_format.h for the style
  bool minor = false;  // log axes: the 2 and 5 between decades
};

struct NumericTicks {
  double min = 0;  // the domain the ticks are for: the input one, widened or extended
  double max = 1;
  double step = 0;                 // linear: the distance between ticks; log: 0
  bool has_data = true;            // false: there was no finite value, the domain is a default
  std::vector<NumericTick> ticks;  // strictly increasing, all within [min, max]
};

struct NiceTicksOptions {
  int target_count = 5;  // wanted number of ticks; clamped to [2, 50]
  // Widen the domain outwards to the nearest ticks, so that the axis starts and ends on one.
  bool extend_domain = false;
};

// Ticks at multiples of a step 1, 2 or 5 x 10^k, between 2 and 2 * target + 1 of them, as
// near the target as the steps allow. Degenerate domains: min == max gets a domain 10%
// either side (+-1 around 0); a span under 1e-13 of the magnitude (or under 1e-300), which
// doubles cannot label, is widened to that; min > max is swapped; a non-finite bound gives [0, 1]
// with has_data false.
NumericTicks NiceTicks(double min, double max, const NiceTicksOptions& options = {});

// Ticks for the finite values of a column (NaN stands for NULL; infinities are ignored).
NumericTicks NiceTicksOf(std::span<const double> values, const NiceTicksOptions& options = {});

}  // namespace pika
