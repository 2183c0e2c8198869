#include "storage/csv_dialect.h"

#include <fmt/format.h>

#include "storage/csv_read_call.h"
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

}  // namespace

Result<SniffedCsv> SniffCsv(Connection& connection, const SourceFile& file,
                            const ImportOptions& options) {
  const std::string encoding =
      options.encoding == "utf-8" && !file.detected_encoding.empty() ? file.detected_encoding
                                                                      : options.encoding;
  auto sniffed = connection.Query(fmt::format(
      "SELECT Delimiter, Quote, Escape, NewLineDelimiter, Comment, SkipRows, HasHeader "
      "FROM sniff_csv({}{})",
      QuoteLiteral(file.path), UserOptions(file, options, encoding)));
  if (!sniffed.ok()) return Explain(sniffed.error(), file);
  auto row = sniffed->FetchAll();
  if (!row.ok()) return Explain(row.error(), file);
  if (row->row_count != 1) return Internal("sniff_csv returned no dialect");
  SniffedCsv out;
  Dialect& dialect = out.dialect;
  dialect.format = "csv";
  dialect.compression = file.compression;
  dialect.delimiter = TextAt(*row, 0);
  dialect.quote = TextAt(*row, 1);
  dialect.escape = TextAt(*row, 2);
  dialect.newline = TextAt(*row, 3);
  dialect.comment = TextAt(*row, 4);
  dialect.skip_rows = static_cast<uint64_t>(std::get<std::vector<int64_t>>(row->columns[5].values)[0]);
  dialect.header = std::get<std::vector<int64_t>>(row->columns[6].values)[0] != 0;
  dialect.encoding = encoding;
  dialect.null_strings = options.null_strings;

  const CsvReadCall call{file.path, dialect, {}, {}, {}};
  auto names = connection.Query(
      fmt::format("SELECT column_name FROM (DESCRIBE SELECT * FROM {})", call.Sql()));
  if (!names.ok()) return Explain(names.error(), file);
  auto batch = names->FetchAll();
  if (!batch.ok()) return Explain(batch.error(), file);
  for (size_t index = 0; index < batch->row_count; ++index) {
    out.column_names.push_back(FormatValue(batch->columns[0], index));
  }
  return out;
}

}  // namespace pika
