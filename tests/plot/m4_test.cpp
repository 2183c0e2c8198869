// Tests of M4 against per-column extremes found naively, sorted and unsorted.
#include "plot/m4.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "plot/pixel_axis.h"
#include "plot_generators.h"

namespace pika {
namespace {

using testing::Coordinates;
using testing::IsFinite;
using testing::kInf;
using testing::kNaN;

// Rows of each pixel column, finite and in view, in row order.
std::map<uint32_t, std::vector<size_t>> NaiveColumns(std::span<const double> x,
                                                     std::span<const double> y, double x_min,
                                                     double x_max, uint32_t width) {
  const PixelAxis axis(x_min, x_max, width);
  std::map<uint32_t, std::vector<size_t>> columns;
  for (size_t row = 0; row < x.size(); ++row) {
    if (axis.Contains(x[row]) && IsFinite(y[row])) columns[axis.PixelOf(x[row])].push_back(row);
  }
  return columns;
}

// Every column's first, last, min and max are kept; nothing else is invented.
void CheckKeepsExtremes(std::span<const double> x, std::span<const double> y, double x_min,
                        double x_max, uint32_t width, const M4Output& out) {
  const auto columns = NaiveColumns(x, y, x_min, x_max, width);
  const std::set<size_t> kept(out.rows.begin(), out.rows.end());
  RC_ASSERT(kept.size() == out.rows.size());
  RC_ASSERT(out.rows.size() <= 4 * size_t{width});
  uint64_t in_view = 0;
  for (const auto& [column, rows] : columns) {
    in_view += rows.size();
    // First and last: the lowest and highest x, ties to the lowest and highest row.
    const auto [first, last] = std::minmax_element(
        rows.begin(), rows.end(),
        [&](size_t a, size_t b) { return std::pair(x[a], a) < std::pair(x[b], b); });
    RC_ASSERT(kept.count(*first) == 1u);
    RC_ASSERT(kept.count(*last) == 1u);
    const auto [low, high] = std::minmax_element(rows.begin(), rows.end(),
                                                 [&](size_t a, size_t b) { return y[a] < y[b]; });
    const auto has_y = [&](double value) {
      return std::any_of(rows.begin(), rows.end(),
                         [&](size_t row) { return kept.count(row) && y[row] == value; });
    };
    RC_ASSERT(has_y(y[*low]));
    RC_ASSERT(has_y(y[*high]));
  }
  RC_ASSERT(out.rows_in_view == in_view);
  // Columns left to right; within a column, x order, then row order.
  const PixelAxis axis(x_min, x_max, width);
  for (size_t i = 1; i < out.rows.size(); ++i) {
    const size_t before = out.rows[i - 1];
    const size_t after = out.rows[i];
    const uint32_t before_column = axis.PixelOf(x[before]);
    const uint32_t after_column = axis.PixelOf(x[after]);
    RC_ASSERT((before_column < after_column ||
               (before_column == after_column &&
                std::pair(x[before], before) < std::pair(x[after], after))));
  }
  for (size_t row : out.rows) RC_ASSERT(axis.Contains(x[row]) && IsFinite(y[row]));
}

RC_GTEST_PROP(M4Property, UnsortedKeepsEveryColumnsFirstLastMinAndMax, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const auto [x_min, x_max] = testing::GenRange();
  const uint32_t width = *rc::gen::inRange<uint32_t>(1, 50);
  M4Output out;
  RC_ASSERT(M4(x, y, x_min, x_max, width, XOrder::kUnsorted, out).ok());
  CheckKeepsExtremes(x, y, x_min, x_max, width, out);
}

RC_GTEST_PROP(M4Property, SortedMatchesUnsortedOnSortedInput, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  auto x = *Coordinates(size);
  std::erase_if(x, [](double value) { return std::isnan(value); });
  std::sort(x.begin(), x.end());
  const auto y = *Coordinates(x.size());
  const auto [x_min, x_max] = testing::GenRange();
  const uint32_t width = *rc::gen::inRange<uint32_t>(1, 50);
  RC_ASSERT(DetectXOrder(x) == XOrder::kSorted);
  M4Output sorted;
  M4Output unsorted;
  RC_ASSERT(M4(x, y, x_min, x_max, width, XOrder::kSorted, sorted).ok());
  RC_ASSERT(M4(x, y, x_min, x_max, width, XOrder::kUnsorted, unsorted).ok());
  CheckKeepsExtremes(x, y, x_min, x_max, width, sorted);
  RC_ASSERT(sorted.rows == unsorted.rows);
}

// float32 columns: the rows the same values give as doubles, sorted or not.
RC_GTEST_PROP(M4Property, Float32ColumnsGiveTheRowsOfTheirValuesAsDoubles, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  auto wide_x = *Coordinates(size);
  const bool sort = *rc::gen::arbitrary<bool>();
  if (sort) {
    std::erase_if(wide_x, [](double value) { return std::isnan(value); });
    std::sort(wide_x.begin(), wide_x.end());
  }
  const auto wide_y = *Coordinates(wide_x.size());
  const std::vector<float> x(wide_x.begin(), wide_x.end());
  const std::vector<float> y(wide_y.begin(), wide_y.end());
  const std::vector<double> x_as_double(x.begin(), x.end());
  const std::vector<double> y_as_double(y.begin(), y.end());
  RC_ASSERT(DetectXOrder(x) == DetectXOrder(x_as_double));
  const XOrder order = DetectXOrder(x);
  const auto [x_min, x_max] = testing::GenRange();
  const uint32_t width = *rc::gen::inRange<uint32_t>(1, 50);
  M4Output narrow;
  M4Output wide;
  RC_ASSERT(M4(x, y, x_min, x_max, width, order, narrow).ok());
  RC_ASSERT(M4(x_as_double, y_as_double, x_min, x_max, width, order, wide).ok());
  RC_ASSERT(narrow.rows == wide.rows);
  RC_ASSERT(narrow.rows_in_view == wide.rows_in_view);
}

TEST(M4, LargeSortedLineMatchesTheUnsortedPass) {
  std::mt19937_64 random(7);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<double> x(2'000'000);
  std::vector<double> y(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row) * 0.001;
    y[row] = row % 1009 == 0 ? kNaN : noise(random);
  }
  M4Output sorted;
  M4Output unsorted;
  ASSERT_TRUE(M4(x, y, 100.0, 1900.0, 1920, XOrder::kSorted, sorted).ok());
  ASSERT_TRUE(M4(x, y, 100.0, 1900.0, 1920, XOrder::kUnsorted, unsorted).ok());
  EXPECT_EQ(sorted.rows, unsorted.rows);
  EXPECT_EQ(sorted.rows_in_view, unsorted.rows_in_view);
  EXPECT_LE(sorted.rows.size(), 4u * 1920u);
}

TEST(M4, OnePointGivesOneRow) {
  const std::vector<double> x = {0.5};
  M4Output out;
  ASSERT_TRUE(M4(x, x, 0, 1, 100, XOrder::kSorted, out).ok());
  EXPECT_EQ(out.rows, std::vector<size_t>{0});
}

TEST(M4, AllEqualValuesGiveFirstAndLastOnly) {
  const std::vector<double> x(100, 1.0);
  M4Output out;
  ASSERT_TRUE(M4(x, x, 0, 2, 10, XOrder::kSorted, out).ok());
  EXPECT_EQ(out.rows, (std::vector<size_t>{0, 99}));
}

TEST(M4, SkipsNaNAndInfiniteY) {
  const std::vector<double> x = {0.1, 0.2, 0.3, 0.4};
  const std::vector<double> y = {kNaN, 5, kInf, -kInf};
  M4Output out;
  ASSERT_TRUE(M4(x, y, 0, 1, 1, XOrder::kSorted, out).ok());
  EXPECT_EQ(out.rows, std::vector<size_t>{1});
  EXPECT_EQ(out.rows_in_view, 1u);
}

TEST(M4, InfiniteXAtTheEndsOfASortedColumnIsOutOfView) {
  const std::vector<double> x = {-kInf, 0.5, kInf};
  const std::vector<double> y = {1, 2, 3};
  M4Output out;
  ASSERT_TRUE(M4(x, y, 0, 1, 4, XOrder::kSorted, out).ok());
  EXPECT_EQ(out.rows, std::vector<size_t>{1});
}

TEST(M4, DetectXOrderRejectsNaNAndDescendingValues) {
  EXPECT_TRUE(IsSorted(std::vector<double>{}));
  EXPECT_TRUE(IsSorted(std::vector<double>{-kInf, 1, 1, kInf}));
  EXPECT_FALSE(IsSorted(std::vector<double>{1, kNaN, 2}));
  EXPECT_FALSE(IsSorted(std::vector<double>{kNaN}));
  EXPECT_FALSE(IsSorted(std::vector<double>{2, 1}));
}

TEST(M4, RejectsAnEmptyRange) {
  M4Output out;
  const std::vector<double> none;
  EXPECT_FALSE(M4(none, none, 1, 1, 10, XOrder::kSorted, out).ok());
  EXPECT_FALSE(M4(none, none, 0, 1, 0, XOrder::kSorted, out).ok());
}

}  // namespace
}  // namespace pika
