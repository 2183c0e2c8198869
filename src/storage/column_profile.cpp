#include "storage/column_profile.h"

#include "storage/date_formats.h"
#include "storage/value_shape.h"

namespace pika {

namespace {

constexpr size_t kMaxKnownValues = 4096;

// Index where the time of day starts ("01/02/2000 3:04 PM" -> 10), or npos.
size_t TimeSeparator(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 2) return std::string_view::npos;
  size_t start = colon;
  while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') --start;
  if (start == 0 || start == colon) return std::string_view::npos;
  return start - 1;
}

void MatchDates(std::string_view text, ValueClass& value) {
  const auto formats = DateFormats();
  for (size_t index = 0; index < formats.size(); ++index) {
    if (MatchesDateTimeFormat(text, formats[index].duckdb_format)) value.dates.set(index);
  }
}

void MatchTimestamps(std::string_view text, ValueClass& value) {
  value.iso_timestamp = IsIsoTimestamp(text);
  const size_t split = TimeSeparator(text);
  if (split == std::string_view::npos) return;
  const std::string_view date = text.substr(0, split);
  const std::string_view time = text.substr(split);
  const auto dates = DateFormats();
  const auto times = TimeFormats();
  for (size_t t = 0; t < times.size(); ++t) {
    if (!MatchesDateTimeFormat(time, times[t])) continue;
    for (size_t d = 0; d < dates.size(); ++d) {
      if (MatchesDateTimeFormat(date, dates[d].duckdb_format)) {
        value.timestamps.set(d * kTimeFormatCount + t);
      }
    }
  }
}

// Dates are 6 to 40 characters and contain a digit; plain numbers are never dates.
bool MayBeDate(std::string_view text, uint8_t number_shape) {
  if (text.size() < 6 || text.size() > 40) return false;
  if (number_shape != 0 && text.find_first_of("-/") == std::string_view::npos) return false;
  return text.find_first_of("0123456789") != std::string_view::npos;
}

}  // namespace

ValueClass ClassifyValue(std::string_view text) {
  ValueClass value;
  if (IsNullWord(text)) {
    value.null_word = true;
    return value;
  }
  value.number_shape = ClassifyNumber(text);
  value.boolean = IsBooleanWord(text);
  if (MayBeDate(text, value.number_shape)) {
    MatchDates(text, value);
    MatchTimestamps(text, value);
  }
  value.recognised = value.number_shape != 0 || value.boolean || value.dates.any() ||
                     value.timestamps.any() || value.iso_timestamp;
  return value;
}

void ColumnProfile::Add(std::string_view raw) {
  const std::string_view text = TrimSpaces(raw);
  if (text.empty()) {
    ++missing;
    return;
  }
  if (!memo_) return Count(text, ClassifyValue(text));
  ++lookups_;
  const auto known = known_.find(text);
  if (known != known_.end()) {
    ++hits_;
    return Count(text, known->second);
  }
  const ValueClass value = ClassifyValue(text);
  if (known_.size() < kMaxKnownValues) {
    known_.emplace(std::string(text), value);
  } else if (hits_ * 2 < lookups_) {
    memo_ = false;  // mostly distinct values: the memo costs more than it saves
    known_.clear();
  }
  Count(text, value);
}

void ColumnProfile::Count(std::string_view text, const ValueClass& value) {
  ++values;
  if (value.null_word) {
    ++null_words[std::string(text)];
    return;
  }
  ++number_shapes[value.number_shape];
  if (value.number_shape == kLeadingZero && leading_zero_example.empty()) {
    leading_zero_example = text;
  }
  if (value.boolean) ++booleans;
  if (value.iso_timestamp) ++iso_timestamps;
  if (value.dates.any()) {
    for (size_t d = 0; d < kDateFormatCount; ++d) dates[d] += value.dates[d];
  }
  if (value.timestamps.any()) {
    for (size_t d = 0; d < kDateFormatCount; ++d) {
      for (size_t t = 0; t < kTimeFormatCount; ++t) {
        timestamps[d][t] += value.timestamps[d * kTimeFormatCount + t];
      }
    }
  }
  if (!value.recognised && text_example.empty()) text_example = text;
}

}  // namespace pika
