#include "storage/file_system.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <utility>

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

  Status Seek(int handle, uint64_t offset) override {
    if (::lseek(handle, static_cast<off_t>(offset), SEEK_SET) < 0)
      return FromErrno("seek in", fmt::format("file descriptor {}", handle));
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

// The file a chain of symbolic links ends at: replacing the link itself would leave its
// target stale and the link gone.
std::string FollowLinks(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_symlink(path, error)) return path;
  const std::filesystem::path target = std::filesystem::weakly_canonical(path, error);
  return error ? path : target.string();
}

// A private workspace (0600) stays private; a shared one keeps its group.
void KeepModeAndOwner(const std::string& target, const std::string& temporary) {
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) return;  // a new file: the default mode
  (void)::chmod(temporary.c_str(), info.st_mode & 07777);
  (void)::chown(temporary.c_str(), info.st_uid, info.st_gid);  // only where allowed
}

// ".<name>.<8 hex>.saving" beside `target`, last written over ten minutes ago: a save that
// was killed (a running one writes all the time).
void RemoveStaleTemporaries(const std::string& target) {
  namespace fs = std::filesystem;
  const fs::path path(target);
  const std::string prefix = "." + path.filename().string() + ".";
  const auto stale = fs::file_time_type::clock::now() - std::chrono::minutes(10);
  std::error_code error;
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() != prefix.size() + 8 + 7 || !name.starts_with(prefix) ||
        !name.ends_with(".saving"))
      continue;
    if (entry.last_write_time(error) < stale) fs::remove(entry.path(), error);
  }
}

}  // namespace

FileSystem& RealFileSystem() {
  static PosixFileSystem files;
  return files;
}

Result<AtomicFile> AtomicFile::Create(FileSystem& files, const std::string& path) {
  const std::string target = FollowLinks(path);
  RemoveStaleTemporaries(target);
  std::string temporary = TemporaryNameBeside(target);
  auto handle = files.Create(temporary);
  if (!handle.ok()) return handle.error();
  KeepModeAndOwner(target, temporary);
  return AtomicFile(files, target, std::move(temporary), *handle);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : files_(other.files_),
      path_(std::move(other.path_)),
      temporary_(std::move(other.temporary_)),
      handle_(std::exchange(other.handle_, -1)),
      done_(std::exchange(other.done_, true)) {}

AtomicFile::~AtomicFile() { Abandon(); }

Status AtomicFile::Write(std::string_view bytes) { return files_->Write(handle_, bytes); }

Status AtomicFile::Seek(uint64_t offset) { return files_->Seek(handle_, offset); }

void AtomicFile::Abandon() {
  if (done_) return;
  done_ = true;
  if (handle_ >= 0) (void)files_->Close(std::exchange(handle_, -1));
  (void)files_->Remove(temporary_);  // the target was never touched
}

Status AtomicFile::Commit() {
  Status written = files_->Sync(handle_);
  Status closed = files_->Close(std::exchange(handle_, -1));
  if (written.ok()) written = closed;
  if (written.ok()) written = files_->Rename(temporary_, path_);
  if (!written.ok()) {
    Abandon();
    return written;
  }
  done_ = true;
  std::string directory = std::filesystem::path(path_).parent_path().string();
  return files_->SyncDirectory(directory.empty() ? "." : directory);
}

Status CopyFileAtomically(FileSystem& files, const std::string& from, const std::string& to,
                          const CancelToken& cancel, const ProgressFn& progress) {
  std::ifstream in(from, std::ios::binary);
  if (!in) return FromErrno("read", from);
  std::error_code error;
  const double size = static_cast<double>(std::filesystem::file_size(from, error));
  auto file = AtomicFile::Create(files, to);
  if (!file.ok()) return file.error();
  std::string chunk(size_t{1} << 20, '\0');
  uint64_t copied = 0;
  while (in) {
    if (cancel.cancelled()) return Cancelled();  // the AtomicFile removes what it wrote
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto read = static_cast<size_t>(in.gcount());
    if (read > 0) PIKA_TRY(file->Write(std::string_view(chunk.data(), read)));
    copied += read;
    if (progress && size > 0) progress(static_cast<double>(copied) / size);
  }
  if (in.bad()) return FromErrno("read", from);
  return file->Commit();
}

Result<uint64_t> FreeDiskBytes(const std::string& path) {
  std::error_code error;
  const std::filesystem::space_info space = std::filesystem::space(path, error);
  if (error)
    return IoError(fmt::format("cannot tell the free space of '{}': {}", path, error.message()));
  return static_cast<uint64_t>(space.available);
}

Status AtomicWriteFile(FileSystem& files, const std::string& path, std::string_view bytes) {
  auto file = AtomicFile::Create(files, path);
  if (!file.ok()) return file.error();
  PIKA_TRY(file->Write(bytes));
  return file->Commit();
}

}  // namespace pika
