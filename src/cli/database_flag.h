// Opens the database a `pika` command works on (--db, or pika.duckdb in this folder).
#pragma once

#include <string>

#include "core/result.h"
#include "storage/database.h"

namespace pika::cli {

inline constexpr const char* kDefaultDatabase = "pika.duckdb";

enum class DatabaseUse {
  kCreateIfMissing,  // import: writes the data
  kExisting,         // sql with --db: a missing file is a typo, not a new database
};

Result<Database> OpenDatabaseFor(const std::string& path, DatabaseUse use);

}  // namespace pika::cli
