// A remote table's server (ClickHouse, PostgreSQL) as a SqlEngine: a plot's reductions run
// there and only their answers cross the network.
#pragma once

#include <string>

#include "compute/source/sql_engine.h"
#include "remote/remote_client.h"

namespace pika {

// The reduction SQL's dialect of a remote engine.
SqlDialect RemoteDialect(RemoteEngine engine);

class ServerEngine final : public SqlEngine {
 public:
  explicit ServerEngine(RemoteClient& client);

  SqlDialect dialect() const override { return RemoteDialect(client_.source().engine); }
  std::string_view name() const override { return EngineName(client_.source().engine); }
  const std::string& relation() const override { return relation_; }
  std::string label() const override { return RemoteUrl(client_.source()); }
  std::string Literal(std::string_view text) const override;
  Result<std::string> Identifier(std::string_view name) const override;
  Result<std::vector<EngineColumn>> Columns(const CancelToken& cancel) override;
  Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) override;
  uint64_t bytes_received() const override { return client_.bytes_received(); }

 private:
  RemoteClient& client_;
  std::string relation_;
};

}  // namespace pika
