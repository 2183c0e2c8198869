// What DuckDB itself holds: its buffers in memory and what it spilled to disk, for the status
// bar's memory readout.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

struct EngineUsage {
  uint64_t memory_bytes = 0;   // buffers DuckDB holds in memory
  uint64_t spilled_bytes = 0;  // temporary storage on disk
};

Result<EngineUsage> ReadEngineUsage(Connection& connection);

}  // namespace pika
