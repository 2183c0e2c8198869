// ColumnType: the logical column types Pika-Plot works with, named as DuckDB names them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pika {

enum class ColumnType {
  kBoolean,
  kBigint,
  kDouble,
  kDate,
  kTimestamp,
  kVarchar,
  kOther,  // anything else DuckDB has (decimals, lists, ...): kept as text at our boundary
};

std::string_view ToDuckDbName(ColumnType type);

// Parses a DuckDB type name as a user would write it (`int`, `BIGINT`, `float8`...).
std::optional<ColumnType> ParseColumnType(std::string_view name);

}  // namespace pika
