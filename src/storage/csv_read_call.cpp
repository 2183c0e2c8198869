#include "storage/csv_read_call.h"

#include <fmt/format.h>

#include <algorithm>

#include "storage/sql_quote.h"

namespace pika {

namespace {

std::string ColumnsStruct(const std::vector<std::pair<std::string, std::string>>& columns) {
  std::string text = "{";
  for (size_t index = 0; index < columns.size(); ++index) {
    if (index > 0) text += ", ";
    text += QuoteLiteral(columns[index].first) + ": " + QuoteLiteral(columns[index].second);
  }
  return text + "}";
}

std::string NullList(const std::vector<std::string>& nulls) {
  std::string text = "['']";
  if (nulls.empty()) return text;
  text.pop_back();
  for (const std::string& null_string : nulls) text += ", " + QuoteLiteral(null_string);
  return text + "]";
}

}  // namespace

std::string LineSizeOptions(uint64_t max_line_size) {
  if (max_line_size == 0) return {};
  // DuckDB wants a buffer to hold at least a line; twice lets a line straddle two reads.
  return fmt::format(", max_line_size={}, buffer_size={}", max_line_size,
                     std::max<uint64_t>(2 * max_line_size, uint64_t{32} << 20));
}

std::string CsvReadCall::Sql() const {
  std::string sql = fmt::format("read_csv({}, delim={}, quote={}, escape={}, header={}, skip={}",
                                QuoteFileLiteral(path), QuoteLiteral(dialect.delimiter),
                                QuoteLiteral(dialect.quote), QuoteLiteral(dialect.escape),
                                dialect.header ? "true" : "false", dialect.skip_rows);
  if (!dialect.strict) sql += ", strict_mode=false";
  sql += LineSizeOptions(dialect.max_line_size);
  if (!dialect.comment.empty()) sql += ", comment=" + QuoteLiteral(dialect.comment);
  if (!dialect.encoding.empty()) sql += ", encoding=" + QuoteLiteral(dialect.encoding);
  if (dialect.compression != "none") sql += ", compression=" + QuoteLiteral(dialect.compression);
  sql += ", nullstr=" + NullList(dialect.null_strings);
  if (columns.empty()) {
    sql += ", all_varchar=true";
  } else {
    sql += ", columns=" + ColumnsStruct(columns);
    if (dialect.decimal_separator != ".") {
      sql += ", decimal_separator=" + QuoteLiteral(dialect.decimal_separator);
    }
    if (!dialect.thousands_separator.empty()) {
      sql += ", thousands=" + QuoteLiteral(dialect.thousands_separator);
    }
    if (!dialect.date_format.empty()) sql += ", dateformat=" + QuoteLiteral(dialect.date_format);
    if (!dialect.timestamp_format.empty()) {
      sql += ", timestampformat=" + QuoteLiteral(dialect.timestamp_format);
    }
  }
  if (ignore_errors) sql += ", ignore_errors=true";
  if (!rejects_table.empty()) {
    sql += fmt::format(", store_rejects=true, rejects_table={}, rejects_scan={}",
                       QuoteLiteral(rejects_table), QuoteLiteral(rejects_scan));
  }
  return sql + ")";
}

}  // namespace pika
