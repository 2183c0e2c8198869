// EngineSession: the app's door to the engine. Work runs on the job scheduler's threads and
// its answer comes back on the UI thread as a queued call, so no widget ever waits on DuckDB.
#pragma once

#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "compute/job_scheduler.h"
#include "compute/query_cache.h"
#include "compute/remote_sessions.h"
#include "compute/source_versions.h"
#include "storage/data_folder.h"
#include "storage/database.h"
#include "storage/memory_limit.h"

namespace pika::ui {

// The setting (QSettings) that holds the memory limit, in DuckDB's syntax ("4GB").
inline constexpr const char* kMemoryLimitKey = "engine/memory_limit";
// The setting for how many bytes the data folders of closed workspaces may take together.
inline constexpr const char* kDataFoldersMaxKey = "storage/data_folders_max_bytes";
inline constexpr qulonglong kDataFoldersMaxDefault = 20ULL << 30;

class EngineSession : public QObject {
  Q_OBJECT

 public:
  // The engine of workspace `workspace_id` (empty: a new workspace): a database file in the
  // workspace's data folder, limited to the memory limit (PIKA_MEMORY_LIMIT, else
  // `memory_limit` from the settings, else 80% of RAM) and spilling into the folder.
  // `access` kRestricted (a workspace from elsewhere, not trusted): the engine reads and writes
  // only that folder and connects to no server.
  enum class Access { kTrusted, kRestricted };
  static Result<std::unique_ptr<EngineSession>> Open(const std::string& workspace_id = {},
                                                     Access access = Access::kTrusted,
                                                     const std::string& memory_limit = {},
                                                     int workers = 2);
  ~EngineSession() override;

  // Runs `work` for `key` (a newer submit for the key cancels this one) and calls `done`
  // with its result on this object's thread, unless the session or `context` is gone by
  // then. `work` reports its own progress through the ProgressFn when it can.
  template <typename T>
  void run(QObject* context, uint64_t key,
           std::function<Result<T>(Connection&, const CancelToken&, const ProgressFn&)> work,
           std::function<void(Result<T>)> done) {
    auto progress = progressSlot(key);
    scheduler_->Submit(key, [this, guard = QPointer<QObject>(context), work = std::move(work),
                             done = std::move(done),
                             progress](Connection& connection, const CancelToken& cancel) mutable {
      auto report = [progress](double fraction) { progress->store(fraction); };
      auto result = std::make_shared<Result<T>>(work(connection, cancel, report));
      QMetaObject::invokeMethod(
          this,
          [guard, done = std::move(done), result] {
            if (guard) done(std::move(*result));
          },
          Qt::QueuedConnection);
    });
  }

  void cancel(uint64_t key) { scheduler_->Cancel(key); }
  // Progress of the key's running job in [0, 1], or -1 when unknown.
  double progress(uint64_t key) const;
  size_t pendingJobs() const { return scheduler_->pending(); }
  // The query cache all jobs share, and the versions of the relations it keys answers by:
  // every job that changes a node's relation reports it through versions().Bump.
  QueryCache& cache() { return cache_; }
  SourceVersions& versions() { return versions_; }
  // Remote engines: passwords typed this session, and clients answering through cache().
  RemoteSessions& remote() { return remote_; }
  const Database& database() const { return database_; }
  // The workspace this engine serves; a save writes it into the file.
  const std::string& workspaceId() const { return workspace_id_; }
  // Where its tables, engine file and spill live.
  const DataFolder& dataFolder() const { return folder_; }
  const MemoryLimit& memoryLimit() const { return limit_; }
  bool restricted() const { return database_.restricted(); }

 private:
  EngineSession(std::string workspace_id, DataFolder folder, MemoryLimit limit, Database database,
                std::unique_ptr<JobScheduler> scheduler);
  std::shared_ptr<std::atomic<double>> progressSlot(uint64_t key);

  std::string workspace_id_;
  DataFolder folder_;  // before the database: the engine file goes when the folder is let go
  MemoryLimit limit_;
  Database database_;
  QueryCache cache_{size_t{256} << 20};
  SourceVersions versions_;
  RemoteSessions remote_{cache_};
  std::unique_ptr<JobScheduler> scheduler_;  // last: its workers stop before the cache goes
  mutable std::mutex progress_mutex_;
  std::map<uint64_t, std::shared_ptr<std::atomic<double>>> progress_;
};

}  // namespace pika::ui
