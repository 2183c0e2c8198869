#include "cli/csv_flags.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>

namespace pika::cli {

namespace {

Result<char> ParseSingleChar(const std::string& text, std::string_view flag) {
  if (text == "\\t" || text == "tab") return '\t';
  if (text.size() == 1) return text[0];
  return InvalidInput(fmt::format("{} takes one character (or 'tab'), not '{}'", flag, text));
}

Status ParseTypeOverride(const std::string& text, ImportOptions& options) {
  const size_t equals = text.rfind('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
    return InvalidInput(fmt::format("--type takes COLUMN=TYPE (e.g. zip=VARCHAR), not '{}'", text));
  }
  const std::string column = text.substr(0, equals);
  const std::string type_name = text.substr(equals + 1);
  const auto type = ParseColumnType(type_name);
  if (!type) {
    return InvalidInput(fmt::format(
        "unknown type '{}' for column '{}': use BOOLEAN, BIGINT, DOUBLE, DATE, TIMESTAMP or "
        "VARCHAR",
        type_name, column));
  }
  options.type_overrides[column] = *type;
  return {};
}

}  // namespace

void AddCsvFlags(CLI::App& command, CsvFlags& flags) {
  command.add_option("--delimiter", flags.delimiter, "Field delimiter (default: detected)");
  command.add_option("--quote", flags.quote, "Quote character (default: detected)");
  command.add_flag("--no-header", flags.no_header, "The first row is data, not column names");
  command.add_option("--encoding", flags.encoding,
                     "utf-8, latin-1, windows-1252, utf-16 or utf-16-be (default: detected)");
  command.add_option("--null", flags.nulls, "A value to read as NULL (repeatable)");
  command.add_option("--type", flags.types, "COLUMN=TYPE: override an inferred type (repeatable)");
  command
      .add_option("--max-line-size", flags.max_line_size,
                  "Longest line to read, e.g. 200MB (default: 2 MB, then 64 MiB)")
      ->transform(CLI::AsSizeValue(false));
  command.add_option("--sample-rows", flags.sample_rows,
                     "Rows read to infer types (default 100000; 0 reads the whole file)");
  command
      .add_option("--on-bad-rows", flags.on_bad_rows,
                  "abort (default): import nothing and list them; skip: import the rest; "
                  "text: read failing columns as text")
      ->check(CLI::IsMember({"abort", "skip", "text"}));
  command.add_option("--source-table", flags.source_table,
                     "A DuckDB database file: the table to read (default: its only table)");
}

Result<ImportOptions> ToImportOptions(const CsvFlags& flags) {
  ImportOptions options;
  if (!flags.delimiter.empty()) {
    auto delimiter = ParseSingleChar(flags.delimiter, "--delimiter");
    if (!delimiter.ok()) return delimiter.error();
    options.delimiter = *delimiter;
  }
  if (!flags.quote.empty()) {
    auto quote = ParseSingleChar(flags.quote, "--quote");
    if (!quote.ok()) return quote.error();
    options.quote = *quote;
  }
  if (flags.no_header) options.header = false;
  constexpr std::string_view kEncodings[] = {"",       "utf-8",    "latin-1", "windows-1252",
                                             "utf-16", "utf-16-be"};
  if (std::find(std::begin(kEncodings), std::end(kEncodings), flags.encoding) ==
      std::end(kEncodings)) {
    return InvalidInput(fmt::format(
        "unknown encoding '{}': use utf-8, latin-1, windows-1252, utf-16 or utf-16-be, or leave "
        "it out to have it detected",
        flags.encoding));
  }
  options.encoding = flags.encoding;
  options.null_strings = flags.nulls;
  for (const std::string& text : flags.types) PIKA_TRY(ParseTypeOverride(text, options));
  options.sample_rows = flags.sample_rows;
  options.max_line_size = flags.max_line_size;
  if (flags.on_bad_rows == "skip") options.bad_rows = BadRowPolicy::kSkip;
  if (flags.on_bad_rows == "text") options.bad_rows = BadRowPolicy::kText;
  options.database_table = flags.source_table;
  return options;
}

}  // namespace pika::cli
