#include "core/column_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace pika {

std::string_view ToDuckDbName(ColumnType type) {
  switch (type) {
    case ColumnType::kBoolean: return "BOOLEAN";
    case ColumnType::kBigint: return "BIGINT";
    case ColumnType::kDouble: return "DOUBLE";
    case ColumnType::kDate: return "DATE";
    case ColumnType::kTimestamp: return "TIMESTAMP";
    case ColumnType::kVarchar: return "VARCHAR";
    case ColumnType::kOther: return "VARCHAR";
  }
  return "VARCHAR";
}

std::optional<ColumnType> ParseColumnType(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  static constexpr std::array<std::pair<std::string_view, ColumnType>, 20> kAliases{{
      {"BOOLEAN", ColumnType::kBoolean},     {"BOOL", ColumnType::kBoolean},
      {"BIGINT", ColumnType::kBigint},       {"INT8", ColumnType::kBigint},
      {"INTEGER", ColumnType::kBigint},      {"INT", ColumnType::kBigint},
      {"INT4", ColumnType::kBigint},         {"LONG", ColumnType::kBigint},
      {"DOUBLE", ColumnType::kDouble},       {"FLOAT8", ColumnType::kDouble},
      {"FLOAT", ColumnType::kDouble},        {"REAL", ColumnType::kDouble},
      {"NUMERIC", ColumnType::kDouble},      {"DATE", ColumnType::kDate},
      {"TIMESTAMP", ColumnType::kTimestamp}, {"DATETIME", ColumnType::kTimestamp},
      {"VARCHAR", ColumnType::kVarchar},     {"TEXT", ColumnType::kVarchar},
      {"STRING", ColumnType::kVarchar},      {"CHAR", ColumnType::kVarchar},
  }};
  for (const auto& [alias, type] : kAliases) {
    if (alias == upper) return type;
  }
  return std::nullopt;
}

}  // namespace pika
