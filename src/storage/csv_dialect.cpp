#include "storage/csv_dialect.h"

#include <fmt/format.h>

#include <optional>

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

Error Explain(const Error& error, const SourceFile& file) {
  if (error.kind == ErrorKind::kCancelled) return error;
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
    {", ignore_errors=true, max_line_size=67108864, buffer_size=134217728", true, true},
};

// The sniffer skips lines it takes for a preamble (titles, units). It also "skips" a whole
// table when a wider row follows it (a malformed last line with extra fields): more than a few
// lines is no preamble, and reading from the top with that row rejected loses nothing quietly.
constexpr uint64_t kMaxPreambleLines = 5;
constexpr SniffAttempt kFromTheTop = {", ignore_errors=true, skip=0", true, false};

struct SniffedDialect {
  Dialect dialect;
  std::vector<std::string> column_names;
};

// One row per column: the sniffer's column names, each with the file's dialect beside it.
Result<SniffedDialect> SniffDialect(Connection& connection, const SourceFile& file,
                                    const ImportOptions& options, const std::string& encoding,
                                    const SniffAttempt& attempt) {
  auto sniffed = connection.Query(fmt::format(
      "SELECT Delimiter, Quote, Escape, NewLineDelimiter, Comment, SkipRows, HasHeader, "
      "unnest(Columns).name FROM sniff_csv({}{}{})",
      QuoteFileLiteral(file.path), UserOptions(file, options, encoding), attempt.extra_options));
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
  dialect.long_lines = attempt.long_lines;
  dialect.encoding = encoding;
  dialect.null_strings = options.null_strings;
  for (size_t row = 0; row < rows->row_count; ++row) {
    out.column_names.push_back(FormatValue(rows->columns[7], row));
  }
  return out;
}

}  // namespace

Result<SniffedCsv> SniffCsv(Connection& connection, const SourceFile& file,
                            const ImportOptions& options) {
  const std::string encoding = options.encoding == "utf-8" && !file.detected_encoding.empty()
                                   ? file.detected_encoding
                                   : options.encoding;
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
  if (!chosen) return Explain(first_error, file);
  if (chosen->dialect.skip_rows > kMaxPreambleLines) {
    auto from_top = SniffDialect(connection, file, options, encoding, kFromTheTop);
    if (from_top.ok() && from_top->column_names.size() >= 2) chosen = std::move(*from_top);
  }
  return SniffedCsv{std::move(chosen->dialect), std::move(chosen->column_names)};
}

}  // namespace pika
