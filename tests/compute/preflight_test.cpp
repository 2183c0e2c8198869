// Pre-flight: steps that could run for minutes or fill memory stop first and say why.
#include "compute/preflight.h"

#include <gtest/gtest.h>

#include "compute/node_relations.h"
#include "compute/plot_data.h"
#include "support/engine.h"

namespace pika {
namespace {

class PreflightTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        engine_.connection.Execute("CREATE TABLE a AS SELECT range AS i FROM range(100000)").ok());
  }
  test::Engine engine_ = test::OpenEngine();
};

TEST_F(PreflightTest, DuckDbsEstimateOfACrossJoinHoldsItBackWithTheEstimate) {
  const std::string cross = "SELECT * FROM a, a AS b";
  auto estimate = EstimateRows(engine_.connection, cross);
  ASSERT_TRUE(estimate.ok()) << estimate.error().message;
  ASSERT_TRUE(estimate->has_value());
  EXPECT_GT(**estimate, kLargeQueryRows);
  const Status held = CheckQueryCost(engine_.connection, cross);
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().kind, ErrorKind::kHeldBack);
  EXPECT_NE(held.error().message.find("10,000,000,000 rows"), std::string::npos)
      << held.error().message;
  EXPECT_TRUE(CheckQueryCost(engine_.connection, "SELECT * FROM a WHERE i < 10").ok());
}

TEST_F(PreflightTest, ScansAndFiltersOfTablesArePlainJoinsAggregatesAndGeneratorsAreNot) {
  ASSERT_TRUE(engine_.connection.Execute("CREATE VIEW small AS SELECT * FROM a WHERE i < 5").ok());
  const auto plain = [&](const std::string& sql) {
    auto answer = IsPlainScan(engine_.connection, sql);
    EXPECT_TRUE(answer.ok()) << answer.error().message;
    return answer.ok() && *answer;
  };
  EXPECT_TRUE(plain("SELECT * FROM a"));
  EXPECT_TRUE(plain("SELECT i * 2 AS j FROM small WHERE i % 2 = 0"));
  EXPECT_FALSE(plain("SELECT i, count(*) FROM a GROUP BY i"));
  EXPECT_FALSE(plain("SELECT * FROM a JOIN a AS b USING (i)"));
  EXPECT_FALSE(plain("SELECT * FROM range(10)"));
  EXPECT_FALSE(plain("SELECT i, row_number() OVER () FROM a"));
  EXPECT_FALSE(IsPlainScan(engine_.connection, "SELECT * FROM nowhere").ok());
}

TEST_F(PreflightTest, AHeldBackQueryNodeLeavesNoViewAndRunsWhenAskedTo) {
  auto held = RunQueryNode(engine_.connection, "q", "SELECT * FROM a, a AS b", CancelToken(),
                           nullptr, /*check_cost=*/true);
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().kind, ErrorKind::kHeldBack);
  EXPECT_FALSE(engine_.connection.Execute("SELECT 1 FROM q").ok());
  auto small = RunQueryNode(engine_.connection, "q", "SELECT * FROM a, a AS b LIMIT 5",
                            CancelToken(), nullptr, /*check_cost=*/true);
  ASSERT_TRUE(small.ok()) << small.error().message;
  EXPECT_EQ(small->rows, 5u);
}

TEST_F(PreflightTest, TheOfferedLimitRunsAndIsNotHeldBack) {
  for (const std::string cross : {"SELECT * FROM a, a AS b", "SELECT * FROM a, a AS b;  \n",
                                  "SELECT * FROM a, a AS b -- every pair"}) {
    const std::string limited = WithRowLimit(cross, 10'000);
    EXPECT_TRUE(CheckQueryCost(engine_.connection, limited).ok()) << limited;
    EXPECT_EQ(test::QueryValue(engine_.connection, "SELECT count(*) FROM (" + limited + ")"),
              "10000")
        << limited;
  }
}

TEST_F(PreflightTest, APlotThatWouldOverfillMemoryStopsAndSaysWhatToPlotInstead) {
  PlotDataRequest request{"a", "scatter", "i", "i", "", ""};
  request.max_bytes = 100'000;  // 6,250 rows of two doubles
  auto data = FetchPlotData(engine_.connection, request);
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find("histogram or density"), std::string::npos)
      << data.error().message;
  request.max_bytes = 0;  // a quarter of the memory budget: 100,000 rows fit
  EXPECT_TRUE(FetchPlotData(engine_.connection, request).ok());
}

}  // namespace
}  // namespace pika
