// The queries of one plot reduced in its engine, run in order: each is kept, with the bytes
// its answer brought, for what the user is told about the plot.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compute/source/sql_engine.h"

namespace pika {

class PlotQueries {
 public:
  PlotQueries(SqlEngine& engine, CancelToken cancel, std::vector<std::string>& queries,
              uint64_t& bytes_received)
      : engine_(engine),
        cancel_(std::move(cancel)),
        queries_(queries),
        bytes_received_(bytes_received),
        start_bytes_(engine.bytes_received()) {}

  SqlEngine& engine() const { return engine_; }
  SqlDialect dialect() const { return engine_.dialect(); }
  const CancelToken& cancel() const { return cancel_; }

  Result<TableBatch> Query(const std::string& sql) {
    queries_.push_back(sql);
    auto rows = engine_.Query(sql, cancel_);
    bytes_received_ = engine_.bytes_received() - start_bytes_;
    return rows;
  }

 private:
  SqlEngine& engine_;
  CancelToken cancel_;  // a copy shares the flag, and cannot outlive it
  std::vector<std::string>& queries_;
  uint64_t& bytes_received_;
  uint64_t start_bytes_;
};

}  // namespace pika
