// The query cache: an exact hit, the fingerprint's cost on a miss, and the fresh query it
// saves, over a 10M-row table (PIKA_BENCH_CACHE_ROWS overrides).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>

#include "compute/cached_query_runner.h"
#include "storage/database.h"

namespace pika::bench {

namespace {

constexpr const char* kQuery =
    "SELECT g, count(*) AS n, avg(v) AS mean FROM facts WHERE v > 0.25 AND g < 40 GROUP BY g";

uint64_t Rows() {
  const char* rows = std::getenv("PIKA_BENCH_CACHE_ROWS");
  return rows ? std::strtoull(rows, nullptr, 10) : 10'000'000;
}

struct Fixture {
  Database database = std::move(*Database::Open({}));
  Connection connection = std::move(*database.Connect());
  Fixture() {
    (void)connection.Execute(fmt::format(
        "CREATE TABLE facts AS SELECT range % 100 AS g, random() AS v FROM range({})", Rows()));
  }
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

void BM_FreshQuery(benchmark::State& state) {
  Connection& connection = Shared().connection;
  for (auto _ : state) {
    auto result = connection.Query(kQuery);
    benchmark::DoNotOptimize(result->FetchAll());
  }
}

void BM_ExactHit(benchmark::State& state) {
  QueryCache cache(1 << 26);
  SourceVersions versions;
  CachedQueryRunner runner(Shared().connection, cache, versions);
  (void)runner.Run(kQuery);
  for (auto _ : state) benchmark::DoNotOptimize(runner.Run(kQuery));
}

// A derived answer: a cached plain-row result (1% of the table) answers a narrower question by
// a remainder query over it, instead of scanning the whole table again.
constexpr const char* kBase = "SELECT g, v FROM facts WHERE g = 7";
constexpr const char* kNarrow =
    "SELECT count(*) AS n, avg(v) AS mean FROM facts WHERE g = 7 AND v > {}";

void BM_FreshNarrowQuery(benchmark::State& state) {
  Connection& connection = Shared().connection;
  int step = 0;
  for (auto _ : state) {
    auto result = connection.Query(fmt::format(kNarrow, 0.001 * (++step % 500)));
    benchmark::DoNotOptimize(result->FetchAll());
  }
}

void BM_DerivedAnswer(benchmark::State& state) {
  QueryCache cache(1 << 28);
  SourceVersions versions;
  CachedQueryRunner runner(Shared().connection, cache, versions);
  (void)runner.Run(kBase);
  int step = 0;
  for (auto _ : state) {
    // A new threshold each time: never an exact hit, always derived.
    ++step;
    auto answer = runner.Run(fmt::format(kNarrow, 0.001 * (step % 500) + 1e-7 * step));
    if (!answer.ok() || answer->how != AnswerKind::kDerived) state.SkipWithError("not derived");
  }
}

// What a miss pays on top of the query: canonicalizing and hashing it.
void BM_FingerprintOnly(benchmark::State& state) {
  QueryCanonicalizer canonicalizer(Shared().connection);
  for (auto _ : state) {
    auto canonical = canonicalizer.Canonicalize(kQuery);
    benchmark::DoNotOptimize(HashText(canonical->text));
  }
}

BENCHMARK(BM_FreshQuery)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_ExactHit)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_FreshNarrowQuery)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_DerivedAnswer)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_FingerprintOnly)
    ->Unit(benchmark::kMicrosecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace

}  // namespace pika::bench

BENCHMARK_MAIN();
