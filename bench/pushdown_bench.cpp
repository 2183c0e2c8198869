// Push-down SQL vs the in-memory kernel for the same density reduction (1920 x 1080) over a
// 10M-row table (PIKA_BENCH_POINTS overrides): a frame computed by DuckDB, the one-time
// fetch of the two columns into memory, and a frame computed by the kernel. Documents when
// to keep data in the engine and when to fetch it (docs/reduction.md).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "plot/density_grid.h"
#include "plot/reduction_sql.h"
#include "storage/database.h"

namespace pika::bench {

namespace {

constexpr GridShape kScreen{1920, 1080};

uint64_t Points() {
  const char* points = std::getenv("PIKA_BENCH_POINTS");
  return points ? std::strtoull(points, nullptr, 10) : 10'000'000;
}

struct Fixture {
  Database database = std::move(*Database::Open({}));
  Connection connection = std::move(*database.Connect());
  std::vector<double> x, y;

  Fixture() {
    // Roughly normal columns, as in reduction_bench.
    (void)connection.Execute(fmt::format(
        "CREATE TABLE points AS SELECT random() + random() + random() + random() - 2.0 AS x, "
        "random() + random() + random() + random() - 2.0 AS y FROM range({})",
        Points()));
  }
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

Viewport Frame(size_t frame) {
  const double shift = 0.05 * static_cast<double>(frame % 10);
  return {-2.0 + shift, 2.0 + shift, -2.0, 2.0};
}

void BM_DensityPushDownFrame(benchmark::State& state) {
  Connection& connection = Shared().connection;
  size_t frame = 0;
  for (auto _ : state) {
    auto sql = DensitySql(SqlDialect::kDuckDb, {"points", "x", "y"}, Frame(frame++), kScreen);
    auto result = connection.Query(*sql);
    if (!result.ok()) state.SkipWithError(result.error().message.c_str());
    benchmark::DoNotOptimize(result->FetchAll());
  }
}

// Once per data change: bring the two columns into compact arrays.
void BM_FetchColumnsOnce(benchmark::State& state) {
  Fixture& fixture = Shared();
  for (auto _ : state) {
    fixture.x.clear();
    fixture.y.clear();
    auto result = fixture.connection.Query("SELECT x, y FROM points");
    while (true) {
      auto batch = result->NextBatch();
      if (!batch.ok() || !batch->has_value()) break;
      const auto& xs = std::get<std::vector<double>>((*batch)->columns[0].values);
      const auto& ys = std::get<std::vector<double>>((*batch)->columns[1].values);
      fixture.x.insert(fixture.x.end(), xs.begin(), xs.end());
      fixture.y.insert(fixture.y.end(), ys.begin(), ys.end());
    }
  }
}

void BM_DensityKernelFrame(benchmark::State& state) {
  Fixture& fixture = Shared();
  if (fixture.x.empty()) {
    state.SkipWithError("run BM_FetchColumnsOnce first");
    return;
  }
  GridPool pool;
  CountGrid grid;
  size_t frame = 0;
  for (auto _ : state) {
    if (!BinCounts(fixture.x, fixture.y, Frame(frame++), kScreen, pool, grid).ok()) {
      state.SkipWithError("bin");
    }
    benchmark::DoNotOptimize(grid.counts.data());
  }
}

BENCHMARK(BM_DensityPushDownFrame)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_FetchColumnsOnce)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_DensityKernelFrame)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace

}  // namespace pika::bench

BENCHMARK_MAIN();
