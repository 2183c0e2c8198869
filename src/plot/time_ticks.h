// Time ticks: calendar-aware ticks and contextual labels for a UTC timestamp axis.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pika {

// Timestamps are microseconds since 1970-01-01 00:00 UTC (TIMESTAMP in core/table_batch.h).
// Only UTC is supported for now: days are always 24 hours, so hour ticks stay evenly spaced
// across the dates where local time zones switch to or from daylight saving time.
enum class TimeUnit {
  kMicrosecond,
  kMillisecond,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,  // starts on Monday
  kMonth,
  kYear,
};

struct TimeStep {
  TimeUnit unit = TimeUnit::kDay;
  int64_t count = 1;  // e.g. {kHour, 6}: every 6 hours
};

struct TimeTick {
  int64_t micros = 0;
  std::string label;
};

struct TimeTicks {
  int64_t min = 0;  // the domain the ticks are for: the input one or a default
  int64_t max = 0;
  TimeStep step;
  bool has_data = true;         // false: every value was NULL, the domain is a default
  std::vector<TimeTick> ticks;  // strictly increasing, all within [min, max]
};

// Ticks on calendar boundaries: multiples of the step counted from the epoch for units up
// to a day (hours therefore align to midnight), Mondays for weeks, the 1st of a month whose
// index is a multiple of the count for months, years divisible by the count for years.
// Steps: years 1, 2, 5, 10, 20, 50, 100...; months 1, 2, 3, 6; weeks 1, 2; days 1, 2; hours
// 1, 3, 6, 12; minutes and seconds 1, 5, 15, 30; milliseconds and microseconds 1, 2, 5... 500.
// The step is the one whose tick count is nearest the target, with at least 2 ticks; as
// neighbouring steps differ by up to 5x, the count can reach about 5 * target.
// Labels name the step's unit ("2024", "Mar", "Mar 5", "14:00", "14:30:15", "14:30:15.250")
// and add the larger units at the first tick and wherever they change ("Jan 2025",
// "Mar 6 00:00"). A single instant gets a domain of one day either side. The domain is
// clamped to the years -32767..32767 that std::chrono can name.
TimeTicks MakeTimeTicks(int64_t min_micros, int64_t max_micros, int target_count = 5);

// Ticks for the valid values of a column; `valid` is empty (all valid) or one flag per value.
// With no valid value the domain is the first day of 1970 and has_data is false.
TimeTicks TimeTicksOf(std::span<const int64_t> micros, std::span<const uint8_t> valid,
                      int target_count = 5);

}  // namespace pika
