#include "plot/time_bins.h"

#include <chrono>
#include <cmath>
#include <iterator>
#include <vector>

namespace pika {

namespace {

constexpr double kSecond = 1e6, kHour = 3600 * kSecond, kDay = 24 * kHour;
constexpr double kMonth = 30.436875 * kDay;
constexpr TimeStep kTimeSteps[] = {{"1 second", kSecond, 0},
                                   {"5 seconds", 5 * kSecond, 0},
                                   {"15 seconds", 15 * kSecond, 0},
                                   {"1 minute", 60 * kSecond, 0},
                                   {"5 minutes", 300 * kSecond, 0},
                                   {"15 minutes", 900 * kSecond, 0},
                                   {"1 hour", kHour, 0},
                                   {"3 hours", 3 * kHour, 0},
                                   {"6 hours", 6 * kHour, 0},
                                   {"12 hours", 12 * kHour, 0},
                                   {"1 day", kDay, 0},
                                   {"2 days", 2 * kDay, 0},
                                   {"7 days", 7 * kDay, 0},
                                   {"1 month", kMonth, 1},
                                   {"3 months", 3 * kMonth, 3},
                                   {"6 months", 6 * kMonth, 6},
                                   {"1 year", 12 * kMonth, 12},
                                   {"2 years", 24 * kMonth, 24},
                                   {"5 years", 60 * kMonth, 60},
                                   {"10 years", 120 * kMonth, 120},
                                   {"100 years", 1200 * kMonth, 1200}};

// The month (year * 12 + month from 0) that holds `micros`.
int64_t MonthOf(double micros) {
  using namespace std::chrono;
  const year_month_day day{
      floor<days>(sys_time<microseconds>(microseconds(static_cast<int64_t>(micros))))};
  return int64_t{static_cast<int>(day.year())} * 12 + static_cast<unsigned>(day.month()) - 1;
}

}  // namespace

const TimeStep& TimeStepFor(double span_micros) {
  for (const TimeStep& step : kTimeSteps)
    if (span_micros / step.micros <= 45) return step;
  return kTimeSteps[std::size(kTimeSteps) - 1];
}

double MonthStartMicros(int64_t month_index) {
  using namespace std::chrono;
  const int64_t years = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
  const year_month_day first{year{static_cast<int>(years)},
                             month{static_cast<unsigned>(month_index - years * 12) + 1}, day{1}};
  return static_cast<double>(
      duration_cast<microseconds>(sys_days{first}.time_since_epoch()).count());
}

HistogramBins TimeBins(const TimeStep& step, const std::map<int64_t, uint64_t>& per_bin) {
  HistogramBins bins;
  bins.label = step.label;
  if (per_bin.empty()) return bins;
  bins.first_edge = static_cast<double>(per_bin.begin()->first);
  const auto last = static_cast<double>(per_bin.rbegin()->first);
  if (step.months > 0) {
    // Calendar edges from the first bin's month past the last bin, `months` apart.
    const int64_t first_month = MonthOf(bins.first_edge);
    for (int64_t month = first_month;; month += step.months) {
      bins.edges.push_back(MonthStartMicros(month));
      if (bins.edges.back() > last || bins.edges.size() > 100'001) break;
    }
    bins.counts.assign(bins.edges.size() - 1, 0);
    for (size_t bin = 0; bin < bins.counts.size(); ++bin) {
      const auto found = per_bin.find(static_cast<int64_t>(bins.edges[bin]));
      if (found != per_bin.end()) bins.counts[bin] = found->second;
    }
    return bins;
  }
  bins.width = step.micros;
  bins.counts.assign(static_cast<size_t>(std::llround((last - bins.first_edge) / step.micros)) + 1,
                     0);
  for (const auto& [start, count] : per_bin) {
    const auto bin = static_cast<size_t>(
        std::llround((static_cast<double>(start) - bins.first_edge) / step.micros));
    if (bin < bins.counts.size()) bins.counts[bin] = count;
  }
  return bins;
}

}  // namespace pika
