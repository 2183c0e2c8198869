#include "cli/table_text.h"

#include <algorithm>
#include <string>
#include <vector>

namespace pika::cli {

namespace {

constexpr size_t kMaxCellWidth = 40;

std::string Cell(const Column& column, size_t row) {
  std::string text = FormatValue(column, row);
  std::replace(text.begin(), text.end(), '\n', ' ');
  if (text.size() > kMaxCellWidth) text = text.substr(0, kMaxCellWidth - 3) + "...";
  return text;
}

bool IsNumeric(const Column& column) {
  return column.type == ColumnType::kBigint || column.type == ColumnType::kDouble;
}

void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<size_t>& widths, const std::vector<bool>& right) {
  for (size_t index = 0; index < cells.size(); ++index) {
    const std::string pad(widths[index] - cells[index].size(), ' ');
    out << (index == 0 ? "" : " | ") << (right[index] ? pad + cells[index] : cells[index] + pad);
  }
  out << '\n';
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

}  // namespace

void PrintTable(std::ostream& out, const TableBatch& batch) {
  std::vector<size_t> widths;
  std::vector<bool> right;
  std::vector<std::string> header;
  for (const Column& column : batch.columns) {
    header.push_back(column.name.substr(0, kMaxCellWidth));
    widths.push_back(header.back().size());
    right.push_back(IsNumeric(column));
  }
  std::vector<std::vector<std::string>> rows(batch.row_count);
  for (size_t row = 0; row < batch.row_count; ++row) {
    for (size_t index = 0; index < batch.columns.size(); ++index) {
      rows[row].push_back(Cell(batch.columns[index], row));
      widths[index] = std::max(widths[index], rows[row].back().size());
    }
  }
  PrintRow(out, header, widths, std::vector<bool>(header.size(), false));
  for (size_t index = 0; index < widths.size(); ++index) {
    out << (index == 0 ? "" : "-+-") << std::string(widths[index], '-');
  }
  out << '\n';
  for (const auto& cells : rows) PrintRow(out, cells, widths, right);
  out << "(" << batch.row_count << (batch.row_count == 1 ? " row)\n" : " rows)\n");
}

void PrintCsv(std::ostream& out, const TableBatch& batch) {
  for (size_t index = 0; index < batch.columns.size(); ++index) {
    out << (index == 0 ? "" : ",") << CsvField(batch.columns[index].name);
  }
  out << '\n';
  for (size_t row = 0; row < batch.row_count; ++row) {
    for (size_t index = 0; index < batch.columns.size(); ++index) {
      const Column& column = batch.columns[index];
      out << (index == 0 ? "" : ",")
          << (column.IsValid(row) ? CsvField(FormatValue(column, row)) : "");
    }
    out << '\n';
  }
}

}  // namespace pika::cli
