// Coarse plots: the first level, from a sample the engine reads cheaply, agrees with the exact
// plot's data.
#include "compute/coarse_plot.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>

#include "plot/density_grid.h"
#include "support/engine.h"

namespace pika {
namespace {

class CoarsePlotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A NULL y and a y that is no number: neither is counted.
    ASSERT_TRUE(engine_.connection
                    .Execute("CREATE TABLE points AS SELECT (i % 997)::DOUBLE AS x, "
                             "CASE WHEN i = 7 THEN NULL WHEN i = 8 THEN 'n/a' "
                             "ELSE sqrt(i::DOUBLE)::VARCHAR END AS y, "
                             "DATE '2020-01-01' + (i % 365)::INTEGER AS day FROM range(20000) t(i)")
                    .ok());
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(CoarsePlotTest, CountsEveryFiniteRowInTheCellTheExactBinningPutsIt) {
  const PlotDataRequest request{"points", "scatter", "x", "y", "", ""};
  const GridShape shape{40, 30};
  auto coarse = FetchCoarseCounts(engine_.connection, request, shape, /*min_rows=*/1);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  ASSERT_TRUE(coarse->has_value());
  const CoarseCounts& counts = **coarse;
  EXPECT_EQ(counts.rows, 19998u);
  EXPECT_EQ(counts.extent, (DataWindow{0, 996, 0, std::sqrt(19999.0)}));
  EXPECT_FALSE(counts.x_is_time);
  // The same cells as binning the fetched rows here.
  auto data = FetchPlotData(engine_.connection, request);
  ASSERT_TRUE(data.ok()) << data.error().message;
  GridPool pool;
  CountGrid exact;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Viewport viewport{0, std::nextafter(996.0, kInf), 0,
                          std::nextafter(std::sqrt(19999.0), kInf)};
  ASSERT_TRUE(BinCounts(data->x, data->y, viewport, shape, pool, exact).ok());
  EXPECT_EQ(counts.counts.counts, exact.counts);
  EXPECT_EQ(std::accumulate(counts.counts.counts.begin(), counts.counts.counts.end(), uint64_t{0}),
            19998u);
}

TEST_F(CoarsePlotTest, InfiniteValuesAreLeftOutAsTheExactPlotDoes) {
  ASSERT_TRUE(engine_.connection
                  .Execute("CREATE TABLE wild AS SELECT i::DOUBLE AS x, CASE WHEN i = 3 THEN "
                           "'inf'::DOUBLE ELSE i END AS y FROM range(100) t(i)")
                  .ok());
  auto coarse = FetchCoarseCounts(engine_.connection, {"wild", "scatter", "x", "y", "", ""},
                                  {10, 10}, /*min_rows=*/1);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  ASSERT_TRUE(coarse->has_value());
  EXPECT_EQ((*coarse)->rows, 99u);
  EXPECT_EQ((*coarse)->extent.y_max, 99.0);
}

TEST_F(CoarsePlotTest, ABigTableIsSampledAndItsRowsEstimated) {
  // Both columns spread evenly over every stretch of rows: each cell holds about the same.
  ASSERT_TRUE(engine_.connection
                  .Execute("CREATE TABLE big AS SELECT (i % 1000)::DOUBLE AS x, "
                           "((i * 7919) % 1000)::DOUBLE AS y FROM range(5000000) t(i)")
                  .ok());
  auto coarse =
      FetchCoarseCounts(engine_.connection, {"big", "scatter", "x", "y", "", ""}, {20, 10});
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  ASSERT_TRUE(coarse->has_value());
  EXPECT_DOUBLE_EQ((*coarse)->sampled_percent, 16.0);                  // 800,000 of 5,000,000
  EXPECT_NEAR(static_cast<double>((*coarse)->rows), 5e6, 5e6 * 0.35);  // an estimate
  const double share = static_cast<double>((*coarse)->rows) / 200;
  for (uint32_t count : (*coarse)->counts.counts) EXPECT_NEAR(count, share, share / 2);
}

TEST_F(CoarsePlotTest, RowsAQueryComputesAreNotCountedTwice) {
  ASSERT_TRUE(engine_.connection
                  .Execute("CREATE VIEW grouped AS SELECT x, count(*) AS y FROM points GROUP BY x")
                  .ok());
  auto coarse = FetchCoarseCounts(engine_.connection, {"grouped", "scatter", "x", "y", "", ""},
                                  {10, 10}, /*min_rows=*/1);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  EXPECT_FALSE(coarse->has_value());
  ASSERT_TRUE(
      engine_.connection.Execute("CREATE VIEW nearby AS SELECT * FROM points WHERE x < 100").ok());
  coarse = FetchCoarseCounts(engine_.connection, {"nearby", "scatter", "x", "y", "", ""}, {10, 10},
                             /*min_rows=*/1);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  EXPECT_TRUE(coarse->has_value());
}

TEST_F(CoarsePlotTest, FewRowsNeedNoCoarseLevel) {
  auto coarse = FetchCoarseCounts(engine_.connection, {"points", "scatter", "x", "y", "", ""},
                                  {40, 30}, /*min_rows=*/20000);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  EXPECT_FALSE(coarse->has_value());
}

TEST_F(CoarsePlotTest, DatesAreCountedAsTheExactPlotPlacesThem) {
  auto coarse = FetchCoarseCounts(engine_.connection, {"points", "line", "day", "x", "", ""},
                                  {20, 10}, /*min_rows=*/1);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  ASSERT_TRUE(coarse->has_value());
  EXPECT_TRUE((*coarse)->x_is_time);
  EXPECT_DOUBLE_EQ((*coarse)->extent.x_min, 1577836800.0 * 1e6);  // 2020-01-01 in microseconds
  EXPECT_EQ((*coarse)->rows, 20000u);
}

TEST_F(CoarsePlotTest, AColumnOfOneValueStillGetsAnAxis) {
  ASSERT_TRUE(
      engine_.connection
          .Execute("CREATE TABLE flat AS SELECT 5.0 AS x, i::DOUBLE AS y FROM range(50) t(i)")
          .ok());
  auto coarse = FetchCoarseCounts(engine_.connection, {"flat", "scatter", "x", "y", "", ""},
                                  {10, 10}, /*min_rows=*/1);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  ASSERT_TRUE(coarse->has_value());
  EXPECT_LT((*coarse)->extent.x_min, 5.0);
  EXPECT_GT((*coarse)->extent.x_max, 5.0);
  EXPECT_EQ((*coarse)->counts.stats.in_view, 50u);
}

TEST_F(CoarsePlotTest, AMissingColumnSaysWhich) {
  auto coarse = FetchCoarseCounts(engine_.connection, {"points", "scatter", "x", "nope", "", ""},
                                  {10, 10}, 1);
  ASSERT_FALSE(coarse.ok());
  EXPECT_NE(coarse.error().message.find("nope"), std::string::npos) << coarse.error().message;
  EXPECT_FALSE(
      FetchCoarseCounts(engine_.connection, {"points", "scatter", "x", "", "", ""}, {10, 10}, 1)
          .ok());
}

TEST(CoarseShapeFor, GivesACellPerSixPixelsWithinBounds) {
  EXPECT_EQ(CoarseShapeFor(480, 300).width, 80u);
  EXPECT_EQ(CoarseShapeFor(480, 300).height, 50u);
  EXPECT_EQ(CoarseShapeFor(10, 10).width, 8u);
  EXPECT_EQ(CoarseShapeFor(20000, 20000).height, 400u);
}

}  // namespace
}  // namespace pika
