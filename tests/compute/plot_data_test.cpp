#include "compute/plot_data.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace pika
