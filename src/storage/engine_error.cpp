#include "storage/engine_error.h"

#include <fmt/format.h>

#include <algorithm>

namespace pika {

namespace {

bool StartsWith(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// DuckDB quotes the offending CSV line in full; a 3 MB line must not become a 3 MB message.
std::string ShortenLongLines(std::string message) {
  constexpr size_t kMaxLine = 200;
  std::string out;
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    const size_t length = end - start;
    out.append(message, start, std::min(length, kMaxLine));
    if (length > kMaxLine) out += "...";
    if (end < message.size()) out.push_back('\n');
    start = end + 1;
  }
  return out;
}

// DuckDB: Cannot access file "/etc/passwd" - file system operations are disabled by ...
std::string RestrictedMessage(const std::string& message) {
  const size_t open = message.find('"');
  const size_t close = open == std::string::npos ? open : message.find('"', open + 1);
  const std::string what = close == std::string::npos
                               ? "a file"
                               : "'" + message.substr(open + 1, close - open - 1) + "'";
  return fmt::format(
      "reads {}: not allowed, a workspace from elsewhere is restricted to its own data", what);
}

}  // namespace

Error ErrorFromEngine(duckdb_error_type type, std::string message) {
  message = ShortenLongLines(std::move(message));
  switch (type) {
    case DUCKDB_ERROR_INTERRUPT: return Cancelled("cancelled: the query was interrupted");
    case DUCKDB_ERROR_IO:
    case DUCKDB_ERROR_PERMISSION: return ErrorFromEngineMessage(std::move(message));
    case DUCKDB_ERROR_OUT_OF_MEMORY:
    case DUCKDB_ERROR_INTERNAL:
    case DUCKDB_ERROR_FATAL:
    case DUCKDB_ERROR_CONNECTION:
    case DUCKDB_ERROR_SERIALIZATION:
    case DUCKDB_ERROR_TRANSACTION: return EngineError(std::move(message));
    default: return InvalidInput(std::move(message));
  }
}

Error ErrorFromEngineMessage(std::string message) {
  message = ShortenLongLines(std::move(message));
  if (message.find("disabled by configuration") != std::string::npos)
    return NotAllowed(RestrictedMessage(message));
  if (StartsWith(message, "INTERRUPT")) return Cancelled("cancelled: the query was interrupted");
  if (message.find("No files found") != std::string::npos ||
      message.find("does not exist") != std::string::npos) {
    return NotFound(std::move(message));
  }
  if (StartsWith(message, "IO Error") || StartsWith(message, "Permission")) {
    return IoError(std::move(message));
  }
  if (StartsWith(message, "Out of Memory") || StartsWith(message, "INTERNAL") ||
      StartsWith(message, "FATAL")) {
    return EngineError(std::move(message));
  }
  return InvalidInput(std::move(message));
}

}  // namespace pika
