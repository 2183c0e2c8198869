// Runs a statement while watching it: reports its progress and interrupts it on cancel.
#pragma once

#include <string>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// Blocks the calling thread (never call it on the UI thread); the statement runs on a helper
// thread so that this one can poll DuckDB's progress and the cancel token.
Status ExecuteWatched(Connection& connection, const std::string& sql, const CancelToken& cancel,
                      const ProgressFn& progress);

// The same for a statement whose (small) result is read whole.
Result<TableBatch> QueryAllWatched(Connection& connection, const std::string& sql,
                                   const CancelToken& cancel, const ProgressFn& progress = {});

}  // namespace pika
