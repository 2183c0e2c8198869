#include "storage/connection.h"

#include <duckdb.h>

#include <utility>

#include "storage/engine_error.h"
#include "storage/query_result_impl.h"

namespace pika {

namespace {

// Owns a duckdb_result from the moment DuckDB fills it, success or not.
struct ResultGuard {
  duckdb_result result{};
  ~ResultGuard() { duckdb_destroy_result(&result); }
};

struct ExtractedGuard {
  duckdb_extracted_statements statements = nullptr;
  ~ExtractedGuard() { duckdb_destroy_extracted(&statements); }
};

struct PreparedGuard {
  duckdb_prepared_statement statement = nullptr;
  ~PreparedGuard() { duckdb_destroy_prepare(&statement); }
};

struct PendingGuard {
  duckdb_pending_result pending = nullptr;
  ~PendingGuard() { duckdb_destroy_pending(&pending); }
};

Error ResultError(duckdb_result& result) {
  const char* message = duckdb_result_error(&result);
  return ErrorFromEngine(duckdb_result_error_type(&result), message ? message : "query failed");
}

Status RunStatement(duckdb_prepared_statement statement) {
  ResultGuard guard;
  if (duckdb_execute_prepared(statement, &guard.result) == DuckDBError) {
    return ResultError(guard.result);
  }
  return {};
}

}  // namespace

Connection::Connection(_duckdb_connection* connection, std::shared_ptr<void> database)
    : connection_(connection), database_(std::move(database)) {}

Connection::~Connection() {
  if (connection_) duckdb_disconnect(&connection_);
}

Connection::Connection(Connection&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)),
      database_(std::move(other.database_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (connection_) duckdb_disconnect(&connection_);
    connection_ = std::exchange(other.connection_, nullptr);
    database_ = std::move(other.database_);
  }
  return *this;
}

Status Connection::Execute(std::string_view sql) {
  ResultGuard guard;
  const std::string text(sql);
  if (duckdb_query(connection_, text.c_str(), &guard.result) == DuckDBError) {
    return ResultError(guard.result);
  }
  return {};
}

Result<TableBatch> Connection::QueryAll(std::string_view sql) {
  auto result = Query(sql);
  if (!result.ok()) return result.error();
  return result->FetchAll();
}

Result<QueryResult> Connection::Query(std::string_view sql) {
  const std::string text(sql);
  ExtractedGuard extracted;
  const idx_t count = duckdb_extract_statements(connection_, text.c_str(), &extracted.statements);
  if (count == 0) {
    const char* message = duckdb_extract_statements_error(extracted.statements);
    return ErrorFromEngineMessage(message ? message : "no SQL statement to run");
  }
  for (idx_t index = 0; index < count; ++index) {
    PreparedGuard prepared;
    if (duckdb_prepare_extracted_statement(connection_, extracted.statements, index,
                                           &prepared.statement) == DuckDBError) {
      const char* message = duckdb_prepare_error(prepared.statement);
      return ErrorFromEngineMessage(message ? message : "cannot prepare statement");
    }
    if (index + 1 < count) {
      PIKA_TRY(RunStatement(prepared.statement));
      continue;
    }
    PendingGuard pending;
    if (duckdb_pending_prepared_streaming(prepared.statement, &pending.pending) == DuckDBError) {
      const char* message = duckdb_pending_error(pending.pending);
      return ErrorFromEngineMessage(message ? message : "cannot start query");
    }
    auto impl = std::make_unique<QueryResult::Impl>();
    if (duckdb_execute_pending(pending.pending, &impl->result) == DuckDBError) {
      return ResultError(impl->result);
    }
    impl->ReadColumns();
    return QueryResult(std::move(impl));
  }
  return Internal("unreachable: no statement executed");
}

Result<PreparedStatement> PrepareStatement(duckdb_connection connection, const std::string& sql);

Result<PreparedStatement> Connection::Prepare(std::string_view sql) {
  return PrepareStatement(connection_, std::string(sql));
}

void Connection::Interrupt() {
  if (connection_) duckdb_interrupt(connection_);
}

double Connection::Progress() const {
  if (!connection_) return -1.0;
  return duckdb_query_progress(connection_).percentage / 100.0;
}

}  // namespace pika
