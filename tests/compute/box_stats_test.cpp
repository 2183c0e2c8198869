#include "compute/box_stats.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "compute/plot_data.h"
#include "support/engine.h"

namespace pika {
namespace {

class BoxStatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Group 'a': 1..100, no outliers. Group 'b': 1..9 and 1000 (one outlier), with values a box
    // must ignore: NULL, NaN, infinities and text that is not a number.
    ASSERT_TRUE(engine_.connection
                    .Execute("CREATE TABLE t (g VARCHAR, v VARCHAR); "
                             "INSERT INTO t SELECT 'a', CAST(range AS VARCHAR) FROM range(1, 101); "
                             "INSERT INTO t SELECT 'b', CAST(range AS VARCHAR) FROM range(1, 10); "
                             "INSERT INTO t VALUES ('b', '1000'), ('b', NULL), ('b', 'nan'), "
                             "('b', 'inf'), ('b', 'many'), (NULL, '5')")
                    .ok());
  }
  Result<BoxSummary> Summarise(const std::string& x, const std::string& y) {
    return SummariseBoxes(engine_.connection, "t", x, y);
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(BoxStatsTest, QuartilesInterpolateAndWhiskersStopAtTheLastValueInsideTheFences) {
  auto summary = Summarise("g", "v");
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  ASSERT_EQ(summary->boxes.size(), 3u);
  const BoxStats& a = summary->boxes[1];  // text groups by name, NULL last
  EXPECT_EQ(a.name, "a");
  EXPECT_EQ(a.rows, 100u);
  EXPECT_DOUBLE_EQ(a.q1, 25.75);
  EXPECT_DOUBLE_EQ(a.median, 50.5);
  EXPECT_DOUBLE_EQ(a.q3, 75.25);
  EXPECT_EQ(a.low, 1);
  EXPECT_EQ(a.high, 100);
  EXPECT_EQ(a.outlier_count, 0u);
  const BoxStats& b = summary->boxes[2];
  EXPECT_EQ(b.name, "b");
  EXPECT_EQ(b.rows, 10u);  // NULL, NaN, inf and 'many' are not numbers to summarise
  EXPECT_DOUBLE_EQ(b.q1, 3.25);
  EXPECT_DOUBLE_EQ(b.q3, 7.75);
  EXPECT_EQ(b.high, 9);  // 1000 is past q3 + 1.5 IQR = 14.5
  EXPECT_EQ(b.outlier_count, 1u);
  EXPECT_EQ(b.outliers, std::vector<double>{1000});
  EXPECT_EQ(summary->boxes[0].name, "NULL");
  EXPECT_EQ(summary->rows, 111u);
  EXPECT_FALSE(summary->outliers_cut);
}

TEST_F(BoxStatsTest, WithoutXOneBoxSummarisesTheWholeColumn) {
  auto summary = Summarise("", "v");
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  ASSERT_EQ(summary->boxes.size(), 1u);
  EXPECT_EQ(summary->boxes[0].name, "v");
  EXPECT_EQ(summary->boxes[0].rows, 111u);
  EXPECT_NE(BoxBadge(*summary, "", "v").find("v of 111 rows"), std::string::npos);
}

TEST_F(BoxStatsTest, NumbersGroupInTheirOwnOrderNotAsText) {
  ASSERT_TRUE(engine_.connection
                  .Execute("CREATE TABLE n AS SELECT range % 12 AS month, range AS v "
                           "FROM range(1200)")
                  .ok());
  auto summary = SummariseBoxes(engine_.connection, "n", "month", "v");
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  ASSERT_EQ(summary->boxes.size(), 12u);
  EXPECT_EQ(summary->boxes[2].name, "2");
  EXPECT_EQ(summary->boxes[10].name, "10");  // not "10" after "1"
}

TEST_F(BoxStatsTest, ManyOutliersKeepTheMostExtremeAtBothEndsAndSaySo) {
  // 1000 rows near zero and 300 far on each side: all 600 are outliers.
  ASSERT_TRUE(engine_.connection
                  .Execute("CREATE TABLE o AS SELECT (range % 10)::DOUBLE AS v FROM range(1000) "
                           "UNION ALL SELECT 1000 + range FROM range(300) "
                           "UNION ALL SELECT -1000 - range FROM range(300)")
                  .ok());
  auto summary = SummariseBoxes(engine_.connection, "o", "", "v");
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  const BoxStats& box = summary->boxes[0];
  EXPECT_EQ(box.outlier_count, 600u);
  EXPECT_EQ(box.outliers.size(), 2 * kOutliersPerEnd);
  EXPECT_EQ(*std::min_element(box.outliers.begin(), box.outliers.end()), -1299);
  EXPECT_EQ(*std::max_element(box.outliers.begin(), box.outliers.end()), 1299);
  EXPECT_TRUE(summary->outliers_cut);
  EXPECT_NE(BoxBadge(*summary, "", "v").find("lowest and highest outliers drawn"),
            std::string::npos);
}

TEST_F(BoxStatsTest, AColumnWithoutNumbersOrWithoutYIsAClearError) {
  auto no_numbers = Summarise("g", "g");
  ASSERT_FALSE(no_numbers.ok());
  EXPECT_NE(no_numbers.error().message.find("'g' has no numbers to summarise"), std::string::npos);
  auto no_y = Summarise("g", "");
  ASSERT_FALSE(no_y.ok());
  EXPECT_NE(no_y.error().message.find("needs a y column"), std::string::npos);
}

TEST_F(BoxStatsTest, ABoxPlotPicksItsGroupsAndNeedsNoX) {
  auto data = FetchPlotData(engine_.connection, {"t", "box", "g", "v", "", ""});
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->categories, (std::vector<std::string>{"NULL", "a", "b"}));
  EXPECT_TRUE(KindPicksCategories({"t", "box", "g", "v", "", ""}));
  auto one = FetchPlotData(engine_.connection, {"t", "box", "", "v", "", ""});
  ASSERT_TRUE(one.ok()) << one.error().message;
  EXPECT_TRUE(one->categories.empty());  // nothing to pick in a single box
  EXPECT_FALSE(KindPicksCategories({"t", "box", "", "v", "", ""}));
  EXPECT_FALSE(KindBrushesRanges("box"));
}

TEST_F(BoxStatsTest, TheCopiedSqlGivesTheSameQuartiles) {
  auto rows = engine_.connection.Query(BoxQuartilesSql("t", "g", "v") + " LIMIT 1");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  auto batch = rows->FetchAll();
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(FormatValue(batch->columns[0], 0), "a");
  EXPECT_DOUBLE_EQ(batch->columns[2].DoubleAt(0), 25.75);
  EXPECT_DOUBLE_EQ(batch->columns[3].DoubleAt(0), 50.5);
}

}  // namespace
}  // namespace pika
