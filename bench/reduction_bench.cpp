// Plot reduction kernels at 10M and 100M points, each next to a streaming read of the same
// columns in the same run: the "x_read" counter is the kernel's wall time over the read's.
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "plot/density_grid.h"
#include "plot/density_pyramid.h"
#include "plot/lttb.h"
#include "plot/m4.h"
#include "plot/minmax_lttb.h"

namespace pika::bench {

namespace {

constexpr GridShape kScreen{1920, 1080};

// PIKA_BENCH_POINTS sets the small size (default 10M); the large one is ten times it.
size_t SmallPoints() {
  const char* points = std::getenv("PIKA_BENCH_POINTS");
  return points ? std::stoull(points) : 10'000'000;
}

// A cheap, reproducible uniform in [0, 1): generating 100M normals with <random> takes
// longer than every benchmark together.
double Unit(uint64_t seed) {
  seed += 0x9e3779b97f4a7c15ull;
  seed = (seed ^ (seed >> 30)) * 0xbf58476d1ce4e5b9ull;
  seed = (seed ^ (seed >> 27)) * 0x94d049bb133111ebull;
  return static_cast<double>((seed ^ (seed >> 31)) >> 11) * 0x1p-53;
}

// Roughly normal: the sum of four uniforms.
double Bell(uint64_t seed) {
  return Unit(4 * seed) + Unit(4 * seed + 1) + Unit(4 * seed + 2) + Unit(4 * seed + 3) - 2.0;
}

struct Columns {
  std::vector<double> x;
  std::vector<double> y;
};

// The same values held as float32, as a REAL column would be.
struct FloatColumns {
  std::vector<float> x;
  std::vector<float> y;
};

const FloatColumns& AsFloat(const Columns& columns) {
  static std::map<const Columns*, std::unique_ptr<FloatColumns>> cache;
  auto& narrow = cache[&columns];
  if (!narrow) {
    narrow = std::make_unique<FloatColumns>();
    narrow->x.assign(columns.x.begin(), columns.x.end());
    narrow->y.assign(columns.y.begin(), columns.y.end());
  }
  return *narrow;
}

template <typename Fill>
std::unique_ptr<Columns> Generate(size_t points, Fill fill) {
  auto columns = std::make_unique<Columns>();
  columns->x.resize(points);
  columns->y.resize(points);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, points),
                    [&](const tbb::blocked_range<size_t>& rows) {
                      for (size_t row = rows.begin(); row != rows.end(); ++row) {
                        fill(row, columns->x[row], columns->y[row]);
                      }
                    });
  return columns;
}

// A scatter of two clusters, in row order unrelated to position (the hard case for caches).
const Columns& Scatter(size_t points) {
  static std::map<size_t, std::unique_ptr<Columns>> cache;
  auto& columns = cache[points];
  if (!columns) {
    columns = Generate(points, [](size_t row, double& x, double& y) {
      const double cluster = row % 3 == 0 ? 1.5 : -0.5;
      x = cluster + Bell(2 * row);
      y = cluster * 0.5 + Bell(2 * row + 1);
    });
  }
  return *columns;
}

// A time series: x sorted with jittered steps, y a noisy wave.
const Columns& Series(size_t points) {
  static std::map<size_t, std::unique_ptr<Columns>> cache;
  auto& columns = cache[points];
  if (!columns) {
    columns = Generate(points, [points](size_t row, double& x, double& y) {
      const double t = static_cast<double>(row) / static_cast<double>(points);
      x = static_cast<double>(row) + 0.5 * Unit(row);
      y = std::sin(t * 60.0) + 0.3 * std::sin(t * 3000.0) + 0.2 * Bell(row);
    });
  }
  return *columns;
}

// Median per-iteration wall time of the streaming read, by bytes read.
std::map<size_t, std::vector<double>>& ReadSeconds() {
  static std::map<size_t, std::vector<double>> seconds;
  return seconds;
}

double MedianRead(size_t bytes) {
  std::vector<double> seconds = ReadSeconds()[bytes];
  if (seconds.empty()) return NAN;
  std::nth_element(seconds.begin(), seconds.begin() + seconds.size() / 2, seconds.end());
  return seconds[seconds.size() / 2];
}

// Runs `body` per iteration and reports its wall time over the streaming read's of the same
// bytes (two columns of `points` values of `value_bytes` each).
template <typename Body>
void Timed(benchmark::State& state, size_t points, Body body, size_t value_bytes = sizeof(double)) {
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) body();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double per_iteration = elapsed.count() / static_cast<double>(state.iterations());
  state.counters["x_read"] = per_iteration / MedianRead(2 * points * value_bytes);
  state.counters["points"] = static_cast<double>(points);
}

// Eight accumulators so that the add latency does not hide the memory bandwidth.
template <typename T>
double Sum(std::span<const T> values, size_t begin, size_t end) {
  double sums[8] = {};
  size_t row = begin;
  for (; row + 8 <= end; row += 8) {
    for (size_t lane = 0; lane < 8; ++lane) sums[lane] += values[row + lane];
  }
  for (; row < end; ++row) sums[0] += values[row];
  double total = 0;
  for (double sum : sums) total += sum;
  return total;
}

template <typename ColumnPair>
void StreamingRead(benchmark::State& state, const ColumnPair& columns) {
  const size_t points = columns.x.size();
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const double sum = tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, points, size_t{1} << 16), 0.0,
        [&](const tbb::blocked_range<size_t>& rows, double total) {
          return total + Sum(std::span(columns.x), rows.begin(), rows.end()) +
                 Sum(std::span(columns.y), rows.begin(), rows.end());
        },
        std::plus<>());
    benchmark::DoNotOptimize(sum);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const size_t bytes = points * (sizeof(columns.x[0]) + sizeof(columns.y[0]));
  ReadSeconds()[bytes].push_back(elapsed.count() / static_cast<double>(state.iterations()));
  state.counters["x_read"] = 1.0;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_StreamingReadScatter(benchmark::State& state) {
  StreamingRead(state, Scatter(static_cast<size_t>(state.range(0))));
}

void BM_StreamingReadSeries(benchmark::State& state) {
  StreamingRead(state, Series(static_cast<size_t>(state.range(0))));
}

void BM_StreamingReadScatterFloat32(benchmark::State& state) {
  StreamingRead(state, AsFloat(Scatter(static_cast<size_t>(state.range(0)))));
}

// A frame after a pan: the viewport moves every iteration; the pool and grid are reused.
void BM_DensityAfterPan(benchmark::State& state) {
  const Columns& data = Scatter(static_cast<size_t>(state.range(0)));
  GridPool pool;
  CountGrid grid;
  size_t frame = 0;
  Timed(state, data.x.size(), [&] {
    const double shift = 0.05 * static_cast<double>(frame++ % 10);
    const Viewport view{-4.0 + shift, 4.0 + shift, -3.0, 3.5};
    if (!BinCounts(data.x, data.y, view, kScreen, pool, grid).ok()) state.SkipWithError("bin");
    benchmark::DoNotOptimize(grid.counts.data());
  });
  state.counters["in_view"] = static_cast<double>(grid.stats.in_view);
}

// BM_DensityAfterPan over float32 columns, against a read of the float32 bytes.
void BM_DensityAfterPanFloat32(benchmark::State& state) {
  const FloatColumns& data = AsFloat(Scatter(static_cast<size_t>(state.range(0))));
  GridPool pool;
  CountGrid grid;
  size_t frame = 0;
  Timed(
      state, data.x.size(),
      [&] {
        const double shift = 0.05 * static_cast<double>(frame++ % 10);
        const Viewport view{-4.0 + shift, 4.0 + shift, -3.0, 3.5};
        if (!BinCounts(data.x, data.y, view, kScreen, pool, grid).ok()) state.SkipWithError("bin");
        benchmark::DoNotOptimize(grid.counts.data());
      },
      sizeof(float));
  state.counters["in_view"] = static_cast<double>(grid.stats.in_view);
}

// Zoomed to a tenth of the width: every row is still classified, few land in the grid.
void BM_DensityZoomed(benchmark::State& state) {
  const Columns& data = Scatter(static_cast<size_t>(state.range(0)));
  GridPool pool;
  CountGrid grid;
  Timed(state, data.x.size(), [&] {
    if (!BinCounts(data.x, data.y, {0.0, 0.8, 0.0, 0.5}, kScreen, pool, grid).ok()) {
      state.SkipWithError("bin");
    }
    benchmark::DoNotOptimize(grid.counts.data());
  });
  state.counters["in_view"] = static_cast<double>(grid.stats.in_view);
}

// Building the pyramid (default budget: 4096 x 4096 finest level) over the scatter.
void BM_PyramidBuild(benchmark::State& state) {
  const Columns& data = Scatter(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  Timed(state, data.x.size(), [&] {
    auto pyramid = DensityPyramid::Build(data.x, data.y);
    if (!pyramid.ok()) state.SkipWithError("build");
    bytes = pyramid.ok() ? pyramid->bytes() : 0;
  });
  state.counters["pyramid_mb"] = static_cast<double>(bytes) / (1 << 20);
}

// One pyramid per data set, built outside the timed loop.
const DensityPyramid& ScatterPyramid(size_t points) {
  static std::map<size_t, std::unique_ptr<DensityPyramid>> cache;
  auto& pyramid = cache[points];
  if (!pyramid) {
    const Columns& data = Scatter(points);
    pyramid = std::make_unique<DensityPyramid>(*DensityPyramid::Build(data.x, data.y));
  }
  return *pyramid;
}

// A pan/zoom answered from the pyramid: every frame moves and zooms (1x to 8x) the view.
void BM_PyramidPanZoom(benchmark::State& state) {
  const size_t points = static_cast<size_t>(state.range(0));
  const DensityPyramid& pyramid = ScatterPyramid(points);
  GridPool pool;
  CountGrid grid;
  size_t frame = 0;
  uint64_t levels = 0;
  Timed(state, points, [&] {
    const double zoom = 1.0 + static_cast<double>(frame % 8);
    const double shift = 0.05 * static_cast<double>(frame++ % 10);
    const Viewport view{-4.0 / zoom + shift, 4.0 / zoom + shift, -3.0 / zoom, 3.5 / zoom};
    const auto answer = pyramid.AnswerViewport(view, kScreen, pool, grid);
    if (!answer.ok()) state.SkipWithError("answer");
    levels += answer.ok() ? answer->level : 0;
    benchmark::DoNotOptimize(grid.counts.data());
  });
  state.counters["mean_level"] = static_cast<double>(levels) / static_cast<double>(frame);
}

// M4 over a window holding `fraction` of the sorted series.
void M4Window(benchmark::State& state, double fraction) {
  const Columns& data = Series(static_cast<size_t>(state.range(0)));
  const double span = static_cast<double>(data.x.size()) * fraction;
  const double x_min = static_cast<double>(data.x.size()) * (1 - fraction) / 2;
  M4Output out;
  Timed(state, data.x.size(), [&] {
    if (!M4(data.x, data.y, x_min, x_min + span, kScreen.width, XOrder::kSorted, out).ok()) {
      state.SkipWithError("m4");
    }
    benchmark::DoNotOptimize(out.rows.data());
  });
  state.counters["out_rows"] = static_cast<double>(out.rows.size());
}

void BM_M4Sorted(benchmark::State& state) { M4Window(state, 1.0); }
void BM_M4SortedWindow10pct(benchmark::State& state) { M4Window(state, 0.1); }

// Plain LTTB to two points per pixel column: one serial pass over every row.
void BM_Lttb(benchmark::State& state) {
  const Columns& data = Series(static_cast<size_t>(state.range(0)));
  std::vector<size_t> rows;
  rows.reserve(2 * kScreen.width);
  Timed(state, data.x.size(), [&] {
    Lttb(data.x, data.y, 2 * kScreen.width, rows);
    benchmark::DoNotOptimize(rows.data());
  });
}

void BM_MinMaxLttb(benchmark::State& state) {
  const Columns& data = Series(static_cast<size_t>(state.range(0)));
  std::vector<size_t> rows;
  rows.reserve(2 * kScreen.width);
  Timed(state, data.x.size(), [&] {
    MinMaxLttb(data.x, data.y, 2 * kScreen.width, 4, rows);
    benchmark::DoNotOptimize(rows.data());
  });
}

void Register() {
  const auto small = static_cast<int64_t>(SmallPoints());
  const auto large = 10 * small;
  const auto add = [](const char* name, void (*fn)(benchmark::State&), int64_t points) {
    // Every kernel is parallel: count the whole process's CPU time, report wall time.
    benchmark::RegisterBenchmark(name, fn)
        ->Arg(points)
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
  };
  add("BM_StreamingReadScatter", BM_StreamingReadScatter, small);
  add("BM_DensityAfterPan", BM_DensityAfterPan, small);
  add("BM_DensityZoomed", BM_DensityZoomed, small);
  add("BM_StreamingReadScatterFloat32", BM_StreamingReadScatterFloat32, small);
  add("BM_DensityAfterPanFloat32", BM_DensityAfterPanFloat32, small);
  for (int64_t points : {small, large}) {
    if (points == large) add("BM_StreamingReadScatter", BM_StreamingReadScatter, points);
    add("BM_PyramidBuild", BM_PyramidBuild, points);
    add("BM_PyramidPanZoom", BM_PyramidPanZoom, points);
  }
  for (int64_t points : {small, large}) {
    add("BM_StreamingReadSeries", BM_StreamingReadSeries, points);
    add("BM_M4Sorted", BM_M4Sorted, points);
    add("BM_M4SortedWindow10pct", BM_M4SortedWindow10pct, points);
    add("BM_MinMaxLttb", BM_MinMaxLttb, points);
    add("BM_Lttb", BM_Lttb, points);
  }
}

}  // namespace

}  // namespace pika::bench

int main(int argc, char** argv) {
  pika::bench::Register();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
