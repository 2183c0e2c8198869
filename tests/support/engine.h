// Small helpers for tests that talk to an in-memory DuckDB database.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "storage/database.h"
#include "storage/file_importer.h"

namespace pika::test {

struct Engine {
  Database database;
  Connection connection;
};

inline Engine OpenEngine() {
  auto database = Database::Open({});
  EXPECT_TRUE(database.ok());
  auto connection = database->Connect();
  EXPECT_TRUE(connection.ok());
  return {std::move(*database), std::move(*connection)};
}

// The single value of a one-row, one-column query, as text ("NULL" for NULL).
inline std::string QueryValue(Connection& connection, const std::string& sql) {
  auto result = connection.Query(sql);
  if (!result.ok()) return "error: " + result.error().message;
  auto batch = result->FetchAll();
  if (!batch.ok() || batch->row_count == 0) return "no rows";
  return FormatValue(batch->columns[0], 0);
}

inline Result<ImportResult> Import(Connection& connection, const std::string& path,
                                   ImportOptions options = {}, const std::string& table = "t") {
  return ImportFile(connection, {path, table, false, std::move(options)}, CancelToken(), {});
}

}  // namespace pika::test
