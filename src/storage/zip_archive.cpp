#include "storage/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <cerrno>
#include <optional>
#include <set>

namespace pika {

namespace {

constexpr uint64_t kRatioCheckedFrom = 1 << 20;
constexpr uint64_t kChunk = 1 << 20;

std::string ZipErrorText(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  zip_error_fini(error);
  return text;
}

Error Damaged(std::string detail) {
  return InvalidInput(fmt::format(
      "the workspace file is damaged ({}): open a recovery copy or an older version of it",
      detail));
}

Status CheckEntry(const ZipEntryInfo& entry, const ZipLimits& limits) {
  if (!IsSafeEntryName(entry.name))
    return InvalidInput(
        fmt::format("the workspace file holds an entry named '{}', which could "
                    "write outside its folder: it was not opened",
                    entry.name));
  if (entry.size > limits.max_entry_bytes)
    return Damaged(fmt::format("'{}' would expand to {} bytes", entry.name, entry.size));
  const uint64_t ratio = entry.size / std::max<uint64_t>(entry.compressed, 1);
  if (entry.size > kRatioCheckedFrom && ratio > limits.max_ratio)
    return Damaged(fmt::format("'{}' would expand {} times: a zip bomb?", entry.name, ratio));
  return {};
}

// The central directory, checked entry by entry before anything is decompressed.
Result<std::vector<ZipEntryInfo>> ReadDirectory(zip_t* archive, const ZipLimits& limits) {
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  if (count < 0 || static_cast<uint64_t>(count) > limits.max_entries)
    return Damaged(fmt::format("{} entries, at most {} allowed", count, limits.max_entries));
  std::vector<ZipEntryInfo> entries;
  std::set<std::string> names;
  uint64_t total = 0, compressed = 0;
  for (zip_int64_t index = 0; index < count; ++index) {
    zip_stat_t stat;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
        stat.name == nullptr)
      return Damaged(fmt::format("entry {} has no readable header", index));
    ZipEntryInfo entry{stat.name, stat.size, stat.comp_size, stat.crc};
    PIKA_TRY(CheckEntry(entry, limits));
    if (!names.insert(entry.name).second)
      return Damaged(fmt::format("'{}' appears twice", entry.name));
    total += entry.size;
    compressed += entry.compressed;
    if (total > limits.max_total_bytes)
      return Damaged(
          fmt::format("the entries would expand to over {} bytes", limits.max_total_bytes));
    entries.push_back(std::move(entry));
  }
  // Over all entries too: many small ones, each under the per-entry check, add up.
  const uint64_t ratio = total / std::max<uint64_t>(compressed, 1);
  if (total > kRatioCheckedFrom && ratio > limits.max_ratio)
    return Damaged(fmt::format("its entries would expand {} times together: a zip bomb?", ratio));
  return entries;
}

// The archive's destination, as libzip sees it: every byte goes through an AtomicFile, so that
// a failure at any step leaves the old file and the FileSystem's faults reach every write.
class AtomicTarget {
 public:
  AtomicTarget(FileSystem& files, std::string path) : files_(files), path_(std::move(path)) {
    zip_error_init(&error_);
  }
  ~AtomicTarget() { zip_error_fini(&error_); }

  static zip_int64_t Callback(void* self, void* data, zip_uint64_t length,
                              zip_source_cmd_t command) {
    return static_cast<AtomicTarget*>(self)->Handle(data, length, command);
  }
  // The first failure, in our words; libzip's own when it failed first.
  const Status& failure() const { return failure_; }

 private:
  zip_int64_t Handle(void* data, zip_uint64_t length, zip_source_cmd_t command) {
    switch (command) {
      case ZIP_SOURCE_SUPPORTS: return ZIP_SOURCE_SUPPORTS_WRITABLE;
      case ZIP_SOURCE_STAT: return Refuse(ZIP_ER_READ, ENOENT);  // a new archive, never read
      case ZIP_SOURCE_ERROR: return zip_error_to_data(&error_, data, length);
      case ZIP_SOURCE_BEGIN_WRITE: {
        auto file = AtomicFile::Create(files_, path_);
        if (!file.ok()) return Fail(file.error());
        file_.emplace(std::move(*file));
        position_ = end_ = 0;
        return 0;
      }
      case ZIP_SOURCE_WRITE: {
        Status written = file_->Write({static_cast<const char*>(data), length});
        if (!written.ok()) return Fail(written.error());
        position_ += length;
        end_ = std::max(end_, position_);
        return static_cast<zip_int64_t>(length);
      }
      case ZIP_SOURCE_SEEK_WRITE: return SeekWrite(data, length);
      case ZIP_SOURCE_TELL_WRITE: return static_cast<zip_int64_t>(position_);
      case ZIP_SOURCE_COMMIT_WRITE: {
        Status committed = file_->Commit();
        file_.reset();
        return committed.ok() ? 0 : Fail(committed.error());
      }
      case ZIP_SOURCE_ROLLBACK_WRITE: file_.reset(); return 0;
      case ZIP_SOURCE_REMOVE:
      case ZIP_SOURCE_FREE: return 0;
      default: return Refuse(ZIP_ER_OPNOTSUPP, 0);
    }
  }

  zip_int64_t SeekWrite(void* data, zip_uint64_t length) {
    auto* args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, length, &error_);
    if (args == nullptr) return -1;
    const int64_t base = args->whence == SEEK_SET   ? 0
                         : args->whence == SEEK_CUR ? static_cast<int64_t>(position_)
                                                    : static_cast<int64_t>(end_);
    if (base + args->offset < 0) return Refuse(ZIP_ER_INVAL, 0);
    const uint64_t target = static_cast<uint64_t>(base + args->offset);
    Status moved = file_->Seek(target);
    if (!moved.ok()) return Fail(moved.error());
    position_ = target;
    return 0;
  }

  zip_int64_t Refuse(int zip_code, int system_code) {
    zip_error_set(&error_, zip_code, system_code);
    return -1;
  }
  zip_int64_t Fail(Error error) {
    if (failure_.ok()) failure_ = std::move(error);
    return Refuse(ZIP_ER_WRITE, EIO);
  }

  FileSystem& files_;
  std::string path_;
  std::optional<AtomicFile> file_;
  uint64_t position_ = 0, end_ = 0;
  zip_error_t error_;
  Status failure_;
};

struct Discard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

struct CommitHooks {
  const CancelToken* cancel;
  const ProgressFn* progress;
};

void ReportProgress(zip_t*, double fraction, void* hooks) {
  const auto* self = static_cast<CommitHooks*>(hooks);
  if (*self->progress) (*self->progress)(fraction);
}

int CancelRequested(zip_t*, void* hooks) {
  return static_cast<CommitHooks*>(hooks)->cancel->cancelled() ? 1 : 0;
}

Status AddEntry(zip_t* archive, const std::string& name, zip_source_t* data, bool compress) {
  const zip_int64_t index =
      data == nullptr ? -1 : zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    if (data != nullptr) zip_source_free(data);
    return Internal(fmt::format("zip: cannot add '{}': {}", name, zip_strerror(archive)));
  }
  zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                           compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  return {};
}

}  // namespace

void ZipReader::Closer::operator()(zip* archive) const { zip_discard(archive); }

ZipReader::ZipReader(ZipReader&&) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&&) noexcept = default;
ZipReader::~ZipReader() = default;

bool IsSafeEntryName(std::string_view name) {
  if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
  if (name.find('\\') != std::string_view::npos || name.find(':') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t end = std::min(name.find('/', start), name.size());
    const std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

Result<ZipReader> ZipReader::Open(const std::string& path, const ZipLimits& limits) {
  int code = 0;
  std::unique_ptr<zip, Closer> archive(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    if (code == ZIP_ER_EXISTS) {
      zip_error_fini(&error);
      return Damaged("two entries have the same name: an entry appears twice");
    }
    if (code == ZIP_ER_NOENT) {
      zip_error_fini(&error);
      return NotFound(fmt::format("there is no file '{}'", path));
    }
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
      return IoError(fmt::format("cannot read '{}': {}", path, ZipErrorText(&error)));
    return Damaged(ZipErrorText(&error));
  }
  auto entries = ReadDirectory(archive.get(), limits);
  if (!entries.ok()) return entries.error();
  return ZipReader(std::move(archive), std::move(*entries), limits);
}

const ZipEntryInfo* ZipReader::Find(std::string_view name) const {
  for (const ZipEntryInfo& entry : entries_)
    if (entry.name == name) return &entry;
  return nullptr;
}

Status ZipReader::Stream(const ZipEntryInfo& entry,
                         const std::function<Status(std::string_view)>& sink,
                         const CancelToken& cancel) const {
  zip_file_t* file = zip_fopen(archive_.get(), entry.name.c_str(), 0);
  if (file == nullptr)
    return Damaged(fmt::format("'{}': {}", entry.name, zip_strerror(archive_.get())));
  std::string chunk(std::min(kChunk, std::max<uint64_t>(entry.size, 1)), '\0');
  uint64_t done = 0;
  Status status;
  while (status.ok() && done < entry.size) {
    if (cancel.cancelled()) status = Cancelled();
    const zip_int64_t read =
        status.ok()
            ? zip_fread(file, chunk.data(), std::min<uint64_t>(chunk.size(), entry.size - done))
            : 0;
    if (read <= 0) break;
    done += static_cast<uint64_t>(read);
    status = sink(std::string_view(chunk.data(), static_cast<size_t>(read)));
  }
  // A CRC mismatch shows up when the end of the entry is read.
  char extra;
  const zip_int64_t tail = status.ok() ? zip_fread(file, &extra, 1) : 0;
  const std::string problem = tail < 0 ? zip_file_strerror(file) : std::string();
  zip_fclose(file);
  if (!status.ok()) return status;
  if (done != entry.size || tail != 0)
    return Damaged(
        fmt::format("'{}' cannot be read{}{}", entry.name, problem.empty() ? "" : ": ", problem));
  return {};
}

Result<std::string> ZipReader::ReadText(std::string_view name) const {
  const ZipEntryInfo* entry = Find(name);
  if (entry == nullptr) return NotFound(fmt::format("the archive has no '{}'", name));
  if (entry->size > limits_.max_text_bytes)
    return Damaged(fmt::format("'{}' would expand to {} bytes, at most {} allowed", name,
                               entry->size, limits_.max_text_bytes));
  std::string text;
  PIKA_TRY(Stream(*entry,
                  [&text](std::string_view bytes) {
                    text.append(bytes);
                    return Status();
                  },
                  {}));
  return text;
}

Status ZipReader::ExtractTo(std::string_view name, FileSystem& files, const std::string& path,
                            const CancelToken& cancel, const ProgressFn& progress) const {
  const ZipEntryInfo* entry = Find(name);
  if (entry == nullptr) return NotFound(fmt::format("the archive has no '{}'", name));
  auto file = AtomicFile::Create(files, path);
  if (!file.ok()) return file.error();
  uint64_t written = 0;
  PIKA_TRY(Stream(
      *entry,
      [&](std::string_view bytes) {
        written += bytes.size();
        if (progress) progress(static_cast<double>(written) / static_cast<double>(entry->size));
        return file->Write(bytes);
      },
      cancel));
  return file->Commit();
}

void ZipWriter::AddBytes(std::string name, std::string bytes) {
  entries_.push_back({std::move(name), std::move(bytes), {}});
}

void ZipWriter::AddFile(std::string name, std::string file) {
  entries_.push_back({std::move(name), {}, std::move(file)});
}

Status ZipWriter::Commit(const CancelToken& cancel, const ProgressFn& progress) {
  AtomicTarget target(files_, path_);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* sink = zip_source_function_create(&AtomicTarget::Callback, &target, &error);
  if (sink == nullptr) return Internal("zip: " + ZipErrorText(&error));
  std::unique_ptr<zip_t, Discard> archive(
      zip_open_from_source(sink, ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_source_free(sink);
    return Internal("zip: " + ZipErrorText(&error));
  }
  zip_error_fini(&error);
  for (const Entry& entry : entries_) {
    const bool from_file = !entry.file.empty();
    zip_source_t* data =
        from_file ? zip_source_file(archive.get(), entry.file.c_str(), 0, 0)
                  : zip_source_buffer(archive.get(), entry.bytes.data(), entry.bytes.size(), 0);
    PIKA_TRY(AddEntry(archive.get(), entry.name, data, !from_file));
  }
  CommitHooks hooks{&cancel, &progress};
  zip_register_progress_callback_with_state(archive.get(), 0.01, &ReportProgress, nullptr, &hooks);
  zip_register_cancel_callback_with_state(archive.get(), &CancelRequested, nullptr, &hooks);
  if (zip_close(archive.get()) == 0) {
    (void)archive.release();  // zip_close freed it
    return {};
  }
  if (!target.failure().ok()) return target.failure();
  if (cancel.cancelled()) return Cancelled("the save was cancelled; the file on disk is as it was");
  return IoError(fmt::format("cannot write '{}': {}", path_, zip_strerror(archive.get())));
}

Result<std::string> WriteZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return Internal("zip: " + ZipErrorText(&error));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return Internal("zip: " + ZipErrorText(&error));
  }
  zip_source_keep(buffer);  // the bytes are read back after zip_close
  for (const ZipEntry& entry : entries) {
    Status added = AddEntry(archive, entry.name,
                            zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0),
                            entry.compress);
    if (!added.ok()) {
      zip_discard(archive);
      zip_source_free(buffer);
      return added.error();
    }
  }
  if (zip_close(archive) != 0) {
    const std::string message = zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(buffer);
    return Internal("zip: " + message);
  }
  std::string bytes;
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(stat.size);
    const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
    zip_source_close(buffer);
    if (read != static_cast<zip_int64_t>(stat.size)) bytes.clear();
  }
  zip_source_free(buffer);
  if (bytes.empty()) return Internal("zip: the archive could not be read back");
  return bytes;
}

}  // namespace pika
