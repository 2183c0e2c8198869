// MinMaxLTTB: LTTB over the per-bucket minima and maxima, a fast LTTB for very long lines.
#include "plot/minmax_lttb.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "plot/column_extremes.h"
#include "plot/lttb.h"

namespace pika {

namespace {

bool IsFinite(double value) { return std::fabs(value) <= std::numeric_limits<double>::max(); }

template <typename T>
size_t FirstFinite(std::span<const T> x, std::span<const T> y) {
  for (size_t row = 0; row < x.size(); ++row) {
    if (IsFinite(x[row]) && IsFinite(y[row])) return row;
  }
  return kNoRow;
}

template <typename T>
size_t LastFinite(std::span<const T> x, std::span<const T> y) {
  for (size_t row = x.size(); row-- > 0;) {
    if (IsFinite(x[row]) && IsFinite(y[row])) return row;
  }
  return kNoRow;
}

// Per bucket, its extremes: candidates[2b] and candidates[2b + 1], kNoRow when none.
template <typename T>
std::vector<size_t> Preselect(std::span<const T> x, std::span<const T> y, size_t buckets) {
  std::vector<size_t> candidates(2 * buckets + 2, kNoRow);
  const size_t n = x.size();
  tbb::parallel_for(size_t{0}, buckets, [&](size_t bucket) {
    const ColumnExtremes extremes =
        FindExtremes(x, y, n * bucket / buckets, n * (bucket + 1) / buckets);
    candidates[2 * bucket] = extremes.min;
    candidates[2 * bucket + 1] = extremes.max;
  });
  // The line's ends, which LTTB keeps.
  candidates[2 * buckets] = FirstFinite(x, y);
  candidates[2 * buckets + 1] = LastFinite(x, y);
  std::sort(candidates.begin(), candidates.end());  // kNoRow sorts last
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (!candidates.empty() && candidates.back() == kNoRow) candidates.pop_back();
  return candidates;
}

template <typename T>
void MinMaxLttbOf(std::span<const T> x, std::span<const T> y, size_t n_out, size_t ratio,
                  std::vector<size_t>& rows) {
  const size_t buckets = n_out * std::max<size_t>(ratio, 1) / 2;
  if (n_out < 3 || x.size() <= 2 * buckets + 2) return Lttb(x, y, n_out, rows);
  const std::vector<size_t> candidates = Preselect(x, y, buckets);
  // Mostly NaN buckets can leave too few candidates: then sample every finite row.
  if (candidates.size() < n_out) return Lttb(x, y, n_out, rows);
  LttbOfRows(x, y, candidates, n_out, rows);
}

}  // namespace

void MinMaxLttb(std::span<const double> x, std::span<const double> y, size_t n_out, size_t ratio,
                std::vector<size_t>& rows) {
  MinMaxLttbOf(x, y, n_out, ratio, rows);
}

void MinMaxLttb(std::span<const float> x, std::span<const float> y, size_t n_out, size_t ratio,
                std::vector<size_t>& rows) {
  MinMaxLttbOf(x, y, n_out, ratio, rows);
}

}  // namespace pika
