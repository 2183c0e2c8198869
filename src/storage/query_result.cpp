#include "storage/query_result.h"

#include <fmt/format.h>

#include "storage/engine_error.h"
#include "storage/query_result_impl.h"
#include "storage/vector_reader.h"

namespace pika {

namespace {

struct ChunkGuard {
  duckdb_data_chunk chunk = nullptr;
  ~ChunkGuard() {
    if (chunk) duckdb_destroy_data_chunk(&chunk);
  }
};

struct LogicalTypeGuard {
  duckdb_logical_type type = nullptr;
  ~LogicalTypeGuard() { duckdb_destroy_logical_type(&type); }
};

std::string EngineTypeName(duckdb_logical_type type) {
  char* name = duckdb_logical_type_get_alias(type);
  if (name) {
    std::string alias(name);
    duckdb_free(name);
    return alias;
  }
  switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_BOOLEAN: return "BOOLEAN";
    case DUCKDB_TYPE_TINYINT: return "TINYINT";
    case DUCKDB_TYPE_SMALLINT: return "SMALLINT";
    case DUCKDB_TYPE_INTEGER: return "INTEGER";
    case DUCKDB_TYPE_BIGINT: return "BIGINT";
    case DUCKDB_TYPE_HUGEINT: return "HUGEINT";
    case DUCKDB_TYPE_UTINYINT: return "UTINYINT";
    case DUCKDB_TYPE_USMALLINT: return "USMALLINT";
    case DUCKDB_TYPE_UINTEGER: return "UINTEGER";
    case DUCKDB_TYPE_UBIGINT: return "UBIGINT";
    case DUCKDB_TYPE_FLOAT: return "FLOAT";
    case DUCKDB_TYPE_DOUBLE: return "DOUBLE";
    case DUCKDB_TYPE_DATE: return "DATE";
    case DUCKDB_TYPE_TIMESTAMP: return "TIMESTAMP";
    case DUCKDB_TYPE_TIMESTAMP_TZ: return "TIMESTAMP WITH TIME ZONE";
    case DUCKDB_TYPE_TIMESTAMP_S: return "TIMESTAMP_S";
    case DUCKDB_TYPE_TIMESTAMP_MS: return "TIMESTAMP_MS";
    case DUCKDB_TYPE_TIMESTAMP_NS: return "TIMESTAMP_NS";
    case DUCKDB_TYPE_VARCHAR: return "VARCHAR";
    case DUCKDB_TYPE_BLOB: return "BLOB";
    case DUCKDB_TYPE_ENUM: return "ENUM";
    case DUCKDB_TYPE_DECIMAL:
      return fmt::format("DECIMAL({},{})", duckdb_decimal_width(type), duckdb_decimal_scale(type));
    default: return "OTHER";
  }
}

ColumnType ToColumnType(duckdb_type type) {
  switch (type) {
    case DUCKDB_TYPE_BOOLEAN: return ColumnType::kBoolean;
    case DUCKDB_TYPE_TINYINT:
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_UTINYINT:
    case DUCKDB_TYPE_USMALLINT:
    case DUCKDB_TYPE_UINTEGER: return ColumnType::kBigint;
    case DUCKDB_TYPE_UBIGINT:
    case DUCKDB_TYPE_HUGEINT:
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE:
    case DUCKDB_TYPE_DECIMAL: return ColumnType::kDouble;
    case DUCKDB_TYPE_DATE: return ColumnType::kDate;
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
    case DUCKDB_TYPE_TIMESTAMP_S:
    case DUCKDB_TYPE_TIMESTAMP_MS:
    case DUCKDB_TYPE_TIMESTAMP_NS: return ColumnType::kTimestamp;
    case DUCKDB_TYPE_VARCHAR:
    case DUCKDB_TYPE_BLOB:
    case DUCKDB_TYPE_ENUM: return ColumnType::kVarchar;
    default: return ColumnType::kOther;
  }
}

}  // namespace

bool IsNativeType(duckdb_type type) { return ToColumnType(type) != ColumnType::kOther; }

void QueryResult::Impl::ReadColumns() {
  const idx_t count = duckdb_column_count(&result);
  for (idx_t index = 0; index < count; ++index) {
    LogicalTypeGuard logical{duckdb_column_logical_type(&result, index)};
    const duckdb_type type = duckdb_get_type_id(logical.type);
    columns.push_back(
        {duckdb_column_name(&result, index), ToColumnType(type), EngineTypeName(logical.type)});
    engine_types.push_back(type);
  }
}

QueryResult::QueryResult() = default;
QueryResult::~QueryResult() = default;
QueryResult::QueryResult(QueryResult&&) noexcept = default;
QueryResult& QueryResult::operator=(QueryResult&&) noexcept = default;
QueryResult::QueryResult(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

const std::vector<ResultColumn>& QueryResult::columns() const { return impl_->columns; }

uint64_t QueryResult::rows_changed() const { return duckdb_rows_changed(&impl_->result); }

Result<std::optional<TableBatch>> QueryResult::NextBatch() {
  ChunkGuard guard{duckdb_fetch_chunk(impl_->result)};
  if (!guard.chunk) {
    const char* message = duckdb_result_error(&impl_->result);
    if (message) return ErrorFromEngine(duckdb_result_error_type(&impl_->result), message);
    return std::optional<TableBatch>{};
  }
  TableBatch batch;
  batch.row_count = duckdb_data_chunk_get_size(guard.chunk);
  for (size_t index = 0; index < impl_->columns.size(); ++index) {
    const ResultColumn& spec = impl_->columns[index];
    Column column = MakeColumn(spec.name, spec.type);
    ReadVector(duckdb_data_chunk_get_vector(guard.chunk, index), batch.row_count, column);
    batch.columns.push_back(std::move(column));
  }
  return std::optional<TableBatch>{std::move(batch)};
}

Result<TableBatch> QueryResult::FetchAll() {
  TableBatch all;
  for (const ResultColumn& spec : impl_->columns) {
    all.columns.push_back(MakeColumn(spec.name, spec.type));
  }
  while (true) {
    auto next = NextBatch();
    if (!next.ok()) return next.error();
    if (!next->has_value()) break;
    AppendBatch(all, **next);
  }
  return all;
}

}  // namespace pika
