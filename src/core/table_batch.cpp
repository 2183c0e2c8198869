#include "core/table_batch.h"

#include <fmt/format.h>

#include <cmath>

namespace pika {

Column MakeColumn(std::string name, ColumnType type) {
  Column column{std::move(name), type, {}, {}};
  switch (type) {
    case ColumnType::kDouble: column.values = std::vector<double>{}; break;
    case ColumnType::kVarchar:
    case ColumnType::kOther: column.values = std::vector<std::string>{}; break;
    default: column.values = std::vector<int64_t>{}; break;
  }
  return column;
}

void AppendBatch(TableBatch& target, const TableBatch& batch) {
  for (size_t index = 0; index < target.columns.size(); ++index) {
    Column& into = target.columns[index];
    const Column& from = batch.columns[index];
    into.valid.insert(into.valid.end(), from.valid.begin(), from.valid.end());
    std::visit(
        [&](auto& values) {
          using Values = std::decay_t<decltype(values)>;
          const auto& more = std::get<Values>(from.values);
          values.insert(values.end(), more.begin(), more.end());
        },
        into.values);
  }
  target.row_count += batch.row_count;
}

void KeepFirstRows(TableBatch& batch, size_t rows) {
  if (rows >= batch.row_count) return;
  for (Column& column : batch.columns) {
    column.valid.resize(rows);
    std::visit([rows](auto& values) { values.resize(rows); }, column.values);
  }
  batch.row_count = rows;
}

namespace {

struct CivilDate {
  int64_t year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's days-to-civil algorithm.
CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = static_cast<int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{}", value);
}

}  // namespace

std::string FormatDate(int64_t days) {
  const CivilDate date = CivilFromDays(days);
  return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

std::string FormatTimestamp(int64_t micros) {
  constexpr int64_t kMicrosPerDay = 86'400'000'000;
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  const int64_t in_day = micros - days * kMicrosPerDay;
  const int64_t seconds = in_day / 1'000'000;
  const int64_t fraction = in_day % 1'000'000;
  std::string text = fmt::format("{} {:02d}:{:02d}:{:02d}", FormatDate(days), seconds / 3600,
                                 seconds / 60 % 60, seconds % 60);
  if (fraction != 0) text += fmt::format(".{:06d}", fraction);
  return text;
}

std::string FormatValue(const Column& column, size_t row) {
  if (!column.IsValid(row)) return "NULL";
  switch (column.type) {
    case ColumnType::kBoolean:
      return std::get<std::vector<int64_t>>(column.values)[row] != 0 ? "true" : "false";
    case ColumnType::kBigint:
      return std::to_string(std::get<std::vector<int64_t>>(column.values)[row]);
    case ColumnType::kDate: return FormatDate(std::get<std::vector<int64_t>>(column.values)[row]);
    case ColumnType::kTimestamp:
      return FormatTimestamp(std::get<std::vector<int64_t>>(column.values)[row]);
    case ColumnType::kDouble:
      return FormatDouble(std::get<std::vector<double>>(column.values)[row]);
    case ColumnType::kVarchar:
    case ColumnType::kOther: return std::get<std::vector<std::string>>(column.values)[row];
  }
  return {};
}

}  // namespace pika
