// FolderLock: an exclusive lock on a folder (an flock on its `lock` file) while this object
// lives. The system lets it go when the process dies, so a crashed owner never keeps a folder
// and a reused process id never passes for it.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace pika {

class FolderLock {
 public:
  // The lock, or nothing when another process (or another FolderLock here) holds it.
  static Result<std::optional<FolderLock>> TryAcquire(const std::string& folder);
  FolderLock(FolderLock&& other) noexcept;
  FolderLock& operator=(FolderLock&& other) noexcept;
  ~FolderLock();

  // The lock file's name in a locked folder.
  static constexpr const char* kFile = "lock";

 private:
  explicit FolderLock(int handle) : handle_(handle) {}
  int handle_ = -1;
};

}  // namespace pika
