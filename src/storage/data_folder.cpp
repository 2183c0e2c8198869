#include "storage/data_folder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <utility>

namespace pika {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLockFile = FolderLock::kFile;

uint64_t FolderBytes(const fs::path& folder) {
  uint64_t total = 0;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(folder, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error)) total += it->file_size(error);
  }
  return total;
}

void RemoveContents(const fs::path& folder) {
  std::error_code error;
  for (const auto& item : fs::directory_iterator(folder, error)) fs::remove_all(item.path(), error);
}

}  // namespace

std::string DataRoot() {
  if (const char* root = std::getenv("PIKA_DATA_DIR"); root != nullptr && *root != '\0')
    return root;
  fs::path cache;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
    cache = xdg;
  else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    cache = fs::path(home) / ".cache";
  else
    cache = fs::temp_directory_path();
  return (cache / "pika-plot" / "data").string();
}

std::string NewWorkspaceId() {
  std::random_device random;
  std::mt19937_64 bits((uint64_t{random()} << 32) ^ random());
  const uint64_t high = (bits() & ~uint64_t{0xf000}) | 0x4000;                 // version 4
  const uint64_t low = (bits() & ~(uint64_t{3} << 62)) | (uint64_t{2} << 62);  // variant 1
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xffff,
                     high & 0xffff, low >> 48, low & 0xffffffffffffULL);
}

bool IsWorkspaceId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  });
}

Result<DataFolder> DataFolder::Open(const std::string& root, const std::string& id) {
  if (!IsWorkspaceId(id)) return InvalidInput(fmt::format("'{}' is not a workspace id", id));
  const fs::path folder = fs::path(root) / id;
  std::error_code error;
  fs::create_directories(folder, error);
  if (error)
    return IoError(
        fmt::format("cannot create the data folder '{}': {}", folder.string(), error.message()));
  // Only this user reads the data on its way; the parents are the user's own cache.
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
  auto lock = FolderLock::TryAcquire(folder.string());
  if (!lock.ok()) return lock.error();
  if (!*lock)
    return IoError(
        fmt::format("the data folder '{}' is in use by another Pika-Plot window", folder.string()));
  DataFolder opened(id, folder.string(), std::move(**lock));
  for (const std::string& sub : {opened.TablesDir(), opened.SpillDir()}) {
    fs::create_directories(sub, error);
    if (error) return IoError(fmt::format("cannot create '{}': {}", sub, error.message()));
  }
  RemoveContents(opened.SpillDir());  // left by a process that crashed
  for (const char* stale : {"engine.duckdb", "engine.duckdb.wal"})
    fs::remove(folder / stale, error);
  fs::last_write_time(folder / kLockFile, fs::file_time_type::clock::now(), error);
  return opened;
}

Result<DataFolder> DataFolder::Scratch(const std::string& root) {
  auto folder = Open(root, NewWorkspaceId());
  if (folder.ok()) folder->scratch_ = true;
  return folder;
}

Result<DataFolder> DataFolder::ForWorkspace(const std::string& root, const std::string& id) {
  if (!id.empty()) {
    auto folder = Open(root, id);
    if (folder.ok()) return folder;
  }
  return Scratch(root);
}

DataFolder::DataFolder(DataFolder&& other) noexcept
    : id_(std::move(other.id_)),
      path_(std::exchange(other.path_, {})),
      lock_(std::move(other.lock_)),
      scratch_(other.scratch_) {}

DataFolder::~DataFolder() {
  if (path_.empty()) return;  // moved from
  std::error_code error;
  fs::remove_all(SpillDir(), error);
  fs::remove(EngineFile(), error);
  fs::remove(EngineFile() + ".wal", error);
  // A window that never opened a saved workspace leaves nothing worth keeping.
  if (scratch_ || fs::is_empty(TablesDir(), error)) fs::remove_all(path_, error);
}

std::string DataFolder::EngineFile() const { return (fs::path(path_) / "engine.duckdb").string(); }
std::string DataFolder::TablesDir() const { return (fs::path(path_) / "tables").string(); }
std::string DataFolder::SpillDir() const { return (fs::path(path_) / "spill").string(); }

std::vector<std::string> SweepDataFolders(const std::string& root, uint64_t max_bytes) {
  struct Candidate {
    fs::path folder;
    fs::file_time_type used;
    uint64_t bytes;
  };
  std::vector<Candidate> idle;
  uint64_t total = 0;
  std::error_code error;
  for (const auto& item : fs::directory_iterator(root, error)) {
    // Only folders this code made: a mistyped PIKA_DATA_DIR must never cost a user's files.
    if (!item.is_directory(error) || !IsWorkspaceId(item.path().filename().string()) ||
        !fs::exists(item.path() / kLockFile, error)) {
      continue;
    }
    const uint64_t bytes = FolderBytes(item.path());
    total += bytes;
    if (auto lock = FolderLock::TryAcquire(item.path().string()); !lock.ok() || !*lock)
      continue;  // in use: never removed
    idle.push_back({item.path(), fs::last_write_time(item.path() / kLockFile, error), bytes});
  }
  std::sort(idle.begin(), idle.end(),
            [](const Candidate& a, const Candidate& b) { return a.used < b.used; });
  std::vector<std::string> removed;
  for (const Candidate& candidate : idle) {
    if (total <= max_bytes) break;
    // Taken again while removing: a process that opens it now waits for nothing it needs.
    auto lock = FolderLock::TryAcquire(candidate.folder.string());
    if (!lock.ok() || !*lock) continue;
    fs::remove_all(candidate.folder, error);
    if (error) continue;
    total -= candidate.bytes;
    removed.push_back(candidate.folder.string());
  }
  return removed;
}

}  // namespace pika
