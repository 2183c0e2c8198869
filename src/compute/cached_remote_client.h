// CachedRemoteClient: a RemoteClient whose answers go through the query cache, keyed by the
// remote source's identity (engine, host, port, user, database) and the SQL. Remote tables
// change without telling us, so every answer has an age limit the user chose; a refresh
// forgets the source's answers at once. It connects on its first miss only: a pan back to a
// view seen a moment ago costs no round trip at all.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "compute/query_cache.h"
#include "remote/remote_client.h"

namespace pika {

// The cache's source name for every answer from `source`'s server and database.
std::string RemoteCacheSource(const RemoteSource& source);

class CachedRemoteClient : public RemoteClient {
 public:
  using Connect = std::function<Result<std::unique_ptr<RemoteClient>>()>;

  // `max_age`: how old a cached answer may be (nullopt: any age, until the source is
  // refreshed; zero: always ask the server).
  CachedRemoteClient(RemoteSource source, Connect connect, QueryCache& cache,
                     std::optional<std::chrono::steady_clock::duration> max_age);

  Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) override;

  // Queries answered from the cache, and sent to the server, by this client.
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  Result<RemoteClient*> Connected();

  Connect connect_;
  QueryCache& cache_;
  std::optional<std::chrono::steady_clock::duration> max_age_;
  std::unique_ptr<RemoteClient> client_;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace pika
