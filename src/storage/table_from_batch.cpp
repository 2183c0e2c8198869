// Connection::CreateTableFrom: rows held in a TableBatch written into a new DuckDB table.
#include <duckdb.h>
#include <fmt/format.h>

#include <memory>

#include "storage/connection.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

duckdb_state AppendValue(duckdb_appender appender, const Column& column, size_t row) {
  if (!column.IsValid(row)) return duckdb_append_null(appender);
  switch (column.type) {
    case ColumnType::kBoolean: return duckdb_append_bool(appender, column.IntAt(row) != 0);
    case ColumnType::kBigint: return duckdb_append_int64(appender, column.IntAt(row));
    case ColumnType::kDouble: return duckdb_append_double(appender, column.DoubleAt(row));
    case ColumnType::kDate:
      return duckdb_append_date(appender, duckdb_date{static_cast<int32_t>(column.IntAt(row))});
    case ColumnType::kTimestamp:
      return duckdb_append_timestamp(appender, duckdb_timestamp{column.IntAt(row)});
    case ColumnType::kVarchar:
    case ColumnType::kOther: {
      const std::string& text = column.TextAt(row);
      return duckdb_append_varchar_length(appender, text.data(), text.size());
    }
  }
  return DuckDBError;
}

std::string CreateSql(std::string_view table, const TableBatch& rows) {
  std::string columns;
  for (const Column& column : rows.columns) {
    const ColumnType type = column.type == ColumnType::kOther ? ColumnType::kVarchar : column.type;
    columns += fmt::format("{}{} {}", columns.empty() ? "" : ", ", QuoteIdentifier(column.name),
                           ToDuckDbName(type));
  }
  return fmt::format("CREATE TABLE {} ({})", QuoteIdentifier(table), columns);
}

Error AppendError(duckdb_appender appender) {
  return EngineError(
      fmt::format("cannot append to the table: {}", duckdb_appender_error(appender)));
}

Status AppendRows(duckdb_appender appender, const TableBatch& rows) {
  for (size_t row = 0; row < rows.row_count; ++row) {
    for (const Column& column : rows.columns) {
      if (AppendValue(appender, column, row) == DuckDBError) return AppendError(appender);
    }
    if (duckdb_appender_end_row(appender) == DuckDBError) return AppendError(appender);
  }
  if (duckdb_appender_flush(appender) == DuckDBError) return AppendError(appender);
  return {};
}

}  // namespace

Status Connection::CreateTableFrom(std::string_view table, const TableBatch& rows) {
  PIKA_TRY(Execute(CreateSql(table, rows)));
  duckdb_appender appender = nullptr;
  const std::string name(table);
  Status appended =
      duckdb_appender_create(connection_, nullptr, name.c_str(), &appender) == DuckDBError
          ? AppendError(appender)
          : AppendRows(appender, rows);
  duckdb_appender_destroy(&appender);
  if (!appended.ok()) (void)Execute(fmt::format("DROP TABLE {}", QuoteIdentifier(table)));
  return appended;
}

}  // namespace pika
