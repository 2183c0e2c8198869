#include "storage/folder_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace pika {

Result<std::optional<FolderLock>> FolderLock::TryAcquire(const std::string& folder) {
  const std::string file = (std::filesystem::path(folder) / kFile).string();
  const int handle = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (handle < 0) return IoError(fmt::format("cannot open '{}': {}", file, std::strerror(errno)));
  if (::flock(handle, LOCK_EX | LOCK_NB) != 0) {
    ::close(handle);
    return std::optional<FolderLock>();
  }
  return std::optional<FolderLock>(FolderLock(handle));
}

FolderLock::FolderLock(FolderLock&& other) noexcept : handle_(std::exchange(other.handle_, -1)) {}

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept {
  if (this != &other) {
    if (handle_ >= 0) ::close(handle_);
    handle_ = std::exchange(other.handle_, -1);
  }
  return *this;
}

FolderLock::~FolderLock() {
  if (handle_ >= 0) ::close(handle_);
}

}  // namespace pika
