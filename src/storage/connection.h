// Connection: one DuckDB connection, used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/prepared_statement.h"
#include "storage/query_result.h"

struct _duckdb_connection;

namespace pika {

class Connection {
 public:
  Connection(_duckdb_connection* connection, std::shared_ptr<void> database);
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements and discards their results.
  Status Execute(std::string_view sql);

  // Runs one or more statements and streams the result of the last one.
  Result<QueryResult> Query(std::string_view sql);

  // The same, with every row of the result at once: for results known to be small.
  Result<TableBatch> QueryAll(std::string_view sql);

  // Creates `table` with the columns of `rows` (their names and types) and appends every row
  // through DuckDB's appender: how rows fetched from elsewhere (a remote engine) come local.
  // On failure the table is dropped again.
  Status CreateTableFrom(std::string_view table, const TableBatch& rows);

  // Parses and plans one statement for repeated runs with parameters ($1, $2...).
  Result<PreparedStatement> Prepare(std::string_view sql);

  // Stops the running query; safe to call from any thread. The query fails as kCancelled.
  void Interrupt();
  // Progress of the running query in [0, 1], or a negative value when unknown.
  double Progress() const;

 private:
  _duckdb_connection* connection_ = nullptr;
  std::shared_ptr<void> database_;
};

}  // namespace pika
