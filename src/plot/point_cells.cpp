// PointCells: the first pass of binning, from coordinates to cell indices, with SSE2.
#include "plot/binning_kernel.h"

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define PIKA_HAVE_SSE2 1
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PIKA_HAVE_AVX2_TARGET 1
#endif

namespace pika::binning {

void PointCells::FillScalar(size_t first, size_t length, uint32_t* cells,
                            BinningStats& stats) const {
  const uint32_t width = x_axis.pixels();
  for (size_t i = 0; i < length; ++i) {
    const double x_value = x[first + i];
    const double y_value = y[first + i];
    const bool in_view = x_axis.Contains(x_value) & y_axis.Contains(y_value);
    stats.in_view += in_view;
    stats.non_finite += !(IsFinite(x_value) & IsFinite(y_value));
    const uint32_t cell = y_axis.PixelOf(y_value) * width + x_axis.PixelOf(x_value);
    cells[i] = in_view ? cell : Discard(first + i);
  }
}

#ifdef PIKA_HAVE_SSE2

namespace {

// PixelAxis::PixelOf for two values, as doubles holding whole numbers: the same operations
// in the same order, so the pixels are identical.
struct AxisLanes {
  __m128d min, max, pre, offset, scale, last;

  explicit AxisLanes(const PixelAxis& axis)
      : min(_mm_set1_pd(axis.min())),
        max(_mm_set1_pd(axis.max())),
        pre(_mm_set1_pd(axis.pre())),
        offset(_mm_set1_pd(axis.offset())),
        scale(_mm_set1_pd(axis.scale())),
        last(_mm_set1_pd(axis.pixels() - 1.0)) {}

  __m128d Contains(__m128d values) const {
    return _mm_and_pd(_mm_cmpge_pd(values, min), _mm_cmplt_pd(values, max));
  }

  __m128d Pixel(__m128d values) const {
    const __m128d t = _mm_mul_pd(_mm_sub_pd(_mm_mul_pd(values, pre), offset), scale);
    // maxpd returns its second operand when one is NaN: NaN becomes 0, as in PixelOf.
    const __m128d clamped = _mm_min_pd(_mm_max_pd(t, _mm_setzero_pd()), last);
    return _mm_cvtepi32_pd(_mm_cvttpd_epi32(clamped));
  }
};

}  // namespace

void PointCells::FillSse2(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const {
  const AxisLanes x_lanes(x_axis);
  const AxisLanes y_lanes(y_axis);
  const __m128d width = _mm_set1_pd(x_axis.pixels());
  const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
  const __m128d sign = _mm_set1_pd(-0.0);
  uint64_t in_view = 0;
  uint64_t finite = 0;
  size_t i = 0;
  for (; i + 2 <= length; i += 2) {
    const __m128d x_values = _mm_loadu_pd(&x[first + i]);
    const __m128d y_values = _mm_loadu_pd(&y[first + i]);
    const __m128d inside = _mm_and_pd(x_lanes.Contains(x_values), y_lanes.Contains(y_values));
    const __m128d bounded = _mm_and_pd(_mm_cmple_pd(_mm_andnot_pd(sign, x_values), largest),
                                       _mm_cmple_pd(_mm_andnot_pd(sign, y_values), largest));
    const __m128d cell =
        _mm_add_pd(_mm_mul_pd(y_lanes.Pixel(y_values), width), x_lanes.Pixel(x_values));
    const __m128d spare = _mm_set_pd(Discard(first + i + 1), Discard(first + i));
    const __m128d chosen = _mm_or_pd(_mm_and_pd(inside, cell), _mm_andnot_pd(inside, spare));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(cells + i), _mm_cvttpd_epi32(chosen));
    const int inside_bits = _mm_movemask_pd(inside);
    const int bounded_bits = _mm_movemask_pd(bounded);
    in_view += (inside_bits & 1) + (inside_bits >> 1);
    finite += (bounded_bits & 1) + (bounded_bits >> 1);
  }
  stats.in_view += in_view;
  stats.non_finite += i - finite;
  FillScalar(first + i, length - i, cells + i, stats);
}

#ifdef PIKA_HAVE_AVX2_TARGET

namespace {

// AxisLanes for four values: the same operations in the same order, so the same pixels.
struct AxisLanes4 {
  __m256d min, max, pre, offset, scale, last;

  __attribute__((target("avx2"))) explicit AxisLanes4(const PixelAxis& axis)
      : min(_mm256_set1_pd(axis.min())),
        max(_mm256_set1_pd(axis.max())),
        pre(_mm256_set1_pd(axis.pre())),
        offset(_mm256_set1_pd(axis.offset())),
        scale(_mm256_set1_pd(axis.scale())),
        last(_mm256_set1_pd(axis.pixels() - 1.0)) {}

  __attribute__((target("avx2"))) __m256d Contains(__m256d values) const {
    return _mm256_and_pd(_mm256_cmp_pd(values, min, _CMP_GE_OQ),
                         _mm256_cmp_pd(values, max, _CMP_LT_OQ));
  }

  __attribute__((target("avx2"))) __m256d Pixel(__m256d values) const {
    const __m256d t = _mm256_mul_pd(_mm256_sub_pd(_mm256_mul_pd(values, pre), offset), scale);
    // vmaxpd returns its second operand when one is NaN: NaN becomes 0, as in PixelOf.
    const __m256d clamped = _mm256_min_pd(_mm256_max_pd(t, _mm256_setzero_pd()), last);
    return _mm256_cvtepi32_pd(_mm256_cvttpd_epi32(clamped));
  }
};

bool HaveAvx2() {
  static const bool have = __builtin_cpu_supports("avx2");
  return have;
}

}  // namespace

// Half the instructions per row of FillSse2, on the machines that have AVX2 (checked at run
// time: the build targets plain x86-64).
__attribute__((target("avx2"))) void PointCells::FillAvx2(size_t first, size_t length,
                                                          uint32_t* cells,
                                                          BinningStats& stats) const {
  const AxisLanes4 x_lanes(x_axis);
  const AxisLanes4 y_lanes(y_axis);
  const __m256d width = _mm256_set1_pd(x_axis.pixels());
  const __m256d largest = _mm256_set1_pd(std::numeric_limits<double>::max());
  const __m256d sign = _mm256_set1_pd(-0.0);
  uint64_t in_view = 0;
  uint64_t finite = 0;
  size_t i = 0;
  for (; i + 4 <= length; i += 4) {
    const __m256d x_values = _mm256_loadu_pd(&x[first + i]);
    const __m256d y_values = _mm256_loadu_pd(&y[first + i]);
    const __m256d inside = _mm256_and_pd(x_lanes.Contains(x_values), y_lanes.Contains(y_values));
    const __m256d bounded =
        _mm256_and_pd(_mm256_cmp_pd(_mm256_andnot_pd(sign, x_values), largest, _CMP_LE_OQ),
                      _mm256_cmp_pd(_mm256_andnot_pd(sign, y_values), largest, _CMP_LE_OQ));
    const __m256d cell =
        _mm256_add_pd(_mm256_mul_pd(y_lanes.Pixel(y_values), width), x_lanes.Pixel(x_values));
    const __m256d spare = _mm256_set_pd(Discard(first + i + 3), Discard(first + i + 2),
                                        Discard(first + i + 1), Discard(first + i));
    const __m256d chosen = _mm256_blendv_pd(spare, cell, inside);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(cells + i), _mm256_cvttpd_epi32(chosen));
    in_view += static_cast<uint64_t>(__builtin_popcount(_mm256_movemask_pd(inside)));
    finite += static_cast<uint64_t>(__builtin_popcount(_mm256_movemask_pd(bounded)));
  }
  stats.in_view += in_view;
  stats.non_finite += i - finite;
  FillSse2(first + i, length - i, cells + i, stats);
}

void PointCells::Fill(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const {
  if (HaveAvx2()) {
    FillAvx2(first, length, cells, stats);
  } else {
    FillSse2(first, length, cells, stats);
  }
}

#else

void PointCells::Fill(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const {
  FillSse2(first, length, cells, stats);
}

#endif  // PIKA_HAVE_AVX2_TARGET

#else

void PointCells::Fill(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const {
  FillScalar(first, length, cells, stats);
}

#endif

}  // namespace pika::binning
