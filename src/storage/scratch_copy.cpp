#include "storage/scratch_copy.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

namespace pika {

namespace fs = std::filesystem;

namespace {

// The engine's spill folder when it is a real one (an in-memory engine's default is the
// relative ".tmp" of wherever the process started).
fs::path ScratchFolder(Connection& connection) {
  auto setting = connection.QueryAll("SELECT current_setting('temp_directory')");
  if (setting.ok() && setting->row_count == 1 && setting->columns[0].IsValid(0)) {
    fs::path folder = setting->columns[0].TextAt(0);
    std::error_code error;
    if (folder.is_absolute() &&
        (fs::is_directory(folder, error) || fs::create_directories(folder, error))) {
      return folder;
    }
  }
  return fs::temp_directory_path();
}

}  // namespace

ScratchCopy::~ScratchCopy() {
  if (file_.path.empty()) return;
  std::error_code ignored;
  fs::remove(file_.path, ignored);
}

ScratchCopy::ScratchCopy(ScratchCopy&& other) noexcept : file_(std::move(other.file_)) {
  other.file_.path.clear();
}

Result<ScratchCopy> WriteScratchCopy(Connection& connection, const SourceFile& file,
                                     const std::function<Status(const std::string&)>& write) {
  static std::atomic<uint64_t> counter{0};
  SourceFile copy = file;
  copy.path = (ScratchFolder(connection) /
               fmt::format("pika-copy-{}-{}.csv", getpid(), counter.fetch_add(1)))
                  .string();
  copy.compression = "none";
  const Status written = write(copy.path);
  std::error_code error;
  if (!written.ok()) {
    fs::remove(copy.path, error);
    return written.error();
  }
  copy.size = fs::file_size(copy.path, error);
  return ScratchCopy(std::move(copy));
}

}  // namespace pika
