#include "compute/reduction_cache.h"

#include <bit>

namespace pika {

namespace {

size_t Mix(size_t seed, uint64_t value) {
  return seed ^ (value + 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace

size_t ReductionKeyHash::operator()(const ReductionKey& key) const {
  // Destructured so that a new field fails to compile here until it is hashed too.
  const auto& [data, x_min, x_max, y_min, y_max, width, height, method] = key;
  size_t seed = FingerprintHash{}(data);
  for (double bound : {x_min, x_max, y_min, y_max})
    seed = Mix(seed, std::bit_cast<uint64_t>(bound));
  seed = Mix(seed, (uint64_t{width} << 32) | height);
  return Mix(seed, method);
}

}  // namespace pika
