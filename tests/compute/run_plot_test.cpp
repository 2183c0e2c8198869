// RunPlot: rows that fit a quarter of the memory budget are fetched and reduced here; past it
// the same plot is reduced in DuckDB, as a server reduces a remote table's, instead of refused.
#include "compute/plot/run_plot.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "compute/source/duckdb_engine.h"
#include "support/engine.h"
#include "support/same_scene.h"

namespace pika {
namespace {

constexpr uint64_t kRows = 40'000;

class RunPlotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Two clusters and a sine, with a category, a timestamp and a few rows no plot can place.
    ASSERT_TRUE(engine_.connection
                    .Execute(fmt::format(
                        "CREATE TABLE p AS SELECT range AS i, "
                        "CASE WHEN range % 997 = 0 THEN NULL ELSE (range % 200) * 0.5 + "
                        "(range % 2) * 300 END AS x, sin(range / 500.0) * 40 + (range % 7) AS y, "
                        "'c' || (range % 5) AS c, TIMESTAMP '2024-01-01' + to_seconds(range * "
                        "60) AS at FROM range({})",
                        kRows))
                    .ok());
  }

  // The plot of `request` fetched here (within the budget) and reduced in DuckDB (past it).
  std::pair<DrawnPlot, DrawnPlot> BothWays(PlotDataRequest request, const PlotSpec& spec) {
    request.relation = "p";
    DuckDbEngine rows(engine_.connection, "p", "table p");
    auto fetched =
        RunPlot(rows, request, spec, PlotUse::kInteractive, test::FakeWidth, CancelToken());
    EXPECT_TRUE(fetched.ok()) << fetched.error().message;
    request.max_bytes = 1'000;  // a handful of rows: everything else is past it
    auto reduced =
        RunPlot(rows, request, spec, PlotUse::kInteractive, test::FakeWidth, CancelToken());
    EXPECT_TRUE(reduced.ok()) << reduced.error().message;
    if (!fetched.ok() || !reduced.ok()) return {};
    return {std::move(*fetched), std::move(*reduced)};
  }

  test::Engine engine_ = test::OpenEngine();
};

using test::ImageCounts;

TEST_F(RunPlotTest, RowsWithinTheBudgetAreFetchedAndReducedHere) {
  DuckDbEngine rows(engine_.connection, "p", "table p");
  auto drawn = RunPlot(rows, {"p", "scatter", "x", "y"}, PlotSpec{}, PlotUse::kInteractive,
                       test::FakeWidth, CancelToken());
  ASSERT_TRUE(drawn.ok()) << drawn.error().message;
  EXPECT_FALSE(drawn->reduced);
  EXPECT_EQ(drawn->data.x.size(), kRows);
}

TEST_F(RunPlotTest, AScatterPastTheBudgetIsTheSameDensityReducedInDuckDbNotARefusal) {
  PlotSpec spec;
  spec.raw_point_cap = 1'000;  // so that both draw a density
  auto [fetched, reduced] = BothWays({"", "scatter", "x", "y"}, spec);
  ASSERT_TRUE(reduced.reduced);
  EXPECT_EQ(reduced.reduced->rows, kRows - kRows / 997 - 1);  // NULL x is left off
  EXPECT_TRUE(reduced.data.x.empty());                        // no rows came here
  EXPECT_EQ(reduced.scene.reduction.method, ReductionMethod::kDensity);
  EXPECT_NE(reduced.scene.badge.find("reduced in DuckDB"), std::string::npos)
      << reduced.scene.badge;
  EXPECT_FALSE(ImageCounts(reduced.scene).empty());
  test::ExpectSameScene(reduced.scene, fetched.scene, "scatter");
}

TEST_F(RunPlotTest, AColouredScatterPastTheBudgetKeepsItsCategories) {
  PlotSpec spec;
  spec.raw_point_cap = 1'000;
  PlotDataRequest request{"", "scatter", "x", "y"};
  request.color = "c";
  auto [fetched, reduced] = BothWays(request, spec);
  ASSERT_TRUE(reduced.reduced);
  test::ExpectSameScene(reduced.scene, fetched.scene, "coloured scatter");  // legend included
}

TEST_F(RunPlotTest, ALinePastTheBudgetIsReducedToItsExtremesPerPixelInDuckDb) {
  PlotSpec spec;
  spec.raw_point_cap = 1'000;  // so that both reduce
  auto [fetched, reduced] = BothWays({"", "line", "i", "y"}, spec);
  ASSERT_TRUE(reduced.reduced);
  EXPECT_EQ(reduced.scene.reduction.method, ReductionMethod::kM4);
  EXPECT_EQ(reduced.scene.x_min, fetched.scene.x_min);
  EXPECT_EQ(reduced.scene.x_max, fetched.scene.x_max);
  EXPECT_EQ(reduced.scene.y_min, fetched.scene.y_min);
  EXPECT_EQ(reduced.scene.y_max, fetched.scene.y_max);
  test::ExpectSameScene(reduced.scene, fetched.scene, "line");
}

TEST_F(RunPlotTest, ATimeAxisPastTheBudgetStaysATimeAxis) {
  PlotSpec spec;
  spec.raw_point_cap = 1'000;
  auto [fetched, reduced] = BothWays({"", "scatter", "at", "y"}, spec);
  ASSERT_TRUE(reduced.reduced);
  EXPECT_TRUE(reduced.data.x_is_time);  // brushes write its bounds as times
  test::ExpectSameScene(reduced.scene, fetched.scene, "time scatter");  // dates on the axis
}

TEST_F(RunPlotTest, AWindowOfAPlotReducedInDuckDbCountsOnlyItsRowsAsTheFetchedPathDoes) {
  PlotSpec spec;
  spec.raw_point_cap = 10;
  spec.window = DataWindow{0, 50, -10, 10};
  auto [fetched, reduced] = BothWays({"", "scatter", "x", "y"}, spec);
  ASSERT_TRUE(reduced.reduced);
  ASSERT_EQ(reduced.reduced->queries.size(), 1u);  // the cells: no scan for the extent first
  EXPECT_GT(reduced.scene.reduction.rows_in_view, 1'000u);
  EXPECT_LT(reduced.scene.reduction.rows_in_view, kRows / 4);
  EXPECT_EQ(reduced.scene.reduction.rows_in_view, fetched.scene.reduction.rows_in_view);
  test::ExpectSameScene(reduced.scene, fetched.scene, "window");
}

TEST_F(RunPlotTest, TheAggregateKindsReducedInDuckDbDrawWhatTheFetchedPathDraws) {
  for (const PlotDataRequest& request : std::vector<PlotDataRequest>{{"", "histogram", "x"},
                                                                     {"", "bar", "c", "y", "mean"},
                                                                     {"", "box", "c", "y"},
                                                                     {"", "heatmap", "c", "x"}}) {
    DuckDbEngine rows(engine_.connection, "p", "table p");
    PlotDataRequest local = request;
    local.relation = "p";
    auto fetched =
        RunPlot(rows, local, PlotSpec{}, PlotUse::kInteractive, test::FakeWidth, CancelToken());
    ASSERT_TRUE(fetched.ok()) << fetched.error().message;
    auto reduced = ReduceInEngine(rows, local, PlotSpec{}, test::FakeWidth, CancelToken());
    ASSERT_TRUE(reduced.ok()) << reduced.error().message;
    test::ExpectSameScene(reduced->scene, fetched->scene, request.kind);
  }
}

TEST_F(RunPlotTest, AReductionInDuckDbStopsMidScanWhenCancelled) {
  // Billions of rows: only an interrupt ends this scan in a test's time.
  DuckDbEngine rows(engine_.connection,
                    "(SELECT range AS x, range % 7 AS y FROM range(100000000000))", "the query");
  CancelToken cancel;
  std::thread canceller([cancel] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.Cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  auto drawn = ReduceInEngine(rows, {"", "scatter", "x", "y"}, PlotSpec{}, test::FakeWidth, cancel);
  canceller.join();
  // Scanning them all takes minutes: stopped at the next query, not mid-scan, it would too.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
  ASSERT_FALSE(drawn.ok());
  EXPECT_EQ(drawn.error().kind, ErrorKind::kCancelled) << drawn.error().message;
}

TEST_F(RunPlotTest, AnErrorOtherThanTheBudgetIsReportedNotRetriedInTheEngine) {
  DuckDbEngine rows(engine_.connection, "p", "table p");
  auto drawn = RunPlot(rows, {"p", "scatter", "x", "nope"}, PlotSpec{}, PlotUse::kInteractive,
                       test::FakeWidth, CancelToken());
  ASSERT_FALSE(drawn.ok());
  EXPECT_NE(drawn.error().message.find("nope"), std::string::npos) << drawn.error().message;
}

}  // namespace
}  // namespace pika
