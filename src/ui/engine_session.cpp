#include "ui/engine_session.h"

#include <QSettings>
#include <algorithm>

namespace pika::ui {

Result<std::unique_ptr<EngineSession>> EngineSession::Open(const std::string& workspace_id,
                                                           Access access,
                                                           const std::string& memory_limit,
                                                           int workers) {
  auto limit = ResolveMemoryLimit(memory_limit.empty()
                                      ? QSettings().value(kMemoryLimitKey).toString().toStdString()
                                      : memory_limit);
  if (!limit.ok()) return limit.error();
  // A second window of the same workspace gets a scratch folder: no two engines share one.
  auto folder = DataFolder::ForWorkspace(DataRoot(), workspace_id);
  if (!folder.ok()) return folder.error();
  DatabaseOptions options;
  options.path = folder->EngineFile();
  options.memory_limit = limit->Setting();
  options.temp_directory = folder->SpillDir();
  if (access == Access::kRestricted) options.allowed_directories = {{folder->path()}};
  auto database = Database::Open(options);
  if (!database.ok()) return database.error();
  auto scheduler = JobScheduler::Start(*database, workers);
  if (!scheduler.ok()) return scheduler.error();
  std::string id = workspace_id.empty() ? folder->id() : workspace_id;
  std::unique_ptr<EngineSession> session(new EngineSession(std::move(id), std::move(*folder),
                                                           std::move(*limit), std::move(*database),
                                                           std::move(*scheduler)));
  session->remote_.SetRestricted(access == Access::kRestricted);
  return session;
}

EngineSession::EngineSession(std::string workspace_id, DataFolder folder, MemoryLimit limit,
                             Database database, std::unique_ptr<JobScheduler> scheduler)
    : workspace_id_(std::move(workspace_id)),
      folder_(std::move(folder)),
      limit_(std::move(limit)),
      database_(std::move(database)),
      scheduler_(std::move(scheduler)) {}

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
