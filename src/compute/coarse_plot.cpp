#include "compute/coarse_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "compute/plot_color.h"
#include "compute/preflight.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// A column whose values are all equal still needs an axis of some width.
void Widen(double& low, double& high) {
  if (high > low) return;
  const double pad = std::max(std::abs(low) * 1e-3, 0.5);
  low -= pad;
  high += pad;
}

// The lowest and highest finite value, or nothing.
std::optional<std::pair<double, double>> FiniteRange(const std::vector<double>& values) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (double value : values) {
    if (!std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (!(low <= high)) return std::nullopt;
  return std::make_pair(low, high);
}

// Whole vectors of rows picked at random: DuckDB's system sampling skips the others while
// scanning. (A seed would not make it repeatable: the scan runs on several threads.)
Status FetchSample(Connection& connection, const PlotDataRequest& request, bool x_is_time,
                   double percent, std::vector<double>& x, std::vector<double>& y) {
  auto result = connection.Query(fmt::format(
      "SELECT {}, TRY_CAST({} AS DOUBLE) FROM {} AS coarse_rows USING SAMPLE {}% (system)",
      XValueSql(request, x_is_time), QuoteIdentifier(request.y), request.relation, percent));
  if (!result.ok()) return result.error();
  while (true) {
    auto batch = result->NextBatch();
    if (!batch.ok()) return batch.error();
    if (!batch->has_value()) return {};
    for (size_t column = 0; column < 2; ++column) {
      const Column& values = (*batch)->columns[column];
      const auto& doubles = std::get<std::vector<double>>(values.values);
      auto& out = column == 0 ? x : y;
      for (size_t row = 0; row < values.size(); ++row)
        out.push_back(values.IsValid(row) ? doubles[row] : std::nan(""));
    }
  }
}

}  // namespace

GridShape CoarseShapeFor(double width, double height) {
  const auto cells = [](double pixels) {
    return static_cast<uint32_t>(std::clamp(std::ceil(pixels / 6), 8.0, 400.0));
  };
  return {cells(width), cells(height)};
}

Result<std::optional<CoarseCounts>> FetchCoarseCounts(Connection& connection,
                                                      const PlotDataRequest& request,
                                                      GridShape shape, uint64_t min_rows) {
  if (request.y.empty())
    return InvalidInput(fmt::format("a {} plot needs a y column", request.kind));
  const std::string all_rows = "SELECT * FROM " + request.relation;
  auto plain = IsPlainScan(connection, all_rows);
  if (!plain.ok()) return plain.error();
  auto estimate = EstimateRows(connection, all_rows);
  if (!estimate.ok()) return estimate.error();
  if (!*plain || !*estimate || **estimate < std::max<uint64_t>(min_rows, 1))
    return std::optional<CoarseCounts>();
  auto type = ColumnTypeOf(connection, request.relation, request.x);
  if (!type.ok()) return type.error();
  const bool x_is_time = *type == ColumnType::kDate || *type == ColumnType::kTimestamp;
  const double percent =
      std::clamp(100.0 * static_cast<double>(kCoarseSampleRows) / static_cast<double>(**estimate),
                 0.01, 100.0);
  std::vector<double> x, y;
  PIKA_TRY(FetchSample(connection, request, x_is_time, percent, x, y));
  const auto x_range = FiniteRange(x), y_range = FiniteRange(y);
  if (!x_range || !y_range) return std::optional<CoarseCounts>();
  CoarseCounts coarse;
  coarse.extent = {x_range->first, x_range->second, y_range->first, y_range->second};
  Widen(coarse.extent.x_min, coarse.extent.x_max);
  Widen(coarse.extent.y_min, coarse.extent.y_max);
  coarse.x_is_time = x_is_time;
  coarse.sampled_percent = percent;
  // Cells are half-open: the highest values need the bound just above them.
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Viewport viewport{coarse.extent.x_min, std::nextafter(coarse.extent.x_max, kInf),
                          coarse.extent.y_min, std::nextafter(coarse.extent.y_max, kInf)};
  GridPool pool;
  PIKA_TRY(BinCounts(x, y, viewport, shape, pool, coarse.counts));
  // Each sampled row stands for the rows it was picked from.
  const double scale = 100.0 / percent;
  for (uint32_t& count : coarse.counts.counts)
    count = static_cast<uint32_t>(std::min(std::round(count * scale), 4e9));
  coarse.rows =
      static_cast<uint64_t>(std::round(static_cast<double>(coarse.counts.stats.binned()) * scale));
  if (coarse.rows < min_rows) return std::optional<CoarseCounts>();
  return std::optional<CoarseCounts>(std::move(coarse));
}

}  // namespace pika
