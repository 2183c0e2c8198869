// ValueShape: which column types one text value from a CSV file could be read as.
#pragma once

#include <cstdint>
#include <string_view>

namespace pika {

// Number layouts a value fits; a value can fit several ("1,234" is 1234 or 1.234).
enum NumberShape : uint8_t {
  kPlainInteger = 1 << 0,           // 42, -7, 0
  kLeadingZero = 1 << 1,            // 007: a code, not a number
  kDotDecimal = 1 << 2,             // 3.14, 1e-5, inf, nan
  kCommaDecimal = 1 << 3,           // 3,14
  kCommaGroupedInteger = 1 << 4,    // 1,234,567
  kDotGroupedInteger = 1 << 5,      // 1.234.567
  kDotDecimalCommaGroups = 1 << 6,  // 1,234.5
  kCommaDecimalDotGroups = 1 << 7,  // 1.234,5
};

uint8_t ClassifyNumber(std::string_view text);

bool IsBooleanWord(std::string_view text);

// Words that people write for a missing value (NA, N/A, null, -...).
bool IsNullWord(std::string_view text);

// Strips leading and trailing spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

}  // namespace pika
