// SqlEngine: where a plot's SQL runs, DuckDB in this process or a server, and the rows it
// reads there. The plot pipeline (compute/plot/) writes each reduction once, over this; the
// dialect picks the few spellings that differ (plot/reduction_sql.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/cancel_token.h"
#include "core/engine_column.h"
#include "core/result.h"
#include "core/table_batch.h"
#include "plot/reduction_sql.h"

namespace pika {

class Connection;

class SqlEngine {
 public:
  virtual ~SqlEngine() = default;

  virtual SqlDialect dialect() const = 0;
  // "DuckDB", "ClickHouse", "PostgreSQL": what a badge says reduced the plot.
  virtual std::string_view name() const = 0;
  // The rows to plot, as a FROM clause takes them: a quoted table, or a subquery with an alias.
  virtual const std::string& relation() const = 0;
  // The rows as messages name them: a node, a file, a server's URL.
  virtual std::string label() const = 0;

  // `text` as a string literal, and `name` as a quoted identifier, of this engine's SQL.
  virtual std::string Literal(std::string_view text) const = 0;
  virtual Result<std::string> Identifier(std::string_view name) const = 0;

  // The relation's columns in their order.
  virtual Result<std::vector<EngineColumn>> Columns(const CancelToken& cancel) = 0;
  // Every row of `sql`'s answer: plots send reductions, whose answers are small.
  virtual Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) = 0;

  // Bytes that came over the network for answers so far: none in this process.
  virtual uint64_t bytes_received() const { return 0; }
  // The connection when the engine runs in this process: a plot may then fetch its columns
  // and reduce them in C++ (within the memory budget) instead of in SQL.
  virtual Connection* in_process() { return nullptr; }
};

}  // namespace pika
