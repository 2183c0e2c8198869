// RecoveryStore: autosaved work, kept apart from the user's files so that a crash loses at
// most the last second of edits. Each app session writes its own folder:
//   <root>/<session>/recovery.json   what the work is (original file, time, data files)
//   <root>/<session>/graph.json      the graph, rewritten on every autosave
//   <root>/<session>/data/<id>-<version>.parquet   a Table node's data, written once per import
// Every file is replaced atomically, so a crash mid-autosave leaves the previous autosave.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "storage/folder_lock.h"
#include "workspace/workspace_file.h"

namespace pika {

struct RecoveryEntry {
  std::string directory;
  std::string original_path;  // the workspace file the work belongs to; empty: never saved
  int64_t saved_at_unix = 0;
  size_t nodes = 0;
};

class RecoveryStore {
 public:
  RecoveryStore(FileSystem& files, std::string root) : files_(files), root_(std::move(root)) {}

  // Autosaves a session. `tables` maps each Table node with current data to the version of
  // that data (it grows with every import); data already written for a version is kept.
  // `owner_pid` is the writing process: while it runs, List leaves the folder alone (0: no
  // owner to check).
  Status Write(const std::string& session, Connection& connection, const canvas::Graph& graph,
               const canvas::Viewport& viewport, const std::map<canvas::NodeId, uint64_t>& tables,
               const std::string& original_path, int64_t owner_pid = 0,
               const std::string& workspace_id = {});

  // Work left by sessions that did not end cleanly (their process is gone), newest first. A folder
  // that cannot be read is moved to <root>/broken and reported in `broken`, never in the way of
  // start-up.
  std::vector<RecoveryEntry> List(std::vector<std::string>* broken = nullptr) const;

  // Copies the session's tables into `tables_dir` (streamed) and restores the work from them.
  Result<WorkspaceContent> Restore(Connection& connection, const RecoveryEntry& entry,
                                   const std::string& tables_dir, const CancelToken& cancel = {},
                                   const ProgressFn& progress = {}) const;

  // Locks a session's folder (creating it) for as long as the lock lives: a window claims its
  // own, and one restoring a crashed session claims that; List offers no folder held, and
  // nothing when another instance holds it already.
  Result<std::optional<FolderLock>> Claim(const std::string& session) const;
  // Moves a folder that cannot be restored to <root>/broken, so it is offered no more; says
  // where it went.
  std::string SetAside(const std::string& directory) const;
  // Removes a session's folder: after a clean close, or when the user declines to restore.
  void Discard(const std::string& directory) const;
  std::string SessionDirectory(const std::string& session) const;

 private:
  // The folder as the parts of a workspace: its data is read when restored, never before.
  Result<WorkspaceParts> ReadParts(const std::string& directory) const;
  FileSystem& files_;
  std::string root_;
};

}  // namespace pika
