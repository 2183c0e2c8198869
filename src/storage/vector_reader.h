// Copies one DuckDB vector into a Column without per-value API calls.
#pragma once

#include <duckdb.h>

#include "core/table_batch.h"

namespace pika {

void ReadVector(duckdb_vector vector, idx_t rows, Column& column);

}  // namespace pika
