#include "remote/remote_client.h"

#include "remote/clickhouse_client.h"
#include "remote/postgres_client.h"

namespace pika {

Result<std::unique_ptr<RemoteClient>> ConnectRemote(const RemoteSource& source,
                                                    const std::string& password,
                                                    const RemoteOptions& options) {
  if (source.engine == RemoteEngine::kClickHouse)
    return ConnectClickHouse(source, password, options);
  return ConnectPostgres(source, password, options);
}

}  // namespace pika
