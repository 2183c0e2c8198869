// The storage layer's view of a QueryResult: the DuckDB result it owns.
#pragma once

#include <duckdb.h>

#include <vector>

#include "storage/query_result.h"

namespace pika {

struct QueryResult::Impl {
  duckdb_result result{};
  std::vector<ResultColumn> columns;
  std::vector<duckdb_type> engine_types;

  ~Impl() { duckdb_destroy_result(&result); }
  void ReadColumns();
};

// True for the types our batches keep natively; the rest are shown as text.
bool IsNativeType(duckdb_type type);

}  // namespace pika
