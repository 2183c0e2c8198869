// RemoteClient: runs SQL on a remote engine and fetches the (small) result. Plots send it the
// reduction engine's SQL in the engine's dialect, so only reduced rows cross the network.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/cancel_token.h"
#include "core/result.h"
#include "core/table_batch.h"
#include "remote/remote_source.h"

namespace pika {

struct RemoteOptions {
  int connect_timeout_s = 5;
  int query_timeout_s = 120;  // the server stops a query that runs longer
  // The most bytes of result to accept: past it the query is stopped and fails with a message
  // that says to aggregate or add a LIMIT.
  uint64_t max_result_bytes = 256ull << 20;
};

class RemoteClient {
 public:
  virtual ~RemoteClient() = default;

  // The rows of `sql`, run on the server. Cancelling `cancel` stops the query on the server,
  // not only here, and returns a kCancelled error.
  virtual Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) = 0;

  const RemoteSource& source() const { return source_; }
  // Where queries report how far they are, in [0, 1), while they run (ClickHouse: rows read
  // of the rows it expects to read; PostgreSQL reports nothing).
  void SetProgress(ProgressFn progress) { progress_ = std::move(progress); }
  const ProgressFn& progress() const { return progress_; }
  // Bytes that came over the network for results so far (compressed where the engine
  // compressed them).
  uint64_t bytes_received() const { return bytes_received_; }

 protected:
  explicit RemoteClient(RemoteSource source) : source_(std::move(source)) {}
  void CountBytes(uint64_t bytes) { bytes_received_ += bytes; }

 private:
  RemoteSource source_;
  uint64_t bytes_received_ = 0;
  ProgressFn progress_;
};

// Connects to `source` and checks that the server answers and takes the credentials, so that
// an unreachable server or a wrong password is reported here, clearly, and not mid-plot.
Result<std::unique_ptr<RemoteClient>> ConnectRemote(const RemoteSource& source,
                                                    const std::string& password,
                                                    const RemoteOptions& options = {});

}  // namespace pika
