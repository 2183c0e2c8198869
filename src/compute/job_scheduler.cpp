#include "compute/job_scheduler.h"

#include <algorithm>

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
  for (auto& worker : workers_) worker->thread.join();
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
    }
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
