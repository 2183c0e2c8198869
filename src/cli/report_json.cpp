#include "cli/report_json.h"

#include <cmath>

namespace pika::cli {

namespace {

nlohmann::json ToJson(const Dialect& dialect) {
  return {
      {"format", dialect.format},
      {"compression", dialect.compression},
      {"delimiter", dialect.delimiter},
      {"quote", dialect.quote},
      {"escape", dialect.escape},
      {"header", dialect.header},
      {"skip_rows", dialect.skip_rows},
      {"comment", dialect.comment},
      {"encoding", dialect.encoding},
      {"decimal_separator", dialect.decimal_separator},
      {"thousands_separator", dialect.thousands_separator},
      {"date_format", dialect.date_format},
      {"timestamp_format", dialect.timestamp_format},
      {"null_strings", dialect.null_strings},
  };
}

nlohmann::json ToJson(const ColumnReport& column) {
  nlohmann::json examples = nlohmann::json::array();
  for (const Counterexample& example : column.counterexamples) {
    examples.push_back({{"line", example.line}, {"value", example.value}});
  }
  return {{"name", column.name},
          {"type", column.engine_type},
          {"confidence", std::round(column.confidence * 1000.0) / 1000.0},
          {"explanation", column.explanation},
          {"counterexamples", examples}};
}

nlohmann::json ColumnsToJson(const std::vector<ColumnReport>& columns) {
  nlohmann::json out = nlohmann::json::array();
  for (const ColumnReport& column : columns) out.push_back(ToJson(column));
  return out;
}

nlohmann::json RejectsToJson(const std::vector<RejectedRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const RejectedRow& row : rows) {
    out.push_back({{"line", row.line}, {"column", row.column}, {"reason", row.reason}});
  }
  return out;
}

nlohmann::json ToJson(const LineAccount& lines) {
  if (!lines.counted) return nullptr;
  return {{"records", lines.records},
          {"header", lines.header},
          {"rows", lines.rows},
          {"rejected", lines.rejected},
          {"preamble", lines.preamble},
          {"blank", lines.blank},
          {"comment", lines.comment},
          {"preamble_text", lines.preamble_text},
          {"preamble_reason", lines.preamble_reason}};
}

}  // namespace

nlohmann::json ValueToJson(const Column& column, size_t row) {
  if (!column.IsValid(row)) return nullptr;
  switch (column.type) {
    case ColumnType::kBoolean: return std::get<std::vector<int64_t>>(column.values)[row] != 0;
    case ColumnType::kBigint: return std::get<std::vector<int64_t>>(column.values)[row];
    case ColumnType::kDouble: {
      const double value = std::get<std::vector<double>>(column.values)[row];
      if (std::isfinite(value)) return value;
      return FormatValue(column, row);  // JSON has no NaN or infinity
    }
    default: return FormatValue(column, row);
  }
}

nlohmann::json RowsToJson(const TableBatch& batch) {
  nlohmann::json rows = nlohmann::json::array();
  for (size_t row = 0; row < batch.row_count; ++row) {
    nlohmann::json object = nlohmann::json::object();
    for (const Column& column : batch.columns) object[column.name] = ValueToJson(column, row);
    rows.push_back(std::move(object));
  }
  return rows;
}

nlohmann::json ToJson(const InspectReport& report) {
  return {{"columns", ColumnsToJson(report.columns)},     {"dialect", ToJson(report.dialect)},
          {"sampled_rows", report.sampled_rows},          {"malformed_rows", report.malformed_rows},
          {"malformed", RejectsToJson(report.malformed)}, {"sample", RowsToJson(report.sample)}};
}

nlohmann::json ToJson(const ImportReport& report) {
  return {{"table", report.table},
          {"rows", report.rows},
          {"rejected", report.rejected},
          {"rejects", RejectsToJson(report.rejects)},
          {"columns", ColumnsToJson(report.columns)},
          {"dialect", ToJson(report.dialect)},
          {"lines", ToJson(report.lines)},
          {"notes", report.notes}};
}

}  // namespace pika::cli
