// The queries of one remote plot, run in order on its client: each is kept, with the bytes
// they brought, for what the user is told about the plot.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "compute/remote_plot.h"

namespace pika {

// Runs the plot's queries and keeps what a user is told about them.
class RemoteRun {
 public:
  RemoteRun(RemoteClient& client, CancelToken cancel, RemotePlot& out)
      : client_(client),
        cancel_(std::move(cancel)),
        out_(out),
        start_bytes_(client.bytes_received()) {}

  const RemoteSource& source() const { return client_.source(); }
  std::string_view engine() const { return EngineName(client_.source().engine); }

  Result<TableBatch> Query(const std::string& sql) {
    out_.queries.push_back(sql);
    auto rows = client_.Query(sql, cancel_);
    out_.bytes_received = client_.bytes_received() - start_bytes_;
    return rows;
  }

 private:
  RemoteClient& client_;
  CancelToken cancel_;  // a copy shares the flag, and cannot outlive it
  RemotePlot& out_;
  uint64_t start_bytes_;
};

}  // namespace pika
