#include "storage/vector_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

namespace pika {

namespace {

template <typename Source, typename Target, typename Convert>
void CopyValues(duckdb_vector vector, idx_t rows, std::vector<Target>& out, Convert convert) {
  const auto* data = static_cast<const Source*>(duckdb_vector_get_data(vector));
  out.reserve(out.size() + rows);
  for (idx_t row = 0; row < rows; ++row) out.push_back(convert(data[row]));
}

template <typename Source, typename Target>
void CopyCast(duckdb_vector vector, idx_t rows, std::vector<Target>& out) {
  CopyValues<Source>(vector, rows, out, [](Source value) { return static_cast<Target>(value); });
}

void CopyValidity(duckdb_vector vector, idx_t rows, std::vector<uint8_t>& valid) {
  uint64_t* mask = duckdb_vector_get_validity(vector);
  valid.reserve(valid.size() + rows);
  for (idx_t row = 0; row < rows; ++row) {
    valid.push_back(mask == nullptr || duckdb_validity_row_is_valid(mask, row) ? 1 : 0);
  }
}

std::string StringAt(duckdb_string_t& value) {
  return {duckdb_string_t_data(&value), duckdb_string_t_length(value)};
}

double HugeToDouble(duckdb_hugeint value) {
  return static_cast<double>(value.upper) * 18446744073709551616.0 +
         static_cast<double>(value.lower);
}

void ReadDecimal(duckdb_vector vector, idx_t rows, std::vector<double>& out) {
  duckdb_logical_type type = duckdb_vector_get_column_type(vector);
  const double scale = std::pow(10.0, duckdb_decimal_scale(type));
  const duckdb_type internal = duckdb_decimal_internal_type(type);
  duckdb_destroy_logical_type(&type);
  auto unscale = [scale](auto value) { return static_cast<double>(value) / scale; };
  switch (internal) {
    case DUCKDB_TYPE_SMALLINT: CopyValues<int16_t>(vector, rows, out, unscale); break;
    case DUCKDB_TYPE_INTEGER: CopyValues<int32_t>(vector, rows, out, unscale); break;
    case DUCKDB_TYPE_BIGINT: CopyValues<int64_t>(vector, rows, out, unscale); break;
    default:
      CopyValues<duckdb_hugeint>(vector, rows, out,
                                 [scale](duckdb_hugeint v) { return HugeToDouble(v) / scale; });
  }
}

void ReadEnum(duckdb_vector vector, idx_t rows, const std::vector<uint8_t>& valid,
              std::vector<std::string>& out) {
  duckdb_logical_type type = duckdb_vector_get_column_type(vector);
  const duckdb_type internal = duckdb_enum_internal_type(type);
  const void* data = duckdb_vector_get_data(vector);
  const size_t first = out.size();
  for (idx_t row = 0; row < rows; ++row) {
    if (!valid[first + row]) {
      out.emplace_back();
      continue;
    }
    uint32_t code = 0;
    if (internal == DUCKDB_TYPE_UTINYINT) code = static_cast<const uint8_t*>(data)[row];
    if (internal == DUCKDB_TYPE_USMALLINT) code = static_cast<const uint16_t*>(data)[row];
    if (internal == DUCKDB_TYPE_UINTEGER) code = static_cast<const uint32_t*>(data)[row];
    char* text = duckdb_enum_dictionary_value(type, code);
    out.emplace_back(text ? text : "");
    duckdb_free(text);
  }
  duckdb_destroy_logical_type(&type);
}

void ReadIntegers(duckdb_type type, duckdb_vector vector, idx_t rows, std::vector<int64_t>& out) {
  switch (type) {
    case DUCKDB_TYPE_BOOLEAN: CopyCast<bool>(vector, rows, out); break;
    case DUCKDB_TYPE_TINYINT: CopyCast<int8_t>(vector, rows, out); break;
    case DUCKDB_TYPE_SMALLINT: CopyCast<int16_t>(vector, rows, out); break;
    case DUCKDB_TYPE_INTEGER: CopyCast<int32_t>(vector, rows, out); break;
    case DUCKDB_TYPE_UTINYINT: CopyCast<uint8_t>(vector, rows, out); break;
    case DUCKDB_TYPE_USMALLINT: CopyCast<uint16_t>(vector, rows, out); break;
    case DUCKDB_TYPE_UINTEGER: CopyCast<uint32_t>(vector, rows, out); break;
    case DUCKDB_TYPE_DATE: CopyCast<int32_t>(vector, rows, out); break;
    case DUCKDB_TYPE_TIMESTAMP_S:
      CopyValues<int64_t>(vector, rows, out, [](int64_t v) { return v * 1'000'000; });
      break;
    case DUCKDB_TYPE_TIMESTAMP_MS:
      CopyValues<int64_t>(vector, rows, out, [](int64_t v) { return v * 1'000; });
      break;
    case DUCKDB_TYPE_TIMESTAMP_NS:
      CopyValues<int64_t>(vector, rows, out, [](int64_t v) { return v / 1'000; });
      break;
    default: CopyCast<int64_t>(vector, rows, out); break;  // BIGINT, TIMESTAMP(_TZ)
  }
}

void ReadDoubles(duckdb_type type, duckdb_vector vector, idx_t rows, std::vector<double>& out) {
  switch (type) {
    case DUCKDB_TYPE_FLOAT: CopyCast<float>(vector, rows, out); break;
    case DUCKDB_TYPE_UBIGINT: CopyCast<uint64_t>(vector, rows, out); break;
    case DUCKDB_TYPE_HUGEINT: CopyValues<duckdb_hugeint>(vector, rows, out, HugeToDouble); break;
    case DUCKDB_TYPE_DECIMAL: ReadDecimal(vector, rows, out); break;
    default: CopyCast<double>(vector, rows, out); break;
  }
}

void ReadStrings(duckdb_type type, duckdb_vector vector, idx_t rows,
                 const std::vector<uint8_t>& valid, std::vector<std::string>& out) {
  if (type == DUCKDB_TYPE_ENUM) return ReadEnum(vector, rows, valid, out);
  if (type != DUCKDB_TYPE_VARCHAR && type != DUCKDB_TYPE_BLOB) {
    // Exotic types reach here only from statements we could not rewrite to cast them.
    out.insert(out.end(), rows, "(unsupported type)");
    return;
  }
  auto* data = static_cast<duckdb_string_t*>(duckdb_vector_get_data(vector));
  const size_t first = out.size();
  out.reserve(first + rows);
  for (idx_t row = 0; row < rows; ++row) {
    out.push_back(valid[first + row] ? StringAt(data[row]) : std::string());
  }
}

}  // namespace

void ReadVector(duckdb_vector vector, idx_t rows, Column& column) {
  duckdb_logical_type logical = duckdb_vector_get_column_type(vector);
  const duckdb_type type = duckdb_get_type_id(logical);
  duckdb_destroy_logical_type(&logical);
  CopyValidity(vector, rows, column.valid);
  std::visit(
      [&](auto& values) {
        using Values = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<Values, std::vector<int64_t>>) {
          ReadIntegers(type, vector, rows, values);
        } else if constexpr (std::is_same_v<Values, std::vector<double>>) {
          ReadDoubles(type, vector, rows, values);
        } else {
          ReadStrings(type, vector, rows, column.valid, values);
        }
      },
      column.values);
}

}  // namespace pika
