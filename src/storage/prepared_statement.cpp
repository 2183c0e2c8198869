#include "storage/prepared_statement.h"

#include <duckdb.h>
#include <fmt/format.h>

#include "storage/engine_error.h"
#include "storage/query_result_impl.h"

namespace pika {

struct PreparedStatement::Impl {
  duckdb_prepared_statement statement = nullptr;
  ~Impl() { duckdb_destroy_prepare(&statement); }
};

namespace {

Status Checked(duckdb_state state, uint64_t index, uint64_t count) {
  if (state == DuckDBSuccess) return {};
  return InvalidInput(fmt::format("cannot bind parameter ${}: the statement has {} parameter{}",
                                  index, count, count == 1 ? "" : "s"));
}

}  // namespace

PreparedStatement::PreparedStatement() = default;
PreparedStatement::~PreparedStatement() = default;
PreparedStatement::PreparedStatement(PreparedStatement&&) noexcept = default;
PreparedStatement& PreparedStatement::operator=(PreparedStatement&&) noexcept = default;
PreparedStatement::PreparedStatement(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

uint64_t PreparedStatement::parameter_count() const { return duckdb_nparams(impl_->statement); }

bool PreparedStatement::is_select() const {
  return duckdb_prepared_statement_type(impl_->statement) == DUCKDB_STATEMENT_TYPE_SELECT;
}

std::vector<std::string> PreparedStatement::column_names() const {
  std::vector<std::string> names;
  const idx_t count = duckdb_prepared_statement_column_count(impl_->statement);
  for (idx_t index = 0; index < count; ++index) {
    const char* name = duckdb_prepared_statement_column_name(impl_->statement, index);
    names.emplace_back(name ? name : "");
    duckdb_free(const_cast<char*>(name));
  }
  return names;
}

Status PreparedStatement::BindInt(uint64_t index, int64_t value) {
  return Checked(duckdb_bind_int64(impl_->statement, index, value), index, parameter_count());
}

Status PreparedStatement::BindDouble(uint64_t index, double value) {
  return Checked(duckdb_bind_double(impl_->statement, index, value), index, parameter_count());
}

Status PreparedStatement::BindText(uint64_t index, std::string_view value) {
  return Checked(duckdb_bind_varchar_length(impl_->statement, index, value.data(), value.size()),
                 index, parameter_count());
}

Status PreparedStatement::BindNull(uint64_t index) {
  return Checked(duckdb_bind_null(impl_->statement, index), index, parameter_count());
}

Result<QueryResult> PreparedStatement::Execute() {
  duckdb_pending_result pending = nullptr;
  if (duckdb_pending_prepared_streaming(impl_->statement, &pending) == DuckDBError) {
    const char* message = duckdb_pending_error(pending);
    Error error = ErrorFromEngineMessage(message ? message : "cannot run the statement");
    duckdb_destroy_pending(&pending);
    return error;
  }
  auto result = std::make_unique<QueryResult::Impl>();
  const duckdb_state state = duckdb_execute_pending(pending, &result->result);
  duckdb_destroy_pending(&pending);
  if (state == DuckDBError) {
    const char* message = duckdb_result_error(&result->result);
    return ErrorFromEngine(duckdb_result_error_type(&result->result),
                           message ? message : "query failed");
  }
  result->ReadColumns();
  return QueryResult(std::move(result));
}

// Lives here so that connection.cpp need not know the statement's insides.
Result<PreparedStatement> PrepareStatement(duckdb_connection connection, const std::string& sql) {
  auto impl = std::make_unique<PreparedStatement::Impl>();
  if (duckdb_prepare(connection, sql.c_str(), &impl->statement) == DuckDBError) {
    const char* message = duckdb_prepare_error(impl->statement);
    return ErrorFromEngineMessage(message ? message : "cannot prepare the statement");
  }
  return PreparedStatement(std::move(impl));
}

}  // namespace pika
