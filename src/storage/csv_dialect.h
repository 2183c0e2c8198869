// Sniffs a CSV file's dialect (delimiter, quoting, header...) and its column names.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/import_options.h"
#include "storage/import_report.h"
#include "storage/source_file.h"

namespace pika {

struct SniffedCsv {
  Dialect dialect;
  std::vector<std::string> column_names;
};

// The user's choices in `options` win over what the sniffer detects.
Result<SniffedCsv> SniffCsv(Connection& connection, const SourceFile& file,
                            const ImportOptions& options);

}  // namespace pika
