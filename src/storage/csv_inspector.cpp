#include "storage/csv_inspector.h"

#include <fmt/format.h>

#include <atomic>

#include "storage/csv_dialect.h"
#include "storage/csv_read_call.h"
#include "storage/reject_reader.h"
#include "storage/type_inference.h"

namespace pika {

namespace {

constexpr size_t kSampleRowsShown = 10;

std::string UniqueName(std::string_view prefix) {
  static std::atomic<uint64_t> counter{0};
  return fmt::format("pika_{}_{}", prefix, counter.fetch_add(1));
}

std::string LimitClause(uint64_t rows) {
  return rows == 0 ? std::string() : fmt::format(" LIMIT {}", rows);
}

Result<std::vector<ColumnProfile>> ProfileSample(Connection& connection, const CsvReadCall& call,
                                                 size_t column_count, uint64_t sample_rows,
                                                 const CancelToken& cancel, uint64_t& rows) {
  auto result =
      connection.Query(fmt::format("SELECT * FROM {}{}", call.Sql(), LimitClause(sample_rows)));
  if (!result.ok()) return result.error();
  std::vector<ColumnProfile> profiles(column_count);
  while (true) {
    if (cancel.cancelled()) return Cancelled();
    auto batch = result->NextBatch();
    if (!batch.ok()) return batch.error();
    if (!batch->has_value()) break;
    const TableBatch& block = **batch;
    for (size_t index = 0; index < column_count; ++index) {
      const Column& column = block.columns[index];
      const auto& texts = std::get<std::vector<std::string>>(column.values);
      for (size_t row = 0; row < block.row_count; ++row) {
        profiles[index].Add(column.IsValid(row) ? std::string_view(texts[row]) : "");
      }
    }
    rows += block.row_count;
  }
  return profiles;
}

void ApplyInference(const InferredSchema& schema, InspectReport& report) {
  Dialect& dialect = report.dialect;
  dialect.decimal_separator = std::string(1, schema.number_style.decimal);
  if (schema.number_style.thousands != '\0') {
    dialect.thousands_separator = std::string(1, schema.number_style.thousands);
  }
  dialect.date_format = schema.date_format;
  dialect.timestamp_format = schema.timestamp_format;
  for (const std::string& word : schema.null_words) dialect.null_strings.push_back(word);
  for (const InferredColumn& column : schema.columns) {
    report.columns.push_back({column.name,
                              column.type,
                              std::string(ToDuckDbName(column.type)),
                              column.confidence,
                              column.explanation,
                              {}});
  }
}

Status ApplyOverrides(const ImportOptions& options, InspectReport& report) {
  for (const auto& [name, type] : options.type_overrides) {
    bool found = false;
    for (ColumnReport& column : report.columns) {
      if (column.name != name) continue;
      column.type = type;
      column.engine_type = std::string(ToDuckDbName(type));
      column.confidence = 1.0;
      column.explanation = "type set by you";
      found = true;
    }
    if (!found) {
      std::string names;
      for (const ColumnReport& column : report.columns) {
        names += (names.empty() ? "" : ", ") + column.name;
      }
      return InvalidInput(
          fmt::format("no column named '{}' to set the type of; the columns are: {}", name, names));
    }
  }
  return {};
}

Status ReadTypedSample(Connection& connection, const CsvReadCall& call, uint64_t sample_rows,
                       InspectReport& report) {
  auto result =
      connection.Query(fmt::format("SELECT * FROM {}{}", call.Sql(), LimitClause(sample_rows)));
  if (!result.ok()) return result.error();
  // Reading every row converts every value, so DuckDB rejects what does not fit.
  while (true) {
    auto batch = result->NextBatch();
    if (!batch.ok()) return batch.error();
    if (!batch->has_value()) return {};
    if (report.sample.columns.empty()) {
      report.sample = std::move(**batch);
    } else if (report.sample.row_count < kSampleRowsShown) {
      AppendBatch(report.sample, **batch);
    }
  }
}

// Reads the sample with the chosen types: what DuckDB rejects are the counterexamples.
Status CollectCounterexamples(Connection& connection, const SourceFile& file, uint64_t sample_rows,
                              InspectReport& report) {
  CsvReadCall call{file.path, report.dialect, ColumnTypes(report), UniqueName("rejects"),
                   UniqueName("scan")};
  const Status scanned = ReadTypedSample(connection, call, sample_rows, report);
  KeepFirstRows(report.sample, kSampleRowsShown);
  if (!scanned.ok()) {
    DropRejects(connection, call.rejects_table, call.rejects_scan);
    return scanned;
  }
  auto rejects = ReadRejects(connection, file, call.rejects_table, report.dialect.newline,
                             kMaxReportedRejects);
  DropRejects(connection, call.rejects_table, call.rejects_scan);
  if (!rejects.ok()) return rejects.error();
  for (ColumnReport& column : report.columns) {
    column.counterexamples = rejects->cast_examples[column.name];
  }
  report.malformed_rows = rejects->malformed_rows;
  report.malformed = std::move(rejects->malformed);
  return {};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ColumnTypes(const InspectReport& report) {
  std::vector<std::pair<std::string, std::string>> columns;
  for (const ColumnReport& column : report.columns) {
    columns.emplace_back(column.name, column.engine_type);
  }
  return columns;
}

Result<InspectReport> InferCsv(Connection& connection, const SourceFile& file,
                               const ImportOptions& options, const CancelToken& cancel) {
  auto sniffed = SniffCsv(connection, file, options);
  if (!sniffed.ok()) return sniffed.error();
  InspectReport report;
  report.dialect = sniffed->dialect;
  // Every sniffed column as text, named: a read left to sniff again could find other columns.
  std::vector<std::pair<std::string, std::string>> as_text;
  for (const std::string& name : sniffed->column_names) as_text.emplace_back(name, "VARCHAR");
  const CsvReadCall text_call{file.path, report.dialect, as_text, UniqueName("rejects"),
                              UniqueName("scan")};
  auto profiles = ProfileSample(connection, text_call, sniffed->column_names.size(),
                                options.sample_rows, cancel, report.sampled_rows);
  DropRejects(connection, text_call.rejects_table, text_call.rejects_scan);
  if (!profiles.ok()) return profiles.error();
  const char delimiter = report.dialect.delimiter.empty() ? ',' : report.dialect.delimiter[0];
  ApplyInference(InferSchema(sniffed->column_names, *profiles, delimiter), report);
  PIKA_TRY(ApplyOverrides(options, report));
  return report;
}

Result<InspectReport> InspectCsv(Connection& connection, const SourceFile& file,
                                 const ImportOptions& options, const CancelToken& cancel) {
  auto report = InferCsv(connection, file, options, cancel);
  if (!report.ok()) return report.error();
  if (cancel.cancelled()) return Cancelled();
  PIKA_TRY(CollectCounterexamples(connection, file, options.sample_rows, *report));
  return report;
}

}  // namespace pika
