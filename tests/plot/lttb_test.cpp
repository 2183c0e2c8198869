// Tests of LTTB and MinMaxLTTB: output size, endpoints, and LTTB against the paper's loop.
#include "plot/lttb.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "plot/minmax_lttb.h"
#include "plot_generators.h"

namespace pika {
namespace {

using testing::Coordinates;
using testing::IsFinite;
using testing::kInf;
using testing::kNaN;

std::vector<size_t> FiniteRows(std::span<const double> x, std::span<const double> y) {
  std::vector<size_t> rows;
  for (size_t row = 0; row < x.size(); ++row) {
    if (IsFinite(x[row]) && IsFinite(y[row])) rows.push_back(row);
  }
  return rows;
}

// Steinarsson's algorithm written plainly over the finite rows, with the same integer
// bucket bounds as the kernel.
std::vector<size_t> NaiveLttb(std::span<const double> x, std::span<const double> y, size_t n_out) {
  const std::vector<size_t> points = FiniteRows(x, y);
  const size_t n = points.size();
  if (n <= n_out) return points;
  if (n_out == 0) return {};
  if (n_out == 1) return {points[0]};
  if (n_out == 2) return {points[0], points[n - 1]};
  const size_t buckets = n_out - 2;
  const auto bound = [&](size_t b) { return 1 + b * (n - 2) / buckets; };
  std::vector<size_t> out = {points[0]};
  size_t a = 0;
  for (size_t b = 0; b < buckets; ++b) {
    size_t next_begin = b + 1 == buckets ? n - 1 : bound(b + 1);
    size_t next_end = b + 1 == buckets ? n : bound(b + 2);
    double c_x = 0;
    double c_y = 0;
    for (size_t i = next_begin; i < next_end; ++i) {
      c_x += x[points[i]];
      c_y += y[points[i]];
    }
    c_x /= static_cast<double>(next_end - next_begin);
    c_y /= static_cast<double>(next_end - next_begin);
    size_t best = bound(b);
    double best_area = -1;
    for (size_t i = bound(b); i < bound(b + 1); ++i) {
      const double a_x = x[points[a]];
      const double a_y = y[points[a]];
      const double area =
          std::fabs((a_x - c_x) * (y[points[i]] - a_y) - (a_x - x[points[i]]) * (c_y - a_y));
      if (area > best_area) {
        best_area = area;
        best = i;
      }
    }
    out.push_back(points[best]);
    a = best;
  }
  out.push_back(points[n - 1]);
  return out;
}

// The contract shared by Lttb and MinMaxLttb.
void CheckSampleContract(std::span<const double> x, std::span<const double> y, size_t n_out,
                         const std::vector<size_t>& rows) {
  const std::vector<size_t> finite = FiniteRows(x, y);
  RC_ASSERT(rows.size() == std::min(n_out, finite.size()));
  RC_ASSERT(std::is_sorted(rows.begin(), rows.end()));
  RC_ASSERT(std::adjacent_find(rows.begin(), rows.end()) == rows.end());
  for (size_t row : rows) RC_ASSERT(IsFinite(x[row]) && IsFinite(y[row]));
  if (!rows.empty()) RC_ASSERT(rows.front() == finite.front());
  if (rows.size() >= 2) RC_ASSERT(rows.back() == finite.back());
}

RC_GTEST_PROP(LttbProperty, ReturnsExactlyNRowsWithBothEndsAndMatchesTheNaiveLoop, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 400);
  auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  if (*rc::gen::arbitrary<bool>()) std::sort(x.begin(), x.end());
  const size_t n_out = *rc::gen::inRange<size_t>(0, 60);
  std::vector<size_t> rows;
  Lttb(x, y, n_out, rows);
  CheckSampleContract(x, y, n_out, rows);
  RC_ASSERT(rows == NaiveLttb(x, y, n_out));
}

RC_GTEST_PROP(MinMaxLttbProperty, ReturnsExactlyNRowsWithBothEnds, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 2000);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const size_t n_out = *rc::gen::inRange<size_t>(0, 80);
  const size_t ratio = *rc::gen::inRange<size_t>(1, 6);
  std::vector<size_t> rows;
  MinMaxLttb(x, y, n_out, ratio, rows);
  CheckSampleContract(x, y, n_out, rows);
}

// float32 columns: the rows the same values give as doubles.
RC_GTEST_PROP(LttbProperty, Float32ColumnsGiveTheRowsOfTheirValuesAsDoubles, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 2000);
  const auto wide_x = *Coordinates(size);
  const auto wide_y = *Coordinates(size);
  const std::vector<float> x(wide_x.begin(), wide_x.end());
  const std::vector<float> y(wide_y.begin(), wide_y.end());
  const std::vector<double> x_as_double(x.begin(), x.end());
  const std::vector<double> y_as_double(y.begin(), y.end());
  const size_t n_out = *rc::gen::inRange<size_t>(0, 80);
  std::vector<size_t> narrow;
  std::vector<size_t> wide;
  Lttb(x, y, n_out, narrow);
  Lttb(x_as_double, y_as_double, n_out, wide);
  RC_ASSERT(narrow == wide);
  MinMaxLttb(x, y, n_out, 4, narrow);
  MinMaxLttb(x_as_double, y_as_double, n_out, 4, wide);
  RC_ASSERT(narrow == wide);
}

TEST(Lttb, KeepsTheSpikeOfAFlatLine) {
  std::vector<double> x(10'000);
  std::vector<double> y(x.size(), 0.0);
  for (size_t row = 0; row < x.size(); ++row) x[row] = static_cast<double>(row);
  y[4321] = 100;
  std::vector<size_t> rows;
  Lttb(x, y, 50, rows);
  EXPECT_NE(std::find(rows.begin(), rows.end(), 4321u), rows.end());
  MinMaxLttb(x, y, 50, 4, rows);
  EXPECT_NE(std::find(rows.begin(), rows.end(), 4321u), rows.end());
}

TEST(Lttb, NaNRowsAreNeverChosenAndTheCountIsStillExact) {
  std::vector<double> x(1000);
  std::vector<double> y(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row);
    y[row] = row % 3 == 0 ? kNaN : std::sin(static_cast<double>(row) * 0.1);
  }
  std::vector<size_t> rows;
  Lttb(x, y, 100, rows);
  ASSERT_EQ(rows.size(), 100u);
  EXPECT_EQ(rows.front(), 1u);
  EXPECT_EQ(rows.back(), 998u);
  for (size_t row : rows) EXPECT_NE(row % 3, 0u);
}

TEST(Lttb, FewerRowsThanAskedReturnsAllFiniteRows) {
  const std::vector<double> x = {0, 1, 2, 3};
  const std::vector<double> y = {kInf, 1, 2, 3};
  std::vector<size_t> rows;
  Lttb(x, y, 10, rows);
  EXPECT_EQ(rows, (std::vector<size_t>{1, 2, 3}));
}

TEST(Lttb, OverflowingCoordinatesStillGiveNRows) {
  const double max = std::numeric_limits<double>::max();
  std::vector<double> x = {-max, -max / 2, 0, max / 2, max, max, max};
  std::vector<double> y = {max, -max, max, -max, max, -max, max};
  std::vector<size_t> rows;
  Lttb(x, y, 4, rows);
  EXPECT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows.front(), 0u);
  EXPECT_EQ(rows.back(), 6u);
}

TEST(MinMaxLttb, SpansTheRangeOfALongNoisyLineLikeLttb) {
  std::mt19937_64 random(3);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<double> x(1'000'000);
  std::vector<double> y(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row);
    y[row] = std::sin(static_cast<double>(row) * 1e-4) + 0.1 * noise(random);
  }
  std::vector<size_t> rows;
  MinMaxLttb(x, y, 1000, 4, rows);
  ASSERT_EQ(rows.size(), 1000u);
  EXPECT_EQ(rows.front(), 0u);
  EXPECT_EQ(rows.back(), x.size() - 1);
  // LTTB need not keep the global extremes, but the sample must span nearly the whole range,
  // as plain LTTB's does.
  const auto y_range = [&](const std::vector<size_t>& sample) {
    double low = y[sample.front()];
    double high = low;
    for (size_t row : sample) {
      low = std::min(low, y[row]);
      high = std::max(high, y[row]);
    }
    return high - low;
  };
  const auto [low, high] = std::minmax_element(y.begin(), y.end());
  std::vector<size_t> plain;
  Lttb(x, y, 1000, plain);
  EXPECT_GT(y_range(rows), 0.9 * (*high - *low));
  EXPECT_GT(y_range(rows), 0.95 * y_range(plain));
}

}  // namespace
}  // namespace pika
