#include "cli/database_flag.h"

#include <fmt/format.h>

#include <filesystem>

namespace pika::cli {

Result<Database> OpenDatabaseFor(const std::string& path, DatabaseUse use) {
  if (use == DatabaseUse::kExisting && !path.empty() && !std::filesystem::exists(path)) {
    return NotFound(
        fmt::format("no database at '{}': import a file first (pika import FILE "
                    "--db {}) or check the path",
                    path, path));
  }
  DatabaseOptions options;
  options.path = path;
  return Database::Open(options);
}

}  // namespace pika::cli
