#include "storage/source_file.h"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace pika {

namespace {

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<SourceFile> OpenSourceFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    return NotFound(fmt::format("file not found: '{}': check the path", path));
  }
  if (!fs::is_regular_file(status)) {
    return InvalidInput(
        fmt::format("'{}' is not a file: give the path of a CSV, Parquet or DuckDB file", path));
  }
  SourceFile file{path};
  file.size = fs::file_size(path, error);
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return IoError(fmt::format("cannot read '{}': check its permissions", path));
  }
  if (file.size == 0) {
    return InvalidInput(fmt::format("'{}' is empty (0 bytes): there is nothing to import", path));
  }
  std::array<char, 20> magic{};
  stream.read(magic.data(), magic.size());
  const std::string start(magic.data(), static_cast<size_t>(stream.gcount()));
  const std::string head = start.substr(0, 4);
  if (head == "PAR1" || EndsWith(path, ".parquet") || EndsWith(path, ".pq")) {
    file.format = FileFormat::kParquet;
  }
  // A DuckDB database: a checksum (which may start like anything), its magic bytes, then its
  // storage version as a little-endian uint64 (64, 65...): the NULs tell it from a text file
  // that happens to hold DUCK there.
  if (start.size() == 20 && start.substr(8, 4) == "DUCK" &&
      start.substr(13) == std::string(7, '\0')) {
    file.format = FileFormat::kDuckDb;
    return file;
  }
  if (head.rfind("\x1f\x8b", 0) == 0 || EndsWith(path, ".gz")) file.compression = "gzip";
  if (head == "\x28\xb5\x2f\xfd" || EndsWith(path, ".zst")) file.compression = "zstd";
  return file;
}

}  // namespace pika
