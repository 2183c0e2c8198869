#include "compute/job_scheduler.h"

#include <algorithm>
#include <chrono>

namespace pika {

Result<std::unique_ptr<JobScheduler>> JobScheduler::Start(const Database& database, int workers) {
  std::unique_ptr<JobScheduler> scheduler(new JobScheduler());
  for (int i = 0; i < std::max(1, workers); ++i) {
    auto connection = database.Connect();
    if (!connection.ok()) return connection.error();
    scheduler->workers_.push_back(std::make_unique<Worker>(Worker{std::move(*connection), {}}));
  }
  for (auto& worker : scheduler->workers_) {
    worker->thread = std::thread([raw = scheduler.get(), &w = *worker] { raw->Loop(w); });
  }
  scheduler->interrupter_ = std::thread([raw = scheduler.get()] { raw->InterruptLoop(); });
  return scheduler;
}

JobScheduler::~JobScheduler() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (Task& task : queue_) task.cancel.Cancel();
    for (auto& worker : workers_) {
      if (worker->running != nullptr) {
        worker->running->cancel.Cancel();
        worker->connection.Interrupt();
      }
    }
  }
  wake_.notify_all();
  cancelled_.notify_all();
  for (auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();  // Start may have failed before it
  }
  {
    std::lock_guard lock(mutex_);
    workers_joined_ = true;
  }
  cancelled_.notify_all();
  if (interrupter_.joinable()) interrupter_.join();
}

void JobScheduler::Submit(uint64_t key, Job job) {
  {
    std::lock_guard lock(mutex_);
    CancelLocked(key);
    queue_.push_back({key, std::move(job), CancelToken()});
  }
  wake_.notify_one();
}

void JobScheduler::Cancel(uint64_t key) {
  std::lock_guard lock(mutex_);
  CancelLocked(key);
}

size_t JobScheduler::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + running_;
}

double JobScheduler::Progress(uint64_t key) const {
  std::lock_guard lock(mutex_);
  for (const auto& worker : workers_) {
    if (worker->running != nullptr && worker->running->key == key)
      return worker->connection.Progress();
  }
  return -1.0;
}

void JobScheduler::CancelLocked(uint64_t key) {
  for (Task& task : queue_) {
    if (task.key == key) task.cancel.Cancel();
  }
  for (auto& worker : workers_) {
    if (worker->running != nullptr && worker->running->key == key) {
      worker->running->cancel.Cancel();
      worker->connection.Interrupt();
      cancelled_.notify_all();
    }
  }
}

bool JobScheduler::AnyRunningCancelledLocked() const {
  return std::any_of(workers_.begin(), workers_.end(), [](const auto& worker) {
    return worker->running != nullptr && worker->running->cancel.cancelled();
  });
}

// DuckDB clears a connection's interrupt when its next statement starts, so one interrupt
// that lands between two of a job's statements is lost and the second runs to its end: a
// cancelled job's connection is interrupted again every few milliseconds until the job returns.
void JobScheduler::InterruptLoop() {
  using namespace std::chrono_literals;
  std::unique_lock lock(mutex_);
  while (!workers_joined_) {
    cancelled_.wait(lock, [this] { return workers_joined_ || AnyRunningCancelledLocked(); });
    for (auto& worker : workers_) {
      if (worker->running != nullptr && worker->running->cancel.cancelled())
        worker->connection.Interrupt();
    }
    cancelled_.wait_for(lock, 10ms, [this] { return workers_joined_; });
  }
}

// The first queued task whose key has no running job: a key's jobs never overlap, so a new
// import never races the one it replaced for the same table.
std::deque<JobScheduler::Task>::iterator JobScheduler::NextRunnableLocked() {
  return std::find_if(queue_.begin(), queue_.end(), [this](const Task& task) {
    return std::none_of(workers_.begin(), workers_.end(), [&](const auto& worker) {
      return worker->running != nullptr && worker->running->key == task.key;
    });
  });
}

void JobScheduler::Loop(Worker& worker) {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] {
      return (stopping_ && queue_.empty()) || NextRunnableLocked() != queue_.end();
    });
    if (queue_.empty()) return;  // stopping, and every queued job has reported
    const auto next = NextRunnableLocked();
    Task task = std::move(*next);
    queue_.erase(next);
    worker.running = &task;
    ++running_;
    lock.unlock();
    task.job(worker.connection, task.cancel);
    lock.lock();
    worker.running = nullptr;
    --running_;
    wake_.notify_all();  // a job of the same key may be waiting for this one
  }
}

}  // namespace pika
