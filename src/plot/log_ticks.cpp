// Log ticks: decade ticks (with 2 and 5 between them, or only every k-th decade) for a base
// 10 axis.
#include "plot/log_ticks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "plot/tick_number_format.h"

namespace pika {
namespace {

bool IsFinite(double value) { return std::fabs(value) <= std::numeric_limits<double>::max(); }

// m x 10^e, correctly rounded, so that decade ticks compare exactly with the bounds.
double Power(int mantissa, int exponent) {
  return std::strtod(fmt::format("{}e{}", mantissa, exponent).c_str(), nullptr);
}

// The smallest e with 10^e >= value; log10 alone may be off by one near exact powers.
int FirstDecade(double value) {
  int exponent = static_cast<int>(std::ceil(std::log10(value)));
  while (Power(1, exponent) < value) ++exponent;
  while (Power(1, exponent - 1) >= value) --exponent;
  return exponent;
}

// The largest e with 10^e <= value.
int LastDecade(double value) {
  int exponent = static_cast<int>(std::floor(std::log10(value)));
  while (Power(1, exponent) > value) --exponent;
  while (Power(1, exponent + 1) <= value) ++exponent;
  return exponent;
}

int FloorMod(int value, int divisor) { return ((value % divisor) + divisor) % divisor; }

int CountMultiples(int first, int last, int stride) {
  int count = 0;
  for (int exponent = first; exponent <= last; ++exponent) count += FloorMod(exponent, stride) == 0;
  return count;
}

// The smallest stride in 1, 2, 3, 5, 10, 20, 50... that keeps at most `target` decades, yet
// at least two.
int DecadeStride(int first, int last, int target) {
  const int decades = last - first + 1;
  int chosen = 1;
  for (int stride : {1, 2, 3, 5, 10, 20, 50, 100, 200, 500}) {
    if (CountMultiples(first, last, stride) < 2) break;
    chosen = stride;
    if ((decades + stride - 1) / stride <= target) break;
  }
  return chosen;
}

void AddTick(NumericTicks& ticks, double value, bool minor) {
  ticks.ticks.push_back({value, FormatShortest(value), minor});
}

NumericTicks DecadeTicks(double min, double max, int first, int last, int target) {
  NumericTicks ticks{min, max, 0, true, {}};
  const bool with_minor = 2 * (last - first + 1) <= target;
  const int stride = DecadeStride(first, last, target);
  for (int exponent = first - 1; exponent <= last; ++exponent) {
    if (FloorMod(exponent, stride) == 0 && exponent >= first)
      AddTick(ticks, Power(1, exponent), false);
    if (!with_minor) continue;
    for (const int mantissa : {2, 5}) {
      const double value = Power(mantissa, exponent);
      if (value >= min && value <= max) AddTick(ticks, value, true);
    }
  }
  return ticks;
}

// Inside one decade powers of ten are too sparse: round linear ticks read better. Those a
// widened (near-degenerate) domain puts outside ours, at or below 0 included, are dropped;
// if fewer than two remain, the bounds themselves are the ticks.
NumericTicks LinearTicks(double min, double max, int target) {
  NumericTicks ticks = NiceTicks(min, max, {.target_count = target});
  std::erase_if(ticks.ticks,
                [&](const NumericTick& tick) { return tick.value < min || tick.value > max; });
  ticks.min = min;
  ticks.max = max;
  if (ticks.ticks.size() >= 2) return ticks;
  ticks.ticks.clear();
  AddTick(ticks, min, false);
  AddTick(ticks, max, false);
  return ticks;
}

}  // namespace

Result<NumericTicks> LogTicks(double min, double max, int target_count) {
  if (!(IsFinite(min) && IsFinite(max) && min > 0 && max > 0)) {
    return InvalidInput(fmt::format("a log axis needs a domain above 0, got [{}, {}]", min, max));
  }
  if (min > max) std::swap(min, max);
  if (min == max) {
    min = min / 10 > 0 ? min / 10 : min;
    max = IsFinite(max * 10) ? max * 10 : max;
  }
  const int target = std::clamp(target_count, 2, 50);
  const int first = FirstDecade(min);
  const int last = LastDecade(max);
  NumericTicks ticks = DecadeTicks(min, max, first, last, target);
  if (ticks.ticks.size() >= 2) return ticks;
  return LinearTicks(min, max, target);
}

NumericTicks LogTicks(const DataDomain& domain, int target_count) {
  const bool usable = domain.has_data && domain.min > 0;
  Result<NumericTicks> ticks =
      LogTicks(usable ? domain.min : 1.0, usable ? domain.max : 10.0, target_count);
  ticks->has_data = usable;
  return std::move(ticks).value();
}

}  // namespace pika
