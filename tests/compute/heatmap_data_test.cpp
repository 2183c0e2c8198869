#include "compute/heatmap_data.h"

#include <gtest/gtest.h>

#include <cmath>

#include "support/engine.h"

namespace pika {
namespace {

class HeatmapDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // 24 hours x 7 weekdays, one row per (hour, weekday, k) for k < hour + 1: a cell's count
    // is its hour + 1; temp is the weekday. Plus a wide numeric column and many names.
    ASSERT_TRUE(engine_.connection
                    .Execute("CREATE TABLE t AS SELECT h AS hour, d AS weekday, "
                             "d::DOUBLE AS temp, (h * 1000 + d * 7 + k)::DOUBLE AS wide, "
                             "'name' || ((h * 7 + d) % 50) AS many "
                             "FROM range(24) r1(h), range(7) r2(d), range(24) r3(k) WHERE k <= h")
                    .ok());
  }
  Result<Heatmap> Fetch(HeatmapRequest request) {
    request.relation = "t";
    return FetchHeatmap(engine_.connection, request);
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(HeatmapDataTest, FewNumbersAreBandsInTheirOrderAndCellsCountTheirRows) {
  auto heatmap = Fetch({"", "hour", "weekday", "", ""});
  ASSERT_TRUE(heatmap.ok()) << heatmap.error().message;
  const HeatmapCells& cells = heatmap->cells;
  ASSERT_EQ(cells.x.size(), 24u);
  ASSERT_EQ(cells.y.size(), 7u);
  EXPECT_EQ(cells.x.names[2], "2");
  EXPECT_EQ(cells.x.names[10], "10");  // numeric order, not text order
  for (size_t hour = 0; hour < 24; ++hour) {
    for (size_t day = 0; day < 7; ++day) {
      EXPECT_EQ(cells.rows[day * 24 + hour], hour + 1);
      EXPECT_EQ(cells.values[day * 24 + hour], static_cast<double>(hour + 1));
    }
  }
  EXPECT_EQ(heatmap->rows, 7u * 300);  // every row, once
  EXPECT_EQ(cells.value_title, "rows");
}

TEST_F(HeatmapDataTest, CellsAggregateTheValueColumn) {
  auto heatmap = Fetch({"", "hour", "weekday", "temp", "mean"});
  ASSERT_TRUE(heatmap.ok()) << heatmap.error().message;
  EXPECT_EQ(heatmap->cells.values[3 * 24 + 5], 3.0);  // weekday 3, any hour
  EXPECT_EQ(heatmap->cells.value_title, "mean of temp");
  auto sums = Fetch({"", "hour", "weekday", "temp", "sum"});
  ASSERT_TRUE(sums.ok());
  EXPECT_EQ(sums->cells.values[3 * 24 + 5], 3.0 * 6);  // six rows of 3
}

TEST_F(HeatmapDataTest, NaNAndInfinitiesAreLeftOutOfACellsAggregate) {
  ASSERT_TRUE(
      engine_.connection
          .Execute("UPDATE t SET temp = CASE WHEN hour = 5 THEN 'NaN'::DOUBLE WHEN hour = 6 "
                   "THEN 'inf'::DOUBLE ELSE temp END")
          .ok());
  auto heatmap = Fetch({"", "weekday", "weekday", "temp", "mean"});
  ASSERT_TRUE(heatmap.ok()) << heatmap.error().message;
  EXPECT_EQ(heatmap->cells.values[3 * 7 + 3], 3.0);  // the mean of the numbers, not NaN
  EXPECT_EQ(heatmap->cells.rows[3 * 7 + 3], 300u);   // every row still counted
}

TEST_F(HeatmapDataTest, ManyNumbersAreBinnedOnRoundEdgesAndEveryRowLandsInABin) {
  auto heatmap = Fetch({"", "wide", "weekday", "", ""});
  ASSERT_TRUE(heatmap.ok()) << heatmap.error().message;
  const HeatAxis& x = heatmap->cells.x;
  ASSERT_FALSE(x.categorical());
  EXPECT_LE(x.bins.first_edge, 0);
  EXPECT_GT(x.bins.last_edge(), 23000 + 42 + 23);
  EXPECT_EQ(heatmap->rows, 7u * 300);
}

TEST_F(HeatmapDataTest, TextKeepsTheMostFrequentNamesInOrderAndTheBadgeSaysSo) {
  auto heatmap = Fetch({"", "many", "weekday", "", ""});
  ASSERT_TRUE(heatmap.ok()) << heatmap.error().message;
  const HeatAxis& x = heatmap->cells.x;
  ASSERT_EQ(x.size(), kMaxHeatBands);
  EXPECT_TRUE(std::is_sorted(x.names.begin(), x.names.end()));
  EXPECT_EQ(heatmap->x_categories, 50u);
  const std::string badge = HeatmapBadge(*heatmap, {"t", "many", "weekday", "", ""});
  EXPECT_NE(badge.find("the 40 most frequent of 50 many"), std::string::npos) << badge;
}

TEST_F(HeatmapDataTest, TheCopiedSqlCountsTheSameCells) {
  const HeatmapRequest request{"t", "hour", "weekday", "", ""};
  auto heatmap = Fetch(request);
  ASSERT_TRUE(heatmap.ok());
  EXPECT_EQ(test::QueryValue(engine_.connection, "SELECT n FROM (" + HeatmapSql(*heatmap, request) +
                                                     ") WHERE x_cell = '5' AND y_cell = '2'"),
            "6");
}

TEST_F(HeatmapDataTest, MissingColumnsAndValuesAreClearErrors) {
  auto no_y = Fetch({"", "hour", "", "", ""});
  ASSERT_FALSE(no_y.ok());
  EXPECT_NE(no_y.error().message.find("needs an x and a y column"), std::string::npos);
  auto no_value = Fetch({"", "hour", "weekday", "", "mean"});
  ASSERT_FALSE(no_value.ok());
  EXPECT_NE(no_value.error().message.find("needs a colour column"), std::string::npos);
  ASSERT_TRUE(
      engine_.connection.Execute("CREATE TABLE e AS SELECT NULL::DOUBLE AS v, 1 AS w").ok());
  auto empty = FetchHeatmap(engine_.connection, {"e", "v", "w", "", ""});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("'v' has no numbers or dates"), std::string::npos);
}

}  // namespace
}  // namespace pika
