// ZipArchive: the container of a workspace file, read and written in memory with libzip.
// Reading trusts nothing: it refuses archives whose entries would escape a folder, repeat,
// or expand far beyond their compressed size (zip bombs), before decompressing anything.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pika {

struct ZipLimits {
  uint64_t max_entries = 10'000;
  uint64_t max_entry_bytes = uint64_t{16} << 30;  // uncompressed, per entry
  uint64_t max_total_bytes = uint64_t{64} << 30;  // uncompressed, all entries
  uint64_t max_ratio = 200;  // uncompressed / compressed, for entries over 1 MB
};

struct ZipEntry {
  std::string name;
  std::string bytes;
  bool compress = true;  // deflate; off for data that is compressed already (Parquet)
};

// An archive of `entries`, in order.
Result<std::string> WriteZip(const std::vector<ZipEntry>& entries);

// Every entry of the archive in `bytes` by name, each checked against its CRC.
Result<std::map<std::string, std::string>> ReadZip(std::string_view bytes,
                                                   const ZipLimits& limits = {});

// Whether `name` may name an entry: relative, no "..", no backslashes or drive letters.
bool IsSafeEntryName(std::string_view name);

}  // namespace pika
