// The coarse first level of a plot against the exact plot's rows, over the same 3M-row table
// (PIKA_BENCH_POINTS overrides): how much sooner a newly opened or re-filtered plot shows
// something. Both ask DuckDB; the coarse level gets a few thousand cells back, the exact plot
// every row. Wall time is what the user waits for; CPU time is reported beside it.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>

#include "compute/coarse_plot.h"
#include "storage/database.h"

namespace pika::bench {

namespace {

uint64_t Points() {
  const char* points = std::getenv("PIKA_BENCH_POINTS");
  return points ? std::strtoull(points, nullptr, 10) : 3'000'000;
}

struct Fixture {
  Database database = std::move(*Database::Open({}));
  Connection connection = std::move(*database.Connect());

  Fixture() {
    (void)connection.Execute(fmt::format(
        "CREATE TABLE points AS SELECT random() + random() + random() + random() - 2.0 AS x, "
        "random() * 100 AS y FROM range({})",
        Points()));
  }
};

Connection& Shared() {
  static Fixture fixture;
  return fixture.connection;
}

const PlotDataRequest kRequest{"points", "scatter", "x", "y", "", ""};

void BM_CoarseLevel(benchmark::State& state) {
  for (auto _ : state) {
    auto coarse = FetchCoarseCounts(Shared(), kRequest, CoarseShapeFor(480, 300));
    if (!coarse.ok() || !*coarse) state.SkipWithError("no coarse level");
    benchmark::DoNotOptimize(coarse);
  }
}

void BM_ExactPlotRows(benchmark::State& state) {
  for (auto _ : state) {
    auto data = FetchPlotData(Shared(), kRequest);
    if (!data.ok()) state.SkipWithError(data.error().message.c_str());
    benchmark::DoNotOptimize(data);
  }
}

BENCHMARK(BM_CoarseLevel)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_ExactPlotRows)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace

}  // namespace pika::bench

BENCHMARK_MAIN();
