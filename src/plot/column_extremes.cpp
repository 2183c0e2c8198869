// ColumnExtremes: first, last, lowest and highest finite point of a run of rows.
#include "plot/column_extremes.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "plot/simd_load.h"

#if defined(__SSE2__) || defined(_M_X64)
#define PIKA_HAVE_SSE2 1
#endif

namespace pika {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool IsFinite(double value) { return std::fabs(value) <= std::numeric_limits<double>::max(); }

// Reads two arrays only when asked: M4 on sorted x needs y alone.
template <bool kCheckX, typename T>
bool Valid(std::span<const T> x, std::span<const T> y, size_t row) {
  if constexpr (kCheckX) return IsFinite(x[row]) & IsFinite(y[row]);
  return IsFinite(y[row]);
}

struct Range {
  double low = kInf;
  double high = -kInf;
  uint64_t count = 0;
};

// The lowest and highest valid y of rows [begin, end), scalar.
template <bool kCheckX, typename T>
Range ScanScalar(std::span<const T> x, std::span<const T> y, size_t begin, size_t end,
                 Range range) {
  for (size_t row = begin; row < end; ++row) {
    const bool valid = Valid<kCheckX>(x, y, row);
    const double value = y[row];  // float32 widens exactly
    range.low = (valid & (value < range.low)) ? value : range.low;
    range.high = (valid & (value > range.high)) ? value : range.high;
    range.count += valid;
  }
  return range;
}

#ifdef PIKA_HAVE_SSE2

// The same, two rows at a time: compilers do not vectorize floating-point min/max
// reductions without -ffast-math, and this loop is all M4 does per row.
template <bool kCheckX, typename T>
Range Scan(std::span<const T> x, std::span<const T> y, size_t begin, size_t end) {
  const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
  const __m128d sign = _mm_set1_pd(-0.0);
  const __m128d inf = _mm_set1_pd(kInf);
  const __m128d minus_inf = _mm_set1_pd(-kInf);
  const auto finite = [&](__m128d values) {
    return _mm_cmple_pd(_mm_andnot_pd(sign, values), largest);
  };
  // M4 (y alone) unrolls to two accumulators each: one min or max waits for the previous, which
  // left the loop below memory speed (M4 at 10^8 sorted rows: 1.64x -> 1.15x a streaming
  // read). Checking x too (MinMaxLTTB's buckets), the unrolled loop measured slower (1.70x ->
  // 2.0x), for a reason we did not find, so that case keeps one accumulator.
  __m128d low0 = inf, low1 = inf, high0 = minus_inf, high1 = minus_inf;
  uint64_t count = 0;
  const auto add = [&](size_t row, __m128d& low, __m128d& high) {
    const __m128d values = simd::LoadPair(&y[row]);
    __m128d valid = finite(values);
    if constexpr (kCheckX) valid = _mm_and_pd(valid, finite(simd::LoadPair(&x[row])));
    low = _mm_min_pd(low, _mm_or_pd(_mm_and_pd(valid, values), _mm_andnot_pd(valid, inf)));
    high = _mm_max_pd(high, _mm_or_pd(_mm_and_pd(valid, values), _mm_andnot_pd(valid, minus_inf)));
    const int bits = _mm_movemask_pd(valid);
    count += static_cast<uint64_t>((bits & 1) + (bits >> 1));
  };
  size_t row = begin;
  for (; !kCheckX && row + 4 <= end; row += 4) {
    add(row, low0, high0);
    add(row + 2, low1, high1);
  }
  for (; row + 2 <= end; row += 2) add(row, low0, high0);
  double lows[2];
  double highs[2];
  _mm_storeu_pd(lows, _mm_min_pd(low0, low1));
  _mm_storeu_pd(highs, _mm_max_pd(high0, high1));
  const Range vector_range{std::min(lows[0], lows[1]), std::max(highs[0], highs[1]), count};
  return ScanScalar<kCheckX>(x, y, row, end, vector_range);
}

#else

template <bool kCheckX, typename T>
Range Scan(std::span<const T> x, std::span<const T> y, size_t begin, size_t end) {
  return ScanScalar<kCheckX>(x, y, begin, end, Range{});
}

#endif

// The first row from `row` on whose y is `value` (finite) and that is valid; there is one.
// For y alone, four rows per test until one equals `value`: the search reads half a column
// on average. (With x checked too, the vector search measured slower, as the unrolled scan.)
template <bool kCheckX, typename T>
size_t FindRow(std::span<const T> x, std::span<const T> y, size_t row, size_t end, double value) {
#ifdef PIKA_HAVE_SSE2
  if constexpr (!kCheckX) {
    const __m128d wanted = _mm_set1_pd(value);
    for (; row + 4 <= end; row += 4) {
      const __m128d equal = _mm_or_pd(_mm_cmpeq_pd(simd::LoadPair(&y[row]), wanted),
                                      _mm_cmpeq_pd(simd::LoadPair(&y[row + 2]), wanted));
      if (_mm_movemask_pd(equal) != 0) break;
    }
  }
#endif
  while (!(y[row] == value && Valid<kCheckX>(x, y, row))) ++row;
  return row;
}

// Values first, rows after: the value loop has no data-dependent branches, and the search
// for the row of an extreme usually stops early.
template <bool kCheckX, typename T>
ColumnExtremes Find(std::span<const T> x, std::span<const T> y, size_t begin, size_t end) {
  const auto [low, high, count] = Scan<kCheckX>(x, y, begin, end);
  ColumnExtremes extremes;
  extremes.finite_count = count;
  if (count == 0) return extremes;
  size_t row = begin;
  while (!Valid<kCheckX>(x, y, row)) ++row;
  extremes.first = row;
  row = end - 1;
  while (!Valid<kCheckX>(x, y, row)) --row;
  extremes.last = row;
  extremes.min = FindRow<kCheckX>(x, y, extremes.first, end, low);
  extremes.max = FindRow<kCheckX>(x, y, extremes.first, end, high);
  return extremes;
}

}  // namespace

ColumnExtremes FindExtremes(std::span<const double> y, size_t begin, size_t end) {
  return Find<false>(y, y, begin, end);
}

ColumnExtremes FindExtremes(std::span<const float> y, size_t begin, size_t end) {
  return Find<false>(y, y, begin, end);
}

ColumnExtremes FindExtremes(std::span<const double> x, std::span<const double> y, size_t begin,
                            size_t end) {
  return Find<true>(x, y, begin, end);
}

ColumnExtremes FindExtremes(std::span<const float> x, std::span<const float> y, size_t begin,
                            size_t end) {
  return Find<true>(x, y, begin, end);
}

}  // namespace pika
