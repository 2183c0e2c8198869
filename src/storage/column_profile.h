// ColumnProfile: counts of what the sampled text values of one CSV column look like.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pika {

inline constexpr size_t kDateFormatCount = 14;
inline constexpr size_t kTimeFormatCount = 5;

// Everything one value can be read as; computing it is the costly part of profiling.
struct ValueClass {
  uint8_t number_shape = 0;
  bool boolean = false;
  bool null_word = false;
  bool recognised = false;  // a number, boolean, date or timestamp
  bool iso_timestamp = false;
  std::bitset<kDateFormatCount> dates;
  std::bitset<kDateFormatCount * kTimeFormatCount> timestamps;  // date * count + time
};

ValueClass ClassifyValue(std::string_view text);

struct ColumnProfile {
  uint64_t values = 0;                        // non-empty values seen
  uint64_t missing = 0;                       // empty values
  std::array<uint64_t, 256> number_shapes{};  // by NumberShape mask (0: not a number)
  uint64_t booleans = 0;
  std::array<uint64_t, kDateFormatCount> dates{};
  std::array<std::array<uint64_t, kTimeFormatCount>, kDateFormatCount> timestamps{};
  uint64_t iso_timestamps = 0;
  std::map<std::string, uint64_t, std::less<>> null_words;  // NA, N/A... and how often
  std::string leading_zero_example;
  std::string text_example;  // the first value that is neither a number, date nor boolean

  void Add(std::string_view raw);

 private:
  void Count(std::string_view text, const ValueClass& value);
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  // Category-like columns repeat a few values: classify each distinct one once. Columns of
  // unique values (ids, measurements) stop looking after the first thousands.
  std::unordered_map<std::string, ValueClass, TextHash, std::equal_to<>> known_;
  uint64_t lookups_ = 0;
  uint64_t hits_ = 0;
  bool memo_ = true;
};

}  // namespace pika
