#include "storage/query_export.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "storage/sql_quote.h"
#include "storage/watched_query.h"

namespace pika {

namespace fs = std::filesystem;

namespace {

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Beside the target, so that the final rename stays within one file system.
std::string TemporaryPathFor(const std::string& path, const char* extension) {
  const fs::path target(path);
  return (target.parent_path() /
          fmt::format(".{}.{}.part{}", target.stem().string(), getpid(), extension))
      .string();
}

}  // namespace

Result<DataFileFormat> DataFileFormatOf(const std::string& path) {
  const std::string extension = Lowercase(fs::path(path).extension().string());
  if (extension == ".csv") return DataFileFormat::kCsv;
  if (extension == ".parquet") return DataFileFormat::kParquet;
  return InvalidInput(
      fmt::format("cannot tell the format of '{}': end its name in .csv or .parquet", path));
}

Status ExportQueryResult(Connection& connection, const std::string& sql, const std::string& path,
                         const CancelToken& cancel, const ProgressFn& progress) {
  auto format = DataFileFormatOf(path);
  if (!format.ok()) return format.error();
  const bool csv = *format == DataFileFormat::kCsv;
  // DuckDB picks the writer by extension too: the temporary file keeps the target's.
  const std::string temporary = TemporaryPathFor(path, csv ? ".csv" : ".parquet");
  const std::string options = csv ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION zstd";
  Status copied = ExecuteWatched(
      connection, fmt::format("COPY ({}) TO {} ({})", sql, QuoteLiteral(temporary), options),
      cancel, progress);
  std::error_code error;
  if (copied.ok()) {
    fs::rename(temporary, path, error);
    if (!error) return {};
    copied = IoError(fmt::format("cannot write '{}': {}", path, error.message()));
  }
  fs::remove(temporary, error);
  return copied;
}

}  // namespace pika
