// ColumnProfile: counts of what the sampled text values of one CSV column look like.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace pika {

inline constexpr size_t kDateFormatCount = 14;
inline constexpr size_t kTimeFormatCount = 5;

struct ColumnProfile {
  uint64_t values = 0;   // non-empty values seen
  uint64_t missing = 0;  // empty values
  std::array<uint64_t, 256> number_shapes{};  // by NumberShape mask (0: not a number)
  uint64_t booleans = 0;
  std::array<uint64_t, kDateFormatCount> dates{};
  std::array<std::array<uint64_t, kTimeFormatCount>, kDateFormatCount> timestamps{};
  uint64_t iso_timestamps = 0;
  std::map<std::string, uint64_t, std::less<>> null_words;  // NA, N/A... and how often
  std::string leading_zero_example;
  std::string text_example;  // the first value that is neither a number, date nor boolean

  void Add(std::string_view raw);
};

}  // namespace pika
