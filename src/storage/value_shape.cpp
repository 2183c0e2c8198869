#include "storage/value_shape.h"

#include <array>
#include <string>
#include <vector>

namespace pika {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t index = 0; index < text.size(); ++index) {
    if (LowerAscii(text[index]) != lower_word[index]) return false;
  }
  return true;
}

template <size_t N>
bool IsOneOf(std::string_view text, const std::array<std::string_view, N>& lower_words) {
  for (std::string_view word : lower_words) {
    if (EqualsIgnoringCase(text, word)) return true;
  }
  return false;
}

// Splits "1,234.5" into digit groups and the separators between them.
struct DigitGroups {
  std::vector<size_t> lengths;
  std::string separators;
};

bool SplitGroups(std::string_view digits, DigitGroups& out) {
  size_t length = 0;
  for (char c : digits) {
    if (IsDigit(c)) {
      ++length;
    } else if (c == ',' || c == '.') {
      if (length == 0) return false;
      out.lengths.push_back(length);
      out.separators.push_back(c);
      length = 0;
    } else {
      return false;
    }
  }
  if (length == 0) return false;
  out.lengths.push_back(length);
  return true;
}

// "1,234,567" with `sep`: first group 1..3 digits, then groups of exactly 3.
bool IsGrouped(const DigitGroups& groups, size_t count, char sep) {
  if (count < 2 || groups.lengths[0] > 3) return false;
  for (size_t i = 1; i < count; ++i) {
    if (groups.lengths[i] != 3 || groups.separators[i - 1] != sep) return false;
  }
  return true;
}

uint8_t ClassifyGroups(const DigitGroups& groups) {
  const size_t count = groups.lengths.size();
  uint8_t shape = 0;
  if (count == 1) {
    shape |= kPlainInteger;
    if (groups.lengths[0] > 1) shape = kLeadingZero;  // caller checks the first digit
    return shape;
  }
  const char last = groups.separators.back();
  if (count == 2) shape |= last == '.' ? kDotDecimal : kCommaDecimal;
  if (IsGrouped(groups, count, ',')) shape |= kCommaGroupedInteger;
  if (IsGrouped(groups, count, '.')) shape |= kDotGroupedInteger;
  if (count >= 3 && last == '.' && IsGrouped(groups, count - 1, ',')) {
    shape |= kDotDecimalCommaGroups;
  }
  if (count >= 3 && last == ',' && IsGrouped(groups, count - 1, '.')) {
    shape |= kCommaDecimalDotGroups;
  }
  return shape;
}

bool IsSpecialDouble(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kWords{
      "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity", "nan"};
  return text.size() <= 9 && IsOneOf(text, kWords);
}

// 1e5, 1.5E-3, .5e2: plain decimals with an exponent.
bool IsScientific(std::string_view body) {
  const size_t e = body.find_first_of("eE");
  if (e == std::string_view::npos || e == 0 || e + 1 >= body.size()) return false;
  std::string_view mantissa = body.substr(0, e);
  std::string_view exponent = body.substr(e + 1);
  if (exponent[0] == '+' || exponent[0] == '-') exponent.remove_prefix(1);
  if (exponent.empty()) return false;
  for (char c : exponent) {
    if (!IsDigit(c)) return false;
  }
  bool seen_digit = false, seen_dot = false;
  for (char c : mantissa) {
    if (IsDigit(c)) {
      seen_digit = true;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else {
      return false;
    }
  }
  return seen_digit;
}

}  // namespace

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

uint8_t ClassifyNumber(std::string_view text) {
  if (IsSpecialDouble(text)) return kDotDecimal;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (body.empty()) return 0;
  if (IsScientific(body)) return kDotDecimal;
  if (body[0] == '.' || body[0] == ',') {  // .5 and ,5
    DigitGroups tail;
    if (!SplitGroups(body.substr(1), tail) || tail.lengths.size() != 1) return 0;
    return body[0] == '.' ? kDotDecimal : kCommaDecimal;
  }
  DigitGroups groups;
  if (!SplitGroups(body, groups)) return 0;
  uint8_t shape = ClassifyGroups(groups);
  if (shape == kLeadingZero && body[0] != '0') shape = kPlainInteger;
  // "0,5" and "0.5" are decimals, not codes; "0,500" is never a grouped integer.
  if (groups.lengths.size() > 1 && body[0] == '0' && groups.lengths[0] == 1) {
    shape &= static_cast<uint8_t>(~(kCommaGroupedInteger | kDotGroupedInteger |
                                    kDotDecimalCommaGroups | kCommaDecimalDotGroups));
  }
  return shape;
}

bool IsBooleanWord(std::string_view text) {
  static constexpr std::array<std::string_view, 8> kWords{"true", "false", "t", "f",
                                                          "yes",  "no",    "y", "n"};
  return text.size() <= 5 && IsOneOf(text, kWords);
}

bool IsNullWord(std::string_view text) {
  static constexpr std::array<std::string_view, 8> kWords{"na",   "n/a", "null", "none",
                                                          "#n/a", "-",   "?",    "nil"};
  return text.size() <= 4 && IsOneOf(text, kWords);
}

}  // namespace pika
