// RemoteSource: a table that lives in an analytics engine we query over the network, and
// where to reach it. Never holds a password: those come from the environment or libpq's own
// store (~/.pgpass) when a connection is made, so a workspace file never carries one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace pika {

enum class RemoteEngine { kClickHouse, kPostgres };

struct RemoteSource {
  RemoteEngine engine = RemoteEngine::kClickHouse;
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0: the engine's usual port (ClickHouse HTTP 8123, PostgreSQL 5432)
  std::string user;   // empty: the engine's default (ClickHouse `default`, libpq's login name)
  std::string database;
  std::string table;  // PostgreSQL: `schema.table` or `table`
  // Set: the rows are this SELECT's on the server (a Query node over remote tables), and
  // `table` is only what messages call it.
  std::string query;
  // TLS. ClickHouse: https, the server's certificate verified against the system's CAs or
  // PIKA_REMOTE_CA_FILE (clickhouses://, or ?secure=1). PostgreSQL: libpq's sslmode and
  // sslrootcert (?sslmode=verify-full&sslrootcert=FILE); empty leaves libpq's own default
  // (PGSSLMODE and PGSSLROOTCERT, else `prefer`: encrypted when offered, never verified).
  bool secure = false;
  std::string sslmode;
  std::string sslrootcert;

  friend bool operator==(const RemoteSource&, const RemoteSource&) = default;
};

// "ClickHouse" or "PostgreSQL", as messages name them.
std::string_view EngineName(RemoteEngine engine);

uint16_t PortOf(const RemoteSource& source);

// Reads `clickhouse://[user@]host[:port]/database/table` or
// `postgres://[user@]host[:port]/database/[schema.]table` (postgresql:// too), with TLS
// options after a `?` (see RemoteSource). A password in the URL is refused: it would end up
// in shell history and workspace files.
Result<RemoteSource> ParseRemoteUrl(std::string_view url);

// The URL ParseRemoteUrl reads back, without a password: what messages and workspaces show.
std::string RemoteUrl(const RemoteSource& source);

// The table as the engine's SQL names it, quoted: `db`.`table` or "schema"."table"; a query
// source's SELECT in parentheses, with an alias.
std::string RemoteTableSql(const RemoteSource& source);

// The CA file PIKA_REMOTE_CA_FILE names (empty when unset): what verifies a ClickHouse
// server's certificate, and a PostgreSQL one's when the URL names no sslrootcert.
std::string CaFileFromEnvironment();

// The password for `source` from the environment: PIKA_REMOTE_PASSWORD, else the engine's
// own variable (CLICKHOUSE_PASSWORD, PGPASSWORD). Empty when none is set; PostgreSQL then
// still finds one in ~/.pgpass.
std::string PasswordFromEnvironment(const RemoteSource& source);

}  // namespace pika
