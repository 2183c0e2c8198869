#include "storage/memory_limit.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>

namespace pika {

namespace {

constexpr uint64_t kSmallest = uint64_t{16} << 20;  // DuckDB needs a few buffers to work at all

struct Unit {
  std::string_view name;
  double bytes;
};
constexpr std::array<Unit, 10> kUnits{{{"", 1},
                                       {"b", 1},
                                       {"kb", 1e3},
                                       {"mb", 1e6},
                                       {"gb", 1e9},
                                       {"tb", 1e12},
                                       {"kib", 1024.0},
                                       {"mib", 1024.0 * 1024},
                                       {"gib", 1024.0 * 1024 * 1024},
                                       {"tib", 1024.0 * 1024 * 1024 * 1024}}};

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// A container's memory (cgroup v2 memory.max), 0 when there is no such limit.
uint64_t ContainerMemoryBytes() {
  std::ifstream in("/sys/fs/cgroup/memory.max");
  uint64_t bytes = 0;
  return in >> bytes ? bytes : 0;  // "max" reads as no number
}

}  // namespace

std::string MemoryLimit::Setting() const { return fmt::format("{}KiB", bytes / 1024); }

Result<uint64_t> ParseByteSize(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  double number = 0;
  const auto [end, problem] =
      std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
  std::string unit(Trim(std::string_view(end, trimmed.data() + trimmed.size() - end)));
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto found = std::find_if(kUnits.begin(), kUnits.end(),
                                  [&](const Unit& candidate) { return candidate.name == unit; });
  if (problem != std::errc() || found == kUnits.end() || !std::isfinite(number) || number <= 0)
    return InvalidInput(fmt::format(
        "'{}' is not a size: write a number and a unit, such as 2GB, 512MB or 4GiB", text));
  const double bytes = number * found->bytes;
  if (bytes >= 1.8e19) return InvalidInput(fmt::format("'{}' is too large a size", text));
  return static_cast<uint64_t>(bytes);
}

uint64_t PhysicalMemoryBytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  const uint64_t physical = static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);
  const uint64_t container = ContainerMemoryBytes();
  return container > 0 ? std::min(physical, container) : physical;
}

Result<MemoryLimit> ResolveMemoryLimit(std::string_view fallback) {
  const char* variable = std::getenv("PIKA_MEMORY_LIMIT");
  if (variable != nullptr && *variable != '\0') {
    auto bytes = ParseByteSize(variable);
    if (!bytes.ok())
      return InvalidInput(fmt::format("PIKA_MEMORY_LIMIT: {}", bytes.error().message));
    if (*bytes < kSmallest)
      return InvalidInput(
          fmt::format("PIKA_MEMORY_LIMIT is {}: give the engine at least 16MB", variable));
    return MemoryLimit{*bytes, "PIKA_MEMORY_LIMIT"};
  }
  if (!fallback.empty()) {
    auto bytes = ParseByteSize(fallback);
    if (bytes.ok() && *bytes >= kSmallest) return MemoryLimit{*bytes, "settings"};
  }
  return DefaultMemoryLimit();
}

MemoryLimit DefaultMemoryLimit() {
  return {static_cast<uint64_t>(static_cast<double>(PhysicalMemoryBytes()) * 0.8), "default"};
}

}  // namespace pika
