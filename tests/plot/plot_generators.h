// Generators of adversarial plot data for the rapidcheck properties of the reduction kernels.
#pragma once

#include <rapidcheck.h>

#include <cmath>
#include <limits>
#include <vector>

namespace pika::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

inline bool IsFinite(double value) { return std::isfinite(value); }

// Mostly tenths in [-100, 100] (duplicates and values exactly on pixel boundaries), some
// arbitrary doubles, and the values kernels get wrong: NaN, ±inf, denormals, ±0, ±max.
inline rc::Gen<double> Coordinate() {
  return rc::gen::weightedOneOf<double>({
      {8, rc::gen::map(rc::gen::inRange(-1000, 1001), [](int v) { return v / 10.0; })},
      {2, rc::gen::arbitrary<double>()},
      {1,
       rc::gen::element(kNaN, kInf, -kInf, std::numeric_limits<double>::denorm_min(), -0.0, 0.0,
                        std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest())},
  });
}

inline rc::Gen<std::vector<double>> Coordinates(size_t size) {
  return rc::gen::container<std::vector<double>>(size, Coordinate());
}

// A range [min, max) with min < max, both finite, in tenths.
inline std::pair<double, double> GenRange() {
  const int low = *rc::gen::inRange(-1000, 1000);
  const int span = *rc::gen::inRange(1, 2000);
  return {low / 10.0, (low + span) / 10.0};
}

}  // namespace pika::testing
