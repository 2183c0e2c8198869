// What inspecting or importing a file found: dialect, column types with reasons, bad rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/column_type.h"
#include "core/table_batch.h"

namespace pika {

struct Counterexample {
  uint64_t line = 0;  // 1-based physical line in the file
  std::string value;
};

struct ColumnReport {
  std::string name;
  ColumnType type = ColumnType::kVarchar;
  std::string engine_type;  // DuckDB's name of the type
  double confidence = 1.0;
  std::string explanation;
  std::vector<Counterexample> counterexamples;  // at most kMaxCounterexamples
};

struct RejectedRow {
  uint64_t line = 0;   // 1-based physical line in the file where the row starts
  std::string column;  // empty when the whole row is malformed
  std::string reason;
  std::string text;  // the row as read from the file, cut at kMaxRawLineBytes
};

inline constexpr size_t kMaxRawLineBytes = 500;
inline constexpr uint64_t kLongLineBytes = uint64_t{64} << 20;  // tried when 2 MB is too few

struct Dialect {
  std::string format;       // "csv" or "parquet"
  std::string compression;  // "none", "gzip", "zstd"
  std::string delimiter, quote, escape, newline, comment;
  bool header = true;
  bool strict = true;          // false: DuckDB tolerates mixed newlines and stray quotes
  uint64_t max_line_size = 0;  // bytes; 0: DuckDB's default, 2 MB
  uint64_t skip_rows = 0;
  std::string encoding;
  std::string decimal_separator = ".";
  std::string thousands_separator;
  std::string date_format, timestamp_format;  // empty: ISO
  std::vector<std::string> null_strings;
};

inline constexpr size_t kMaxCounterexamples = 5;
inline constexpr size_t kMaxReportedRejects = 100;

struct InspectReport {
  Dialect dialect;
  std::vector<ColumnReport> columns;
  TableBatch sample;                   // the first rows, typed as inferred
  uint64_t sampled_rows = 0;           // rows read to infer the types
  uint64_t malformed_rows = 0;         // rows in the sample with the wrong shape or encoding
  std::vector<RejectedRow> malformed;  // the first of them
};

// What became of every record (a line, or more when quoted values hold newlines) of a CSV file.
// `records` is counted by a pass of our own over the bytes, and the parts must add up to it:
// an import that cannot show where a line went is an internal error, never a silent commit.
struct LineAccount {
  bool counted = false;  // false for files without lines (Parquet, DuckDB databases)
  uint64_t records = 0;
  uint64_t header = 0;
  uint64_t rows = 0;      // read as rows: imported, unless the import stopped on bad rows
  uint64_t rejected = 0;  // rows the reader kept aside, each listed with its line
  uint64_t preamble = 0;  // skipped before the header: titles, units, notes
  uint64_t blank = 0;
  uint64_t comment = 0;
  std::vector<std::string> preamble_text;  // the first few preamble lines, as in the file
  std::string preamble_reason;             // why they were taken for a preamble

  uint64_t accounted() const { return header + rows + rejected + preamble + blank + comment; }
};

struct ImportReport {
  std::string table;
  Dialect dialect;
  std::vector<ColumnReport> columns;
  uint64_t rows = 0;
  uint64_t rejected = 0;             // rows not imported (or, with kText, not even as text)
  std::vector<RejectedRow> rejects;  // the first kMaxReportedRejects of them
  std::vector<std::string> notes;    // what the import decided for the user, in words
  LineAccount lines;
};

}  // namespace pika
