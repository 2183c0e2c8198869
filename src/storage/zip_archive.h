// The container of a workspace file: a zip archive on disk, written and read by streaming
// with libzip, so that an archive of many gigabytes costs no more memory than a small one.
// Reading trusts nothing: it refuses archives whose entries would escape a folder, repeat,
// or expand far beyond their compressed size (zip bombs), before decompressing anything.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/file_system.h"

struct zip;

namespace pika {

struct ZipLimits {
  uint64_t max_entries = 10'000;
  uint64_t max_entry_bytes = uint64_t{1} << 40;  // uncompressed, per entry
  uint64_t max_total_bytes = uint64_t{4} << 40;  // uncompressed, all entries
  uint64_t max_ratio = 200;                      // uncompressed / compressed, for entries over 1 MB
  uint64_t max_text_bytes = uint64_t{64} << 20;  // an entry read into memory (JSON)
};

// What the central directory says of an entry; nothing of it has been decompressed.
struct ZipEntryInfo {
  std::string name;
  uint64_t size = 0;        // uncompressed
  uint64_t compressed = 0;  // in the archive
  uint32_t crc = 0;
};

// An archive on disk, open for reading entry by entry.
class ZipReader {
 public:
  // Opens `path` and checks its central directory against `limits`: reads no entry.
  static Result<ZipReader> Open(const std::string& path, const ZipLimits& limits = {});
  ZipReader(ZipReader&&) noexcept;
  ZipReader& operator=(ZipReader&&) noexcept;
  ~ZipReader();

  const std::vector<ZipEntryInfo>& entries() const { return entries_; }
  const ZipEntryInfo* Find(std::string_view name) const;
  // A small entry (JSON), whole, checked against its CRC; at most limits.max_text_bytes.
  Result<std::string> ReadText(std::string_view name) const;
  // Streams an entry into `path` (whole or not at all), checking its CRC as it goes.
  // Reports the fraction of the entry written.
  Status ExtractTo(std::string_view name, FileSystem& files, const std::string& path,
                   const CancelToken& cancel = {}, const ProgressFn& progress = {}) const;

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  ZipReader(std::unique_ptr<zip, Closer> archive, std::vector<ZipEntryInfo> entries,
            ZipLimits limits)
      : archive_(std::move(archive)), entries_(std::move(entries)), limits_(limits) {}
  Status Stream(const ZipEntryInfo& entry, const std::function<Status(std::string_view)>& sink,
                const CancelToken& cancel) const;
  std::unique_ptr<zip, Closer> archive_;
  std::vector<ZipEntryInfo> entries_;
  ZipLimits limits_;
};

// Writes an archive to `path` through `files`: whole or not at all (AtomicFile). Entries
// from files are read when Commit writes them, never held in memory.
class ZipWriter {
 public:
  ZipWriter(FileSystem& files, std::string path) : files_(files), path_(std::move(path)) {}

  // A small entry held in memory, deflated.
  void AddBytes(std::string name, std::string bytes);
  // A file stored as it is (Parquet is compressed already).
  void AddFile(std::string name, std::string file);
  // Writes every entry, reporting the fraction written; a cancel leaves the old file.
  Status Commit(const CancelToken& cancel = {}, const ProgressFn& progress = {});

 private:
  struct Entry {
    std::string name;
    std::string bytes;  // AddBytes
    std::string file;   // AddFile
  };
  FileSystem& files_;
  std::string path_;
  std::vector<Entry> entries_;
};

struct ZipEntry {
  std::string name;
  std::string bytes;
  bool compress = true;  // deflate; off for data that is compressed already (Parquet)
};

// An archive of `entries`, in order, in memory: for tests that build hostile archives.
Result<std::string> WriteZip(const std::vector<ZipEntry>& entries);

// Whether `name` may name an entry: relative, no "..", no backslashes or drive letters.
bool IsSafeEntryName(std::string_view name);

}  // namespace pika
