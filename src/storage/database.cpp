#include "storage/database.h"

#include <duckdb.h>
#include <fmt/format.h>

#include <vector>

#include "storage/sql_quote.h"

namespace pika {

struct Database::Handle {
  duckdb_database db = nullptr;
  bool restricted = false;
  ~Handle() { duckdb_close(&db); }
};

namespace {

class Config {
 public:
  Config() { duckdb_create_config(&config_); }
  ~Config() { duckdb_destroy_config(&config_); }
  Config(const Config&) = delete;
  Config& operator=(const Config&) = delete;

  Status Set(const char* name, const std::string& value) {
    if (duckdb_set_config(config_, name, value.c_str()) == DuckDBError) {
      return InvalidInput(fmt::format("invalid database setting {}='{}'", name, value));
    }
    return {};
  }
  duckdb_config get() const { return config_; }

 private:
  duckdb_config config_ = nullptr;
};

Status ApplyOptions(Config& config, const DatabaseOptions& options) {
  if (options.memory_limit) PIKA_TRY(config.Set("memory_limit", *options.memory_limit));
  if (options.temp_directory) PIKA_TRY(config.Set("temp_directory", *options.temp_directory));
  if (options.threads) PIKA_TRY(config.Set("threads", std::to_string(*options.threads)));
  PIKA_TRY(
      config.Set("preserve_insertion_order", options.preserve_insertion_order ? "true" : "false"));
  // Pika-Plot works offline: never let a query reach out for an extension.
  PIKA_TRY(config.Set("autoinstall_known_extensions", "false"));
  return {};
}

// Global settings made on a first connection, the lock last: DuckDB's configuration at open
// takes neither allowed_directories nor the lock before the database exists.
Status Restrict(duckdb_database db, const std::vector<std::string>& folders) {
  duckdb_connection connection = nullptr;
  if (duckdb_connect(db, &connection) == DuckDBError)
    return EngineError("cannot connect to the database");
  std::string list;
  for (const std::string& folder : folders) {
    if (!list.empty()) list += ", ";
    // A trailing separator: /data must not also allow /data-other.
    list += QuoteLiteral(folder.ends_with('/') ? folder : folder + "/");
  }
  const std::string sql = fmt::format(
      "SET GLOBAL allowed_directories = [{}]; SET GLOBAL enable_external_access = false; "
      "SET GLOBAL autoload_known_extensions = false; SET GLOBAL lock_configuration = true",
      list);
  duckdb_result result;
  const bool failed = duckdb_query(connection, sql.c_str(), &result) == DuckDBError;
  const std::string message = failed ? duckdb_result_error(&result) : "";
  duckdb_destroy_result(&result);
  duckdb_disconnect(&connection);
  if (failed) return EngineError("cannot restrict the database: " + message);
  return {};
}

}  // namespace

Result<Database> Database::Open(const DatabaseOptions& options) {
  Config config;
  PIKA_TRY(ApplyOptions(config, options));
  auto handle = std::make_shared<Handle>();
  char* error = nullptr;
  const char* path = options.path.empty() ? nullptr : options.path.c_str();
  if (duckdb_open_ext(path, &handle->db, config.get(), &error) == DuckDBError) {
    std::string message = error ? error : "unknown error";
    duckdb_free(error);
    return IoError(fmt::format("cannot open database '{}': {}",
                               options.path.empty() ? ":memory:" : options.path, message));
  }
  if (options.allowed_directories) {
    PIKA_TRY(Restrict(handle->db, *options.allowed_directories));
    handle->restricted = true;
  }
  return Database(std::move(handle));
}

Result<Connection> Database::Connect() const {
  duckdb_connection connection = nullptr;
  if (duckdb_connect(handle_->db, &connection) == DuckDBError) {
    return EngineError("cannot connect to the database");
  }
  // The connection keeps the database alive: it must not outlive it.
  Connection out(connection, handle_);
  if (handle_->restricted) return out;  // locked: no setting can change, progress's neither
  // Progress is only tracked with the progress bar on; we read it, DuckDB must not print it.
  PIKA_TRY(
      out.Execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET "
                  "progress_bar_time = 0"));
  return out;
}

bool Database::restricted() const { return handle_->restricted; }

}  // namespace pika
