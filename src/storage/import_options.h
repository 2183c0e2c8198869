// ImportOptions: what a user can choose when importing a CSV or Parquet file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/column_type.h"

namespace pika {

// What happens to rows that do not fit the column types or the file's shape.
enum class BadRowPolicy {
  kAbort,  // import nothing and report them (the default: nothing is dropped unasked)
  kSkip,   // import the other rows, report the skipped ones with line numbers
  kText,   // read columns with unreadable values as text, so no value is lost
};

struct ImportOptions {
  std::optional<char> delimiter;  // sniffed when unset
  std::optional<bool> header;     // sniffed when unset
  std::optional<char> quote;      // sniffed when unset
  // Empty: told from the bytes (text_encoding.h). Else "utf-8", "latin-1", "windows-1252",
  // "utf-16" (little-endian) or "utf-16-be".
  std::string encoding;
  std::vector<std::string> null_strings;             // read as NULL, besides the empty string
  std::map<std::string, ColumnType> type_overrides;  // by column name
  uint64_t sample_rows = 100'000;  // rows read to infer types; 0 reads the whole file
  // The longest line read, in bytes; 0: DuckDB's 2 MB, then kLongLineBytes for a file with
  // longer lines. A longer line is an error naming it.
  uint64_t max_line_size = 0;
  BadRowPolicy bad_rows = BadRowPolicy::kAbort;
  // A Parquet file or a DuckDB database's table is read where it is (a view, see
  // in_place_view.h and duckdb_source.h), not copied into the engine: DuckDB reads only the
  // columns and row groups a query needs.
  bool read_in_place = false;
  // A DuckDB database file: which of its tables (`name` or `schema.name`; empty: its only one).
  std::string database_table;
};

}  // namespace pika
