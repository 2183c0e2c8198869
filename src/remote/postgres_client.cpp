#include "remote/postgres_client.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <poll.h>

#include <vector>

#include "remote/text_values.h"

namespace pika {

namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string FirstLine(const char* message) {
  std::string text = message == nullptr ? "" : message;
  return text.substr(0, text.find('\n'));
}

std::string Where(const RemoteSource& source) {
  return fmt::format("PostgreSQL at {}:{}", source.host, PortOf(source));
}

Error ConnectError(const RemoteSource& source, const std::string& message) {
  if (message.find("password authentication failed") != std::string::npos ||
      message.find("no password supplied") != std::string::npos) {
    return InvalidInput(fmt::format(
        "{} refused user '{}': {}. Set the password in PIKA_REMOTE_PASSWORD (or ~/.pgpass) and "
        "retry",
        Where(source), source.user, message));
  }
  if (message.find("database") != std::string::npos &&
      message.find("does not exist") != std::string::npos)
    return NotFound(fmt::format("{}: {}", Where(source), message));
  if (message.find("certificate") != std::string::npos ||
      message.find("SSL") != std::string::npos) {
    return EngineError(fmt::format(
        "cannot connect securely to {} ({}): name the CA that signed the server's certificate "
        "with ?sslrootcert=FILE or PIKA_REMOTE_CA_FILE, or check the host name",
        Where(source), message));
  }
  return EngineError(fmt::format(
      "cannot reach {} ({}): check the host and port and that the server runs, then retry",
      Where(source), message));
}

Result<TableBatch> ReadRows(const PGresult* result) {
  TableBatch batch;
  const int columns = PQnfields(result);
  for (int column = 0; column < columns; ++column) {
    batch.columns.push_back(
        MakeColumn(PQfname(result, column), PostgresColumnType(PQftype(result, column))));
  }
  const int rows = PQntuples(result);
  for (int row = 0; row < rows; ++row) {
    for (int column = 0; column < columns; ++column) {
      Column& into = batch.columns[static_cast<size_t>(column)];
      const std::optional<std::string_view> text =
          PQgetisnull(result, row, column)
              ? std::nullopt
              : std::optional<std::string_view>(
                    std::string_view(PQgetvalue(result, row, column),
                                     static_cast<size_t>(PQgetlength(result, row, column))));
      if (!AppendText(into, text)) {
        return EngineError(fmt::format("cannot read '{}' in column '{}' of PostgreSQL's answer",
                                       text.value_or(""), into.name));
      }
    }
  }
  batch.row_count = static_cast<size_t>(rows);
  return batch;
}

uint64_t BytesOf(const PGresult* result) {
  uint64_t bytes = 0;
  for (int row = 0; row < PQntuples(result); ++row) {
    for (int column = 0; column < PQnfields(result); ++column)
      bytes += static_cast<uint64_t>(PQgetlength(result, row, column)) + 4;
  }
  return bytes;
}

class PostgresClient final : public RemoteClient {
 public:
  PostgresClient(RemoteSource source, Connection connection, RemoteOptions options)
      : RemoteClient(std::move(source)), connection_(std::move(connection)), options_(options) {}

  // Each query runs in a read-only transaction that is rolled back: it can neither write nor
  // leave the session changed for the next one (set_config of the read-only default included).
  Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) override {
    if (PQstatus(connection_.get()) != CONNECTION_OK) PQreset(connection_.get());
    PIKA_TRY(Run("BEGIN READ ONLY"));
    auto answer = QueryInTransaction(sql, cancel);
    const Status rolled_back = Run("ROLLBACK");
    if (!answer.ok()) return answer;  // the query's own error says more than the rollback's
    PIKA_TRY(rolled_back);
    return answer;
  }

 private:
  Status Run(const char* statement) {
    PgResult result(PQexec(connection_.get(), statement), &PQclear);
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) return {};
    return ConnectError(source(), FirstLine(PQerrorMessage(connection_.get())));
  }

  Result<TableBatch> QueryInTransaction(const std::string& sql, const CancelToken& cancel) {
    // The extended protocol runs one statement: SQL from a workspace cannot end ours and
    // start another.
    if (PQsendQueryParams(connection_.get(), sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                          0) == 0)
      return ConnectError(source(), FirstLine(PQerrorMessage(connection_.get())));
    bool cancelled = false;
    if (Status waited = WaitForResult(cancel, cancelled); !waited.ok()) return waited.error();
    std::optional<Result<TableBatch>> answer;
    while (PGresult* next = PQgetResult(connection_.get())) {
      PgResult result(next, &PQclear);
      if (!answer) answer = Answer(result.get(), cancelled);
    }
    if (!answer) return EngineError(Where(source()) + " sent no result");
    return *std::move(answer);
  }

  // Waits for the whole result while watching `cancel`; a cancel asks the server to stop.
  Status WaitForResult(const CancelToken& cancel, bool& cancelled) {
    PGconn* connection = connection_.get();
    while (true) {
      if (PQconsumeInput(connection) == 0)
        return ConnectError(source(), FirstLine(PQerrorMessage(connection)));
      if (PQisBusy(connection) == 0) return {};
      if (cancel.cancelled() && !cancelled) {
        cancelled = true;
        std::unique_ptr<PGcancel, decltype(&PQfreeCancel)> handle(PQgetCancel(connection),
                                                                  &PQfreeCancel);
        char message[256] = {};
        PQcancel(handle.get(), message, sizeof message);
      }
      pollfd socket{PQsocket(connection), POLLIN, 0};
      poll(&socket, 1, 50);
    }
  }

  Result<TableBatch> Answer(const PGresult* result, bool cancelled) {
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      const uint64_t bytes = BytesOf(result);
      CountBytes(bytes);
      if (bytes > options_.max_result_bytes) {
        return InvalidInput(
            fmt::format("the result from {} is larger than {} MB: aggregate it or add a LIMIT",
                        Where(source()), options_.max_result_bytes >> 20));
      }
      return ReadRows(result);
    }
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const std::string code = state == nullptr ? "" : state;
    const std::string message = FirstLine(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (code == "57014" && cancelled)
      return Cancelled("cancelled; the query was stopped on " + Where(source()));
    if (code == "57014") {
      return EngineError(fmt::format("{} stopped the query after {} s: {}", Where(source()),
                                     options_.query_timeout_s, message));
    }
    if (code == "42P01" || code == "3F000")  // undefined table, undefined schema
      return NotFound(fmt::format("{}: {}", Where(source()), message));
    return InvalidInput(fmt::format("{}: {} (SQLSTATE {})", Where(source()), message, code));
  }

  Connection connection_;
  RemoteOptions options_;
};

}  // namespace

Result<std::unique_ptr<RemoteClient>> ConnectPostgres(const RemoteSource& source,
                                                      const std::string& password,
                                                      const RemoteOptions& options) {
  const std::string port = std::to_string(PortOf(source));
  const std::string timeout = std::to_string(options.connect_timeout_s);
  const std::string settings =
      // Read-only: a plot never writes, and a workspace from elsewhere must not be able to.
      fmt::format("-c TimeZone=UTC -c statement_timeout={} -c default_transaction_read_only=on",
                  options.query_timeout_s * 1000);
  std::vector<const char*> keys = {
      "host", "port", "dbname", "connect_timeout", "options", "application_name"};
  std::vector<const char*> values = {source.host.c_str(), port.c_str(),     source.database.c_str(),
                                     timeout.c_str(),     settings.c_str(), "pika-plot"};
  if (!source.user.empty()) {
    keys.push_back("user");
    values.push_back(source.user.c_str());
  }
  // Unset, libpq reads PGSSLMODE and PGSSLROOTCERT itself.
  const std::string root_cert =
      source.sslrootcert.empty() ? CaFileFromEnvironment() : source.sslrootcert;
  if (!source.sslmode.empty()) {
    keys.push_back("sslmode");
    values.push_back(source.sslmode.c_str());
  }
  if (!root_cert.empty()) {
    keys.push_back("sslrootcert");
    values.push_back(root_cert.c_str());
  }
  // Empty: libpq looks in PGPASSWORD and ~/.pgpass itself.
  if (!password.empty()) {
    keys.push_back("password");
    values.push_back(password.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  Connection connection(PQconnectdbParams(keys.data(), values.data(), 0), &PQfinish);
  if (connection == nullptr) return Internal("libpq could not allocate a connection");
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection.get());
    // "connection to server at "h" (127.0.0.1), port 5432 failed: FATAL:  password ..."
    if (const size_t failed = message.find("failed: "); failed != std::string::npos)
      message = message.substr(failed + 8);
    if (message.starts_with("FATAL:  ")) message = message.substr(8);
    return ConnectError(source, FirstLine(message.c_str()));
  }
  return std::unique_ptr<RemoteClient>(
      std::make_unique<PostgresClient>(source, std::move(connection), options));
}

}  // namespace pika
