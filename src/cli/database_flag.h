// Opens the engine a `pika` command works on: the database (--db, or pika.duckdb in this
// folder, or one in memory), limited to the memory limit (PIKA_MEMORY_LIMIT) and spilling
// into a folder of the command's own that goes when the command ends.
#pragma once

#include <string>

#include "core/result.h"
#include "storage/data_folder.h"
#include "storage/database.h"

namespace pika::cli {

inline constexpr const char* kDefaultDatabase = "pika.duckdb";

enum class DatabaseUse {
  kCreateIfMissing,  // import: writes the data
  kExisting,         // sql with --db: a missing file is a typo, not a new database
};

struct CliEngine {
  DataFolder folder;  // first: it goes after the database
  Database database;
  Result<Connection> Connect() const { return database.Connect(); }
};

// The engine over the database file at `path` (empty: in memory), in a scratch folder.
Result<CliEngine> OpenEngine(const std::string& path = {});

enum class FileAccess {
  kAny,        // what the user's own command names
  kOwnFolder,  // a workspace from elsewhere: its extracted tables and spill, nothing else
};

// The same, with a folder given: a workspace's, whose extracted tables it reads.
Result<CliEngine> OpenEngineIn(DataFolder folder, const std::string& path = {},
                               FileAccess access = FileAccess::kAny);

Result<CliEngine> OpenDatabaseFor(const std::string& path, DatabaseUse use);

}  // namespace pika::cli
