#include "ui/engine_session.h"

#include <algorithm>

namespace pika::ui {

Result<std::unique_ptr<EngineSession>> EngineSession::Open(int workers) {
  auto database = Database::Open({});
  if (!database.ok()) return database.error();
  auto scheduler = JobScheduler::Start(*database, workers);
  if (!scheduler.ok()) return scheduler.error();
  return std::unique_ptr<EngineSession>(
      new EngineSession(std::move(*database), std::move(*scheduler)));
}

EngineSession::EngineSession(Database database, std::unique_ptr<JobScheduler> scheduler)
    : database_(std::move(database)), scheduler_(std::move(scheduler)) {}

// Workers stop before the object they post to goes away; what they posted is dropped.
EngineSession::~EngineSession() { scheduler_.reset(); }

double EngineSession::progress(uint64_t key) const {
  double reported = -1.0;
  {
    std::lock_guard lock(progress_mutex_);
    const auto found = progress_.find(key);
    if (found != progress_.end()) reported = found->second->load();
  }
  return std::max(reported, scheduler_->Progress(key));
}

std::shared_ptr<std::atomic<double>> EngineSession::progressSlot(uint64_t key) {
  std::lock_guard lock(progress_mutex_);
  auto slot = std::make_shared<std::atomic<double>>(-1.0);
  progress_[key] = slot;
  return slot;
}

}  // namespace pika::ui
