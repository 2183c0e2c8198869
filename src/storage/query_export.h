// Writes a query's result to a CSV or Parquet file (DuckDB's COPY), all or nothing: the rows
// go to a temporary file beside the target, which replaces the target only once complete.
// A cancelled or failed export leaves the old file (if any) as it was and no temporary file.
#pragma once

#include <string>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/connection.h"

namespace pika {

enum class DataFileFormat { kCsv, kParquet };

// The format a file name asks for: .csv or .parquet (any case); anything else is an error
// that names the extensions.
Result<DataFileFormat> DataFileFormatOf(const std::string& path);

// Runs on the calling thread (never the UI thread): reports progress, stops on cancel.
Status ExportQueryResult(Connection& connection, const std::string& sql, const std::string& path,
                         const CancelToken& cancel, const ProgressFn& progress);

}  // namespace pika
