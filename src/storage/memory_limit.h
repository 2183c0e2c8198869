// The memory limit: how much RAM the engine may use, whatever the size of the data. DuckDB
// spills what does not fit into the data folder's spill/, so a big import, sort or join
// slows down instead of failing or swapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace pika {

struct MemoryLimit {
  uint64_t bytes = 0;
  std::string source;  // where it came from, for messages: "PIKA_MEMORY_LIMIT" or "default"
  // As DuckDB's memory_limit setting takes it.
  std::string Setting() const;
};

// "2GB", "512 MiB", "1.5gb", "1073741824" (bytes): DuckDB's syntax, where KB, MB, GB and TB
// are powers of 1000 and KiB, MiB, GiB and TiB powers of 1024.
Result<uint64_t> ParseByteSize(std::string_view text);

// Memory of the machine, or of the container when that is less; 0 when unknown.
uint64_t PhysicalMemoryBytes();

// 80% of the machine's (or container's) memory, as DuckDB's own default.
MemoryLimit DefaultMemoryLimit();

// PIKA_MEMORY_LIMIT when set (a wrong value is an error naming it), else `fallback`, else
// 80% of physical memory (DuckDB's own default).
Result<MemoryLimit> ResolveMemoryLimit(std::string_view fallback = {});

}  // namespace pika
