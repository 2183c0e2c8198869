// Builds the `read_csv(...)` table-function call for a file, dialect and column types.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "storage/import_report.h"

namespace pika {

// `, max_line_size=…, buffer_size=…` for lines up to `max_line_size` bytes; "" for 0.
std::string LineSizeOptions(uint64_t max_line_size);

struct CsvReadCall {
  std::string path;
  Dialect dialect;
  // Column names and DuckDB types in file order; empty reads every column as text.
  std::vector<std::pair<std::string, std::string>> columns;
  std::string rejects_table;  // set: bad rows are kept aside here instead of failing the read
  std::string rejects_scan;
  bool ignore_errors = false;  // skip bad rows without keeping them (for schema probes only)

  std::string Sql() const;
};

}  // namespace pika
