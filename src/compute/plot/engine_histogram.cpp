#include "compute/plot/engine_histogram.h"

#include <fmt/format.h>

#include <map>

#include "compute/plot/axis_columns.h"
#include "compute/plot/extent.h"
#include "compute/plot_data.h"
#include "plot/reduction_sql.h"
#include "plot/time_bins.h"

namespace pika {

namespace {

Status CountNumbers(PlotQueries& run, const SqlSource& source, double low, double high,
                    HistogramBins& bins) {
  bins = NiceBins(low, high, 40);
  auto sql = HistogramSql(run.dialect(), source, bins.first_edge, bins.last_edge(),
                          static_cast<uint32_t>(bins.counts.size()));
  if (!sql.ok()) return sql.error();
  auto counted = run.Query(*sql);
  if (!counted.ok()) return counted.error();
  FillBins(*counted, bins);
  return {};
}

// Counted with integer arithmetic only, so that every engine puts a time in the same bin.
Status CountTimes(PlotQueries& run, const SqlSource& source, double low, double high,
                  HistogramBins& bins) {
  const TimeStep& step = TimeStepFor(high - low);
  auto counted = run.Query(TimeHistogramSql(run.dialect(), source, step.months, step.micros));
  if (!counted.ok()) return counted.error();
  std::map<int64_t, uint64_t> per_bin;
  for (size_t row = 0; row < counted->row_count; ++row) {
    const int64_t bin = counted->columns[0].IntAt(row);
    const double start = step.months > 0 ? MonthStartMicros(bin)
                                         : kTimeBinOrigin + static_cast<double>(bin) * step.micros;
    per_bin[static_cast<int64_t>(start)] = static_cast<uint64_t>(counted->columns[1].IntAt(row));
  }
  bins = TimeBins(step, per_bin);
  return {};
}

}  // namespace

Result<EngineHistogram> CountEngineHistogram(PlotQueries& run,
                                             const std::vector<EngineColumn>& columns,
                                             const std::string& x) {
  const SqlEngine& engine = run.engine();
  auto column = AxisColumnOf(columns, x, engine, true);
  if (!column.ok()) return column.error();
  const SqlSource source{engine.relation(), column->sql, ""};
  auto extent = FetchExtent(run, source);
  if (!extent.ok()) return extent.error();
  EngineHistogram histogram;
  histogram.rows = extent->rows;
  histogram.x_is_time = column->is_time;
  if (histogram.rows == 0) {
    return InvalidInput(fmt::format("'{}' has no {} to count in {}", x,
                                    column->is_time ? "dates or times" : "numbers",
                                    engine.label()));
  }
  const double low = extent->window.x_min, high = extent->window.x_max;
  PIKA_TRY(column->is_time ? CountTimes(run, source, low, high, histogram.bins)
                           : CountNumbers(run, source, low, high, histogram.bins));
  return histogram;
}

}  // namespace pika
