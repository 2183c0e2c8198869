#include "compute/fingerprint.h"

#include <fmt/format.h>
#include <xxhash.h>

namespace pika {

std::string Fingerprint::Hex() const { return fmt::format("{:016x}{:016x}", high, low); }

Fingerprint HashText(std::string_view text) {
  const XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
  return {hash.high64, hash.low64};
}

}  // namespace pika
