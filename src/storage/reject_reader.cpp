#include "storage/reject_reader.h"

#include <fmt/format.h>

#include "storage/physical_lines.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// Rejects carry NULL where a field does not apply (no column for a malformed row).
std::string TextOrEmpty(const Column& column, size_t row) {
  return column.IsValid(row) ? column.TextAt(row) : std::string();
}

// "Could not convert string "abc" to 'BIGINT'" -> abc
std::string CastValue(const std::string& message) {
  const std::string_view open = "string \"";
  const size_t begin = message.find(open);
  const size_t end = message.rfind("\" to '");
  if (begin == std::string::npos || end == std::string::npos || end < begin + open.size()) {
    return message;
  }
  return message.substr(begin + open.size(), end - begin - open.size());
}

std::string CastType(const std::string& message) {
  const size_t begin = message.rfind("\" to '");
  if (begin == std::string::npos) return "the column's type";
  std::string type = message.substr(begin + 6);
  if (!type.empty() && type.back() == '\'') type.pop_back();
  return type;
}

std::string Reason(const std::string& kind, const std::string& message) {
  if (kind == "CAST") {
    return fmt::format("'{}' is not a {}", CastValue(message), CastType(message));
  }
  if (kind == "INVALID ENCODING") {
    return "bytes that are not valid text in the file's encoding: if the file is Latin-1 or "
           "UTF-16, set that encoding";
  }
  std::string lower = kind;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return fmt::format("{}: {}", lower, message);
}

char NewlineByte(const std::string& newline) {
  const bool has_n =
      newline.find('\n') != std::string::npos || newline.find("\\n") != std::string::npos;
  return has_n || newline.empty() ? '\n' : '\r';
}

Status ReadTotals(Connection& connection, const std::string& table, Rejects& out) {
  auto totals = connection.Query(fmt::format(
      "SELECT count(DISTINCT line), count(DISTINCT line) FILTER (WHERE error_type <> 'CAST') "
      "FROM {}",
      QuoteIdentifier(table)));
  if (!totals.ok()) return totals.error();
  auto batch = totals->FetchAll();
  if (!batch.ok()) return batch.error();
  out.rows = static_cast<uint64_t>(batch->columns[0].IntAt(0));
  out.malformed_rows = static_cast<uint64_t>(batch->columns[1].IntAt(0));
  auto per_column = connection.Query(
      fmt::format("SELECT column_name, count(*) FROM {} WHERE error_type = 'CAST' GROUP BY ALL",
                  QuoteIdentifier(table)));
  if (!per_column.ok()) return per_column.error();
  auto counts = per_column->FetchAll();
  if (!counts.ok()) return counts.error();
  for (size_t row = 0; row < counts->row_count; ++row) {
    out.cast_failures[TextOrEmpty(counts->columns[0], row)] =
        static_cast<uint64_t>(counts->columns[1].IntAt(row));
  }
  return {};
}

}  // namespace

Result<Rejects> ReadRejects(Connection& connection, const SourceFile& file,
                            const std::string& rejects_table, const std::string& newline,
                            size_t limit) {
  Rejects out;
  PIKA_TRY(ReadTotals(connection, rejects_table, out));
  if (out.rows == 0) return out;
  auto listed = connection.Query(fmt::format(
      "WITH e AS (SELECT CAST(line AS BIGINT) AS line, CAST(line_byte_position AS BIGINT) AS pos, "
      "column_name, "
      "CAST(error_type AS VARCHAR) AS kind, error_message AS message, "
      "left(csv_line, {}) AS raw, "
      "dense_rank() OVER (ORDER BY line) AS n, "
      "row_number() OVER (PARTITION BY column_name, error_type ORDER BY line) AS per_column "
      "FROM {}) "
      "SELECT line, pos, column_name, kind, message, n <= {} AS listed, raw FROM e "
      "WHERE n <= {} OR per_column <= {} ORDER BY line, column_name",
      kMaxRawLineBytes, QuoteIdentifier(rejects_table), limit, limit, kMaxCounterexamples));
  if (!listed.ok()) return listed.error();
  auto rows = listed->FetchAll();
  if (!rows.ok()) return rows.error();
  std::vector<uint64_t> offsets;
  for (size_t row = 0; row < rows->row_count; ++row) {
    offsets.push_back(static_cast<uint64_t>(rows->columns[1].IntAt(row)));
  }
  // DuckDB counts records, not the lines an editor shows; byte offsets give those exactly
  // (for compressed files they refer to the decompressed text, so keep DuckDB's count).
  std::vector<uint64_t> lines;
  if (file.compression == "none") lines = PhysicalLines(file.path, offsets, NewlineByte(newline));
  for (size_t row = 0; row < rows->row_count; ++row) {
    const uint64_t line =
        lines.empty() ? static_cast<uint64_t>(rows->columns[0].IntAt(row)) : lines[row];
    const std::string column = TextOrEmpty(rows->columns[2], row);
    const std::string kind = TextOrEmpty(rows->columns[3], row);
    const std::string message = TextOrEmpty(rows->columns[4], row);
    const bool cast = kind == "CAST";
    RejectedRow reject{line, cast ? column : "", Reason(kind, message),
                       TextOrEmpty(rows->columns[6], row)};
    auto& examples = out.cast_examples[column];
    if (cast && examples.size() < kMaxCounterexamples) {
      examples.push_back({line, CastValue(message)});
    }
    // DuckDB reports a row with several extra fields once per field: it is one bad row.
    const bool repeated = !cast && !out.first.empty() && out.first.back().line == line &&
                          out.first.back().column.empty();
    if (repeated) continue;
    if (!cast && out.malformed.size() < limit) out.malformed.push_back(reject);
    if (rows->columns[5].IntAt(row) != 0) out.first.push_back(std::move(reject));
  }
  return out;
}

void DropRejects(Connection& connection, const std::string& rejects_table,
                 const std::string& rejects_scan) {
  // Best effort: they are temporary tables and vanish with the connection anyway.
  (void)connection.Execute(fmt::format("DROP TABLE IF EXISTS {}; DROP TABLE IF EXISTS {}",
                                       QuoteIdentifier(rejects_table),
                                       QuoteIdentifier(rejects_scan)));
}

}  // namespace pika
