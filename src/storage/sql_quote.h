// Quoting of identifiers and literals for SQL we generate.
#pragma once

#include <string>
#include <string_view>

namespace pika {

// "name" with embedded quotes doubled: safe for any table or column name.
std::string QuoteIdentifier(std::string_view name);
// 'text' with embedded quotes doubled.
std::string QuoteLiteral(std::string_view text);
// A file's path as a literal that DuckDB's readers (read_csv, read_parquet, sniff_csv,
// read_blob, `FROM 'file'`) take as that one file: they expand `*`, `?` and `[...]` as a
// glob, so `sales[1].csv` would read `sales1.csv`. Each is escaped as a one-character class.
std::string QuoteFileLiteral(std::string_view path);

// Whether two names are one identifier to DuckDB, which matches names without case.
bool SameIdentifier(std::string_view a, std::string_view b);

}  // namespace pika
