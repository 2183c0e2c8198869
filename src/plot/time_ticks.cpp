// Time ticks: calendar-aware ticks and contextual labels for a UTC timestamp axis.
#include "plot/time_ticks.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

namespace pika {
namespace {

namespace chrono = std::chrono;
using Micros = chrono::sys_time<chrono::microseconds>;

constexpr int64_t kMicrosecond = 1;
constexpr int64_t kMillisecond = 1000;
constexpr int64_t kSecond = 1000 * kMillisecond;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kWeek = 7 * kDay;
// Average lengths: only used to estimate how many ticks a step gives.
constexpr int64_t kMonth = 2629746 * kSecond;
constexpr int64_t kYear = 12 * kMonth;
// 1970-01-05 was the first Monday after the epoch.
constexpr int64_t kFirstMonday = 4 * kDay;
// The years std::chrono::year can hold.
constexpr int kFirstYear = -32767;
constexpr int kLastYear = 32767;

int64_t UnitMicros(TimeUnit unit) {
  constexpr std::array<int64_t, 9> kLengths{kMicrosecond, kMillisecond, kSecond, kMinute, kHour,
                                            kDay,         kWeek,        kMonth,  kYear};
  return kLengths[static_cast<size_t>(unit)];
}

double ApproxMicros(const TimeStep& step) {
  return static_cast<double>(UnitMicros(step.unit)) * static_cast<double>(step.count);
}

// Every step we may choose, from the shortest to the longest.
std::vector<TimeStep> CandidateSteps() {
  std::vector<TimeStep> steps;
  const auto add = [&](TimeUnit unit, std::initializer_list<int64_t> counts) {
    for (const int64_t count : counts) steps.push_back({unit, count});
  };
  add(TimeUnit::kMicrosecond, {1, 2, 5, 10, 20, 50, 100, 200, 500});
  add(TimeUnit::kMillisecond, {1, 2, 5, 10, 20, 50, 100, 200, 500});
  add(TimeUnit::kSecond, {1, 5, 15, 30});
  add(TimeUnit::kMinute, {1, 5, 15, 30});
  add(TimeUnit::kHour, {1, 3, 6, 12});
  add(TimeUnit::kDay, {1, 2});
  add(TimeUnit::kWeek, {1, 2});
  add(TimeUnit::kMonth, {1, 2, 3, 6});
  for (int64_t decade = 1; decade <= 10000; decade *= 10) {
    add(TimeUnit::kYear, {decade, 2 * decade, 5 * decade});
  }
  return steps;
}

int64_t FloorDiv(int64_t value, int64_t divisor) {
  const int64_t quotient = value / divisor;
  return quotient * divisor > value ? quotient - 1 : quotient;
}

// The first multiple of `step` (counted from `origin`) at or after `value`.
int64_t CeilToStep(int64_t value, int64_t origin, int64_t step) {
  const int64_t floored = origin + FloorDiv(value - origin, step) * step;
  return floored < value ? floored + step : floored;
}

chrono::year_month_day DateOf(int64_t micros) {
  return chrono::year_month_day{chrono::floor<chrono::days>(Micros{chrono::microseconds{micros}})};
}

int64_t MicrosOf(chrono::year_month_day date) {
  return chrono::duration_cast<chrono::microseconds>(chrono::sys_days{date}.time_since_epoch())
      .count();
}

// Months counted from year 0: a month index is a multiple of 3 at Jan, Apr, Jul and Oct.
int64_t MonthIndex(chrono::year_month_day date) {
  return int64_t{static_cast<int>(date.year())} * 12 + static_cast<unsigned>(date.month()) - 1;
}

chrono::year_month_day FirstOfMonth(int64_t month_index) {
  const int64_t year = FloorDiv(month_index, 12);
  const auto month = static_cast<unsigned>(month_index - year * 12 + 1);
  return chrono::year{static_cast<int>(year)} / chrono::month{month} / 1;
}

// Ticks at the 1st of every `months`-th month (years are 12-month steps).
std::vector<int64_t> CalendarTicks(int64_t min, int64_t max, int64_t months) {
  std::vector<int64_t> ticks;
  int64_t index = MonthIndex(DateOf(min));
  if (MicrosOf(FirstOfMonth(index)) < min) ++index;
  // Past the last year chrono names, chrono::year would wrap around.
  for (index = CeilToStep(index, 0, months);
       FloorDiv(index, 12) <= kLastYear && MicrosOf(FirstOfMonth(index)) <= max; index += months) {
    ticks.push_back(MicrosOf(FirstOfMonth(index)));
  }
  return ticks;
}

std::vector<int64_t> FixedTicks(int64_t min, int64_t max, int64_t step, int64_t origin) {
  std::vector<int64_t> ticks;
  for (int64_t tick = CeilToStep(min, origin, step); tick <= max; tick += step) {
    ticks.push_back(tick);
  }
  return ticks;
}

std::vector<int64_t> TickTimes(int64_t min, int64_t max, const TimeStep& step) {
  switch (step.unit) {
    case TimeUnit::kMonth: return CalendarTicks(min, max, step.count);
    case TimeUnit::kYear: return CalendarTicks(min, max, 12 * step.count);
    case TimeUnit::kWeek: return FixedTicks(min, max, step.count * kWeek, kFirstMonday);
    default: return FixedTicks(min, max, step.count * UnitMicros(step.unit), 0);
  }
}

// Each step's tick count, estimated so that tiny steps on wide domains are never generated.
double EstimatedCount(int64_t min, int64_t max, const TimeStep& step) {
  return static_cast<double>(max - min) / ApproxMicros(step);
}

// The candidate whose estimated count is nearest the target, then its neighbours until the
// real count is at least 2 and, where a larger step still gives 2, at most 2 * target + 1
// (calendar months and years vary in length).
TimeStep ChooseStep(int64_t min, int64_t max, int target) {
  const std::vector<TimeStep> steps = CandidateSteps();
  size_t best = 0;
  for (size_t step_idx = 1; step_idx < steps.size(); ++step_idx) {
    const double miss = std::fabs(EstimatedCount(min, max, steps[step_idx]) - target);
    if (miss < std::fabs(EstimatedCount(min, max, steps[best]) - target)) best = step_idx;
  }
  while (best > 0 && TickTimes(min, max, steps[best]).size() < 2) --best;
  while (best + 1 < steps.size() &&
         TickTimes(min, max, steps[best]).size() > static_cast<size_t>(2 * target + 1) &&
         TickTimes(min, max, steps[best + 1]).size() >= 2) {
    ++best;
  }
  return steps[best];
}

// One tick broken into the calendar fields labels are made of.
struct CivilTime {
  chrono::year_month_day date;
  int64_t micros_of_day = 0;
};

CivilTime CivilOf(int64_t micros) {
  const chrono::year_month_day date = DateOf(micros);
  return {date, micros - MicrosOf(date)};
}

std::string MonthName(chrono::month month) {
  constexpr std::array<const char*, 12> kNames{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return kNames[static_cast<unsigned>(month) - 1];
}

std::string MonthDay(chrono::year_month_day date) {
  return fmt::format("{} {}", MonthName(date.month()), static_cast<unsigned>(date.day()));
}

std::string Clock(int64_t micros_of_day, TimeUnit unit) {
  const int64_t hours = micros_of_day / kHour;
  const int64_t minutes = micros_of_day / kMinute % 60;
  const int64_t seconds = micros_of_day / kSecond % 60;
  const int64_t fraction = micros_of_day % kSecond;
  switch (unit) {
    case TimeUnit::kSecond: return fmt::format("{:02}:{:02}:{:02}", hours, minutes, seconds);
    case TimeUnit::kMillisecond:
      return fmt::format("{:02}:{:02}:{:02}.{:03}", hours, minutes, seconds, fraction / 1000);
    case TimeUnit::kMicrosecond:
      return fmt::format("{:02}:{:02}:{:02}.{:06}", hours, minutes, seconds, fraction);
    default: return fmt::format("{:02}:{:02}", hours, minutes);
  }
}

// The label of a tick in the step's unit, with the larger units that differ from the
// previous tick (all of them at the first tick).
std::string Label(const CivilTime& tick, const std::optional<CivilTime>& previous, TimeUnit unit) {
  const bool new_year = !previous || previous->date.year() != tick.date.year();
  const bool new_day = !previous || previous->date != tick.date;
  const std::string year = fmt::format("{}", static_cast<int>(tick.date.year()));
  switch (unit) {
    case TimeUnit::kYear: return year;
    case TimeUnit::kMonth: return MonthName(tick.date.month()) + (new_year ? " " + year : "");
    case TimeUnit::kWeek:
    case TimeUnit::kDay: return MonthDay(tick.date) + (new_year ? ", " + year : "");
    default: break;
  }
  const std::string clock = Clock(tick.micros_of_day, unit);
  if (!new_day) return clock;
  return MonthDay(tick.date) + (new_year ? ", " + year : "") + " " + clock;
}

int64_t MicrosOfYear(int year) { return MicrosOf(chrono::year{year} / 1 / 1); }

}  // namespace

TimeTicks MakeTimeTicks(int64_t min_micros, int64_t max_micros, int target_count) {
  // std::chrono names years -32767..32767 only.
  const int64_t lowest = MicrosOfYear(kFirstYear);
  const int64_t highest = MicrosOfYear(kLastYear) + 364 * kDay;
  TimeTicks ticks;
  ticks.min = std::clamp(std::min(min_micros, max_micros), lowest, highest);
  ticks.max = std::clamp(std::max(min_micros, max_micros), lowest, highest);
  if (ticks.min == ticks.max) {
    ticks.min = std::max(lowest, ticks.min - kDay);
    ticks.max = std::min(highest, ticks.max + kDay);
  }
  const int target = std::clamp(target_count, 2, 50);
  ticks.step = ChooseStep(ticks.min, ticks.max, target);
  std::optional<CivilTime> previous;
  for (const int64_t micros : TickTimes(ticks.min, ticks.max, ticks.step)) {
    const CivilTime civil = CivilOf(micros);
    ticks.ticks.push_back({micros, Label(civil, previous, ticks.step.unit)});
    previous = civil;
  }
  return ticks;
}

TimeTicks TimeTicksOf(std::span<const int64_t> micros, std::span<const uint8_t> valid,
                      int target_count) {
  int64_t low = std::numeric_limits<int64_t>::max();
  int64_t high = std::numeric_limits<int64_t>::min();
  for (size_t row = 0; row < micros.size(); ++row) {
    if (!valid.empty() && valid[row] == 0) continue;
    low = std::min(low, micros[row]);
    high = std::max(high, micros[row]);
  }
  if (low > high) {
    TimeTicks ticks = MakeTimeTicks(0, kDay, target_count);
    ticks.has_data = false;
    return ticks;
  }
  return MakeTimeTicks(low, high, target_count);
}

}  // namespace pika
