#include "storage/engine_usage.h"

namespace pika {

Result<EngineUsage> ReadEngineUsage(Connection& connection) {
  auto rows = connection.QueryAll(
      "SELECT coalesce(sum(memory_usage_bytes), 0)::BIGINT, "
      "coalesce(sum(temporary_storage_bytes), 0)::BIGINT FROM duckdb_memory()");
  if (!rows.ok()) return rows.error();
  return EngineUsage{static_cast<uint64_t>(rows->columns[0].IntAt(0)),
                     static_cast<uint64_t>(rows->columns[1].IntAt(0))};
}

}  // namespace pika
