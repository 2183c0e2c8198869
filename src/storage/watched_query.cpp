#include "storage/watched_query.h"

#include <chrono>
#include <future>

namespace pika {

Status ExecuteWatched(Connection& connection, const std::string& sql, const CancelToken& cancel,
                      const ProgressFn& progress) {
  using namespace std::chrono_literals;
  if (cancel.cancelled()) return Cancelled();
  auto done = std::async(std::launch::async, [&] { return connection.Execute(sql); });
  bool interrupted = false;
  while (done.wait_for(20ms) != std::future_status::ready) {
    if (cancel.cancelled() && !interrupted) {
      connection.Interrupt();
      interrupted = true;
    }
    const double fraction = connection.Progress();
    if (progress && fraction >= 0.0) progress(fraction);
  }
  Status status = done.get();
  if (cancel.cancelled()) return Cancelled();
  if (status.ok() && progress) progress(1.0);
  return status;
}

}  // namespace pika
