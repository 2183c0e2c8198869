// Runs a query so that every column can be read: types our batches do not hold natively
// (lists, structs, intervals...) come back as DuckDB's text for them.
#pragma once

#include <string_view>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

Result<QueryResult> QueryWithTextFallback(Connection& connection, std::string_view sql);

}  // namespace pika
