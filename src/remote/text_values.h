// Text values: remote engines answer in text (ClickHouse's TSV, libpq's text format); this
// reads that text into the typed columns the rest of Pika-Plot works with.
#pragma once

#include <optional>
#include <string_view>

#include "core/table_batch.h"

namespace pika {

// A ClickHouse type name without its Nullable(...) and LowCardinality(...) wrappers.
std::string_view ClickHouseBaseType(std::string_view type);

// ClickHouse type names: Int*, UInt* and Bool as BIGINT, Float* and Decimal* as DOUBLE,
// Date, DateTime (and DateTime64) and anything else as text; Nullable(...) and
// LowCardinality(...) as what they wrap.
ColumnType ClickHouseColumnType(std::string_view type);

// PostgreSQL type OIDs (pg_type.h): the integers and boolean, float4/8 and numeric, date,
// timestamp(tz); anything else as text.
ColumnType PostgresColumnType(unsigned oid);

// Appends a value to `column` (NULL when `text` is nothing). False when the text does not
// read as the column's type; nothing is appended then.
bool AppendText(Column& column, std::optional<std::string_view> text);

}  // namespace pika
