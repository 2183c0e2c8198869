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
// reductions without -ffast-math.
template <bool kCheckX, typename T>
Range Scan(std::span<const T> x, std::span<const T> y, size_t begin, size_t end) {
  const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
  const __m128d sign = _mm_set1_pd(-0.0);
  const __m128d inf = _mm_set1_pd(kInf);
  const __m128d minus_inf = _mm_set1_pd(-kInf);
  const auto finite = [&](__m128d values) {
    return _mm_cmple_pd(_mm_andnot_pd(sign, values), largest);
  };
  __m128d low = inf;
  __m128d high = minus_inf;
  uint64_t count = 0;
  size_t row = begin;
  for (; row + 2 <= end; row += 2) {
    const __m128d values = simd::LoadPair(&y[row]);
    __m128d valid = finite(values);
    if constexpr (kCheckX) valid = _mm_and_pd(valid, finite(simd::LoadPair(&x[row])));
    low = _mm_min_pd(low, _mm_or_pd(_mm_and_pd(valid, values), _mm_andnot_pd(valid, inf)));
    high = _mm_max_pd(high, _mm_or_pd(_mm_and_pd(valid, values), _mm_andnot_pd(valid, minus_inf)));
    const int bits = _mm_movemask_pd(valid);
    count += static_cast<uint64_t>((bits & 1) + (bits >> 1));
  }
  double lows[2];
  double highs[2];
  _mm_storeu_pd(lows, low);
  _mm_storeu_pd(highs, high);
  const Range vector_range{std::min(lows[0], lows[1]), std::max(highs[0], highs[1]), count};
  return ScanScalar<kCheckX>(x, y, row, end, vector_range);
}

// Scan for y alone (M4 on sorted x), with fewer instructions a row: minpd and maxpd return
// their second operand when one is NaN, so NaN rows leave the accumulators as they were with
// no masking. An infinity would enter them; a run holding one (rare) is scanned again with
// masks. Two accumulators each, as one min waits for the previous. (M4 at 10^8 sorted rows:
// 1.64x a streaming read before, 1.15-1.25x after.)
template <typename T>
Range ScanY(std::span<const T> y, size_t begin, size_t end) {
  const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
  const __m128d sign = _mm_set1_pd(-0.0);
  __m128d low[2] = {_mm_set1_pd(kInf), _mm_set1_pd(kInf)};
  __m128d high[2] = {_mm_set1_pd(-kInf), _mm_set1_pd(-kInf)};
  __m128i count[2] = {_mm_setzero_si128(), _mm_setzero_si128()};
  const auto add = [&](size_t row, size_t lane) {
    const __m128d values = simd::LoadPair(&y[row]);
    low[lane] = _mm_min_pd(values, low[lane]);
    high[lane] = _mm_max_pd(values, high[lane]);
    // A finite lane's mask is -1: subtracting it counts the row.
    const __m128d finite = _mm_cmple_pd(_mm_andnot_pd(sign, values), largest);
    count[lane] = _mm_sub_epi64(count[lane], _mm_castpd_si128(finite));
  };
  size_t row = begin;
  for (; row + 4 <= end; row += 4) {
    add(row, 0);
    add(row + 2, 1);
  }
  if (row + 2 <= end) {
    add(row, 0);
    row += 2;
  }
  double lows[2];
  double highs[2];
  uint64_t counts[2];
  _mm_storeu_pd(lows, _mm_min_pd(low[0], low[1]));
  _mm_storeu_pd(highs, _mm_max_pd(high[0], high[1]));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(counts), _mm_add_epi64(count[0], count[1]));
  const Range vector_range{std::min(lows[0], lows[1]), std::max(highs[0], highs[1]),
                           counts[0] + counts[1]};
  const Range range = ScanScalar<false>(y, y, row, end, vector_range);
  if (range.low == -kInf || range.high == kInf) return Scan<false>(y, y, begin, end);
  return range;
}

#else

template <bool kCheckX, typename T>
Range Scan(std::span<const T> x, std::span<const T> y, size_t begin, size_t end) {
  return ScanScalar<kCheckX>(x, y, begin, end, Range{});
}

template <typename T>
Range ScanY(std::span<const T> y, size_t begin, size_t end) {
  return Scan<false>(y, y, begin, end);
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
  const auto [low, high, count] = kCheckX ? Scan<true>(x, y, begin, end) : ScanY(y, begin, end);
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
