#include "remote/text_values.h"

#include <charconv>
#include <chrono>
#include <string>

namespace pika {

std::string_view ClickHouseBaseType(std::string_view type) {
  for (std::string_view wrapper : {"Nullable(", "LowCardinality("}) {
    if (type.starts_with(wrapper) && type.ends_with(')'))
      return ClickHouseBaseType(type.substr(wrapper.size(), type.size() - wrapper.size() - 1));
  }
  return type;
}

namespace {

template <typename Number>
bool ReadNumber(std::string_view text, Number& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool ReadDouble(std::string_view text, double& value) {
  // from_chars reads nan and inf but not a leading '+' (never written by these engines).
  return ReadNumber(text, value);
}

bool ReadBoolean(std::string_view text, int64_t& value) {
  if (text == "t" || text == "true" || text == "1") return (value = 1), true;
  if (text == "f" || text == "false" || text == "0") return (value = 0), true;
  return false;
}

// YYYY-MM-DD as days since 1970-01-01.
bool ReadDate(std::string_view text, int64_t& days) {
  int year = 0;
  unsigned month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!ReadNumber(text.substr(0, 4), year) || !ReadNumber(text.substr(5, 2), month) ||
      !ReadNumber(text.substr(8, 2), day))
    return false;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok()) return false;
  days = std::chrono::sys_days(date).time_since_epoch().count();
  return true;
}

// YYYY-MM-DD HH:MM:SS[.ffffff][+HH] as microseconds since the epoch. Sessions run in UTC, so
// a time zone suffix is +00 (any other is applied).
bool ReadTimestamp(std::string_view text, int64_t& micros) {
  int64_t days = 0;
  int hours = 0, minutes = 0, seconds = 0;
  if (text.size() < 19 || text[10] != ' ' || text[13] != ':' || text[16] != ':') return false;
  if (!ReadDate(text.substr(0, 10), days) || !ReadNumber(text.substr(11, 2), hours) ||
      !ReadNumber(text.substr(14, 2), minutes) || !ReadNumber(text.substr(17, 2), seconds))
    return false;
  std::string_view rest = text.substr(19);
  int64_t fraction = 0;
  if (rest.starts_with('.')) {
    size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    std::string six(rest.substr(1, std::min<size_t>(digits - 1, 6)));
    six.resize(6, '0');
    if (!ReadNumber(std::string_view(six), fraction)) return false;
    rest.remove_prefix(digits);
  }
  int offset_hours = 0;
  if (!rest.empty()) {
    if ((rest[0] != '+' && rest[0] != '-') || rest.size() < 3) return false;
    if (!ReadNumber(rest.substr(1, 2), offset_hours)) return false;
    if (rest[0] == '-') offset_hours = -offset_hours;
  }
  const int64_t second_of_day = (hours - offset_hours) * 3600 + minutes * 60 + seconds;
  micros = (days * 86'400 + second_of_day) * 1'000'000 + fraction;
  return true;
}

bool ReadInteger(ColumnType type, std::string_view text, int64_t& value) {
  switch (type) {
    case ColumnType::kBoolean: return ReadBoolean(text, value);
    case ColumnType::kDate: return ReadDate(text, value);
    case ColumnType::kTimestamp: return ReadTimestamp(text, value);
    default: return ReadNumber(text, value);
  }
}

}  // namespace

ColumnType ClickHouseColumnType(std::string_view type) {
  type = ClickHouseBaseType(type);
  if (type.starts_with("Int") || type.starts_with("UInt") || type == "Bool")
    return ColumnType::kBigint;
  if (type.starts_with("Float") || type.starts_with("Decimal")) return ColumnType::kDouble;
  // Date and DateTime come as text in the server's own time zone: plots ask for numbers.
  return ColumnType::kVarchar;
}

ColumnType PostgresColumnType(unsigned oid) {
  switch (oid) {
    case 16: return ColumnType::kBoolean;  // bool
    case 20:
    case 21:
    case 23: return ColumnType::kBigint;  // int8, int2, int4
    case 700:
    case 701:
    case 1700: return ColumnType::kDouble;  // float4, float8, numeric
    case 1082: return ColumnType::kDate;    // date
    case 1114:
    case 1184: return ColumnType::kTimestamp;  // timestamp, timestamptz
    default: return ColumnType::kVarchar;
  }
}

bool AppendText(Column& column, std::optional<std::string_view> text) {
  if (auto* texts = std::get_if<std::vector<std::string>>(&column.values)) {
    texts->emplace_back(text.value_or(""));
  } else if (auto* doubles = std::get_if<std::vector<double>>(&column.values)) {
    double value = 0;
    if (text && !ReadDouble(*text, value)) return false;
    doubles->push_back(value);
  } else {
    int64_t value = 0;
    if (text && !ReadInteger(column.type, *text, value)) return false;
    std::get<std::vector<int64_t>>(column.values).push_back(value);
  }
  column.valid.push_back(text ? 1 : 0);
  return true;
}

}  // namespace pika
