#include "storage/file_access.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

Status CheckEngineMayRead(Connection& connection, const std::string& path) {
  // DuckDB decides, by its own allowed_directories: one rule for its reads and ours. Only the
  // size is asked for, so nothing of the file is read.
  auto asked =
      connection.QueryAll(fmt::format("SELECT size FROM read_blob({})", QuoteFileLiteral(path)));
  if (!asked.ok() && asked.error().kind == ErrorKind::kNotAllowed) return asked.error();
  return {};
}

}  // namespace pika
