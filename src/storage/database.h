// Database: one DuckDB database (in memory or a file), the engine behind a workspace.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

struct _duckdb_database;

namespace pika {

struct DatabaseOptions {
  std::string path;                           // empty: in memory
  std::optional<std::string> memory_limit;    // DuckDB syntax, e.g. "4GB"
  std::optional<std::string> temp_directory;  // where big work spills instead of failing
  std::optional<int> threads;
  // DuckDB keeps insertion order by default; turning it off made CSV import ~1.5x faster here.
  bool preserve_insertion_order = true;
  // Set: restricted, for a workspace from elsewhere. DuckDB reads and writes files only inside
  // these folders, reaches no network and loads no extension, and the configuration is locked
  // so that no statement can undo it. Connections then report no progress (its settings are
  // per connection and locked too).
  std::optional<std::vector<std::string>> allowed_directories;
};

class Database {
 public:
  static Result<Database> Open(const DatabaseOptions& options);

  // One connection per thread that talks to the engine.
  Result<Connection> Connect() const;
  bool restricted() const;

 private:
  struct Handle;
  explicit Database(std::shared_ptr<Handle> handle) : handle_(std::move(handle)) {}
  std::shared_ptr<Handle> handle_;
};

}  // namespace pika
