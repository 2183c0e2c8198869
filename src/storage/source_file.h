// SourceFile: a data file the user points at, checked and classified before any engine work.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace pika {

enum class FileFormat { kCsv, kParquet, kDuckDb };

struct SourceFile {
  std::string path;
  FileFormat format = FileFormat::kCsv;
  std::string compression = "none";  // "none", "gzip", "zstd"
  uint64_t size = 0;
};

// Checks that `path` is a readable, non-empty regular file and tells what it holds.
Result<SourceFile> OpenSourceFile(const std::string& path);

}  // namespace pika
