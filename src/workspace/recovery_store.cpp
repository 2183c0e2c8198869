#include "workspace/recovery_store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "storage/data_folder.h"
#include "storage/folder_lock.h"

namespace pika {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string DataFile(canvas::NodeId id, uint64_t version) {
  return fmt::format("data/{}-{}.parquet", id, version);
}

// What recovery.json says about a session folder; the data files themselves are not read.
struct SessionRecord {
  RecoveryEntry entry;
  int64_t owner_pid = 0;
  int64_t owner_start = 0;   // the owner's start time: a reused pid is another process
  std::string workspace_id;  // the workspace's, or a new one for folders written before ids
  std::map<std::string, std::string> data;  // node id -> data file, relative to the folder
};

Result<SessionRecord> ReadRecord(FileSystem& files, const fs::path& directory) {
  auto text = files.ReadAll((directory / "recovery.json").string());
  if (!text.ok()) return text.error();
  json recovery;
  try {
    recovery = json::parse(*text);
  } catch (const std::exception& error) {
    return InvalidInput(fmt::format("recovery.json is not valid JSON: {}", error.what()));
  }
  if (!recovery.is_object() || !recovery.value("original_path", json()).is_string() ||
      !recovery.value("saved_at_unix", json()).is_number_integer() ||
      !recovery.value("nodes", json()).is_number_unsigned() ||
      !recovery.value("data", json()).is_object())
    return InvalidInput("recovery.json is incomplete");
  SessionRecord record;
  record.entry = {directory.string(), recovery["original_path"].get<std::string>(),
                  recovery["saved_at_unix"].get<int64_t>(), recovery["nodes"].get<size_t>()};
  const json pid = recovery.value("owner_pid", json());
  record.owner_pid = pid.is_number_integer() ? pid.get<int64_t>() : 0;
  const json start = recovery.value("owner_start", json());
  record.owner_start = start.is_number_integer() ? start.get<int64_t>() : 0;
  const json workspace = recovery.value("workspace_id", json());
  record.workspace_id = workspace.is_string() && IsWorkspaceId(workspace.get<std::string>())
                            ? workspace.get<std::string>()
                            : NewWorkspaceId();
  for (const auto& [id, name] : recovery["data"].items()) {
    if (!name.is_string() || !IsSafeEntryName(name.get<std::string>()))
      return InvalidInput("recovery.json names a data file outside its folder");
    record.data[id] = name.get<std::string>();
  }
  return record;
}

// When process `pid` started (clock ticks since boot, /proc/PID/stat field 22); 0: unknown.
int64_t ProcessStart(int64_t pid) {
  std::ifstream in(fmt::format("/proc/{}/stat", pid));
  std::string stat((std::istreambuf_iterator<char>(in)), {});
  const size_t name_end = stat.rfind(')');  // the name may hold spaces and parentheses
  if (name_end == std::string::npos) return 0;
  std::istringstream fields(stat.substr(name_end + 2));
  std::string field;
  for (int index = 3; index <= 22 && fields >> field; ++index)
    if (index == 22) return std::strtoll(field.c_str(), nullptr, 10);
  return 0;
}

// Whether the process that wrote a session folder (before folders were locked) still runs:
// the same pid, started at the same time.
bool OwnerRuns(const SessionRecord& record) {
  if (record.owner_pid <= 0 || ::kill(static_cast<pid_t>(record.owner_pid), 0) != 0) return false;
  return record.owner_start == 0 || ProcessStart(record.owner_pid) == record.owner_start;
}

// Only this user reads the work on its way.
void MakePrivate(const fs::path& folder) {
  std::error_code error;
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
}

Status SyncFile(FileSystem& files, const std::string& path) {
  const int handle = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (handle < 0) return IoError(fmt::format("cannot open '{}' to flush it", path));
  Status synced = files.Sync(handle);
  ::close(handle);
  return synced;
}

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A table read in place from a workspace's extracted file is linked, not copied: opening a
// workspace of many gigabytes must not write them all again on the first autosave. The file
// is never changed where it is (extraction renames a new one over it), so the link keeps
// these bytes. False when a link cannot be made (another disk, not ours): the caller copies.
bool LinkReadInPlace(Connection& connection, canvas::NodeId id, const std::string& target) {
  auto in_place = NodeDataFile(connection, id);
  // Only files extracted into a data folder: a link to the user's own Parquet source would
  // follow their edits to it, and keep its disk space after they delete it.
  if (!in_place.ok() || in_place->empty() || !in_place->starts_with(DataRoot() + "/")) return false;
  std::error_code error;
  fs::create_hard_link(*in_place, target, error);
  return !error;
}

}  // namespace

std::string RecoveryStore::SessionDirectory(const std::string& session) const {
  return (fs::path(root_) / session).string();
}

Status RecoveryStore::Write(const std::string& session, Connection& connection,
                            const canvas::Graph& graph, const canvas::Viewport& viewport,
                            const std::map<canvas::NodeId, uint64_t>& tables,
                            const std::string& original_path, int64_t owner_pid,
                            const std::string& workspace_id) {
  const fs::path directory = SessionDirectory(session);
  std::error_code error;
  fs::create_directories(directory / "data", error);
  if (error)
    return IoError(fmt::format("cannot create the recovery folder '{}': {}", directory.string(),
                               error.message()));
  MakePrivate(root_);
  MakePrivate(directory);
  json data = json::object();
  // Tables still importing (or restored and not yet named) keep the data the folder has.
  if (auto previous = ReadRecord(files_, directory); previous.ok()) {
    for (const auto& [id, name] : previous->data) {
      const canvas::Node* node = graph.Find(std::strtoull(id.c_str(), nullptr, 10));
      if (node != nullptr && node->kind == canvas::NodeKind::kTable && !tables.contains(node->id) &&
          fs::exists(directory / name))
        data[id] = name;
    }
  }
  for (const auto& [id, version] : tables) {
    const std::string name = DataFile(id, version);
    data[std::to_string(id)] = name;
    if (fs::exists(directory / name)) continue;  // big data is written once per import
    if (LinkReadInPlace(connection, id, (directory / name).string())) continue;
    const std::string partial = (directory / (name + ".partial")).string();
    PIKA_TRY(ExportNodeData(connection, id, partial));
    PIKA_TRY(SyncFile(files_, partial));  // on disk before recovery.json points to it
    PIKA_TRY(files_.Rename(partial, (directory / name).string()));
  }
  PIKA_TRY(AtomicWriteFile(files_, (directory / "graph.json").string(),
                           canvas::GraphToJson(graph, viewport)));
  const json recovery{{"original_path", original_path},
                      {"workspace_id", workspace_id},
                      {"owner_pid", owner_pid},
                      {"owner_start", ProcessStart(owner_pid)},
                      {"saved_at_unix", NowUnix()},
                      {"nodes", graph.nodes().size()},
                      {"data", data}};
  PIKA_TRY(AtomicWriteFile(files_, (directory / "recovery.json").string(), recovery.dump(2)));
  // Data of earlier imports is no longer referred to.
  for (const auto& file : fs::directory_iterator(directory / "data", error)) {
    const std::string name = "data/" + file.path().filename().string();
    bool used = false;
    for (const auto& [id, path] : data.items()) used = used || path == name;
    if (!used) fs::remove(file.path(), error);
  }
  return {};
}

Result<WorkspaceParts> RecoveryStore::ReadParts(const std::string& directory) const {
  auto record = ReadRecord(files_, directory);
  if (!record.ok()) return record.error();
  WorkspaceParts parts;
  parts.manifest = WorkspaceManifest(record->workspace_id);
  auto graph = files_.ReadAll((fs::path(directory) / "graph.json").string());
  if (!graph.ok()) return graph.error();
  parts.graph = std::move(*graph);
  for (const auto& [id, name] : record->data) {
    const std::string file = (fs::path(directory) / name).string();
    std::error_code error;
    const uint64_t bytes = fs::file_size(file, error);
    if (error)
      return IoError(fmt::format("cannot read the recovered data '{}': {}", file, error.message()));
    // A data file is written once per import, under a new name: its path and size name it.
    parts.data[fmt::format("data/{}.parquet", id)] = {
        bytes, fmt::format("recovered from {} ({} bytes)", file, bytes),
        [this, file](const std::string& target, const CancelToken& cancel,
                     const ProgressFn& progress) {
          return CopyFileAtomically(files_, file, target, cancel, progress);
        }};
  }
  return parts;
}

std::vector<RecoveryEntry> RecoveryStore::List(std::vector<std::string>* broken) const {
  std::vector<RecoveryEntry> found;
  std::error_code error;
  if (!fs::is_directory(root_, error)) return found;
  for (const auto& item : fs::directory_iterator(root_, error)) {
    if (!item.is_directory() || item.path().filename() == "broken") continue;
    // Held: a window (of this or another instance) works in it, or restores it right now.
    auto lock = FolderLock::TryAcquire(item.path().string());
    if (!lock.ok() || !*lock) continue;
    if (!fs::exists(item.path() / "recovery.json")) {
      fs::remove_all(item.path(), error);  // claimed by a window that never autosaved
      continue;
    }
    // Listing reads recovery.json only: the data is read when the user restores it.
    Status usable;
    auto record = ReadRecord(files_, item.path());
    if (record.ok()) {
      if (OwnerRuns(*record)) continue;  // another window's live session
      if (!fs::exists(item.path() / "graph.json")) usable = InvalidInput("graph.json is missing");
      for (const auto& [id, name] : record->data) {
        if (usable.ok() && !fs::exists(item.path() / name))
          usable = InvalidInput(fmt::format("the data file {} is missing", name));
      }
      if (usable.ok()) {
        found.push_back(record->entry);
        continue;
      }
    } else {
      usable = record.error();
    }
    // Set aside, so it never blocks a start again; the user is told where it went.
    const std::string aside = SetAside(item.path().string());
    if (broken != nullptr) broken->push_back(fmt::format("{} ({})", aside, usable.error().message));
  }
  std::sort(found.begin(), found.end(), [](const RecoveryEntry& a, const RecoveryEntry& b) {
    return a.saved_at_unix > b.saved_at_unix;
  });
  return found;
}

Result<WorkspaceContent> RecoveryStore::Restore(Connection& connection, const RecoveryEntry& entry,
                                                const std::string& tables_dir,
                                                const CancelToken& cancel,
                                                const ProgressFn& progress) const {
  auto parts = ReadParts(entry.directory);
  if (!parts.ok()) return parts.error();
  return RestoreWorkspaceParts(connection, files_, *parts, tables_dir, cancel, progress);
}

Result<std::optional<FolderLock>> RecoveryStore::Claim(const std::string& session) const {
  const fs::path directory = SessionDirectory(session);
  std::error_code error;
  fs::create_directories(directory, error);
  if (error)
    return IoError(fmt::format("cannot create the recovery folder '{}': {}", directory.string(),
                               error.message()));
  MakePrivate(root_);
  MakePrivate(directory);
  return FolderLock::TryAcquire(directory.string());
}

std::string RecoveryStore::SetAside(const std::string& directory) const {
  const fs::path aside = fs::path(root_) / "broken" / fs::path(directory).filename();
  std::error_code error;
  fs::create_directories(aside.parent_path(), error);
  fs::remove_all(aside, error);  // set aside before: the newer copy wins
  fs::rename(directory, aside, error);
  return aside.string();
}

void RecoveryStore::Discard(const std::string& directory) const {
  std::error_code error;
  fs::remove_all(directory, error);
}

}  // namespace pika
