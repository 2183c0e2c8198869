// Inspects a CSV file: dialect, inferred column types with confidence and counterexamples.
#pragma once

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/connection.h"
#include "storage/import_options.h"
#include "storage/import_report.h"
#include "storage/source_file.h"

namespace pika {

// Sniffs the dialect and infers column types from the first `options.sample_rows` rows.
// Leaves counterexamples and the sample empty: an import finds them over the whole file.
Result<InspectReport> InferCsv(Connection& connection, const SourceFile& file,
                               const ImportOptions& options, const CancelToken& cancel);

// InferCsv, then reads the sample again with the inferred types so that DuckDB itself names
// the values (and lines) that contradict them, and keeps the first rows to show.
Result<InspectReport> InspectCsv(Connection& connection, const SourceFile& file,
                                 const ImportOptions& options, const CancelToken& cancel);

// The read_csv column list (name, DuckDB type) for an inspected file.
std::vector<std::pair<std::string, std::string>> ColumnTypes(const InspectReport& report);

}  // namespace pika
