// Generated data files for benchmarks, written once and reused between runs.
#pragma once

#include <cstdint>
#include <string>

namespace pika::bench {

// Rows of the import benchmark; PIKA_BENCH_ROWS overrides the 10M default.
uint64_t ImportRows();

// A CSV of `rows` rows and 15 columns: ints, timestamps, dates, doubles, a 20-value
// category, booleans and quoted text with commas. Cached under PIKA_BENCH_DIR (default
// ./bench_data) by row count.
std::string ImportCsv(uint64_t rows);

}  // namespace pika::bench
