// DataFolder: where a workspace's data lives on disk while it is open, so that the memory
// limit bounds RAM and never the data's size: <root>/<workspace id>/ (mode 0700) holds
//   engine.duckdb   the window's database (imported tables), a fresh one each session
//   tables/         tables extracted from the workspace file, read in place by DuckDB
//   spill/          where DuckDB spills big sorts, joins and imports, emptied on open
// A folder is locked while a process uses it (an flock on its `lock` file); folders nobody
// uses are removed, least recently used first, when all of them pass a size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/folder_lock.h"

namespace pika {

// $PIKA_DATA_DIR, else $XDG_CACHE_HOME/pika-plot/data, else ~/.cache/pika-plot/data.
std::string DataRoot();

// A random (version 4) UUID: a new workspace's id.
std::string NewWorkspaceId();

// Whether `id` may name a data folder (a workspace file says it): letters, digits and '-'.
bool IsWorkspaceId(const std::string& id);

class DataFolder {
 public:
  // Opens (creating) the folder of workspace `id` under `root` and locks it. A folder another
  // process (or window) holds is refused, so that no two engines share one.
  static Result<DataFolder> Open(const std::string& root, const std::string& id);
  // A folder of its own for one process's spill (a CLI command), removed whole when let go.
  static Result<DataFolder> Scratch(const std::string& root);
  // Workspace `id`'s own folder, where a second open finds its tables extracted; a scratch
  // one for a new workspace (empty id) or while another window holds it.
  static Result<DataFolder> ForWorkspace(const std::string& root, const std::string& id);
  DataFolder(DataFolder&& other) noexcept;
  DataFolder& operator=(DataFolder&&) = delete;
  // Unlocks; the spill and the engine file go, the extracted tables stay for the next open
  // (a folder without any goes whole).
  ~DataFolder();

  const std::string& id() const { return id_; }
  const std::string& path() const { return path_; }
  std::string EngineFile() const;
  std::string TablesDir() const;
  std::string SpillDir() const;

 private:
  DataFolder(std::string id, std::string path, FolderLock lock)
      : id_(std::move(id)), path_(std::move(path)), lock_(std::move(lock)) {}
  std::string id_, path_;
  FolderLock lock_;
  bool scratch_ = false;
};

// Removes folders under `root` that no process holds, least recently used first, until all of
// them together take at most `max_bytes`. Returns the folders removed.
std::vector<std::string> SweepDataFolders(const std::string& root, uint64_t max_bytes);

}  // namespace pika
