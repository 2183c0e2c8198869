// Dropping a table that may have been restored as a view over its Parquet file.
#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// Drops `name` whether it is a table or a view (DuckDB refuses DROP TABLE on a view, and a
// workspace restores its tables as views read in place); nothing when there is none.
Status DropTableOrView(Connection& connection, const std::string& name);

}  // namespace pika
