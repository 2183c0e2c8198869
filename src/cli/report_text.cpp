#include "cli/report_text.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/table_text.h"
#include "storage/line_account_text.h"

namespace pika::cli {

namespace {

std::string Printable(const std::string& text) {
  if (text == "\t") return "\\t";
  if (text.empty()) return "(none)";
  return text;
}

void PrintDialect(std::ostream& out, const Dialect& dialect) {
  if (dialect.format == "parquet" || dialect.format == "duckdb") {
    fmt::print(out, "format: {}\n", dialect.format == "parquet" ? "Parquet" : "DuckDB database");
    return;
  }
  fmt::print(out, "format: CSV{}, delimiter '{}', quote '{}', header {}, encoding {}\n",
             dialect.compression == "none" ? "" : " (" + dialect.compression + ")",
             Printable(dialect.delimiter), Printable(dialect.quote), dialect.header ? "yes" : "no",
             dialect.encoding);
  if (dialect.decimal_separator != "." || !dialect.thousands_separator.empty()) {
    fmt::print(out, "numbers: decimal '{}', thousands '{}'\n", dialect.decimal_separator,
               Printable(dialect.thousands_separator));
  }
  if (!dialect.null_strings.empty()) {
    fmt::print(out, "read as missing: '{}'\n", fmt::join(dialect.null_strings, "', '"));
  }
}

void PrintColumns(std::ostream& out, const std::vector<ColumnReport>& columns) {
  fmt::print(out, "columns:\n");
  for (const ColumnReport& column : columns) {
    fmt::print(out, "  {:<24} {:<10} {:>5.1f}%  {}\n", column.name, column.engine_type,
               column.confidence * 100.0, column.explanation);
    for (const Counterexample& example : column.counterexamples) {
      fmt::print(out, "      line {}: '{}' does not fit\n", example.line, example.value);
    }
  }
}

void PrintRejects(std::ostream& out, const std::vector<RejectedRow>& rows) {
  for (const RejectedRow& row : rows) {
    fmt::print(out, "  line {}{}: {}\n", row.line,
               row.column.empty() ? "" : fmt::format(" column '{}'", row.column), row.reason);
  }
}

// "lines: 42 = 1 header + 40 rows + 1 rejected", then the skipped preamble line by line.
void PrintLines(std::ostream& out, const LineAccount& lines, uint64_t imported) {
  if (!lines.counted) return;
  fmt::print(out, "lines: {}\n", LineSumText(lines, imported));
  if (lines.preamble == 0) return;
  fmt::print(out, "preamble ({}):\n", lines.preamble_reason);
  for (size_t index = 0; index < lines.preamble_text.size(); ++index) {
    fmt::print(out, "  line {}: {}\n", index + 1, lines.preamble_text[index]);
  }
  if (lines.preamble > lines.preamble_text.size()) {
    fmt::print(out, "  ... and {} more\n", lines.preamble - lines.preamble_text.size());
  }
}

}  // namespace

void PrintInspect(std::ostream& out, const InspectReport& report) {
  PrintDialect(out, report.dialect);
  fmt::print(out, "sampled rows: {}\n", report.sampled_rows);
  PrintColumns(out, report.columns);
  if (report.malformed_rows > 0) {
    fmt::print(out, "malformed rows in the sample: {}\n", report.malformed_rows);
    PrintRejects(out, report.malformed);
  }
  fmt::print(out, "first rows:\n");
  PrintTable(out, report.sample);
}

void PrintImport(std::ostream& out, const ImportReport& report) {
  fmt::print(out, "table: {}\nrows: {}\nrejected rows: {}\n", report.table, report.rows,
             report.rejected);
  PrintRejects(out, report.rejects);
  if (report.rejected > report.rejects.size()) {
    fmt::print(out, "  ... and {} more\n", report.rejected - report.rejects.size());
  }
  PrintLines(out, report.lines, report.rows);
  PrintDialect(out, report.dialect);
  PrintColumns(out, report.columns);
  for (const std::string& note : report.notes) fmt::print(out, "note: {}\n", note);
}

}  // namespace pika::cli
