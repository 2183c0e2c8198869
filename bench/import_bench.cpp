// CSV import: Pika-Plot's import (sniffing, type inference over a sample, counterexample
// pass, import with rejects kept aside) next to DuckDB's own CREATE TABLE AS read_csv of
// the same file, in the same run. The ratio is what issue 2 asks about. The line count every
// import makes of its own (csv_records.h) is timed next to a streaming read of the bytes.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>

#include "bench_data.h"
#include "storage/byte_stream.h"
#include "storage/csv_records.h"
#include "storage/database.h"
#include "storage/file_importer.h"
#include "storage/sql_quote.h"

namespace pika::bench {

namespace {

Connection Fresh(bool preserve_order) {
  DatabaseOptions options;
  options.preserve_insertion_order = preserve_order;
  auto database = Database::Open(options);
  auto connection = database->Connect();
  return std::move(*connection);
}

void RawDuckDb(benchmark::State& state, bool preserve_order) {
  const std::string path = ImportCsv(ImportRows());
  for (auto _ : state) {
    Connection connection = Fresh(preserve_order);
    const Status status = connection.Execute(
        fmt::format("CREATE TABLE t AS SELECT * FROM read_csv({})", QuoteLiteral(path)));
    if (!status.ok()) state.SkipWithError(status.error().message.c_str());
  }
  state.counters["rows"] = static_cast<double>(ImportRows());
}

void PikaImport(benchmark::State& state, bool preserve_order) {
  const std::string path = ImportCsv(ImportRows());
  for (auto _ : state) {
    Connection connection = Fresh(preserve_order);
    auto result = ImportFile(connection, {path, "t", false, {}}, CancelToken(), {});
    if (!result.ok()) state.SkipWithError(result.error().message.c_str());
    if (result.ok() && result->report.rows != ImportRows()) state.SkipWithError("rows lost");
  }
  state.counters["rows"] = static_cast<double>(ImportRows());
}

SourceFile PlainFile(const std::string& path) {
  auto file = OpenSourceFile(path);
  return file.ok() ? *file : SourceFile{path};
}

void BM_StreamingRead(benchmark::State& state) {
  const SourceFile file = PlainFile(ImportCsv(ImportRows()));
  for (auto _ : state) {
    uint64_t newlines = 0;
    const Status read = ReadFileBytes(file, CancelToken(), [&](std::string_view bytes) {
      newlines += static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
      return true;
    });
    if (!read.ok()) state.SkipWithError(read.error().message.c_str());
    benchmark::DoNotOptimize(newlines);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.size));
}

void BM_CountCsvRecords(benchmark::State& state) {
  const SourceFile file = PlainFile(ImportCsv(ImportRows()));
  Dialect dialect;
  // assign(count, char): GCC 12 warns falsely (-Wrestrict) on a short literal assigned here.
  dialect.delimiter.assign(1, ',');
  dialect.quote.assign(1, '"');
  dialect.escape.assign(1, '"');
  dialect.header = true;
  for (auto _ : state) {
    auto counted = CountCsvRecords(file, dialect, CancelToken());
    if (!counted.ok()) state.SkipWithError(counted.error().message.c_str());
    if (counted.ok() && counted->records != ImportRows() + 1) state.SkipWithError("miscounted");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.size));
}

void BM_DuckDbReadCsv(benchmark::State& state) { RawDuckDb(state, true); }
void BM_PikaImport(benchmark::State& state) { PikaImport(state, true); }
void BM_DuckDbReadCsvUnordered(benchmark::State& state) { RawDuckDb(state, false); }
void BM_PikaImportUnordered(benchmark::State& state) { PikaImport(state, false); }

// DuckDB works on its own threads: count the whole process's CPU time and the wall time.
#define PIKA_IMPORT_BENCH(name)       \
  BENCHMARK(name)                     \
      ->Unit(benchmark::kMillisecond) \
      ->Iterations(1)                 \
      ->MeasureProcessCPUTime()       \
      ->UseRealTime()

BENCHMARK(BM_StreamingRead)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CountCsvRecords)->Unit(benchmark::kMillisecond);
PIKA_IMPORT_BENCH(BM_DuckDbReadCsv);
PIKA_IMPORT_BENCH(BM_PikaImport);
PIKA_IMPORT_BENCH(BM_DuckDbReadCsvUnordered);
PIKA_IMPORT_BENCH(BM_PikaImportUnordered);

}  // namespace

}  // namespace pika::bench

BENCHMARK_MAIN();
