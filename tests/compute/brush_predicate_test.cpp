// A brush becomes a SQL predicate a user can read and edit; run in DuckDB, it keeps exactly
// the rows the brushed region holds (bounds rounded outwards never lose one).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "compute/plot_sql.h"
#include "compute/rows_behind.h"
#include "support/engine.h"

namespace pika {
namespace {

class BrushPredicateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(engine_.connection
                    .Execute("CREATE TABLE t AS SELECT range / 7.0 AS x, (range * 37 % 1000) / "
                             "3.0 AS y, CASE WHEN range % 5 = 0 THEN NULL ELSE 'k' || (range % 3) "
                             "END AS name, TIMESTAMP '2024-02-28 00:00:00' + INTERVAL (range) HOUR "
                             "AS at, range % 4 AS small FROM range(5000)")
                    .ok());
  }
  Result<PlotData> Fetch(const std::string& kind, const std::string& x, const std::string& y = "") {
    return FetchPlotData(engine_.connection, {"t", kind, x, y, "", ""});
  }
  uint64_t Count(const std::string& predicate) {
    return std::stoull(
        test::QueryValue(engine_.connection, "SELECT count(*) FROM t WHERE " + predicate));
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(BrushPredicateTest, AScatterBoxKeepsTheRowsInsideItAndReadsWell) {
  auto data = Fetch("scatter", "x", "y");
  ASSERT_TRUE(data.ok());
  const DataWindow box{100.123456, 200.98765, 50.5, 120.25};
  const std::string predicate = BrushPredicate({"t", "scatter", "x", "y", "", ""}, *data, box);
  // Bounds to a thousandth of each span, rounded outwards.
  EXPECT_EQ(predicate, "\"x\" BETWEEN 100.1 AND 201 AND \"y\" BETWEEN 50.5 AND 120.25");
  uint64_t inside = 0;
  for (size_t row = 0; row < data->x.size(); ++row)
    inside += data->x[row] >= 100.1 && data->x[row] <= 201 && data->y[row] >= 50.5 &&
              data->y[row] <= 120.25;
  EXPECT_EQ(Count(predicate), inside);
  EXPECT_GT(inside, 0u);
}

TEST_F(BrushPredicateTest, ABoxOnLogAxesIsReadInDecadesAndWrittenInValues) {
  auto data = Fetch("scatter", "x", "y");
  ASSERT_TRUE(data.ok());
  PlotDataRequest request{"t", "scatter", "x", "y", "", ""};
  request.x_log = true;
  request.y_log = true;
  // From 10 to 100 across, 1 to 1000 up: the scene's units are log10 of the values.
  const std::string predicate = BrushPredicate(request, *data, {1, 2, 0, 3});
  EXPECT_EQ(predicate, "\"x\" BETWEEN 10 AND 100 AND \"y\" BETWEEN 1 AND 1000");
  PlotSqlOptions view;
  view.window = DataWindow{1, 2, 0, 3};
  EXPECT_NE(PlotQuerySql(request, *data, view)
                .find("BETWEEN CAST('10' AS DOUBLE) AND CAST('100' AS DOUBLE)"),
            std::string::npos);
}

TEST_F(BrushPredicateTest, ABoxAcrossTheWholeWidthIsARangeOfYAlone) {
  auto data = Fetch("scatter", "x", "y");
  ASSERT_TRUE(data.ok());
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const PlotDataRequest request{"t", "scatter", "x", "y", "", ""};
  const std::string y_only = BrushPredicate(request, *data, {-kInf, kInf, 50.5, 120.25});
  EXPECT_EQ(y_only, "\"y\" BETWEEN 50.5 AND 120.25");
  EXPECT_EQ(Count(y_only), Count("y >= 50.5 AND y <= 120.25"));
  EXPECT_EQ(BrushPredicate(request, *data, {100, 200, -kInf, kInf}), "\"x\" BETWEEN 100 AND 200");
}

TEST_F(BrushPredicateTest, ALineAndAHistogramAreBrushedAlongXOnly) {
  auto line = Fetch("line", "x", "y");
  ASSERT_TRUE(line.ok());
  const std::string range =
      BrushPredicate({"t", "line", "x", "y", "", ""}, *line, {10, 20, -1e9, 1e9});
  EXPECT_EQ(range, "\"x\" BETWEEN 10 AND 20");
  EXPECT_EQ(Count(range), 71u);  // x = i / 7 for i in [70, 140]
  auto histogram = Fetch("histogram", "x");
  ASSERT_TRUE(histogram.ok());
  const HistogramBins& bins = histogram->bins;
  // A brush from inside one bin to inside another takes both bins whole.
  const double from = bins.first_edge + bins.width * 2.5, to = bins.first_edge + bins.width * 4.2;
  const std::string whole =
      BrushPredicate({"t", "histogram", "x", "", "", ""}, *histogram, {from, to, 0, 1});
  EXPECT_EQ(Count(whole), histogram->bins.counts[2] + bins.counts[3] + bins.counts[4]) << whole;
}

TEST_F(BrushPredicateTest, HoursAreCountedInWeeksFromMondayAndBrushedInWholeWeeks) {
  auto histogram = Fetch("histogram", "at");
  ASSERT_TRUE(histogram.ok()) << histogram.error().message;
  const HistogramBins& bins = histogram->bins;
  // 5,000 hours (about 30 weeks): weeks, each starting on a Monday at midnight.
  EXPECT_EQ(bins.label, "7 days");
  EXPECT_TRUE(histogram->x_is_time);
  uint64_t total = 0;
  for (uint64_t count : bins.counts) total += count;
  EXPECT_EQ(total, 5000u);
  EXPECT_EQ(test::QueryValue(engine_.connection,
                             "SELECT dayname(make_timestamp(" +
                                 std::to_string(static_cast<int64_t>(bins.start(1))) + "))"),
            "Monday");
  EXPECT_EQ(bins.counts[1], 168u);  // a whole week of hours
  const std::string weeks = BrushPredicate({"t", "histogram", "at", "", "", ""}, *histogram,
                                           {bins.start(1) + 1e9, bins.start(3) + 1e9, 0, 1});
  EXPECT_EQ(Count(weeks), bins.counts[1] + bins.counts[2] + bins.counts[3]) << weeks;
  EXPECT_NE(weeks.find("TIMESTAMP '"), std::string::npos) << weeks;
}

TEST_F(BrushPredicateTest, DaysOverYearsAreCountedInCalendarMonths) {
  ASSERT_TRUE(engine_.connection
                  .Execute("CREATE TABLE days AS SELECT DATE '2023-01-01' + range::INTEGER AS day "
                           "FROM range(1096)")
                  .ok());
  auto histogram = FetchPlotData(engine_.connection, {"days", "histogram", "day", "", "", ""});
  ASSERT_TRUE(histogram.ok()) << histogram.error().message;
  const HistogramBins& bins = histogram->bins;
  EXPECT_EQ(bins.label, "1 month");
  ASSERT_EQ(bins.counts.size(), 36u);  // 2023 to 2025
  ASSERT_EQ(bins.edges.size(), 37u);
  EXPECT_EQ(bins.counts[0], 31u);   // January 2023
  EXPECT_EQ(bins.counts[13], 29u);  // February 2024, a leap year
  EXPECT_EQ(bins.counts[35], 31u);  // December 2025
  // A brush inside February 2024 takes that month whole.
  const std::string february = BrushPredicate({"days", "histogram", "day", "", "", ""}, *histogram,
                                              {bins.start(13) + 1e9, bins.start(13) + 2e9, 0, 1});
  EXPECT_EQ(february,
            "\"day\" >= TIMESTAMP '2024-02-01 00:00:00' AND \"day\" < TIMESTAMP "
            "'2024-03-01 00:00:00'");
}

TEST_F(BrushPredicateTest, TimesReadAsTimestampsAndKeepTheirRows) {
  auto data = Fetch("line", "at", "y");
  ASSERT_TRUE(data.ok());
  ASSERT_TRUE(data->x_is_time);
  // 2024-02-28 23:30 to 2024-03-01 00:30 (UTC, microseconds): across the leap day.
  const double from = 1709163000.0e6, to = 1709253000.0e6;
  const std::string predicate =
      BrushPredicate({"t", "line", "at", "y", "", ""}, *data, {from, to, 0, 1});
  EXPECT_EQ(predicate,
            "\"at\" BETWEEN TIMESTAMP '2024-02-28 23:30:00' AND TIMESTAMP '2024-03-01 00:30:00'");
  EXPECT_EQ(Count(predicate), 25u);  // 2024-02-29 00:00 ... 2024-03-01 00:00, hourly
}

TEST_F(BrushPredicateTest, PickedBarsIncludingMissingOnesBecomeAnInList) {
  const std::string names =
      CategoryBrushPredicate({"t", "bar", "name", "", "", ""}, {"k1", "NULL"});
  EXPECT_EQ(names, "(CAST(\"name\" AS VARCHAR) = 'k1' OR \"name\" IS NULL)");
  // 1000 NULLs (every 5th row), and k1 (every 3rd) where not NULL: 1667 - 333.
  EXPECT_EQ(Count(names), 1000u + 1334u);
  const std::string numbers = CategoryBrushPredicate({"t", "bar", "small", "", "", ""}, {"0", "3"});
  EXPECT_EQ(numbers, "\"small\" IN (0, 3)");
  EXPECT_EQ(Count(numbers), 2500u);
  const std::string quote = CategoryBrushPredicate({"t", "bar", "name", "", "", ""}, {"it's"});
  EXPECT_EQ(quote, "CAST(\"name\" AS VARCHAR) = 'it''s'");
}

TEST_F(BrushPredicateTest, PickedBarsOfARemotePlotAreQuotedForItsServer) {
  const PlotDataRequest request{"t", "bar", "name", "", "", ""};
  EXPECT_EQ(CategoryBrushPredicate(request, {"a\\b'c"}, RemoteEngine::kClickHouse),
            "CAST(\"name\" AS VARCHAR) = 'a\\\\b\\'c'");
  EXPECT_EQ(CategoryBrushPredicate(request, {"a\\b'c"}, RemoteEngine::kPostgres),
            "CAST(\"name\" AS VARCHAR) = 'a\\b''c'");
}

TEST_F(BrushPredicateTest, APlotPassesOnAllRowsWithoutABrushAndSurvivesACommentInOne) {
  EXPECT_EQ(PlotOutputSql("\"t\"", ""), "SELECT * FROM \"t\"");
  const std::string sql = PlotOutputSql("\"t\"", "small = 1 -- picked by hand");
  EXPECT_EQ(test::QueryValue(engine_.connection, "SELECT count(*) FROM (" + sql + ")"), "1250");
}

TEST_F(BrushPredicateTest, RowsBehindAMarkAreBoundedAndCountedInFull) {
  auto behind = FetchRowsBehind(engine_.connection, "t", "\"small\" IN (0, 3)", 10, CancelToken());
  ASSERT_TRUE(behind.ok()) << behind.error().message;
  EXPECT_EQ(behind->total, 2500u);
  EXPECT_EQ(behind->first.row_count, 10u);
  EXPECT_EQ(behind->first.columns.size(), 5u);  // every column of the rows
  auto none = FetchRowsBehind(engine_.connection, "t", "x < 0 -- nothing", 10, CancelToken());
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_EQ(none->total, 0u);
  EXPECT_EQ(none->first.row_count, 0u);
}

}  // namespace
}  // namespace pika
