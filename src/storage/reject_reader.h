// Reads the rows DuckDB kept aside during a CSV scan (its rejects table) as RejectedRows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/import_report.h"
#include "storage/source_file.h"

namespace pika {

struct Rejects {
  uint64_t rows = 0;               // distinct rows with at least one error
  std::vector<RejectedRow> first;  // up to the limit, in file order
  // Per column: how many values could not be converted, and the first few of them.
  std::map<std::string, uint64_t> cast_failures;
  std::map<std::string, std::vector<Counterexample>> cast_examples;
  std::vector<RejectedRow> malformed;  // rows with the wrong shape or encoding
  uint64_t malformed_rows = 0;
};

Result<Rejects> ReadRejects(Connection& connection, const SourceFile& file,
                            const std::string& rejects_table, const std::string& newline,
                            size_t limit);

// Drops the rejects tables of a scan (they are temporary, but big scans leave big ones).
void DropRejects(Connection& connection, const std::string& rejects_table,
                 const std::string& rejects_scan);

}  // namespace pika
