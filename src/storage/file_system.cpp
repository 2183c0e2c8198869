#include "storage/file_system.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace pika {

namespace {

Error FromErrno(std::string_view what, const std::string& path) {
  const int code = errno;
  std::string hint = code == ENOSPC   ? ": the disk is full, free some space and save again"
                     : code == EACCES ? ": permission denied, save somewhere you may write"
                     : code == EROFS  ? ": the disk is read-only"
                                      : "";
  return IoError(fmt::format("cannot {} '{}': {}{}", what, path, std::strerror(code), hint));
}

class PosixFileSystem : public FileSystem {
 public:
  Result<std::string> ReadAll(const std::string& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return FromErrno("read", path);
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return FromErrno("read", path);
    return content.str();
  }

  Result<int> Create(const std::string& path) override {
    const int handle = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (handle < 0) return FromErrno("create", path);
    return handle;
  }

  Status Write(int handle, std::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t written = ::write(handle, bytes.data(), bytes.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        return FromErrno("write", fmt::format("file descriptor {}", handle));
      }
      bytes.remove_prefix(static_cast<size_t>(written));
    }
    return {};
  }

  Status Sync(int handle) override {
    if (::fsync(handle) != 0)
      return FromErrno("flush to disk", fmt::format("file descriptor {}", handle));
    return {};
  }

  Status Close(int handle) override {
    if (::close(handle) != 0) return FromErrno("close", fmt::format("file descriptor {}", handle));
    return {};
  }

  Status Rename(const std::string& from, const std::string& to) override {
    if (std::rename(from.c_str(), to.c_str()) != 0) return FromErrno("replace", to);
    return {};
  }

  Status Remove(const std::string& path) override {
    if (std::remove(path.c_str()) != 0 && errno != ENOENT) return FromErrno("remove", path);
    return {};
  }

  Status SyncDirectory(const std::string& directory) override {
    const int handle = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (handle < 0) return FromErrno("open folder", directory);
    const int synced = ::fsync(handle);
    ::close(handle);
    if (synced != 0) return FromErrno("flush folder", directory);
    return {};
  }
};

std::string TemporaryNameBeside(const std::string& path) {
  std::random_device random;
  const std::filesystem::path target(path);
  return (target.parent_path() /
          fmt::format(".{}.{:08x}.saving", target.filename().string(), random()))
      .string();
}

}  // namespace

FileSystem& RealFileSystem() {
  static PosixFileSystem files;
  return files;
}

Status AtomicWriteFile(FileSystem& files, const std::string& path, std::string_view bytes) {
  const std::string temporary = TemporaryNameBeside(path);
  auto handle = files.Create(temporary);
  if (!handle.ok()) return handle.error();
  Status written = files.Write(*handle, bytes);
  if (written.ok()) written = files.Sync(*handle);
  Status closed = files.Close(*handle);
  if (written.ok()) written = closed;
  if (written.ok()) written = files.Rename(temporary, path);
  if (!written.ok()) {
    (void)files.Remove(temporary);  // the target was never touched
    return written;
  }
  std::string directory = std::filesystem::path(path).parent_path().string();
  return files.SyncDirectory(directory.empty() ? "." : directory);
}

}  // namespace pika
