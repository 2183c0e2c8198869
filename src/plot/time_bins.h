// Histogram bins of dates and times: a length people count in (5 minutes, 1 day, 1 week,
// 3 months), about 40 bins over the span. Fixed lengths start from 2000-01-03 (a Monday, so
// weeks start on Mondays), calendar ones on the first of a month, months counted from year 0,
// as DuckDB's time_bucket places them: every engine's counts land in the same bins.
#pragma once

#include <cstdint>
#include <map>

#include "plot/plot_scene.h"

namespace pika {

struct TimeStep {
  const char* label;  // as an INTERVAL reads it
  double micros;      // its length (a month: its average)
  int months;         // calendar steps: edges are counted in months (0: a fixed length)
};

// 2000-01-03 00:00 UTC in microseconds since the epoch: where fixed-length bins start.
inline constexpr double kTimeBinOrigin = 946'857'600'000'000.0;

// The step that makes at most 45 bins of a span (the longest step past that).
const TimeStep& TimeStepFor(double span_micros);

// The first instant of month `month_index` (year * 12 + month of the year from 0) in
// microseconds since the epoch.
double MonthStartMicros(int64_t month_index);

// The bins of `step` from counts keyed by each bin's start (microseconds since the epoch),
// from the first bin that has rows to the last; empty bins between them count 0.
HistogramBins TimeBins(const TimeStep& step, const std::map<int64_t, uint64_t>& per_bin);

}  // namespace pika
