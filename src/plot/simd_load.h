// LoadPair: two values of a double or float32 column as two double lanes.
#pragma once

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>

namespace pika::simd {

// float32 values widen to double exactly, so kernels compare and map them as the doubles
// they equal, with one code path for both column types.
inline __m128d LoadPair(const double* values) { return _mm_loadu_pd(values); }

inline __m128d LoadPair(const float* values) {
  return _mm_cvtps_pd(_mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(values))));
}

}  // namespace pika::simd

#endif
