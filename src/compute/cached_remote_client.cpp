#include "compute/cached_remote_client.h"

#include <fmt/format.h>

#include "compute/fingerprint.h"

namespace pika {

std::string RemoteCacheSource(const RemoteSource& source) {
  // The table is left out: one refresh forgets every table of the database, as a user who
  // reloads after an ETL run expects.
  return fmt::format("remote:{}://{}@{}:{}/{}", EngineName(source.engine), source.user, source.host,
                     PortOf(source), source.database);
}

CachedRemoteClient::CachedRemoteClient(RemoteSource source, Connect connect, QueryCache& cache,
                                       std::optional<std::chrono::steady_clock::duration> max_age)
    : RemoteClient(std::move(source)),
      connect_(std::move(connect)),
      cache_(cache),
      max_age_(max_age) {}

Result<RemoteClient*> CachedRemoteClient::Connected() {
  if (!client_) {
    auto connected = connect_();
    if (!connected.ok()) return connected.error();
    client_ = std::move(*connected);
  }
  return client_.get();
}

Result<TableBatch> CachedRemoteClient::Query(const std::string& sql, const CancelToken& cancel) {
  const std::string origin = RemoteCacheSource(source());
  const Fingerprint key = HashText(origin + '\n' + sql);
  auto compute = [&]() -> Result<CachedResult> {
    auto client = Connected();
    if (!client.ok()) return client.error();
    (*client)->SetProgress(progress());
    const uint64_t before = (*client)->bytes_received();
    const auto started = std::chrono::steady_clock::now();
    auto rows = (*client)->Query(sql, cancel);
    if (!rows.ok()) return rows.error();
    CountBytes((*client)->bytes_received() - before);
    ++misses_;
    CachedResult result;
    result.rows = std::move(*rows);
    result.sources = {origin};
    result.statement = sql;
    result.cost_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return result;
  };
  auto lookup = cache_.GetOrCompute(key, compute, max_age_);
  if (!lookup.ok()) return lookup.error();
  if (!lookup->computed) ++hits_;
  return lookup->result->rows;
}

}  // namespace pika
