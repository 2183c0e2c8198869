// MemoryBudget: how much memory the app uses against what it may use, and when to act: at
// 80% of the budget the app warns, at 95% it gives back what it can rebuild (plot data kept
// for redrawing, cached pages) so the machine does not start swapping or kill it.
#pragma once

#include <cstdint>

namespace pika {

enum class MemoryPressure { kNormal, kWarning, kCritical };

struct MemoryReading {
  uint64_t process_bytes = 0;  // resident memory of the whole process, DuckDB included
  uint64_t engine_bytes = 0;   // of which DuckDB's buffers
  uint64_t budget_bytes = 0;
};

inline constexpr double kMemoryWarning = 0.80;
inline constexpr double kMemoryCritical = 0.95;

MemoryPressure PressureOf(const MemoryReading& reading);

// Resident memory of this process (Linux: /proc/self/statm), 0 when unknown.
uint64_t ProcessResidentBytes();
// The budget: the engine's memory limit (PIKA_MEMORY_LIMIT, else 80% of physical memory).
uint64_t DefaultMemoryBudget();

}  // namespace pika
