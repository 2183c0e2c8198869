// Imports a CSV or Parquet file into a table, never dropping a row without saying so.
#pragma once

#include <string>
#include <vector>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/connection.h"
#include "storage/import_options.h"
#include "storage/import_report.h"

namespace pika {

struct ImportRequest {
  std::string path;
  std::string table;     // empty: named after the file
  bool replace = false;  // replace a table of the same name
  ImportOptions options;
  // Set: a CSV's table keeps only these columns (any case), so that a plot of a file holds
  // only what it draws; the others are still sniffed, but never stored. Parquet ignores it.
  std::vector<std::string> columns;
};

enum class ImportOutcome {
  kImported,
  kStoppedOnBadRows,  // BadRowPolicy::kAbort met bad rows: nothing was imported
};

struct ImportResult {
  ImportOutcome outcome = ImportOutcome::kImported;
  ImportReport report;
};

// A cancelled or failed import leaves the database as it was: no table, no half table.
Result<ImportResult> ImportFile(Connection& connection, const ImportRequest& request,
                                const CancelToken& cancel, const ProgressFn& progress);

// Inspects without importing: dialect, inferred types and a typed sample.
Result<InspectReport> InspectFile(Connection& connection, const std::string& path,
                                  const ImportOptions& options, const CancelToken& cancel);

// "data/Flights 2024.csv.gz" -> "Flights_2024": a table name that needs no quoting.
std::string TableNameForFile(const std::string& path);

}  // namespace pika
