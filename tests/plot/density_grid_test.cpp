// Tests of 2-D binning against a naive loop, on adversarial data and at parallel sizes.
#include "plot/density_grid.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <limits>
#include <numeric>
#include <random>

#include "plot_generators.h"

namespace pika {
namespace {

using testing::Coordinates;
using testing::IsFinite;
using testing::kInf;
using testing::kNaN;

// The obvious loop: one row at a time, one branch per condition.
struct NaiveGrid {
  std::vector<uint64_t> counts;
  std::vector<double> sums;
  BinningStats stats;
};

NaiveGrid NaiveBin(std::span<const double> x, std::span<const double> y,
                   std::span<const double> values, const Viewport& view, GridShape shape) {
  const PixelAxis x_axis(view.x_min, view.x_max, shape.width);
  const PixelAxis y_axis(view.y_min, view.y_max, shape.height);
  NaiveGrid grid{std::vector<uint64_t>(shape.cells()), std::vector<double>(shape.cells()), {}};
  for (size_t row = 0; row < x.size(); ++row) {
    if (!IsFinite(x[row]) || !IsFinite(y[row])) {
      ++grid.stats.non_finite;
    } else if (!x_axis.Contains(x[row]) || !y_axis.Contains(y[row])) {
      ++grid.stats.out_of_view;
    } else {
      ++grid.stats.in_view;
      if (!values.empty() && !IsFinite(values[row])) {
        ++grid.stats.skipped_values;
        continue;
      }
      const size_t cell = size_t{y_axis.PixelOf(y[row])} * shape.width + x_axis.PixelOf(x[row]);
      ++grid.counts[cell];
      if (!values.empty()) grid.sums[cell] += values[row];
    }
  }
  return grid;
}

void ExpectSameStats(const BinningStats& actual, const BinningStats& expected) {
  EXPECT_EQ(actual.in_view, expected.in_view);
  EXPECT_EQ(actual.out_of_view, expected.out_of_view);
  EXPECT_EQ(actual.non_finite, expected.non_finite);
  EXPECT_EQ(actual.skipped_values, expected.skipped_values);
}

Viewport GenViewport() {
  const auto [x_min, x_max] = testing::GenRange();
  const auto [y_min, y_max] = testing::GenRange();
  return {x_min, x_max, y_min, y_max};
}

GridShape GenShape() {
  return {*rc::gen::inRange<uint32_t>(1, 40), *rc::gen::inRange<uint32_t>(1, 30)};
}

RC_GTEST_PROP(DensityGridProperty, CountsEqualNaiveCountsAndSumToRowsInView, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const Viewport view = GenViewport();
  const GridShape shape = GenShape();
  GridPool pool;
  CountGrid grid;
  RC_ASSERT(BinCounts(x, y, view, shape, pool, grid).ok());
  const NaiveGrid naive = NaiveBin(x, y, {}, view, shape);
  RC_ASSERT(std::vector<uint64_t>(grid.counts.begin(), grid.counts.end()) == naive.counts);
  RC_ASSERT(std::accumulate(grid.counts.begin(), grid.counts.end(), uint64_t{0}) ==
            grid.stats.in_view);
  RC_ASSERT(grid.stats.in_view == naive.stats.in_view);
  RC_ASSERT(grid.stats.non_finite == naive.stats.non_finite);
  RC_ASSERT(grid.stats.out_of_view == naive.stats.out_of_view);
}

RC_GTEST_PROP(DensityGridProperty, SumsEqualNaiveSumsAndSkipNonFiniteValues, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const auto values = *Coordinates(size);
  const Viewport view = GenViewport();
  const GridShape shape = GenShape();
  GridPool pool;
  ValueGrid grid;
  RC_ASSERT(BinSums(x, y, values, view, shape, pool, grid).ok());
  const NaiveGrid naive = NaiveBin(x, y, values, view, shape);
  RC_ASSERT(std::vector<uint64_t>(grid.counts.begin(), grid.counts.end()) == naive.counts);
  for (size_t cell = 0; cell < naive.sums.size(); ++cell) {
    // Same rows in the same order: the sums match bit for bit (overflow to inf included).
    RC_ASSERT((grid.sums[cell] == naive.sums[cell] ||
               (std::isnan(grid.sums[cell]) && std::isnan(naive.sums[cell]))));
  }
  RC_ASSERT(grid.stats.skipped_values == naive.stats.skipped_values);
  RC_ASSERT(grid.stats.binned() ==
            std::accumulate(grid.counts.begin(), grid.counts.end(), uint64_t{0}));
}

RC_GTEST_PROP(DensityGridProperty, CategoryCountsAddUpToPlainCounts, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const uint32_t category_count = *rc::gen::inRange<uint32_t>(1, 6);
  // Codes past category_count stand for NULL or unknown categories.
  const auto categories = *rc::gen::container<std::vector<uint32_t>>(
      size, rc::gen::inRange<uint32_t>(0, category_count + 2));
  const Viewport view = GenViewport();
  const GridShape shape = GenShape();
  GridPool pool;
  CategoryGrid grid;
  RC_ASSERT(BinCategories(x, y, categories, category_count, view, shape, pool, grid).ok());
  const PixelAxis x_axis(view.x_min, view.x_max, shape.width);
  const PixelAxis y_axis(view.y_min, view.y_max, shape.height);
  std::vector<uint32_t> expected(shape.cells() * category_count);
  uint64_t unknown = 0;
  for (size_t row = 0; row < size; ++row) {
    if (!x_axis.Contains(x[row]) || !y_axis.Contains(y[row])) continue;
    if (categories[row] >= category_count) {
      ++unknown;
      continue;
    }
    const size_t cell = size_t{y_axis.PixelOf(y[row])} * shape.width + x_axis.PixelOf(x[row]);
    ++expected[cell * category_count + categories[row]];
  }
  RC_ASSERT(grid.counts == expected);
  RC_ASSERT(grid.stats.skipped_values == unknown);
}

// float32 columns: the same cells as the same values held as doubles.
RC_GTEST_PROP(DensityGridProperty, Float32ColumnsCountLikeTheirValuesAsDoubles, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto wide_x = *Coordinates(size);
  const auto wide_y = *Coordinates(size);
  const std::vector<float> x(wide_x.begin(), wide_x.end());  // huge values become infinite
  const std::vector<float> y(wide_y.begin(), wide_y.end());
  const std::vector<double> x_as_double(x.begin(), x.end());
  const std::vector<double> y_as_double(y.begin(), y.end());
  const Viewport view = GenViewport();
  const GridShape shape = GenShape();
  GridPool pool;
  CountGrid narrow;
  CountGrid wide;
  RC_ASSERT(BinCounts(x, y, view, shape, pool, narrow).ok());
  RC_ASSERT(BinCounts(x_as_double, y_as_double, view, shape, pool, wide).ok());
  RC_ASSERT(narrow.counts == wide.counts);
  RC_ASSERT(narrow.stats.in_view == wide.stats.in_view);
  RC_ASSERT(narrow.stats.non_finite == wide.stats.non_finite);
  RC_ASSERT(narrow.stats.out_of_view == wide.stats.out_of_view);
}

TEST(DensityGrid, Float32SumsAndCategoriesMatchDoublesOnAMillionRows) {
  std::mt19937_64 random(7);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> x(1'000'003);
  std::vector<float> y(x.size());
  std::vector<float> values(x.size());
  std::vector<uint32_t> categories(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = normal(random);
    y[row] = normal(random);
    values[row] =
        row % 97 == 0 ? std::numeric_limits<float>::quiet_NaN() : static_cast<float>(row % 13);
    categories[row] = static_cast<uint32_t>(row % 5);
  }
  const std::vector<double> wide_x(x.begin(), x.end());
  const std::vector<double> wide_y(y.begin(), y.end());
  const std::vector<double> wide_values(values.begin(), values.end());
  const Viewport view{-2, 2.5, -1.5, 3};
  const GridShape shape{317, 211};
  GridPool pool;
  ValueGrid narrow_sums;
  ValueGrid wide_sums;
  ASSERT_TRUE(BinSums(x, y, values, view, shape, pool, narrow_sums).ok());
  ASSERT_TRUE(BinSums(wide_x, wide_y, wide_values, view, shape, pool, wide_sums).ok());
  EXPECT_EQ(narrow_sums.counts, wide_sums.counts);
  EXPECT_EQ(narrow_sums.sums, wide_sums.sums);  // small integers: exact in any order
  ExpectSameStats(narrow_sums.stats, wide_sums.stats);
  CategoryGrid narrow_categories;
  CategoryGrid wide_categories;
  ASSERT_TRUE(BinCategories(x, y, categories, 4, view, shape, pool, narrow_categories).ok());
  ASSERT_TRUE(
      BinCategories(wide_x, wide_y, categories, 4, view, shape, pool, wide_categories).ok());
  EXPECT_EQ(narrow_categories.counts, wide_categories.counts);
  ExpectSameStats(narrow_categories.stats, wide_categories.stats);
}

// Per-thread counters are small and wrap; the merged counts must still be exact.
TEST(DensityGrid, CellsHoldingMoreRowsThanASmallCounterAreCountedExactly) {
  std::vector<double> x(700'000);
  std::vector<double> y(x.size());
  std::vector<uint32_t> categories(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    const bool hot = row % 7 != 0;  // 600,000 rows in one cell, on every thread
    x[row] = hot ? 0.5 : static_cast<double>(row % 10);
    y[row] = hot ? 0.5 : static_cast<double>(row % 3);
    categories[row] = row % 2 == 0 ? 0 : 5;  // 5 is unknown: those rows wrap a spare cell
  }
  const Viewport view{0, 10, 0, 3};
  const GridShape shape{10, 3};
  GridPool pool;
  CountGrid counts;
  ASSERT_TRUE(BinCounts(x, y, view, shape, pool, counts).ok());
  const NaiveGrid naive = NaiveBin(x, y, {}, view, shape);
  EXPECT_EQ(std::vector<uint64_t>(counts.counts.begin(), counts.counts.end()), naive.counts);
  EXPECT_EQ(counts.At(0, 0), naive.counts[0]);
  EXPECT_GT(counts.At(0, 0), 600'000u);
  CategoryGrid by_category;
  ASSERT_TRUE(BinCategories(x, y, categories, 1, view, shape, pool, by_category).ok());
  uint64_t binned = 0;
  for (const uint32_t count : by_category.counts) binned += count;
  EXPECT_EQ(binned, by_category.stats.binned());
  EXPECT_EQ(by_category.stats.skipped_values, x.size() / 2);
}

TEST(DensityGrid, ParallelSlicesMatchNaiveCountsOnAMillionRows) {
  std::mt19937_64 random(42);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<double> x(1'000'003);
  std::vector<double> y(x.size());
  std::vector<double> values(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = normal(random);
    y[row] = normal(random);
    values[row] = row % 97 == 0 ? kNaN : static_cast<double>(row % 13);
  }
  x[5] = kNaN;
  y[6] = kInf;
  const Viewport view{-2, 2.5, -1.5, 3};
  const GridShape shape{317, 211};
  GridPool pool;
  ValueGrid grid;
  ASSERT_TRUE(BinSums(x, y, values, view, shape, pool, grid).ok());
  const NaiveGrid naive = NaiveBin(x, y, values, view, shape);
  ExpectSameStats(grid.stats, naive.stats);
  EXPECT_EQ(std::vector<uint64_t>(grid.counts.begin(), grid.counts.end()), naive.counts);
  for (size_t cell = 0; cell < naive.sums.size(); ++cell) {
    ASSERT_DOUBLE_EQ(grid.sums[cell], naive.sums[cell]);  // small integers: exact in any order
  }
}

TEST(DensityGrid, ReusedPoolAndOutputGiveFreshCountsForTheNextFrame) {
  std::vector<double> x(600'000);
  std::vector<double> y(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row % 1000);
    y[row] = static_cast<double>(row % 777);
  }
  GridPool pool;
  CountGrid grid;
  const GridShape shape{100, 50};
  ASSERT_TRUE(BinCounts(x, y, {0, 1000, 0, 777}, shape, pool, grid).ok());
  const size_t bytes_after_first_frame = pool.bytes_held();
  const uint32_t* memory = grid.counts.data();
  ASSERT_TRUE(BinCounts(x, y, {500, 1000, 0, 777}, shape, pool, grid).ok());  // a pan
  EXPECT_EQ(pool.bytes_held(), bytes_after_first_frame);
  EXPECT_EQ(grid.counts.data(), memory);
  const NaiveGrid naive = NaiveBin(x, y, {}, {500, 1000, 0, 777}, shape);
  EXPECT_EQ(std::vector<uint64_t>(grid.counts.begin(), grid.counts.end()), naive.counts);
  ExpectSameStats(grid.stats, naive.stats);
}

TEST(DensityGrid, AllEqualPointsLandInOneCell) {
  const std::vector<double> x(1000, 3.0);
  const std::vector<double> y(1000, 3.0);
  GridPool pool;
  CountGrid grid;
  ASSERT_TRUE(BinCounts(x, y, {0, 4, 0, 4}, {4, 4}, pool, grid).ok());
  EXPECT_EQ(grid.At(3, 3), 1000u);
  EXPECT_EQ(grid.stats.in_view, 1000u);
}

TEST(DensityGrid, ViewportMaximumIsExcludedAndMinimumIncluded) {
  const std::vector<double> x = {0.0, 1.0, 0.999999, -0.0};
  const std::vector<double> y = {0.0, 0.5, 0.5, 0.0};
  GridPool pool;
  CountGrid grid;
  ASSERT_TRUE(BinCounts(x, y, {0, 1, 0, 1}, {2, 1}, pool, grid).ok());
  EXPECT_EQ(grid.At(0, 0), 2u);
  EXPECT_EQ(grid.At(1, 0), 1u);
  EXPECT_EQ(grid.stats.out_of_view, 1u);
}

TEST(DensityGrid, HugeViewportSpansDoNotOverflow) {
  const double max = std::numeric_limits<double>::max();
  const std::vector<double> x = {-max, -max * 0.4, max * 0.1, max * 0.99};
  const std::vector<double> y = {0, 0, 0, 0};
  GridPool pool;
  CountGrid grid;
  ASSERT_TRUE(BinCounts(x, y, {-max, max, -1, 1}, {4, 1}, pool, grid).ok());
  EXPECT_EQ(grid.At(0, 0), 1u);
  EXPECT_EQ(grid.At(1, 0), 1u);
  EXPECT_EQ(grid.At(2, 0), 1u);
  EXPECT_EQ(grid.At(3, 0), 1u);
}

TEST(DensityGrid, DenormalViewportSpansStillSeparatePixels) {
  const double tiny = std::numeric_limits<double>::denorm_min();
  const std::vector<double> x = {0, tiny, 2 * tiny, 3 * tiny};
  const std::vector<double> y = {0, 0, 0, 0};
  GridPool pool;
  CountGrid grid;
  ASSERT_TRUE(BinCounts(x, y, {0, 4 * tiny, 0, 1}, {4, 1}, pool, grid).ok());
  for (uint32_t column = 0; column < 4; ++column) EXPECT_EQ(grid.At(column, 0), 1u) << column;
}

TEST(DensityGrid, RejectsEmptyOrNonFiniteViewportsAndAbsurdGrids) {
  const std::vector<double> x = {1};
  GridPool pool;
  CountGrid grid;
  EXPECT_FALSE(BinCounts(x, x, {1, 1, 0, 1}, {4, 4}, pool, grid).ok());
  EXPECT_FALSE(BinCounts(x, x, {0, kInf, 0, 1}, {4, 4}, pool, grid).ok());
  EXPECT_FALSE(BinCounts(x, x, {0, 1, kNaN, 1}, {4, 4}, pool, grid).ok());
  EXPECT_FALSE(BinCounts(x, x, {0, 1, 0, 1}, {0, 4}, pool, grid).ok());
  EXPECT_FALSE(BinCounts(x, x, {0, 1, 0, 1}, {kMaxPixels + 1, 4}, pool, grid).ok());
  const auto status = BinCounts(x, x, {2, 1, 0, 1}, {4, 4}, pool, grid);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
}

TEST(DensityGrid, EmptyInputGivesAnEmptyGrid) {
  GridPool pool;
  CountGrid grid;
  const std::vector<double> none;
  ASSERT_TRUE(BinCounts(none, none, {0, 1, 0, 1}, {3, 2}, pool, grid).ok());
  EXPECT_EQ(grid.counts, std::vector<uint32_t>(6, 0));
  EXPECT_EQ(grid.stats.in_view, 0u);
}

TEST(DensityGrid, MeanOfAnEmptyCellIsNaN) {
  const std::vector<double> x = {0.5};
  const std::vector<double> values = {4.0};
  GridPool pool;
  ValueGrid grid;
  ASSERT_TRUE(BinSums(x, x, values, {0, 2, 0, 2}, {2, 2}, pool, grid).ok());
  EXPECT_EQ(grid.Mean(0, 0), 4.0);
  EXPECT_TRUE(std::isnan(grid.Mean(1, 1)));
}

}  // namespace
}  // namespace pika
