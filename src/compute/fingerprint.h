// Fingerprint: the 128-bit identity of a query over a given state of its input tables.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace pika {

struct Fingerprint {
  uint64_t high = 0;
  uint64_t low = 0;

  bool operator==(const Fingerprint&) const = default;
  std::string Hex() const;
};

// XXH3-128 of `text`.
Fingerprint HashText(std::string_view text);

struct FingerprintHash {
  size_t operator()(const Fingerprint& fingerprint) const {
    const auto& [high, low] = fingerprint;
    return static_cast<size_t>(high ^ (low * 0x9E3779B97F4A7C15ULL));
  }
};

}  // namespace pika
