// The import options `pika inspect` and `pika import` share, as command-line flags.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/import_options.h"

namespace pika::cli {

struct CsvFlags {
  std::string delimiter;
  std::string quote;
  bool no_header = false;
  std::string encoding;  // empty: detected
  std::vector<std::string> nulls;
  std::vector<std::string> types;  // COL=TYPE
  uint64_t sample_rows = 100'000;
  uint64_t max_line_size = 0;  // bytes; 0: 2 MB, then 64 MiB
  std::string on_bad_rows = "abort";
  std::string source_table;  // a DuckDB database file: which of its tables
};

void AddCsvFlags(CLI::App& command, CsvFlags& flags);
Result<ImportOptions> ToImportOptions(const CsvFlags& flags);

}  // namespace pika::cli
