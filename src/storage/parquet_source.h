// Parquet files: their schema is declared, so inspecting them needs no inference.
#pragma once

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/connection.h"
#include "storage/import_report.h"
#include "storage/source_file.h"

namespace pika {

Result<InspectReport> InspectParquet(Connection& connection, const SourceFile& file);

// Creates `table` from the file inside the caller's transaction.
Status CreateTableFromParquet(Connection& connection, const SourceFile& file,
                              const std::string& table, const CancelToken& cancel,
                              const ProgressFn& progress);

}  // namespace pika
