// Pre-flight: before a step that could run for minutes or fill memory, ask what it will cost
// (DuckDB's estimate of a query's rows, the bytes a plot would hold) and stop with a message
// that says the estimate and what to do, instead of freezing the machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// Queries estimated above this many rows wait for the user's go-ahead.
inline constexpr uint64_t kLargeQueryRows = 1'000'000'000;

// DuckDB's estimate of the rows `select_sql` returns, read from its plan (operators without
// an estimate of their own: a cross product multiplies its inputs, a limit is small, others
// pass on their largest input), or nothing when the plan does not say.
Result<std::optional<uint64_t>> EstimateRows(Connection& connection, const std::string& select_sql);

// Whether DuckDB plans `select_sql` as nothing but scans of tables or Parquet files, filters
// and projections: work that runs on every core and is cheap to do twice. False for joins,
// aggregates, windows and generated rows, or a plan that cannot be read.
Result<bool> IsPlainScan(Connection& connection, const std::string& select_sql);

// Checks a Query node's SQL before it runs: held back (ErrorKind::kHeldBack, with the
// estimate and what to do) when DuckDB expects more than kLargeQueryRows rows. A plan
// without an estimate passes.
Status CheckQueryCost(Connection& connection, const std::string& select_sql);

// What a held-back query is offered instead: its first `rows` rows. Works for any single
// SELECT, with or without a trailing semicolon or comment.
std::string WithRowLimit(std::string_view select_sql, uint64_t rows);

// The error of a plot that would hold more than `limit_bytes` of rows in memory.
Error TooBigToPlot(const std::string& kind, uint64_t limit_bytes);

}  // namespace pika
