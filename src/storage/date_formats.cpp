#include "storage/date_formats.h"

#include <array>
#include <cctype>
#include <optional>
#include <string>

namespace pika {

namespace {

constexpr std::array<DateFormat, 14> kDateFormats{{
    {"%Y-%m-%d", "2000-01-31", false, false},
    {"%Y/%m/%d", "2000/01/31", false, false},
    {"%m/%d/%Y", "01/31/2000", false, true},
    {"%d/%m/%Y", "31/01/2000", true, false},
    {"%d.%m.%Y", "31.01.2000", true, false},
    {"%m-%d-%Y", "01-31-2000", false, true},
    {"%d-%m-%Y", "31-01-2000", true, false},
    {"%b %d %Y", "Jan 31 2000", false, false},
    {"%b %d, %Y", "Jan 31, 2000", false, false},
    {"%d %b %Y", "31 Jan 2000", false, false},
    {"%d-%b-%Y", "31-Jan-2000", false, false},
    {"%B %d, %Y", "January 31, 2000", false, false},
    {"%B %d %Y", "January 31 2000", false, false},
    {"%d %B %Y", "31 January 2000", false, false},
}};

constexpr std::array<std::string_view, 5> kTimeFormats{{
    " %H:%M:%S",
    " %H:%M",
    "T%H:%M:%S",
    " %I:%M:%S %p",
    " %I:%M %p",
}};

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

bool SameLetters(std::string_view text, std::string_view lower) {
  for (size_t index = 0; index < text.size(); ++index) {
    if ((text[index] | 0x20) != lower[index]) return false;
  }
  return true;
}

struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool AtEnd() const { return pos >= text.size(); }
  char Peek() const { return AtEnd() ? '\0' : text[pos]; }

  // Reads 1..max_digits digits.
  std::optional<int> Digits(size_t min_digits, size_t max_digits) {
    size_t count = 0;
    int value = 0;
    while (count < max_digits && !AtEnd() && std::isdigit(static_cast<unsigned char>(Peek()))) {
      value = value * 10 + (Peek() - '0');
      ++pos;
      ++count;
    }
    if (count < min_digits) return std::nullopt;
    return value;
  }

  // Reads a month name, abbreviated (3 letters) or full; returns 1..12.
  std::optional<int> MonthName(bool full) {
    size_t end = pos;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(pos, end - pos);
    if (word.size() < 3 || (!full && word.size() != 3)) return std::nullopt;
    for (size_t month = 0; month < kMonths.size(); ++month) {
      const std::string_view name = full ? kMonths[month] : kMonths[month].substr(0, 3);
      if (word.size() == name.size() && SameLetters(word, name)) {
        pos = end;
        return static_cast<int>(month) + 1;
      }
    }
    return std::nullopt;
  }
};

struct Parsed {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  bool pm = false, has_ampm = false;
};

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool ReadField(Cursor& cursor, char spec, Parsed& out) {
  std::optional<int> value;
  switch (spec) {
    case 'Y':
      value = cursor.Digits(4, 4);
      if (value) out.year = *value;
      break;
    case 'm':
      value = cursor.Digits(1, 2);
      if (value) out.month = *value;
      break;
    case 'd':
      value = cursor.Digits(1, 2);
      if (value) out.day = *value;
      break;
    case 'H':
    case 'I':
      value = cursor.Digits(1, 2);
      if (value) out.hour = *value;
      break;
    case 'M':
      value = cursor.Digits(2, 2);
      if (value) out.minute = *value;
      break;
    case 'S':
      value = cursor.Digits(2, 2);
      if (value) out.second = *value;
      break;
    case 'b':
      value = cursor.MonthName(false);
      if (value) out.month = *value;
      break;
    case 'B':
      value = cursor.MonthName(true);
      if (value) out.month = *value;
      break;
    case 'p': {
      const std::string_view rest = cursor.text.substr(cursor.pos, 2);
      if (rest.size() == 2 && (rest[1] == 'M' || rest[1] == 'm') &&
          std::string_view("AaPp").find(rest[0]) != std::string_view::npos) {
        out.has_ampm = true;
        out.pm = rest[0] == 'P' || rest[0] == 'p';
        cursor.pos += 2;
        return true;
      }
      return false;
    }
    default: return false;
  }
  return value.has_value();
}

bool Valid(const Parsed& p) {
  if (p.month < 1 || p.month > 12) return false;
  if (p.day < 1 || p.day > DaysInMonth(p.year, p.month)) return false;
  if (p.has_ampm) {
    if (p.hour < 1 || p.hour > 12) return false;
  } else if (p.hour > 23) {
    return false;
  }
  return p.minute <= 59 && p.second <= 59;
}

}  // namespace

std::span<const DateFormat> DateFormats() { return kDateFormats; }
std::span<const std::string_view> TimeFormats() { return kTimeFormats; }

bool MatchesDateTimeFormat(std::string_view text, std::string_view format) {
  Cursor cursor{text};
  Parsed parsed;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size()) {
      if (!ReadField(cursor, format[++i], parsed)) return false;
    } else if (cursor.Peek() == format[i]) {
      ++cursor.pos;
    } else {
      return false;
    }
  }
  return cursor.AtEnd() && Valid(parsed);
}

bool IsIsoTimestamp(std::string_view text) {
  if (text.size() < 16) return false;
  if (!MatchesDateTimeFormat(text.substr(0, 10), "%Y-%m-%d")) return false;
  if (text[10] != ' ' && text[10] != 'T') return false;
  Cursor cursor{text, 11};
  Parsed parsed;
  if (!ReadField(cursor, 'H', parsed) || cursor.Peek() != ':') return false;
  ++cursor.pos;
  if (!ReadField(cursor, 'M', parsed)) return false;
  if (cursor.Peek() == ':') {
    ++cursor.pos;
    if (!ReadField(cursor, 'S', parsed)) return false;
    if (cursor.Peek() == '.') {
      ++cursor.pos;
      if (!cursor.Digits(1, 9)) return false;
    }
  }
  if (cursor.Peek() == 'Z') {
    ++cursor.pos;
  } else if (cursor.Peek() == '+' || cursor.Peek() == '-') {
    ++cursor.pos;
    if (!cursor.Digits(2, 2)) return false;
    if (cursor.Peek() == ':') ++cursor.pos;
    cursor.Digits(0, 2);
  }
  return cursor.AtEnd() && parsed.hour <= 23 && parsed.minute <= 59 && parsed.second <= 59;
}

}  // namespace pika
