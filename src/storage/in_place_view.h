// A table read in place: a view over a Parquet file that remembers its file (in the view's
// comment), so that a save can add the file as it is instead of writing the rows again.
// Restored workspace tables and Parquet sources are both such views.
#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// Creates (or replaces) view `table` over the Parquet file at `file`.
Status CreateInPlaceView(Connection& connection, const std::string& table, const std::string& file);

// The file `table` is read from in place; empty when it is not such a view (an imported table).
Result<std::string> InPlaceFile(Connection& connection, const std::string& table);

}  // namespace pika
