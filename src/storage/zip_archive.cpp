#include "storage/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <memory>
#include <set>

namespace pika {

namespace {

constexpr uint64_t kRatioCheckedFrom = 1 << 20;

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

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

Result<std::string> ReadEntry(zip_t* archive, zip_uint64_t index, uint64_t size,
                              const std::string& name) {
  zip_file_t* file = zip_fopen_index(archive, index, 0);
  if (file == nullptr) return Damaged(fmt::format("'{}': {}", name, zip_strerror(archive)));
  // Grown as data really arrives: a header that claims gigabytes costs nothing until then.
  std::string bytes;
  uint64_t done = 0;
  constexpr uint64_t kChunk = 1 << 20;
  while (done < size) {
    const uint64_t want = std::min(kChunk, size - done);
    bytes.resize(done + want);
    const zip_int64_t read = zip_fread(file, bytes.data() + done, want);
    if (read <= 0) break;
    done += static_cast<uint64_t>(read);
  }
  bytes.resize(done);
  // A CRC mismatch shows up when the end of the entry is read.
  char extra;
  const zip_int64_t tail = zip_fread(file, &extra, 1);
  const std::string problem = tail < 0 ? zip_file_strerror(file) : std::string();
  zip_fclose(file);
  if (done != size || tail != 0)
    return Damaged(
        fmt::format("'{}' cannot be read{}{}", name, problem.empty() ? "" : ": ", problem));
  return bytes;
}

}  // namespace

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
    zip_source_t* data = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    const zip_int64_t index =
        data == nullptr ? -1 : zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (data != nullptr) zip_source_free(data);
      const std::string message = zip_strerror(archive);
      zip_discard(archive);
      zip_source_free(buffer);
      return Internal(fmt::format("zip: cannot add '{}': {}", entry.name, message));
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
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

Result<std::map<std::string, std::string>> ReadZip(std::string_view bytes,
                                                   const ZipLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return Internal("zip: " + ZipErrorText(&error));
  Archive archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);
    if (zip_error_code_zip(&error) == ZIP_ER_EXISTS) {
      zip_error_fini(&error);
      return Damaged("two entries have the same name: an entry appears twice");
    }
    return Damaged(ZipErrorText(&error));
  }
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 0 || static_cast<uint64_t>(count) > limits.max_entries)
    return Damaged(fmt::format("{} entries, at most {} allowed", count, limits.max_entries));
  // Check every entry's header before decompressing any of them.
  std::vector<zip_stat_t> stats(static_cast<size_t>(count));
  std::set<std::string> names;
  uint64_t total = 0;
  for (zip_int64_t index = 0; index < count; ++index) {
    zip_stat_t& stat = stats[static_cast<size_t>(index)];
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
        stat.name == nullptr)
      return Damaged(fmt::format("entry {} has no readable header", index));
    const std::string name = stat.name;
    if (!IsSafeEntryName(name))
      return InvalidInput(
          fmt::format("the workspace file holds an entry named '{}', which could "
                      "write outside its folder: it was not opened",
                      name));
    if (!names.insert(name).second) return Damaged(fmt::format("'{}' appears twice", name));
    if (stat.size > limits.max_entry_bytes)
      return Damaged(fmt::format("'{}' would expand to {} bytes", name, stat.size));
    total += stat.size;
    if (total > limits.max_total_bytes)
      return Damaged(
          fmt::format("the entries would expand to over {} bytes", limits.max_total_bytes));
    if (stat.size > kRatioCheckedFrom &&
        stat.size / std::max<uint64_t>(stat.comp_size, 1) > limits.max_ratio)
      return Damaged(fmt::format("'{}' would expand {} times: a zip bomb?", name,
                                 stat.size / std::max<uint64_t>(stat.comp_size, 1)));
  }
  std::map<std::string, std::string> entries;
  for (zip_int64_t index = 0; index < count; ++index) {
    const zip_stat_t& stat = stats[static_cast<size_t>(index)];
    auto content = ReadEntry(archive.get(), static_cast<zip_uint64_t>(index), stat.size, stat.name);
    if (!content.ok()) return content.error();
    entries.emplace(stat.name, std::move(*content));
  }
  return entries;
}

}  // namespace pika
