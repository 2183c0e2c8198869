// RemoteSessions: the app's remote engines for one session: the passwords the user typed (in
// memory only, never written to a workspace), and clients whose answers go through the shared
// query cache. Safe to use from every engine thread.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "compute/cached_remote_client.h"
#include "compute/query_cache.h"
#include "remote/remote_client.h"

namespace pika {

class RemoteSessions {
 public:
  explicit RemoteSessions(QueryCache& cache, RemoteOptions options = {})
      : cache_(cache), options_(options) {}

  // Remembers `password` for `source`'s server and user until the app quits.
  void SetPassword(const RemoteSource& source, std::string password);
  // The password typed for `source`'s server and user, else the environment's. Empty when
  // there is none (PostgreSQL then still reads ~/.pgpass).
  std::string PasswordFor(const RemoteSource& source) const;
  // A client for `source` that connects on its first cache miss. Answers younger than
  // `max_age_s` seconds come from the cache; a negative age keeps them until Refresh.
  std::unique_ptr<CachedRemoteClient> Open(const RemoteSource& source, int max_age_s);
  // A client for `source` that always asks the server and keeps nothing in the cache: for
  // rows brought local, which the local engine then holds.
  Result<std::unique_ptr<RemoteClient>> Connect(const RemoteSource& source) const;
  // A restricted workspace (one from elsewhere, not trusted) connects to no server at all:
  // no password, typed or from the environment, goes where its file says.
  void SetRestricted(bool restricted) { restricted_ = restricted; }
  // Forgets every cached answer from `source`'s database: the next question goes to the server.
  void Refresh(const RemoteSource& source) { cache_.InvalidateSource(RemoteCacheSource(source)); }

 private:
  QueryCache& cache_;
  RemoteOptions options_;
  std::atomic<bool> restricted_{false};
  mutable std::mutex mutex_;
  std::map<std::string, std::string> passwords_;  // by engine, user, host and port
};

}  // namespace pika
