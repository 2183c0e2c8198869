// Tests of the density pyramid and the progressive density against naive loops and BinCounts.
#include "plot/density_pyramid.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <numeric>
#include <random>
#include <thread>

#include "plot/progressive_density.h"
#include "plot_generators.h"

namespace pika {
namespace {

using testing::Coordinates;
using testing::kInf;
using testing::kNaN;

uint64_t Total(std::span<const uint32_t> counts) {
  return std::accumulate(counts.begin(), counts.end(), uint64_t{0});
}

PixelAxis ExtentXAxis(const DensityPyramid& pyramid) {
  const Viewport& extent = pyramid.extent();
  return PixelAxis(extent.x_min, extent.x_max, pyramid.level(0).shape.width);
}

PixelAxis ExtentYAxis(const DensityPyramid& pyramid) {
  const Viewport& extent = pyramid.extent();
  return PixelAxis(extent.y_min, extent.y_max, pyramid.level(0).shape.height);
}

// Small pyramids so that rapidcheck reaches every level: side 1 to 64.
PyramidOptions GenOptions() {
  return {size_t{1} << 30, uint32_t{1} << *rc::gen::inRange<uint32_t>(0, 7)};
}

Viewport GenViewport() {
  const auto [x_min, x_max] = testing::GenRange();
  const auto [y_min, y_max] = testing::GenRange();
  return {x_min, x_max, y_min, y_max};
}

// What AnswerViewport promises, one point at a time: each point counts at the pixel holding
// the centre of its cell at `level`.
std::vector<uint32_t> NaiveAnswer(const DensityPyramid& pyramid, std::span<const double> x,
                                  std::span<const double> y, uint32_t level, const Viewport& view,
                                  GridShape shape) {
  const PixelAxis extent_x = ExtentXAxis(pyramid);
  const PixelAxis extent_y = ExtentYAxis(pyramid);
  const PixelAxis view_x(view.x_min, view.x_max, shape.width);
  const PixelAxis view_y(view.y_min, view.y_max, shape.height);
  std::vector<uint32_t> counts(shape.cells());
  for (size_t row = 0; row < x.size(); ++row) {
    if (!extent_x.Contains(x[row]) || !extent_y.Contains(y[row])) continue;
    const double centre_x = pyramid.ColumnCentre(level, extent_x.PixelOf(x[row]) >> level);
    const double centre_y = pyramid.RowCentre(level, extent_y.PixelOf(y[row]) >> level);
    if (!view_x.Contains(centre_x) || !view_y.Contains(centre_y)) continue;
    ++counts[size_t{view_y.PixelOf(centre_y)} * shape.width + view_x.PixelOf(centre_x)];
  }
  return counts;
}

RC_GTEST_PROP(DensityPyramidProperty, EveryLevelSumsToTheFiniteInExtentPoints, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const auto pyramid = DensityPyramid::Build(x, y, GenOptions());
  RC_ASSERT(pyramid.ok());
  const PixelAxis extent_x = ExtentXAxis(*pyramid);
  const PixelAxis extent_y = ExtentYAxis(*pyramid);
  uint64_t in_extent = 0;
  uint64_t finite = 0;
  for (size_t row = 0; row < size; ++row) {
    in_extent += extent_x.Contains(x[row]) && extent_y.Contains(y[row]);
    finite += std::isfinite(x[row]) && std::isfinite(y[row]);
  }
  // Only points at exactly DBL_MAX fall outside the extent.
  uint64_t at_max = 0;
  for (size_t row = 0; row < size; ++row) {
    const bool both_finite = std::isfinite(x[row]) && std::isfinite(y[row]);
    at_max += both_finite && (x[row] == std::numeric_limits<double>::max() ||
                              y[row] == std::numeric_limits<double>::max());
  }
  RC_ASSERT(in_extent + at_max >= finite);
  RC_ASSERT(pyramid->stats().in_view == in_extent);
  for (uint32_t level = 0; level < pyramid->level_count(); ++level) {
    RC_ASSERT(Total(pyramid->level(level).counts) == in_extent);
  }
  RC_ASSERT(pyramid->level(pyramid->level_count() - 1).counts.size() == 1u);
}

RC_GTEST_PROP(DensityPyramidProperty, FullExtentAtALevelsResolutionIsThatLevel, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const auto pyramid = DensityPyramid::Build(x, y, GenOptions());
  RC_ASSERT(pyramid.ok());
  GridPool pool;
  CountGrid out;
  for (uint32_t level = 0; level < pyramid->level_count(); ++level) {
    const GridShape shape = pyramid->level(level).shape;
    const auto answer = pyramid->AnswerViewport(pyramid->extent(), shape, pool, out);
    RC_ASSERT(answer.ok());
    RC_ASSERT(answer->level == level);
    RC_ASSERT(answer->cells_finer_than_pixels);
    RC_ASSERT(out.counts == pyramid->level(level).counts);
  }
}

// The answer is exactly the points of the cells whose centres lie in the view, each at the
// pixel of its cell's centre; it differs from the exact view only by points in cells within one
// cell of the view's edges.
RC_GTEST_PROP(DensityPyramidProperty, AnswersCountTheCellsTheyCoverExactly, ()) {
  const size_t size = *rc::gen::inRange<size_t>(0, 300);
  const auto x = *Coordinates(size);
  const auto y = *Coordinates(size);
  const auto pyramid = DensityPyramid::Build(x, y, GenOptions());
  RC_ASSERT(pyramid.ok());
  const Viewport view = GenViewport();
  const GridShape shape{*rc::gen::inRange<uint32_t>(1, 40), *rc::gen::inRange<uint32_t>(1, 30)};
  GridPool pool;
  CountGrid out;
  const auto answer = pyramid->AnswerViewport(view, shape, pool, out);
  RC_ASSERT(answer.ok());
  RC_ASSERT(out.counts == NaiveAnswer(*pyramid, x, y, answer->level, view, shape));
  RC_ASSERT(answer->rows_represented == Total(out.counts));
  // Away from the edges, a point is in the answer exactly when it is in the view.
  const uint32_t level = answer->level;
  const uint32_t side = pyramid->level(level).shape.width;
  const Viewport& extent = pyramid->extent();
  const PixelAxis level_x(extent.x_min, extent.x_max, side);
  const PixelAxis level_y(extent.y_min, extent.y_max, side);
  const PixelAxis extent_x = ExtentXAxis(*pyramid);
  const PixelAxis extent_y = ExtentYAxis(*pyramid);
  const auto near = [](int64_t cell, int64_t edge) { return cell >= edge - 1 && cell <= edge + 1; };
  for (size_t row = 0; row < size; ++row) {
    if (!extent_x.Contains(x[row]) || !extent_y.Contains(y[row])) continue;
    const int64_t cell_x = extent_x.PixelOf(x[row]) >> level;
    const int64_t cell_y = extent_y.PixelOf(y[row]) >> level;
    if (near(cell_x, level_x.Key(view.x_min)) || near(cell_x, level_x.Key(view.x_max)) ||
        near(cell_y, level_y.Key(view.y_min)) || near(cell_y, level_y.Key(view.y_max))) {
      continue;
    }
    const bool in_view =
        view.x_min <= x[row] && x[row] < view.x_max && view.y_min <= y[row] && y[row] < view.y_max;
    const double centre_x = pyramid->ColumnCentre(level, static_cast<uint32_t>(cell_x));
    const double centre_y = pyramid->RowCentre(level, static_cast<uint32_t>(cell_y));
    const bool answered = view.x_min <= centre_x && centre_x < view.x_max &&
                          view.y_min <= centre_y && centre_y < view.y_max;
    RC_ASSERT(in_view == answered);
  }
}

TEST(DensityPyramid, ChoosesTheCoarsestLevelWithCellsNoLargerThanPixels) {
  std::vector<double> x(10'000);
  std::vector<double> y(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row % 100);
    y[row] = static_cast<double>(row / 100);
  }
  const auto pyramid = DensityPyramid::Build(x, y, {size_t{1} << 30, 1024});
  ASSERT_TRUE(pyramid.ok());
  EXPECT_EQ(pyramid->level_count(), 11u);
  GridPool pool;
  CountGrid out;
  const Viewport& extent = pyramid->extent();
  // 1024 cells over 200 pixels: 5.1 cells a pixel, so level 2 (4 cells a pixel).
  auto answer = pyramid->AnswerViewport(extent, {200, 200}, pool, out);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->level, 2u);
  EXPECT_EQ(answer->rows_represented, 10'000u);
  EXPECT_EQ(Describe(*answer),
            "density of ~10,000 rows (approximate: pyramid level 2 of 11, 256 x 256 cells)");
  // Zoomed in past the finest level: level 0, flagged.
  const double width = extent.x_max - extent.x_min;
  answer = pyramid->AnswerViewport(
      {extent.x_min, extent.x_min + width / 100, extent.y_min, extent.y_max}, {400, 400}, pool,
      out);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->level, 0u);
  EXPECT_FALSE(answer->cells_finer_than_pixels);
}

TEST(DensityPyramid, MemoryBudgetPicksTheFinestLevel) {
  EXPECT_EQ(PyramidSide({}), 4096u);
  EXPECT_EQ(PyramidSide({size_t{1} << 20, 4096}), 256u);
  EXPECT_EQ(PyramidSide({0, 4096}), 1u);
  EXPECT_EQ(PyramidSide({size_t{1} << 40, 3000}), 2048u);  // rounded down to a power of two
  const std::vector<double> x = {1, 2, 3};
  const auto pyramid = DensityPyramid::Build(x, x, {size_t{1} << 20, 4096});
  ASSERT_TRUE(pyramid.ok());
  EXPECT_EQ(pyramid->level(0).shape.width, 256u);
  EXPECT_LE(pyramid->bytes(), size_t{1} << 20);
}

TEST(DensityPyramid, AllEqualPointsStayInOneCellOfEveryAnswer) {
  const std::vector<double> x(1000, 3.0);
  const std::vector<double> y(1000, -7.5);
  const auto pyramid = DensityPyramid::Build(x, y);
  ASSERT_TRUE(pyramid.ok());
  EXPECT_LT(pyramid->extent().x_min, pyramid->extent().x_max);
  GridPool pool;
  CountGrid out;
  for (const Viewport& view :
       {pyramid->extent(), Viewport{0, 4, -8, -7}, Viewport{2.9, 3.1, -7.6, -7.4}}) {
    const auto answer = pyramid->AnswerViewport(view, {64, 48}, pool, out);
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer->rows_represented, 1000u);
    EXPECT_EQ(std::count(out.counts.begin(), out.counts.end(), 1000u), 1);
  }
}

TEST(DensityPyramid, OnePointAndNoFinitePoints) {
  const std::vector<double> one = {42.0};
  auto pyramid = DensityPyramid::Build(one, one);
  ASSERT_TRUE(pyramid.ok());
  EXPECT_EQ(pyramid->stats().in_view, 1u);
  GridPool pool;
  CountGrid out;
  ASSERT_TRUE(pyramid->AnswerViewport({0, 100, 0, 100}, {10, 10}, pool, out).ok());
  EXPECT_EQ(out.At(4, 4), 1u);

  const std::vector<double> x = {kNaN, kInf, 1.0, -kInf};
  const std::vector<double> y = {1.0, 1.0, kNaN, 2.0};
  pyramid = DensityPyramid::Build(x, y);
  ASSERT_TRUE(pyramid.ok());
  EXPECT_EQ(pyramid->stats().in_view, 0u);
  EXPECT_EQ(pyramid->stats().non_finite, 4u);
  const auto answer = pyramid->AnswerViewport({0, 1, 0, 1}, {8, 8}, pool, out);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->rows_represented, 0u);

  pyramid = DensityPyramid::Build(std::vector<double>{}, std::vector<double>{});
  ASSERT_TRUE(pyramid.ok());
  EXPECT_EQ(Total(pyramid->level(0).counts), 0u);
}

TEST(DensityPyramid, HugeRangesKeepEveryPointButThoseAtDblMax) {
  const double max = std::numeric_limits<double>::max();
  const std::vector<double> x = {-max, -max / 3, 0, max / 2, max * 0.999, max};
  const std::vector<double> y = {0, 1, 2, 3, 4, 5};
  const auto pyramid = DensityPyramid::Build(x, y, {size_t{1} << 30, 64});
  ASSERT_TRUE(pyramid.ok());
  EXPECT_EQ(pyramid->stats().in_view, 5u);
  EXPECT_EQ(pyramid->stats().out_of_view, 1u);
  GridPool pool;
  CountGrid out;
  const auto answer = pyramid->AnswerViewport({-max, max, -1, 6}, {16, 7}, pool, out);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->rows_represented, 5u);
}

TEST(DensityPyramid, RejectsBadViewportsAndMismatchedColumns) {
  const std::vector<double> x = {1, 2};
  const std::vector<double> y = {1};
  EXPECT_FALSE(DensityPyramid::Build(x, y).ok());
  const auto pyramid = DensityPyramid::Build(x, x);
  ASSERT_TRUE(pyramid.ok());
  GridPool pool;
  CountGrid out;
  EXPECT_FALSE(pyramid->AnswerViewport({1, 1, 0, 1}, {4, 4}, pool, out).ok());
  EXPECT_FALSE(pyramid->AnswerViewport({0, kInf, 0, 1}, {4, 4}, pool, out).ok());
  EXPECT_FALSE(pyramid->AnswerViewport({0, 1, 0, 1}, {0, 4}, pool, out).ok());
}

struct Cloud {
  std::vector<double> x;
  std::vector<double> y;
};

Cloud NormalCloud(size_t size) {
  std::mt19937_64 random(7);
  std::normal_distribution<double> normal(0.0, 1.0);
  Cloud cloud{std::vector<double>(size), std::vector<double>(size)};
  for (size_t row = 0; row < size; ++row) {
    cloud.x[row] = normal(random);
    cloud.y[row] = normal(random);
  }
  return cloud;
}

TEST(DensityPyramid, PansReuseTheOutputAndPoolMemory) {
  const Cloud cloud = NormalCloud(200'000);
  const auto pyramid = DensityPyramid::Build(cloud.x, cloud.y, {size_t{1} << 24, 1024});
  ASSERT_TRUE(pyramid.ok());
  GridPool pool;
  CountGrid out;
  ASSERT_TRUE(pyramid->AnswerViewport({-2, 2, -2, 2}, {320, 200}, pool, out).ok());
  const uint32_t* memory = out.counts.data();
  const size_t pool_bytes = pool.bytes_held();
  for (int frame = 1; frame < 10; ++frame) {
    const double shift = 0.1 * frame;
    ASSERT_TRUE(
        pyramid->AnswerViewport({-2 + shift, 2 + shift, -2, 2}, {320, 200}, pool, out).ok());
    EXPECT_EQ(out.counts.data(), memory);
    EXPECT_EQ(pool.bytes_held(), pool_bytes);
  }
}

TEST(ProgressiveDensity, ExactAfterPreviewEqualsBinCounts) {
  const Cloud cloud = NormalCloud(300'000);
  const auto pyramid = DensityPyramid::Build(cloud.x, cloud.y, {size_t{1} << 24, 1024});
  ASSERT_TRUE(pyramid.ok());
  ProgressiveDensity progressive(cloud.x, cloud.y, *pyramid);
  const Viewport view{-1, 2, -1.5, 1.5};
  CountGrid out;
  const auto frame = progressive.Begin(view, {300, 200}, out);
  ASSERT_TRUE(frame.ok());
  EXPECT_EQ(frame->preview.rows_represented, Total(out.counts));
  ASSERT_TRUE(progressive.Exact(*frame, out).ok());
  GridPool pool;
  CountGrid expected;
  ASSERT_TRUE(BinCounts(cloud.x, cloud.y, view, {300, 200}, pool, expected).ok());
  EXPECT_EQ(out.counts, expected.counts);
  EXPECT_EQ(out.stats.in_view, expected.stats.in_view);
  // The preview is close: the points it gets wrong are those near the edges.
  const double preview = static_cast<double>(frame->preview.rows_represented);
  EXPECT_NEAR(preview, static_cast<double>(expected.stats.in_view), 0.01 * preview);
}

TEST(ProgressiveDensity, ANewerViewportCancelsStaleWorkAndLeavesTheOutputUntouched) {
  const Cloud cloud = NormalCloud(300'000);
  const auto pyramid = DensityPyramid::Build(cloud.x, cloud.y, {size_t{1} << 24, 1024});
  ASSERT_TRUE(pyramid.ok());
  ProgressiveDensity progressive(cloud.x, cloud.y, *pyramid);
  CountGrid out;
  const auto stale = progressive.Begin({-1, 1, -1, 1}, {100, 100}, out);
  ASSERT_TRUE(stale.ok());
  const auto fresh = progressive.Begin({0, 2, 0, 2}, {100, 100}, out);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(stale->cancel.cancelled());
  EXPECT_FALSE(fresh->cancel.cancelled());
  const std::vector<uint32_t> before = out.counts;
  const uint32_t* memory = out.counts.data();
  const auto status = progressive.Exact(*stale, out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kCancelled);
  EXPECT_EQ(out.counts, before);
  EXPECT_EQ(out.counts.data(), memory);
  ASSERT_TRUE(progressive.Exact(*fresh, out).ok());
  EXPECT_EQ(Total(out.counts), out.stats.in_view);
}

TEST(ProgressiveDensity, CancellingMidWayReturnsPromptly) {
  const Cloud cloud = NormalCloud(4'000'000);
  const auto pyramid = DensityPyramid::Build(cloud.x, cloud.y, {size_t{1} << 22, 512});
  ASSERT_TRUE(pyramid.ok());
  ProgressiveDensity progressive(cloud.x, cloud.y, *pyramid);
  CountGrid out;
  const auto frame = progressive.Begin({-2, 2, -2, 2}, {640, 480}, out);
  ASSERT_TRUE(frame.ok());
  const std::vector<uint32_t> before = out.counts;
  using Clock = std::chrono::steady_clock;
  Clock::time_point cancelled_at;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    cancelled_at = Clock::now();
    frame->cancel.Cancel();
  });
  const auto status = progressive.Exact(*frame, out);
  const Clock::time_point returned_at = Clock::now();
  canceller.join();
  if (status.ok()) GTEST_SKIP() << "finished before the cancel (a very fast machine)";
  EXPECT_EQ(status.error().kind, ErrorKind::kCancelled);
  EXPECT_EQ(out.counts, before);
  // 64K rows between checks: well under a millisecond in Release, a few under sanitizers.
  EXPECT_LT(returned_at - cancelled_at, std::chrono::milliseconds(250));
}

}  // namespace
}  // namespace pika
