#include "storage/watched_query.h"

#include <chrono>
#include <future>

namespace pika {

namespace {

// Runs `run` (a call on `connection`) on a helper thread while this one polls the cancel token
// and DuckDB's progress.
template <typename Run>
auto Watch(Connection& connection, const CancelToken& cancel, const ProgressFn& progress, Run run)
    -> decltype(run()) {
  using namespace std::chrono_literals;
  if (cancel.cancelled()) return Cancelled();
  auto done = std::async(std::launch::async, run);
  bool interrupted = false;
  while (done.wait_for(20ms) != std::future_status::ready) {
    if (cancel.cancelled() && !interrupted) {
      connection.Interrupt();
      interrupted = true;
    }
    const double fraction = connection.Progress();
    if (progress && fraction >= 0.0) progress(fraction);
  }
  auto result = done.get();
  if (cancel.cancelled()) return Cancelled();
  if (result.ok() && progress) progress(1.0);
  return result;
}

}  // namespace

Status ExecuteWatched(Connection& connection, const std::string& sql, const CancelToken& cancel,
                      const ProgressFn& progress) {
  return Watch(connection, cancel, progress, [&] { return connection.Execute(sql); });
}

Result<TableBatch> QueryAllWatched(Connection& connection, const std::string& sql,
                                   const CancelToken& cancel, const ProgressFn& progress) {
  return Watch(connection, cancel, progress, [&] { return connection.QueryAll(sql); });
}

}  // namespace pika
