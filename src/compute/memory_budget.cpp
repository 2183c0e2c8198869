#include "compute/memory_budget.h"

#include <unistd.h>

#include <fstream>

#include "storage/memory_limit.h"

namespace pika {

MemoryPressure PressureOf(const MemoryReading& reading) {
  if (reading.budget_bytes == 0) return MemoryPressure::kNormal;
  const double used =
      static_cast<double>(reading.process_bytes) / static_cast<double>(reading.budget_bytes);
  if (used >= kMemoryCritical) return MemoryPressure::kCritical;
  if (used >= kMemoryWarning) return MemoryPressure::kWarning;
  return MemoryPressure::kNormal;
}

uint64_t ProcessResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size_pages = 0, resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return 0;
  return resident_pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

uint64_t DefaultMemoryBudget() {
  // The engine's limit: a bad PIKA_MEMORY_LIMIT is reported where the engine opens.
  auto limit = ResolveMemoryLimit();
  if (limit.ok()) return limit->bytes;
  return DefaultMemoryLimit().bytes;
}

}  // namespace pika
