// TableBatch: a block of rows held column by column, as fetched from the engine.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/column_type.h"

namespace pika {

// Values by type: BOOLEAN as 0/1, BIGINT as is, DATE as days since 1970-01-01 and TIMESTAMP
// as microseconds since 1970-01-01 00:00 in int64; DOUBLE in double; VARCHAR (and any type
// we show only as text) in strings.
using ColumnValues =
    std::variant<std::vector<int64_t>, std::vector<double>, std::vector<std::string>>;

struct Column {
  std::string name;
  ColumnType type = ColumnType::kVarchar;
  ColumnValues values;
  std::vector<uint8_t> valid;  // 1 where the row has a value, 0 where it is NULL

  size_t size() const { return valid.size(); }
  bool IsValid(size_t row) const { return valid[row] != 0; }
  // The value at `row` of a column holding that representation (see ColumnValues).
  int64_t IntAt(size_t row) const { return std::get<std::vector<int64_t>>(values)[row]; }
  double DoubleAt(size_t row) const { return std::get<std::vector<double>>(values)[row]; }
  const std::string& TextAt(size_t row) const {
    return std::get<std::vector<std::string>>(values)[row];
  }
};

struct TableBatch {
  std::vector<Column> columns;
  size_t row_count = 0;
};

// Creates an empty column whose value vector matches its type.
Column MakeColumn(std::string name, ColumnType type);

// Appends the rows of `batch` to `target`, whose columns must match in number and type.
void AppendBatch(TableBatch& target, const TableBatch& batch);

// Drops every row of `batch` past the first `rows`.
void KeepFirstRows(TableBatch& batch, size_t rows);

// The value at `row` as a user reads it (ISO dates, `NULL` for missing values).
std::string FormatValue(const Column& column, size_t row);

// Formats days since 1970-01-01 as YYYY-MM-DD (proleptic Gregorian).
std::string FormatDate(int64_t days);
// Formats microseconds since the epoch as YYYY-MM-DD HH:MM:SS[.ffffff].
std::string FormatTimestamp(int64_t micros);

}  // namespace pika
