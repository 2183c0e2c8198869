// FileSystem: the file operations a workspace save makes, behind an interface so that tests
// can fail any one of them (disk full, permission denied) and check nothing is lost.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pika {

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  virtual Result<std::string> ReadAll(const std::string& path) = 0;
  // Creates (or truncates) `path` and returns a handle for WriteSome/Sync/Close.
  virtual Result<int> Create(const std::string& path) = 0;
  virtual Status Write(int handle, std::string_view bytes) = 0;
  virtual Status Sync(int handle) = 0;
  virtual Status Close(int handle) = 0;
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Makes a rename in `directory` durable.
  virtual Status SyncDirectory(const std::string& directory) = 0;
};

// The real one (POSIX).
FileSystem& RealFileSystem();

// Replaces `path` with `bytes` so that at every moment the file holds either its complete
// old content or the complete new one: a temporary file in the same folder, written,
// flushed to disk, renamed over the target, and the folder synced. On failure the temporary
// file is removed and the old file is untouched.
Status AtomicWriteFile(FileSystem& files, const std::string& path, std::string_view bytes);

}  // namespace pika
