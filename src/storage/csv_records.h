// Counts a CSV file's records by a pass of our own over its bytes, independent of DuckDB, so
// that an import can prove every line of the file went somewhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/import_report.h"
#include "storage/source_file.h"

namespace pika {

struct CsvRecords {
  uint64_t records = 0;   // lines, or fewer when quoted values hold newlines
  uint64_t preamble = 0;  // the first `skip_rows` records, which the reader skips
  uint64_t header = 0;    // the first record after them but comments, when there is a header
  uint64_t blank = 0;     // empty records after the preamble and header
  uint64_t comment = 0;   // records after the preamble starting with the comment character
  std::vector<std::string> preamble_text;  // the first kMaxShownPreambleLines, cut and UTF-8
};

inline constexpr size_t kMaxShownPreambleLines = 5;

// Splits the file as DuckDB's reader does with `dialect`: a quote opens a quoted value only at
// the start of a field; '\n', "\r\n" and (relaxed, or a '\r' dialect) a lone '\r' end a record.
Result<CsvRecords> CountCsvRecords(const SourceFile& file, const Dialect& dialect,
                                   const CancelToken& cancel);

// Writes the file's bytes, decompressed, to `target` with each line ending outside quoted
// values as one '\n' (values keep theirs). Not for UTF-16, whose bytes it would not keep.
Status WriteWithUnixNewlines(const SourceFile& file, const Dialect& dialect,
                             const std::string& target, const CancelToken& cancel);

struct LongLine {
  uint64_t line = 0;   // 1-based, as an editor counts them
  uint64_t bytes = 0;  // read of it before it passed the limit
};

// The first line longer than `limit` bytes, if any (it is not read to its end).
std::optional<LongLine> FirstLineLongerThan(const SourceFile& file, uint64_t limit);

// The number of fields in each of the first `limit` records of the file split with `dialect`
// from its first line (its skip_rows ignored); blank and comment records count 0.
Result<std::vector<size_t>> FieldCounts(const SourceFile& file, const Dialect& dialect,
                                        size_t limit);

}  // namespace pika
