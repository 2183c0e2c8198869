// PointCells: the first pass of binning, from coordinates to cell indices, with SSE2 or AVX2.
#include <bit>

#include "plot/binning_kernel.h"
#include "plot/simd_load.h"

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define PIKA_HAVE_SSE2 1
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PIKA_HAVE_AVX2_TARGET 1
#endif

namespace pika::binning {

namespace {

// What a fill writes: one cell per row (a spare cell for rows out of view), or only the cells
// of the rows in view, packed to the front.
enum class Out { kEveryRow, kInView };

template <Out kOut, typename T>
size_t FillScalar(const PointCells<T>& points, size_t first, size_t length, uint32_t* cells,
                  BinningStats& stats) {
  const uint32_t width = points.x_axis.pixels();
  size_t kept = 0;
  for (size_t i = 0; i < length; ++i) {
    const double x_value = points.x[first + i];
    const double y_value = points.y[first + i];
    const bool in_view = points.x_axis.Contains(x_value) & points.y_axis.Contains(y_value);
    stats.non_finite += !(IsFinite(x_value) & IsFinite(y_value));
    const uint32_t cell = points.y_axis.PixelOf(y_value) * width + points.x_axis.PixelOf(x_value);
    if constexpr (kOut == Out::kInView) {
      cells[kept] = cell;  // overwritten by the next row when this one is out of view
    } else {
      cells[i] = in_view ? cell : points.Discard(first + i);
    }
    kept += in_view;
  }
  stats.in_view += kept;
  return kept;
}

#ifdef PIKA_HAVE_SSE2

using simd::LoadPair;

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

template <Out kOut, typename T>
size_t FillSse2(const PointCells<T>& points, size_t first, size_t length, uint32_t* cells,
                BinningStats& stats) {
  const AxisLanes x_lanes(points.x_axis);
  const AxisLanes y_lanes(points.y_axis);
  const __m128d width = _mm_set1_pd(points.x_axis.pixels());
  const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
  const __m128d sign = _mm_set1_pd(-0.0);
  uint64_t finite = 0;
  size_t kept = 0;
  size_t i = 0;
  for (; i + 2 <= length; i += 2) {
    const __m128d x_values = LoadPair(&points.x[first + i]);
    const __m128d y_values = LoadPair(&points.y[first + i]);
    const __m128d inside = _mm_and_pd(x_lanes.Contains(x_values), y_lanes.Contains(y_values));
    const __m128d bounded = _mm_and_pd(_mm_cmple_pd(_mm_andnot_pd(sign, x_values), largest),
                                       _mm_cmple_pd(_mm_andnot_pd(sign, y_values), largest));
    const __m128d cell =
        _mm_add_pd(_mm_mul_pd(y_lanes.Pixel(y_values), width), x_lanes.Pixel(x_values));
    const int inside_bits = _mm_movemask_pd(inside);
    if constexpr (kOut == Out::kInView) {
      const __m128i lanes = _mm_cvttpd_epi32(cell);
      cells[kept] = static_cast<uint32_t>(_mm_cvtsi128_si32(lanes));
      kept += inside_bits & 1;
      cells[kept] = static_cast<uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(lanes, 4)));
      kept += inside_bits >> 1;
    } else {
      const __m128d spare = _mm_set_pd(points.Discard(first + i + 1), points.Discard(first + i));
      const __m128d chosen = _mm_or_pd(_mm_and_pd(inside, cell), _mm_andnot_pd(inside, spare));
      _mm_storel_epi64(reinterpret_cast<__m128i*>(cells + i), _mm_cvttpd_epi32(chosen));
      kept += (inside_bits & 1) + (inside_bits >> 1);
    }
    const int bounded_bits = _mm_movemask_pd(bounded);
    finite += (bounded_bits & 1) + (bounded_bits >> 1);
  }
  stats.in_view += kept;
  stats.non_finite += i - finite;
  uint32_t* rest = cells + (kOut == Out::kInView ? kept : i);
  return kept + FillScalar<kOut>(points, first + i, length - i, rest, stats);
}

#ifdef PIKA_HAVE_AVX2_TARGET

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

__attribute__((target("avx2"))) inline __m256d LoadQuad(const double* values) {
  return _mm256_loadu_pd(values);
}
__attribute__((target("avx2"))) inline __m256d LoadQuad(const float* values) {
  return _mm256_cvtps_pd(_mm_loadu_ps(values));
}

// For each 4-bit mask of in-view lanes, the byte shuffle that moves those lanes' 32-bit cells
// to the front, in order.
struct PackShuffles {
  alignas(16) uint8_t bytes[16][16] = {};
};

constexpr PackShuffles MakePackShuffles() {
  PackShuffles shuffles;
  for (int mask = 0; mask < 16; ++mask) {
    int packed = 0;
    for (int lane = 0; lane < 4; ++lane) {
      if ((mask >> lane & 1) == 0) continue;
      for (int byte = 0; byte < 4; ++byte) {
        shuffles.bytes[mask][4 * packed + byte] = static_cast<uint8_t>(4 * lane + byte);
      }
      ++packed;
    }
  }
  return shuffles;
}

constexpr PackShuffles kPackShuffles = MakePackShuffles();

bool HaveAvx2() {
  static const bool have = __builtin_cpu_supports("avx2");
  return have;
}

// Half the instructions per row of FillSse2, on the machines that have AVX2 (checked at run
// time: the build targets plain x86-64).
template <Out kOut, typename T>
__attribute__((target("avx2"))) size_t FillAvx2(const PointCells<T>& points, size_t first,
                                                size_t length, uint32_t* cells,
                                                BinningStats& stats) {
  const AxisLanes4 x_lanes(points.x_axis);
  const AxisLanes4 y_lanes(points.y_axis);
  const __m256d width = _mm256_set1_pd(points.x_axis.pixels());
  const __m256d largest = _mm256_set1_pd(std::numeric_limits<double>::max());
  const __m256d sign = _mm256_set1_pd(-0.0);
  uint64_t finite = 0;
  size_t kept = 0;
  size_t i = 0;
  for (; i + 4 <= length; i += 4) {
    const __m256d x_values = LoadQuad(&points.x[first + i]);
    const __m256d y_values = LoadQuad(&points.y[first + i]);
    const __m256d inside = _mm256_and_pd(x_lanes.Contains(x_values), y_lanes.Contains(y_values));
    const __m256d bounded =
        _mm256_and_pd(_mm256_cmp_pd(_mm256_andnot_pd(sign, x_values), largest, _CMP_LE_OQ),
                      _mm256_cmp_pd(_mm256_andnot_pd(sign, y_values), largest, _CMP_LE_OQ));
    const __m256d cell =
        _mm256_add_pd(_mm256_mul_pd(y_lanes.Pixel(y_values), width), x_lanes.Pixel(x_values));
    const int inside_bits = _mm256_movemask_pd(inside);
    if constexpr (kOut == Out::kInView) {
      // Four cells are stored and the pointer moves past the in-view ones: kept <= i, so the
      // store stays inside cells[0, length).
      const __m128i shuffle =
          _mm_load_si128(reinterpret_cast<const __m128i*>(kPackShuffles.bytes[inside_bits]));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(cells + kept),
                       _mm_shuffle_epi8(_mm256_cvttpd_epi32(cell), shuffle));
    } else {
      const __m256d spare =
          _mm256_set_pd(points.Discard(first + i + 3), points.Discard(first + i + 2),
                        points.Discard(first + i + 1), points.Discard(first + i));
      const __m256d chosen = _mm256_blendv_pd(spare, cell, inside);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(cells + i), _mm256_cvttpd_epi32(chosen));
    }
    kept += static_cast<size_t>(std::popcount(static_cast<unsigned>(inside_bits)));
    finite +=
        static_cast<uint64_t>(std::popcount(static_cast<unsigned>(_mm256_movemask_pd(bounded))));
  }
  stats.in_view += kept;
  stats.non_finite += i - finite;
  uint32_t* rest = cells + (kOut == Out::kInView ? kept : i);
  return kept + FillSse2<kOut>(points, first + i, length - i, rest, stats);
}

#endif  // PIKA_HAVE_AVX2_TARGET
#endif  // PIKA_HAVE_SSE2

template <Out kOut, typename T>
size_t FillBest(const PointCells<T>& points, size_t first, size_t length, uint32_t* cells,
                BinningStats& stats) {
#if defined(PIKA_HAVE_AVX2_TARGET) && defined(PIKA_HAVE_SSE2)
  if (HaveAvx2()) return FillAvx2<kOut>(points, first, length, cells, stats);
#endif
#ifdef PIKA_HAVE_SSE2
  return FillSse2<kOut>(points, first, length, cells, stats);
#else
  return FillScalar<kOut>(points, first, length, cells, stats);
#endif
}

}  // namespace

template <typename T>
void PointCells<T>::Fill(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const {
  FillBest<Out::kEveryRow>(*this, first, length, cells, stats);
}

template <typename T>
size_t PointCells<T>::FillInView(size_t first, size_t length, uint32_t* cells,
                                 BinningStats& stats) const {
  return FillBest<Out::kInView>(*this, first, length, cells, stats);
}

template struct PointCells<double>;
template struct PointCells<float>;

}  // namespace pika::binning
