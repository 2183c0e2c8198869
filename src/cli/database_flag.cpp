#include "cli/database_flag.h"

#include <fmt/format.h>

#include <filesystem>

#include "storage/memory_limit.h"

namespace pika::cli {

Result<CliEngine> OpenEngineIn(DataFolder folder, const std::string& path, FileAccess access) {
  auto limit = ResolveMemoryLimit();
  if (!limit.ok()) return limit.error();
  DatabaseOptions options;
  options.path = path;
  options.memory_limit = limit->Setting();
  options.temp_directory = folder.SpillDir();
  if (access == FileAccess::kOwnFolder) options.allowed_directories = {{folder.path()}};
  auto database = Database::Open(options);
  if (!database.ok()) return database.error();
  return CliEngine{std::move(folder), std::move(*database)};
}

Result<CliEngine> OpenEngine(const std::string& path) {
  auto folder = DataFolder::Scratch(DataRoot());
  if (!folder.ok()) return folder.error();
  return OpenEngineIn(std::move(*folder), path);
}

Result<CliEngine> OpenDatabaseFor(const std::string& path, DatabaseUse use) {
  if (use == DatabaseUse::kExisting && !path.empty() && !std::filesystem::exists(path)) {
    return NotFound(
        fmt::format("no database at '{}': import a file first (pika import FILE "
                    "--db {}) or check the path",
                    path, path));
  }
  return OpenEngine(path);
}

}  // namespace pika::cli
