#include "storage/csv_dialect.h"

#include <fmt/format.h>

#include <optional>

#include "storage/csv_read_call.h"
#include "storage/csv_records.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

std::string UserOptions(const SourceFile& file, const ImportOptions& options,
                        const std::string& encoding) {
  std::string sql;
  if (options.delimiter) sql += ", delim=" + QuoteLiteral(std::string(1, *options.delimiter));
  if (options.quote) sql += ", quote=" + QuoteLiteral(std::string(1, *options.quote));
  if (options.header) sql += fmt::format(", header={}", *options.header ? "true" : "false");
  sql += ", encoding=" + QuoteLiteral(encoding);
  if (file.compression != "none") sql += ", compression=" + QuoteLiteral(file.compression);
  return sql;
}

// sniff_csv writes "(empty)" for an option that is not set.
int64_t IntAt(const TableBatch& batch, size_t column) { return batch.columns[column].IntAt(0); }

std::string TextAt(const TableBatch& batch, size_t column) {
  if (!batch.columns[column].IsValid(0)) return {};
  std::string text = FormatValue(batch.columns[column], 0);
  return text == "(empty)" ? std::string() : text;
}

Error Explain(const Error& error, const SourceFile& file, const ImportOptions& options) {
  if (error.kind == ErrorKind::kCancelled) return error;
  const uint64_t limit = options.max_line_size != 0 ? options.max_line_size : kLongLineBytes;
  if (error.message.find("Maximum line size") != std::string::npos) {
    if (const auto long_line = FirstLineLongerThan(file, limit)) {
      return InvalidInput(
          fmt::format("line {} of '{}' is longer than the limit of {} bytes ({:.1f} MB) for one "
                      "line: raise it with --max-line-size, or check that the file is a text table",
                      long_line->line, file.path, limit, static_cast<double>(limit) / 1e6));
    }
  }
  return InvalidInput(fmt::format(
      "cannot read '{}' as CSV: {}. Check that it is a text table, or set the delimiter, "
      "quote and encoding yourself",
      file.path, error.message));
}

// One way of asking DuckDB's sniffer. Strict first: the lenient ways accept more files but
// guess less well on clean ones.
struct SniffAttempt {
  std::string_view extra_options;
  bool strict;
  bool long_lines;
};
constexpr SniffAttempt kAttempts[] = {
    {"", true, false},
    {", ignore_errors=true", true, false},  // a few malformed rows must not decide the dialect
    {", ignore_errors=true, strict_mode=false", false, false},  // mixed newlines
    {", ignore_errors=true", true, true},
};

// The sniffer skips lines it takes for a preamble (titles, units). It also "skips" a whole
// table when a wider row follows it (a malformed last line with extra fields, a log whose last
// line has a comma): a long preamble above fewer rows than itself is no preamble, and reading
// from the top with that row rejected, or as one column, loses nothing quietly.
constexpr uint64_t kMaxPreambleLines = 5;

struct SniffedDialect {
  Dialect dialect;
  std::vector<std::string> column_names;
};

// One row per column: the sniffer's column names, each with the file's dialect beside it.
Result<SniffedDialect> SniffDialect(Connection& connection, const SourceFile& file,
                                    const ImportOptions& options, const std::string& encoding,
                                    const SniffAttempt& attempt) {
  // The user's limit for every attempt; else DuckDB's, and kLongLineBytes for the last.
  const uint64_t line_size = options.max_line_size != 0 ? options.max_line_size
                             : attempt.long_lines       ? kLongLineBytes
                                                        : 0;
  auto sniffed = connection.Query(fmt::format(
      "SELECT Delimiter, Quote, Escape, NewLineDelimiter, Comment, SkipRows, HasHeader, "
      "unnest(Columns).name FROM sniff_csv({}{}{}{})",
      QuoteFileLiteral(file.path), UserOptions(file, options, encoding), attempt.extra_options,
      LineSizeOptions(line_size)));
  if (!sniffed.ok()) return sniffed.error();
  auto rows = sniffed->FetchAll();
  if (!rows.ok()) return rows.error();
  if (rows->row_count == 0) return InvalidInput("no columns found");
  SniffedDialect out;
  Dialect& dialect = out.dialect;
  dialect.format = "csv";
  dialect.compression = file.compression;
  dialect.delimiter = TextAt(*rows, 0);
  dialect.quote = TextAt(*rows, 1);
  dialect.escape = TextAt(*rows, 2);
  dialect.newline = TextAt(*rows, 3);
  dialect.comment = TextAt(*rows, 4);
  dialect.skip_rows = static_cast<uint64_t>(IntAt(*rows, 5));
  dialect.header = IntAt(*rows, 6) != 0;
  dialect.strict = attempt.strict;
  dialect.max_line_size = line_size;
  dialect.encoding = encoding;
  dialect.null_strings = options.null_strings;
  for (size_t row = 0; row < rows->row_count; ++row) {
    out.column_names.push_back(FormatValue(rows->columns[7], row));
  }
  return out;
}

// Delimiters tried when the sniffer skipped lines, and how many records must agree.
constexpr char kDelimiters[] = {',', '\t', ';', '|', ':', ' '};
constexpr size_t kAgreeingRecords = 200;

// The fields of the first records, when all of them (blank and comment lines aside) have the
// same number; 0 otherwise.
size_t SameFieldCount(const SourceFile& file, const Dialect& dialect, size_t records) {
  auto counts = FieldCounts(file, dialect, records);
  if (!counts.ok()) return 0;
  size_t fields = 0;
  for (const size_t count : *counts) {
    if (count == 0) continue;
    if (fields != 0 && count != fields) return 0;
    fields = count;
  }
  return fields;
}

// A delimiter that splits every one of the first records, from the first line, into the same
// number of fields (at least two): then nothing is a preamble, whatever the sniffer skipped
// (a colon-separated file sniffed as commas skips every line without a comma).
std::optional<char> AgreeingDelimiter(const SourceFile& file, const Dialect& dialect) {
  for (const char delimiter : kDelimiters) {
    Dialect candidate = dialect;
    candidate.delimiter = std::string(1, delimiter);
    if (SameFieldCount(file, candidate, kAgreeingRecords) >= 2) return delimiter;
  }
  return std::nullopt;
}

// Where the preamble really ends: after its last line that does not split into the table's
// `columns` fields. Lines just above the header that have them are data.
uint64_t PreambleEnd(const SourceFile& file, const Dialect& dialect, size_t columns) {
  auto counts = FieldCounts(file, dialect, dialect.skip_rows);
  if (!counts.ok()) return dialect.skip_rows;
  uint64_t end = counts->size();
  while (end > 0 && (*counts)[end - 1] == columns) --end;
  return end;
}

// Whether at least `lines` records follow the first `lines` of the file.
bool HasMoreRowsThan(const SourceFile& file, const Dialect& dialect, uint64_t lines) {
  auto counts = FieldCounts(file, dialect, 2 * lines);
  return counts.ok() && counts->size() >= 2 * lines;
}

Result<SniffedDialect> SniffFrom(Connection& connection, const SourceFile& file,
                                 const ImportOptions& options, const std::string& encoding,
                                 uint64_t skip) {
  const std::string extra = fmt::format(", ignore_errors=true, skip={}", skip);
  return SniffDialect(connection, file, options, encoding, {extra, true, false});
}

// The sniffer takes lines for a preamble when they split differently from the rows below; a
// skip is kept only when no delimiter reads the file from its first line, and only for the
// lines that really differ.
void CheckPreamble(Connection& connection, const SourceFile& file, const ImportOptions& options,
                   const std::string& encoding, SniffedDialect& chosen) {
  if (chosen.dialect.skip_rows == 0) return;
  if (!options.delimiter) {
    if (const auto delimiter = AgreeingDelimiter(file, chosen.dialect)) {
      ImportOptions forced = options;
      forced.delimiter = *delimiter;
      auto from_top = SniffFrom(connection, file, forced, encoding, 0);
      if (from_top.ok() && from_top->column_names.size() >= 2) {
        chosen = std::move(*from_top);
        return;
      }
    }
  }
  const uint64_t skip = chosen.dialect.skip_rows;
  if (skip > kMaxPreambleLines && !HasMoreRowsThan(file, chosen.dialect, skip)) {
    auto from_top = SniffFrom(connection, file, options, encoding, 0);
    if (from_top.ok()) chosen = std::move(*from_top);
    return;
  }
  const uint64_t end = PreambleEnd(file, chosen.dialect, chosen.column_names.size());
  if (end >= chosen.dialect.skip_rows) return;
  auto shorter = SniffFrom(connection, file, options, encoding, end);
  if (shorter.ok() && shorter->column_names.size() == chosen.column_names.size()) {
    chosen = std::move(*shorter);
  }
}

}  // namespace

Result<SniffedCsv> SniffCsv(Connection& connection, const SourceFile& file,
                            const ImportOptions& options) {
  // The import has told it from the bytes (text_encoding.h) when the user did not set it.
  const std::string encoding = options.encoding.empty() ? "utf-8" : options.encoding;
  Error first_error;
  std::optional<SniffedDialect> chosen;
  for (const SniffAttempt& attempt : kAttempts) {
    auto sniffed = SniffDialect(connection, file, options, encoding, attempt);
    if (!sniffed.ok()) {
      if (sniffed.error().kind == ErrorKind::kCancelled) return sniffed.error();
      if (first_error.message.empty()) first_error = sniffed.error();
      continue;
    }
    // One column often means the sniffer gave up on a delimiter: a lenient attempt may find it.
    const bool single_column = sniffed->column_names.size() < 2 && !options.delimiter;
    if (!chosen || !single_column) chosen = std::move(*sniffed);
    if (!single_column) break;
  }
  if (!chosen) return Explain(first_error, file, options);
  CheckPreamble(connection, file, options, encoding, *chosen);
  return SniffedCsv{std::move(chosen->dialect), std::move(chosen->column_names)};
}

}  // namespace pika
