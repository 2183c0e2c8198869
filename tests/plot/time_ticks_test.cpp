// Tests of calendar-aware time ticks: units, leap years, DST dates (UTC only), labels.
#include "plot/time_ticks.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace pika {
namespace {

namespace chrono = std::chrono;

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

// Microseconds at a UTC date and time.
int64_t At(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0) {
  const chrono::sys_days date = chrono::year{year} / chrono::month{month} / chrono::day{day};
  return chrono::duration_cast<chrono::microseconds>(date.time_since_epoch()).count() +
         hour * kHour + minute * kMinute + second * kSecond;
}

std::vector<std::string> Labels(const TimeTicks& ticks) {
  std::vector<std::string> labels;
  for (const TimeTick& tick : ticks.ticks) labels.push_back(tick.label);
  return labels;
}

std::vector<int64_t> Gaps(const TimeTicks& ticks) {
  std::vector<int64_t> gaps;
  for (size_t tick_idx = 1; tick_idx < ticks.ticks.size(); ++tick_idx) {
    gaps.push_back(ticks.ticks[tick_idx].micros - ticks.ticks[tick_idx - 1].micros);
  }
  return gaps;
}

TEST(TimeTicks, YearsOverADecade) {
  const TimeTicks ticks = MakeTimeTicks(At(2010, 6, 1), At(2020, 6, 1), 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kYear);
  EXPECT_EQ(ticks.step.count, 2);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"2012", "2014", "2016", "2018", "2020"}));
  EXPECT_EQ(ticks.ticks.front().micros, At(2012, 1, 1));
}

TEST(TimeTicks, CenturiesOverMillennia) {
  const TimeTicks ticks = MakeTimeTicks(At(1000, 1, 1), At(3000, 1, 1), 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kYear);
  EXPECT_EQ(ticks.step.count, 500);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"1000", "1500", "2000", "2500", "3000"}));
}

TEST(TimeTicks, MonthsWithYearAtFirstAndChange) {
  const TimeTicks ticks = MakeTimeTicks(At(2023, 11, 15), At(2024, 4, 15), 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kMonth);
  EXPECT_EQ(ticks.step.count, 1);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"Dec 2023", "Jan 2024", "Feb", "Mar", "Apr"}));
}

TEST(TimeTicks, QuartersStartInJanAprJulOct) {
  const TimeTicks ticks = MakeTimeTicks(At(2023, 2, 10), At(2024, 3, 1), 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kMonth);
  EXPECT_EQ(ticks.step.count, 3);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"Apr 2023", "Jul", "Oct", "Jan 2024"}));
}

TEST(TimeTicks, MonthTicksFollowLeapYears) {
  // A month step is a calendar month: February 2024 has 29 days, 2023 and 1900 have 28,
  // 2000 has 29 (divisible by 400).
  const auto february_length = [](int year) {
    const TimeTicks ticks = MakeTimeTicks(At(year, 1, 1), At(year, 5, 1), 4);
    EXPECT_EQ(ticks.step.unit, TimeUnit::kMonth);
    EXPECT_EQ(ticks.ticks.at(1).micros, At(year, 2, 1));
    return (ticks.ticks.at(2).micros - ticks.ticks.at(1).micros) / kDay;
  };
  EXPECT_EQ(february_length(2024), 29);
  EXPECT_EQ(february_length(2023), 28);
  EXPECT_EQ(february_length(2000), 29);
  EXPECT_EQ(february_length(1900), 28);
}

TEST(TimeTicks, DayTicksIncludeFebruary29OnlyInLeapYears) {
  const TimeTicks leap = MakeTimeTicks(At(2000, 2, 27), At(2000, 3, 2), 5);
  EXPECT_EQ(leap.step.unit, TimeUnit::kDay);
  EXPECT_EQ(Labels(leap),
            (std::vector<std::string>{"Feb 27, 2000", "Feb 28", "Feb 29", "Mar 1", "Mar 2"}));
  const TimeTicks common = MakeTimeTicks(At(1900, 2, 27), At(1900, 3, 2), 4);
  EXPECT_EQ(Labels(common), (std::vector<std::string>{"Feb 27, 1900", "Feb 28", "Mar 1", "Mar 2"}));
}

TEST(TimeTicks, WeeksStartOnMonday) {
  const TimeTicks ticks = MakeTimeTicks(At(2024, 1, 1), At(2024, 2, 5), 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kWeek);
  for (const TimeTick& tick : ticks.ticks) {
    const chrono::weekday weekday{chrono::floor<chrono::days>(
        chrono::sys_time<chrono::microseconds>{chrono::microseconds{tick.micros}})};
    EXPECT_EQ(weekday, chrono::Monday) << tick.label;
  }
  EXPECT_EQ(ticks.ticks.front().label, "Jan 1, 2024");  // 2024-01-01 was a Monday
}

TEST(TimeTicks, HoursWithDateAtFirstAndAtMidnight) {
  const TimeTicks ticks = MakeTimeTicks(At(2024, 3, 5, 13), At(2024, 3, 6, 8), 6);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kHour);
  EXPECT_EQ(ticks.step.count, 3);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"Mar 5, 2024 15:00", "18:00", "21:00",
                                                     "Mar 6 00:00", "03:00", "06:00"}));
}

TEST(TimeTicks, EuropeanDstDateIsEvenlySpacedInUtc) {
  // 2024-03-31: clocks in the EU jumped from 02:00 to 03:00 local time. In UTC every day has
  // 24 hours, so the ticks keep one spacing (no 23- or 25-hour gaps).
  const TimeTicks ticks = MakeTimeTicks(At(2024, 3, 30), At(2024, 4, 2), 6);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kHour);
  EXPECT_EQ(ticks.step.count, 12);
  for (const int64_t gap : Gaps(ticks)) EXPECT_EQ(gap, 12 * kHour);
}

TEST(TimeTicks, UsDstDateIsEvenlySpacedInUtc) {
  // 2024-03-10 (US spring forward) and 2024-11-03 (fall back): hourly ticks stay one hour.
  for (const int64_t day : {At(2024, 3, 10), At(2024, 11, 3)}) {
    const TimeTicks ticks = MakeTimeTicks(day, day + kDay, 24);
    EXPECT_EQ(ticks.step.unit, TimeUnit::kHour);
    EXPECT_EQ(ticks.ticks.size(), 25u);
    for (const int64_t gap : Gaps(ticks)) EXPECT_EQ(gap, kHour);
  }
  const TimeTicks days = MakeTimeTicks(At(2024, 3, 5), At(2024, 3, 15), 10);
  EXPECT_EQ(days.step.unit, TimeUnit::kDay);
  for (const int64_t gap : Gaps(days)) EXPECT_EQ(gap, kDay);
}

TEST(TimeTicks, MinutesAndSeconds) {
  const TimeTicks minutes = MakeTimeTicks(At(2024, 3, 5, 14, 0), At(2024, 3, 5, 15, 0), 4);
  EXPECT_EQ(minutes.step.unit, TimeUnit::kMinute);
  EXPECT_EQ(minutes.step.count, 15);
  EXPECT_EQ(Labels(minutes),
            (std::vector<std::string>{"Mar 5, 2024 14:00", "14:15", "14:30", "14:45", "15:00"}));
  const TimeTicks seconds = MakeTimeTicks(At(2024, 3, 5, 14, 30, 0), At(2024, 3, 5, 14, 31, 0), 4);
  EXPECT_EQ(seconds.step.unit, TimeUnit::kSecond);
  EXPECT_EQ(seconds.ticks.at(1).label, "14:30:15");
}

TEST(TimeTicks, Milliseconds) {
  const int64_t start = At(2024, 3, 5, 14, 30, 15);
  const TimeTicks ticks = MakeTimeTicks(start, start + 1000 * 1000, 4);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kMillisecond);
  EXPECT_EQ(ticks.step.count, 200);
  EXPECT_EQ(ticks.ticks.at(1).label, "14:30:15.200");
}

TEST(TimeTicks, MicrosecondsForTheTiniestRanges) {
  const int64_t start = At(2024, 3, 5, 14, 30, 15);
  const TimeTicks ticks = MakeTimeTicks(start, start + 10, 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kMicrosecond);
  EXPECT_EQ(ticks.ticks.at(1).label, "14:30:15.000002");
}

TEST(TimeTicks, BeforeTheEpoch) {
  const TimeTicks ticks = MakeTimeTicks(At(1969, 12, 30, 20), At(1970, 1, 1, 4), 6);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kHour);
  for (const TimeTick& tick : ticks.ticks) EXPECT_EQ(tick.micros % (6 * kHour), 0);
  EXPECT_EQ(Labels(ticks).front(), "Dec 31, 1969 00:00");
}

TEST(TimeTicks, SingleInstantGetsADayEitherSide) {
  const int64_t instant = At(2024, 3, 5, 14);
  const TimeTicks ticks = MakeTimeTicks(instant, instant, 5);
  EXPECT_EQ(ticks.min, instant - kDay);
  EXPECT_EQ(ticks.max, instant + kDay);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_TRUE(ticks.has_data);
}

TEST(TimeTicks, AllNullGivesDefaultDayAndNoDataFlag) {
  const std::vector<int64_t> values{5, 6};
  const std::vector<uint8_t> valid{0, 0};
  const TimeTicks ticks = TimeTicksOf(values, valid, 5);
  EXPECT_FALSE(ticks.has_data);
  EXPECT_EQ(ticks.min, 0);
  EXPECT_EQ(ticks.max, kDay);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_FALSE(TimeTicksOf({}, {}, 5).has_data);
}

TEST(TimeTicks, ValidValuesOnly) {
  const std::vector<int64_t> values{At(1900, 1, 1), At(2024, 1, 1), At(2024, 12, 31)};
  const std::vector<uint8_t> valid{0, 1, 1};
  const TimeTicks ticks = TimeTicksOf(values, valid, 5);
  EXPECT_EQ(ticks.min, At(2024, 1, 1));
  EXPECT_EQ(ticks.step.unit, TimeUnit::kMonth);
}

TEST(TimeTicks, ExtremeTimestampsAreClampedNotCrashed) {
  const TimeTicks ticks =
      MakeTimeTicks(std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(), 5);
  EXPECT_EQ(ticks.step.unit, TimeUnit::kYear);
  EXPECT_GE(ticks.ticks.size(), 2u);
  EXPECT_LE(ticks.ticks.size(), 11u);
}

// Labels repeat across days ("12:00" every day); neighbours never read the same.
RC_GTEST_PROP(TimeTicksProperty, InsideIncreasingAndNeighboursDistinct, ()) {
  // Anywhere from year 1 to 9999, spans from microseconds to millennia.
  const int64_t min = *rc::gen::inRange<int64_t>(At(1, 1, 1), At(9999, 1, 1));
  const int64_t span = static_cast<int64_t>(std::pow(10.0, *rc::gen::inRange(0, 170) / 10.0));
  const int target = *rc::gen::inRange(2, 12);
  const TimeTicks ticks = MakeTimeTicks(min, min + span, target);
  RC_ASSERT(ticks.ticks.size() >= 2u);
  // Neighbouring steps differ by up to 5x (1 and 5 seconds): the count can overshoot.
  RC_ASSERT(ticks.ticks.size() <= static_cast<size_t>(5 * target + 1));
  for (size_t tick_idx = 0; tick_idx < ticks.ticks.size(); ++tick_idx) {
    RC_ASSERT(ticks.ticks[tick_idx].micros >= ticks.min);
    RC_ASSERT(ticks.ticks[tick_idx].micros <= ticks.max);
    if (tick_idx == 0) continue;
    RC_ASSERT(ticks.ticks[tick_idx].micros > ticks.ticks[tick_idx - 1].micros);
    RC_ASSERT(ticks.ticks[tick_idx].label != ticks.ticks[tick_idx - 1].label);
  }
}

}  // namespace
}  // namespace pika
