#include "compute/source/server_engine.h"

#include "remote/remote_catalog.h"

namespace pika {

SqlDialect RemoteDialect(RemoteEngine engine) {
  return engine == RemoteEngine::kClickHouse ? SqlDialect::kClickHouse : SqlDialect::kPostgres;
}

ServerEngine::ServerEngine(RemoteClient& client)
    : client_(client), relation_(RemoteTableSql(client.source())) {}

std::string ServerEngine::Literal(std::string_view text) const {
  return RemoteLiteral(client_.source().engine, text);
}

Result<std::string> ServerEngine::Identifier(std::string_view name) const {
  return RemoteIdentifier(name);
}

Result<std::vector<EngineColumn>> ServerEngine::Columns(const CancelToken& cancel) {
  return DiscoverColumns(client_, cancel);
}

Result<TableBatch> ServerEngine::Query(const std::string& sql, const CancelToken& cancel) {
  return client_.Query(sql, cancel);
}

}  // namespace pika
