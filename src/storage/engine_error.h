// Turns DuckDB's failures into our Error kinds (internal to the storage layer).
#pragma once

#include <duckdb.h>

#include <string>

#include "core/error.h"

namespace pika {

Error ErrorFromEngine(duckdb_error_type type, std::string message);
// For failures that come with a message only (prepare, extract): the kind is read from it.
Error ErrorFromEngineMessage(std::string message);

}  // namespace pika
