// JobScheduler: runs engine work off the caller's thread, one DuckDB connection per worker,
// with one job per key at a time: submitting a key's new job cancels its old one, and
// cancelling interrupts the query the job is running.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "core/cancel_token.h"
#include "storage/database.h"

namespace pika {

class JobScheduler {
 public:
  // A job reads `cancel` between steps; a query it runs on `connection` is interrupted on
  // cancel and fails as kCancelled. Jobs run on a worker thread and report through whatever
  // they captured (the app posts to its UI thread).
  using Job = std::function<void(Connection& connection, const CancelToken& cancel)>;

  static Result<std::unique_ptr<JobScheduler>> Start(const Database& database, int workers);
  ~JobScheduler();  // cancels everything and waits for the workers
  JobScheduler(const JobScheduler&) = delete;
  JobScheduler& operator=(const JobScheduler&) = delete;

  // Queues `job` for `key`, cancelling the key's queued or running job. A cancelled job that
  // had not started still runs, with its token cancelled, so it can report that it stopped.
  // A key's jobs run one after another, never at the same time.
  void Submit(uint64_t key, Job job);
  void Cancel(uint64_t key);
  // Jobs queued or running.
  size_t pending() const;
  // The engine's progress in [0, 1] on the query the key's job is running, or -1 when none
  // runs or the engine cannot tell.
  double Progress(uint64_t key) const;

 private:
  struct Task {
    uint64_t key = 0;
    Job job;
    CancelToken cancel;
  };
  struct Worker {
    Connection connection;
    std::thread thread;
    const Task* running = nullptr;  // guarded by mutex_
  };

  JobScheduler() = default;
  void Loop(Worker& worker);
  void InterruptLoop();
  std::deque<Task>::iterator NextRunnableLocked();
  void CancelLocked(uint64_t key);
  bool AnyRunningCancelledLocked() const;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> queue_;
  std::vector<std::unique_ptr<Worker>> workers_;
  size_t running_ = 0;
  bool stopping_ = false;
  // Interrupts cancelled jobs' connections again until those jobs return (see InterruptLoop).
  std::thread interrupter_;
  std::condition_variable cancelled_;
  bool workers_joined_ = false;
};

}  // namespace pika
