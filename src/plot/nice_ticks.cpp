// Nice ticks: round-numbered (1-2-5 step) ticks and their labels for a linear axis.
#include "plot/nice_ticks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <tuple>
#include <utility>

#include "plot/axis_scale.h"
#include "plot/tick_number_format.h"

namespace pika {
namespace {

// Below this span relative to the magnitude, labels run out of double precision.
constexpr double kMinRelativeSpan = 1e-13;
// Below this absolute span, steps would fall into denormals (or to 0).
constexpr double kMinSpan = 1e-300;

bool IsFinite(double value) { return std::fabs(value) <= std::numeric_limits<double>::max(); }

// The domain, widened where the ticks could not tell its ends apart.
std::pair<double, double> Widen(double min, double max) {
  const double magnitude = std::max(std::fabs(min), std::fabs(max));
  double half = 0;
  if (min == max) {
    half = min == 0 ? 1.0 : magnitude * 0.1;
  } else if (max - min < magnitude * kMinRelativeSpan) {
    half = magnitude * kMinRelativeSpan * 0.5;
  }
  if (max - min < kMinSpan) half = std::max(half, kMinSpan);
  if (half == 0) return {min, max};
  const double centre = min * 0.5 + max * 0.5;
  return {centre - half, centre + half};
}

// Tick indices: value i * step for i in [first, last].
struct TickRange {
  double step = 0;
  double first = 0;
  double last = -1;
  double count() const { return last - first + 1; }
};

TickRange RangeFor(double min, double max, double step, bool extend) {
  TickRange range{step, std::ceil(min / step), std::floor(max / step)};
  if (extend) {
    range.first = std::floor(min / step);
    range.last = std::ceil(max / step);
    // An extended end past the double range stays where the data ends.
    if (!IsFinite(range.first * step)) range.first = std::ceil(min / step);
    if (!IsFinite(range.last * step)) range.last = std::floor(max / step);
  } else {
    // The division rounds: keep every tick inside the domain exactly.
    while (range.first * step < min) ++range.first;
    while (range.last * step > max) --range.last;
  }
  return range;
}

// m x 10^e, correctly rounded (a product with pow(10, e) would not be for e < 0).
double NiceNumber(int mantissa, int exponent) {
  return std::strtod(fmt::format("{}e{}", mantissa, exponent).c_str(), nullptr);
}

// How far a candidate is from the wanted count; counts outside [2, 2 * target + 1] only
// win when no candidate is inside. An extended domain also pays for the room it wastes: data
// in [-4.8, 4.9] must not get an axis of [-50, 50] because its three ticks were as near the
// target as [-6, 6]'s seven.
double Miss(const TickRange& range, int target, double min, double max, bool extend) {
  const double count = range.count();
  const double outside = count < 2 || count > 2.0 * target + 1 ? 1e9 : 0;
  double waste = 0;
  if (extend && max > min) {
    const double extended = range.last * range.step - range.first * range.step;
    waste = 2.0 * std::max(0.0, extended / (max - min) - 1.0);
  }
  return std::fabs(count - target) + outside + waste;
}

// The 1-2-5 step nearest the target count among those around span / target. Steps are
// tried from large to small so that ties keep the larger step (fewer, rounder ticks).
TickRange ChooseRange(double min, double max, int target, bool extend) {
  // Each bound is divided first: max - min overflows for -1e308..1e308.
  const double raw_step = max / target - min / target;
  const int exponent = static_cast<int>(std::floor(std::log10(raw_step)));
  TickRange best;
  double best_miss = std::numeric_limits<double>::infinity();
  for (int e = exponent + 1; e >= exponent - 1; --e) {
    for (const int mantissa : {5, 2, 1}) {
      const double step = NiceNumber(mantissa, e);
      if (!(step > 0 && IsFinite(step))) continue;
      const TickRange range = RangeFor(min, max, step, extend);
      const double miss = Miss(range, target, min, max, extend);
      if (miss < best_miss) {
        best = range;
        best_miss = miss;
      }
    }
  }
  return best;
}

NumericTicks MakeTicks(double min, double max, const TickRange& range, bool extend) {
  NumericTicks ticks;
  ticks.step = range.step;
  ticks.min = extend ? std::min(min, range.first * range.step) : min;
  ticks.max = extend ? std::max(max, range.last * range.step) : max;
  std::vector<double> values;
  for (double index = range.first; index <= range.last; ++index) {
    values.push_back(index * range.step + 0.0);  // + 0.0 turns -0 into 0
  }
  const std::vector<std::string> labels = FormatTickLabels(values, range.step);
  for (size_t tick_idx = 0; tick_idx < values.size(); ++tick_idx) {
    ticks.ticks.push_back({values[tick_idx], labels[tick_idx]});
  }
  return ticks;
}

}  // namespace

NumericTicks NiceTicks(double min, double max, const NiceTicksOptions& options) {
  if (!IsFinite(min) || !IsFinite(max)) {
    NumericTicks ticks = NiceTicks(0.0, 1.0, options);
    ticks.has_data = false;
    return ticks;
  }
  if (min > max) std::swap(min, max);
  std::tie(min, max) = Widen(min, max);
  const int target = std::clamp(options.target_count, 2, 50);
  const TickRange range = ChooseRange(min, max, target, options.extend_domain);
  return MakeTicks(min, max, range, options.extend_domain);
}

NumericTicks NiceTicksOf(std::span<const double> values, const NiceTicksOptions& options) {
  const DataDomain domain = FindDomain(values, ScaleKind::kLinear);
  NumericTicks ticks = NiceTicks(domain.min, domain.max, options);
  ticks.has_data = domain.has_data;
  return ticks;
}

}  // namespace pika
