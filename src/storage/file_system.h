// FileSystem: the file operations a workspace save makes, behind an interface so that tests
// can fail any one of them (disk full, permission denied) and check nothing is lost.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/cancel_token.h"
#include "core/result.h"

namespace pika {

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  virtual Result<std::string> ReadAll(const std::string& path) = 0;
  // Creates (or truncates) `path` and returns a handle for WriteSome/Sync/Close.
  virtual Result<int> Create(const std::string& path) = 0;
  virtual Status Write(int handle, std::string_view bytes) = 0;
  // Moves the write position of `handle` to `offset` bytes from the start (zip headers are
  // written again once an entry's size and CRC are known).
  virtual Status Seek(int handle, uint64_t offset) = 0;
  virtual Status Sync(int handle) = 0;
  virtual Status Close(int handle) = 0;
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Makes a rename in `directory` durable.
  virtual Status SyncDirectory(const std::string& directory) = 0;
};

// The real one (POSIX).
FileSystem& RealFileSystem();

// A file that appears at `path` whole or not at all: written to a temporary name beside it,
// flushed and renamed over it by Commit. Dropped uncommitted, it removes the temporary file and
// `path` is untouched. What it replaces keeps its mode and (where allowed) its owner, and a
// symbolic link stays one: the file it points to is replaced. Temporary files of saves killed
// before they finished (untouched for ten minutes) are removed by the next.
class AtomicFile {
 public:
  static Result<AtomicFile> Create(FileSystem& files, const std::string& path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  ~AtomicFile();

  Status Write(std::string_view bytes);
  Status Seek(uint64_t offset);
  // Flushes, closes and renames over the target, then syncs its folder.
  Status Commit();
  // Gives up: the temporary file is removed and the target stays as it was.
  void Abandon();

 private:
  AtomicFile(FileSystem& files, std::string path, std::string temporary, int handle)
      : files_(&files), path_(std::move(path)), temporary_(std::move(temporary)), handle_(handle) {}
  FileSystem* files_;
  std::string path_, temporary_;
  int handle_ = -1;  // -1 once closed
  bool done_ = false;
};

// Copies `from` into `to` (whole or not at all) in chunks: never the whole file in memory.
Status CopyFileAtomically(FileSystem& files, const std::string& from, const std::string& to,
                          const CancelToken& cancel = {}, const ProgressFn& progress = {});

// The bytes free for this user on the disk that holds `path` (an existing folder).
Result<uint64_t> FreeDiskBytes(const std::string& path);

// Replaces `path` with `bytes` so that at every moment the file holds either its complete
// old content or the complete new one: a temporary file in the same folder, written,
// flushed to disk, renamed over the target, and the folder synced. On failure the temporary
// file is removed and the old file is untouched.
Status AtomicWriteFile(FileSystem& files, const std::string& path, std::string_view bytes);

}  // namespace pika
