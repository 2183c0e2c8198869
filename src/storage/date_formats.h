// The date and time layouts that type inference recognises, written as DuckDB's strptime
// formats, and a matcher that tells whether a text value fits one of them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace pika {

struct DateFormat {
  std::string_view duckdb_format;  // as DuckDB's strptime takes it
  std::string_view example;        // as users would recognise it
  bool day_first;                  // day before month (for day/month ambiguity)
  bool month_first;                // month before day, both numeric
};

// Date layouts, ISO first. Index i is bit i in a format mask.
std::span<const DateFormat> DateFormats();
// Time-of-day suffixes that may follow a date to make a timestamp (bit i in a time mask).
std::span<const std::string_view> TimeFormats();

// True when `text` matches `format` exactly (whole value, valid calendar date and time).
bool MatchesDateTimeFormat(std::string_view text, std::string_view format);

// True for ISO-8601 timestamps DuckDB casts natively: date, 'T' or space, HH:MM[:SS[.f]],
// optional 'Z' or offset.
bool IsIsoTimestamp(std::string_view text);

}  // namespace pika
