// QueryResult: the streamed result of a query, read in columnar batches.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/table_batch.h"

namespace pika {

struct ResultColumn {
  std::string name;
  ColumnType type;
  std::string engine_type;  // DuckDB's own name, e.g. DECIMAL(18,3)
};

class QueryResult {
 public:
  QueryResult();
  ~QueryResult();
  QueryResult(QueryResult&&) noexcept;
  QueryResult& operator=(QueryResult&&) noexcept;

  const std::vector<ResultColumn>& columns() const;
  // Rows changed by an INSERT/UPDATE/DELETE/CREATE TABLE AS.
  uint64_t rows_changed() const;

  // The next batch (up to DuckDB's vector size, 2048 rows), or nullopt at the end.
  Result<std::optional<TableBatch>> NextBatch();
  // Reads every remaining batch into one.
  Result<TableBatch> FetchAll();

  struct Impl;
  explicit QueryResult(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace pika
