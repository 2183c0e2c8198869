// Quoting of identifiers and literals for SQL we generate.
#pragma once

#include <string>
#include <string_view>

namespace pika {

// "name" with embedded quotes doubled: safe for any table or column name.
std::string QuoteIdentifier(std::string_view name);
// 'text' with embedded quotes doubled.
std::string QuoteLiteral(std::string_view text);

// Whether two names are one identifier to DuckDB, which matches names without case.
bool SameIdentifier(std::string_view a, std::string_view b);

}  // namespace pika
