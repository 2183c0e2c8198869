#include "compute/plot_data.h"

#include <gtest/gtest.h>

#include <cmath>

#include "support/engine.h"

namespace pika {
namespace {

class PlotDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(engine_.connection
                    .Execute("CREATE TABLE t AS SELECT range AS i, range % 3 AS hour, "
                             "CASE range % 3 WHEN 0 THEN 'b' WHEN 1 THEN 'a' ELSE 'c' END AS name, "
                             "CAST(range % 3 AS DOUBLE) * 10 AS v FROM range(90)")
                    .ok());
  }
  Result<PlotData> Fetch(PlotDataRequest request) {
    request.relation = "t";
    return FetchPlotData(engine_.connection, request);
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(PlotDataTest, BarsOfNumbersFollowTheNumbersAndBarsOfTextTheirSize) {
  auto by_hour = Fetch({"", "bar", "hour", "v", "mean"});
  ASSERT_TRUE(by_hour.ok()) << by_hour.error().message;
  EXPECT_EQ(by_hour->categories, (std::vector<std::string>{"0", "1", "2"}));
  EXPECT_EQ(by_hour->bar_values, (std::vector<double>{0, 10, 20}));
  auto by_name = Fetch({"", "bar", "name", "v", "sum"});
  ASSERT_TRUE(by_name.ok()) << by_name.error().message;
  EXPECT_EQ(by_name->categories, (std::vector<std::string>{"c", "a", "b"}));
  EXPECT_EQ(by_name->binned_rows, 90u);
}

TEST_F(PlotDataTest, HistogramCountsEveryRowInTheEngine) {
  auto histogram = Fetch({"", "histogram", "i", "", ""});
  ASSERT_TRUE(histogram.ok()) << histogram.error().message;
  uint64_t total = 0;
  for (uint64_t count : histogram->bins.counts) total += count;
  EXPECT_EQ(total, 90u);
  EXPECT_TRUE(histogram->x.empty());
}

TEST_F(PlotDataTest, OnlyKnownKindsAndAggregatesReachTheSql) {
  auto injected =
      Fetch({"", "bar", "name", "v", "sum(1)) AS DOUBLE) FROM range(1)); DROP TABLE t; --"});
  ASSERT_FALSE(injected.ok());
  EXPECT_NE(injected.error().message.find("not an aggregate"), std::string::npos);
  EXPECT_EQ(test::QueryValue(engine_.connection, "SELECT count(*) FROM t"), "90");
  EXPECT_FALSE(Fetch({"", "pie", "name", "v", ""}).ok());
}

TEST_F(PlotDataTest, LogAxesAreRefusedWhereTheAxesAreNotScatterOrLine) {
  PlotDataRequest request{"", "histogram", "i", "", ""};
  request.y_log = true;
  auto refused = Fetch(request);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("log axes are for scatter and line plots"),
            std::string::npos);
}

// Every line of a scene, as its points.
std::vector<std::vector<std::pair<double, double>>> LinesOf(const PlotScene& plot) {
  std::vector<std::vector<std::pair<double, double>>> lines;
  for (const Mark& mark : plot.scene.marks) {
    if (const auto* line = std::get_if<PolylineMark>(&mark)) {
      lines.emplace_back();
      for (const ScenePoint& point : line->points) lines.back().emplace_back(point.x, point.y);
    }
  }
  return lines;
}

TEST_F(PlotDataTest, ALineRecordsWhenFetchedWhetherItsXIsSortedAndDrawsTheSameWithIt) {
  auto sorted = Fetch({"", "line", "i", "v", ""});
  ASSERT_TRUE(sorted.ok()) << sorted.error().message;
  EXPECT_EQ(sorted->x_order, XOrder::kSorted);
  auto unsorted = Fetch({"", "line", "v", "i", ""});
  ASSERT_TRUE(unsorted.ok()) << unsorted.error().message;
  EXPECT_EQ(unsorted->x_order, XOrder::kUnsorted);
  auto scatter = Fetch({"", "scatter", "i", "v", ""});
  ASSERT_TRUE(scatter.ok()) << scatter.error().message;
  EXPECT_FALSE(scatter->x_order.has_value());
  // The recorded order only saves the scan: the scene is the one found by looking at x.
  const auto width = [](std::string_view text) { return 6.0 * static_cast<double>(text.size()); };
  for (PlotData* data : {&*sorted, &*unsorted}) {
    PlotSpec spec;
    spec.raw_point_cap = 10;  // reduced by M4, which takes the order
    GridPool pool;
    const PlotDataRequest request{"t", "line", "x", "y", ""};
    auto recorded = BuildScene(request, *data, spec, width, pool);
    data->x_order.reset();
    auto looked = BuildScene(request, *data, spec, width, pool);
    ASSERT_TRUE(recorded.ok() && looked.ok());
    EXPECT_EQ(int(recorded->reduction.method), int(ReductionMethod::kM4));
    EXPECT_FALSE(LinesOf(*recorded).empty());
    EXPECT_EQ(LinesOf(*recorded), LinesOf(*looked));
  }
}

TEST_F(PlotDataTest, MissingColumnsAreNamedInTheError) {
  auto no_y = Fetch({"", "scatter", "i", "", ""});
  ASSERT_FALSE(no_y.ok());
  EXPECT_NE(no_y.error().message.find("needs a y column"), std::string::npos);
  auto no_x = Fetch({"", "scatter", "", "v", ""});
  ASSERT_FALSE(no_x.ok());
  auto unknown = Fetch({"", "scatter", "nope", "v", ""});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("nope"), std::string::npos);
}

// Colour categories are picked in the engine: the most frequent, the rest as one grey
// "others" for a scatter, or left undrawn for lines (a line through mixed series would lie).
class PlotColorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // 12 groups g00..g11 where group k has 12 - k rows; 't' cycles through 3 names; 'n' has
    // 3 distinct numbers and 'f' 78 of them; 'q' is NULL in every 4th row.
    ASSERT_TRUE(engine_.connection
                    .Execute("CREATE TABLE c AS SELECT row_number() OVER () AS i, "
                             "printf('g%02d', k) AS g, CAST(k % 3 * 4 AS BIGINT) AS n, "
                             "CAST(row_number() OVER () AS DOUBLE) / 2 AS f, "
                             "CASE WHEN row_number() OVER () % 4 = 0 THEN NULL ELSE 'x' END AS q "
                             "FROM range(12) AS a(k), range(12) AS b(j) WHERE j < 12 - k "
                             "ORDER BY k, j")
                    .ok());
  }
  Result<PlotData> Fetch(const std::string& kind, const std::string& color) {
    PlotDataRequest request{"c", kind, "i", "i", "", color};
    return FetchPlotData(engine_.connection, request);
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(PlotColorTest, AScatterKeepsNineCategoriesAndGathersTheRestAsOthers) {
  auto data = Fetch("scatter", "g");
  ASSERT_TRUE(data.ok()) << data.error().message;
  const PlotColor& color = data->color;
  ASSERT_EQ(color.names.size(), 10u);
  EXPECT_EQ(color.names[0], "g00");  // the most frequent first
  EXPECT_EQ(color.names[8], "g08");
  EXPECT_EQ(color.names[9], "3 others");
  EXPECT_TRUE(color.last_is_other);
  ASSERT_EQ(color.codes.size(), data->x.size());
  for (size_t row = 0; row < data->x.size(); ++row) {
    const auto group = static_cast<uint32_t>(std::stoi(test::QueryValue(
        engine_.connection, "SELECT substr(g, 2) FROM c WHERE i = " +
                                std::to_string(static_cast<int64_t>(data->x[row])))));
    EXPECT_EQ(color.codes[row], std::min(group, 9u)) << "row " << row;
  }
}

TEST_F(PlotColorTest, ALineDrawsTheTenMostFrequentAndCountsTheRest) {
  auto data = Fetch("line", "g");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->color.names.size(), 10u);
  EXPECT_FALSE(data->color.last_is_other);
  EXPECT_EQ(data->color.undrawn_categories, 2u);
  // g10 and g11 (3 rows) get a code past the names: not drawn.
  size_t undrawn = 0;
  for (uint32_t code : data->color.codes) undrawn += code >= 10;
  EXPECT_EQ(undrawn, 3u);
}

TEST_F(PlotColorTest, FewNumbersAreCategoriesInNumericOrderAndManyAreAColourBar) {
  auto few = Fetch("scatter", "n");
  ASSERT_TRUE(few.ok()) << few.error().message;
  EXPECT_EQ(few->color.names, (std::vector<std::string>{"0", "4", "8"}));
  auto many = Fetch("scatter", "f");
  ASSERT_TRUE(many.ok()) << many.error().message;
  EXPECT_TRUE(many->color.names.empty());
  EXPECT_EQ(many->color.min, 0.5);
  EXPECT_EQ(many->color.max, 39.0);
  ASSERT_EQ(many->color.values.size(), 78u);
  EXPECT_EQ(EncodingOf(many->color).values.size(), 78u);
}

TEST_F(PlotColorTest, MissingValuesAreACategoryOfTheirOwn) {
  auto data = Fetch("scatter", "q");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->color.names, (std::vector<std::string>{"x", "NULL"}));
}

TEST_F(PlotColorTest, CountedBarsStackTheirColourGroupsToTheCategorysTotal) {
  auto data = FetchPlotData(engine_.connection, {"c", "bar", "n", "", "count", "g"});
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_TRUE(data->bar_stacked);
  ASSERT_EQ(data->color.names.size(), 10u);  // nine groups and "3 others"
  EXPECT_TRUE(data->color.last_is_other);
  ASSERT_EQ(data->bar_group_values.size(), data->categories.size() * 10);
  for (size_t category = 0; category < data->categories.size(); ++category) {
    double stacked = 0;
    for (size_t group = 0; group < 10; ++group) {
      const double value = data->bar_group_values[category * 10 + group];
      if (std::isfinite(value)) stacked += value;
    }
    EXPECT_EQ(stacked, data->bar_values[category]) << data->categories[category];
  }
  EXPECT_NE(data->bar_badge.find("rows by n and g"), std::string::npos) << data->bar_badge;
}

TEST_F(PlotColorTest, AveragedBarsStandSideBySideWithEachGroupsOwnMean) {
  auto data = FetchPlotData(engine_.connection, {"c", "bar", "n", "f", "mean", "g"});
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_FALSE(data->bar_stacked);
  const size_t groups = data->color.names.size();
  for (size_t category = 0; category < data->categories.size(); ++category) {
    for (size_t group = 0; group + 1 < groups; ++group) {  // the named groups
      const std::string expected = test::QueryValue(
          engine_.connection, "SELECT avg(f) FROM c WHERE n = " + data->categories[category] +
                                  " AND g = '" + data->color.names[group] + "'");
      const double value = data->bar_group_values[category * groups + group];
      if (expected == "NULL") {
        EXPECT_TRUE(std::isnan(value));
      } else {
        EXPECT_DOUBLE_EQ(value, std::stod(expected));
      }
    }
  }
}

TEST_F(PlotColorTest, ColourOnAHistogramOrAMissingColumnIsAClearError) {
  auto histogram = FetchPlotData(engine_.connection, {"c", "histogram", "f", "", "", "n"});
  ASSERT_FALSE(histogram.ok());
  EXPECT_NE(histogram.error().message.find("colour is for scatter, line, bar and heatmap plots"),
            std::string::npos);
  auto missing = Fetch("scatter", "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope"), std::string::npos);
}

}  // namespace
}  // namespace pika
