#include "storage/column_profile.h"

#include "storage/date_formats.h"
#include "storage/value_shape.h"

namespace pika {

namespace {

// Index where the time of day starts ("01/02/2000 3:04 PM" -> 10), or npos.
size_t TimeSeparator(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 2) return std::string_view::npos;
  size_t start = colon;
  while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') --start;
  if (start == 0 || start == colon) return std::string_view::npos;
  return start - 1;
}

bool AddDates(ColumnProfile& profile, std::string_view text) {
  bool any = false;
  const auto formats = DateFormats();
  for (size_t index = 0; index < formats.size(); ++index) {
    if (MatchesDateTimeFormat(text, formats[index].duckdb_format)) {
      ++profile.dates[index];
      any = true;
    }
  }
  return any;
}

bool AddTimestamps(ColumnProfile& profile, std::string_view text) {
  bool any = false;
  if (IsIsoTimestamp(text)) {
    ++profile.iso_timestamps;
    any = true;
  }
  const size_t split = TimeSeparator(text);
  if (split == std::string_view::npos) return any;
  const std::string_view date = text.substr(0, split);
  const std::string_view time = text.substr(split);
  const auto dates = DateFormats();
  const auto times = TimeFormats();
  for (size_t t = 0; t < times.size(); ++t) {
    if (!MatchesDateTimeFormat(time, times[t])) continue;
    for (size_t d = 0; d < dates.size(); ++d) {
      if (MatchesDateTimeFormat(date, dates[d].duckdb_format)) {
        ++profile.timestamps[d][t];
        any = true;
      }
    }
  }
  return any;
}

}  // namespace

void ColumnProfile::Add(std::string_view raw) {
  const std::string_view text = TrimSpaces(raw);
  if (text.empty()) {
    ++missing;
    return;
  }
  ++values;
  if (IsNullWord(text)) {
    ++null_words[std::string(text)];
    return;
  }
  const uint8_t shape = ClassifyNumber(text);
  ++number_shapes[shape];
  if (shape == kLeadingZero && leading_zero_example.empty()) leading_zero_example = text;
  bool recognised = shape != 0;
  if (IsBooleanWord(text)) {
    ++booleans;
    recognised = true;
  }
  // Dates and times start with a digit or a month name; numbers never contain ':' or '/'.
  if (shape == 0 || text.find_first_of("-/") != std::string_view::npos) {
    recognised = AddDates(*this, text) || recognised;
    recognised = AddTimestamps(*this, text) || recognised;
  }
  if (!recognised && text_example.empty()) text_example = text;
}

}  // namespace pika
