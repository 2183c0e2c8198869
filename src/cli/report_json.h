// JSON forms of the reports `pika` prints with --json (documented in docs/cli.md).
#pragma once

#include <nlohmann/json.hpp>

#include "core/table_batch.h"
#include "storage/import_report.h"

namespace pika::cli {

nlohmann::json ToJson(const InspectReport& report);
nlohmann::json ToJson(const ImportReport& report);
// Rows as objects keyed by column name, values typed (numbers, booleans, null, strings).
nlohmann::json RowsToJson(const TableBatch& batch);
nlohmann::json ValueToJson(const Column& column, size_t row);

}  // namespace pika::cli
