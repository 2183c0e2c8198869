#include "workspace/workspace_file.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "compute/node_relations.h"
#include "storage/data_folder.h"
#include "storage/in_place_view.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kManifest = "manifest.json";
constexpr const char* kGraph = "graph.json";
constexpr const char* kSavedTables = "saved_tables";  // graph.json's key for SavedTable

std::string ScratchFile(const std::string& scratch, canvas::NodeId id) {
  return (fs::path(scratch) / fmt::format("node-{}.parquet", id)).string();
}

// A private folder (mode 0700, a fresh name) inside `parent` for one save, removed with
// everything in it: saves running at once never meet, and nobody else reads the data on its way.
class ScratchFolder {
 public:
  static Result<ScratchFolder> Create(const std::string& parent) {
    std::string pattern = (fs::path(parent) / "pika-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      return IoError(fmt::format("cannot create a temporary folder in '{}': {}", parent,
                                 std::strerror(errno)));
    return ScratchFolder(pattern);
  }
  ScratchFolder(ScratchFolder&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  ScratchFolder& operator=(ScratchFolder&&) = delete;
  ~ScratchFolder() {
    std::error_code error;
    if (!path_.empty()) fs::remove_all(path_, error);
  }
  const std::string& path() const { return path_; }

 private:
  explicit ScratchFolder(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

struct Manifest {
  int version = 0;
  std::string workspace_id;
  int64_t saved_at_unix = 0;
};

Result<Manifest> ParseManifest(const std::string& text) {
  json manifest;
  try {
    manifest = json::parse(text);
  } catch (const std::exception& error) {
    return InvalidInput(fmt::format("manifest.json is not valid JSON: {}", error.what()));
  }
  if (!manifest.is_object() || manifest.value("format", json()) != kWorkspaceFormatName)
    return InvalidInput("this is not a Pika-Plot workspace (manifest.json does not say so)");
  const json version = manifest.value("format_version", json());
  if (!version.is_number_integer() || version.get<int64_t>() < 1)
    return InvalidInput("manifest.json: format_version must be a whole number from 1");
  if (version.get<int64_t>() > kWorkspaceFormatVersion) {
    return InvalidInput(fmt::format(
        "this workspace was saved by a newer Pika-Plot (file format {}; this version reads up to "
        "{}): update Pika-Plot to open it",
        version.get<int64_t>(), kWorkspaceFormatVersion));
  }
  Manifest out;
  out.version = static_cast<int>(version.get<int64_t>());
  const json id = manifest.value("workspace_id", json());
  if (out.version >= 2 && (!id.is_string() || !IsWorkspaceId(id.get<std::string>())))
    return InvalidInput("manifest.json: workspace_id must be an id (letters, digits and '-')");
  if (id.is_string()) out.workspace_id = id.get<std::string>();
  const json saved = manifest.value("saved_at_unix", json());
  if (saved.is_number_integer()) out.saved_at_unix = saved.get<int64_t>();
  return out;  // format 1 differs only in what 2 adds: nothing to migrate
}

// graph.json's saved_tables (format 2): each table's rows, columns and bytes.
Result<std::map<canvas::NodeId, SavedTable>> ParseSavedTables(const std::string& text) {
  std::map<canvas::NodeId, SavedTable> tables;
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains(kSavedTables)) return tables;
  const json& saved = document[kSavedTables];
  if (!saved.is_object()) return InvalidInput("graph.json: saved_tables must be an object");
  for (const auto& [key, item] : saved.items()) {
    const std::string where = fmt::format("graph.json: saved_tables.{}", key);
    char* end = nullptr;
    const uint64_t id = std::strtoull(key.c_str(), &end, 10);
    if (key.empty() || *end != '\0' || !item.is_object())
      return InvalidInput(where + " must be a node id with its rows, columns and bytes");
    SavedTable table;
    for (auto [name, field] : {std::pair{"rows", &table.rows}, std::pair{"columns", &table.columns},
                               std::pair{"bytes", &table.bytes}}) {
      if (!item.contains(name) || !item[name].is_number_unsigned())
        return InvalidInput(fmt::format("{}.{} must be a whole number", where, name));
      *field = item[name].get<uint64_t>();
    }
    tables[id] = table;
  }
  return tables;
}

std::string GraphWithTables(const canvas::Graph& graph, const canvas::Viewport& viewport,
                            const std::map<canvas::NodeId, SavedTable>& tables) {
  json document = json::parse(canvas::GraphToJson(graph, viewport));
  json saved = json::object();
  for (const auto& [id, table] : tables)
    saved[std::to_string(id)] = {
        {"rows", table.rows}, {"columns", table.columns}, {"bytes", table.bytes}};
  document[kSavedTables] = saved;
  return document.dump(2);
}

// Every entry must be expected: the manifest, the graph, and data of Table nodes.
Status CheckEntries(const std::vector<std::string>& names, const canvas::Graph& graph) {
  for (const std::string& name : names) {
    if (name == kManifest || name == kGraph) continue;
    bool known = false;
    for (const auto& [id, node] : graph.nodes())
      known = known || (node.kind == canvas::NodeKind::kTable && name == WorkspaceDataEntry(id));
    if (!known)
      return InvalidInput(
          fmt::format("the workspace file holds '{}', which no Table node owns", name));
  }
  return {};
}

std::string TableFile(const std::string& tables_dir, canvas::NodeId id) {
  return (fs::path(tables_dir) / fmt::format("{}.parquet", id)).string();
}

// Whether `file` holds the entry's bytes already: the fingerprint beside it says which bytes
// it holds, and is written only once the file is whole.
bool ExtractedBefore(FileSystem& files, const WorkspaceParts::Data& data, const std::string& file) {
  auto previous = files.ReadAll(file + ".source");
  return previous.ok() && *previous == data.fingerprint && fs::exists(file);
}

// Extracts a data entry unless the same bytes were extracted there before.
Status ExtractOnce(FileSystem& files, const WorkspaceParts::Data& data, const std::string& file,
                   const CancelToken& cancel, const ProgressFn& progress) {
  if (ExtractedBefore(files, data, file)) return {};
  const std::string stamp = file + ".source";
  (void)files.Remove(stamp);
  PIKA_TRY(data.extract(file, cancel, progress));
  return AtomicWriteFile(files, stamp, data.fingerprint);
}

// Refuses, before writing anything, data that would not fit on the disk.
Status CheckFreeSpace(FileSystem& files, const WorkspaceParts& parts,
                      const std::string& tables_dir) {
  uint64_t needed = 0;
  for (const auto& [name, data] : parts.data) {
    const canvas::NodeId id = std::strtoull(name.c_str() + 5, nullptr, 10);  // data/<id>.parquet
    if (!ExtractedBefore(files, data, TableFile(tables_dir, id))) needed += data.bytes;
  }
  auto free = FreeDiskBytes(tables_dir);
  if (!free.ok() || needed <= *free) return {};
  return IoError(fmt::format(
      "the workspace's tables need {:.1f} MB in '{}', but only {:.1f} MB are free there: free "
      "some space (or set PIKA_DATA_DIR to a bigger disk) and open it again",
      static_cast<double>(needed) / 1e6, tables_dir, static_cast<double>(*free) / 1e6));
}

// `expected`: the rows graph.json says the table holds (format 2), checked against the file's.
Status ViewTable(Connection& connection, canvas::NodeId id, const std::string& file,
                 std::optional<uint64_t> expected) {
  const std::string table = NodeDataTable(id);
  PIKA_TRY(CreateInPlaceView(connection, table, file));
  // Reads the footer: a file that is not Parquet fails here, not in a plot later.
  auto counted = connection.QueryAll(fmt::format("SELECT count(*) FROM {}", table));
  if (!counted.ok()) return counted.error();
  const auto rows = static_cast<uint64_t>(counted->columns[0].IntAt(0));
  if (expected && rows != *expected)
    return InvalidInput(fmt::format("it holds {} rows where the graph says {}", rows, *expected));
  return {};
}

Status RestoreTables(Connection& connection, FileSystem& files, const WorkspaceParts& parts,
                     const std::string& tables_dir, const canvas::Graph& graph,
                     const std::map<canvas::NodeId, SavedTable>& saved, const CancelToken& cancel,
                     const ProgressFn& progress, std::set<canvas::NodeId>& restored) {
  uint64_t total = 0, done = 0;
  for (const auto& [name, data] : parts.data) total += data.bytes;
  for (const auto& [id, node] : graph.nodes()) {
    const auto found = parts.data.find(WorkspaceDataEntry(id));
    if (found == parts.data.end()) continue;
    if (cancel.cancelled()) return Cancelled("the open was cancelled");
    const std::string file = TableFile(tables_dir, id);
    const uint64_t bytes = found->second.bytes;
    auto part_progress = [&](double fraction) {
      if (progress && total > 0)
        progress((static_cast<double>(done) + fraction * static_cast<double>(bytes)) /
                 static_cast<double>(total));
    };
    PIKA_TRY(ExtractOnce(files, found->second, file, cancel, part_progress));
    done += bytes;
    const auto described = saved.find(id);
    Status viewed =
        ViewTable(connection, id, file,
                  described == saved.end() ? std::nullopt : std::optional(described->second.rows));
    if (!viewed.ok()) {
      (void)files.Remove(file + ".source");  // extract it again next time
      return InvalidInput(fmt::format("the data of '{}' in the workspace file is damaged ({})",
                                      node.name, viewed.error().message));
    }
    restored.insert(id);
  }
  return {};
}

Result<SavedTable> DescribeSaved(Connection& connection, canvas::NodeId id,
                                 const std::string& file) {
  auto counted = connection.QueryAll(
      fmt::format("SELECT (SELECT count(*) FROM {0}), (SELECT count(*) FROM (DESCRIBE {0}))",
                  NodeDataTable(id)));
  if (!counted.ok()) return counted.error();
  std::error_code error;
  const uint64_t bytes = fs::file_size(file, error);
  return SavedTable{static_cast<uint64_t>(counted->columns[0].IntAt(0)),
                    static_cast<uint64_t>(counted->columns[1].IntAt(0)), error ? 0 : bytes};
}

// The file a save adds for a table: the one it is read from, or a fresh export in `scratch`.
Result<std::string> SavedFile(Connection& connection, canvas::NodeId id,
                              const std::string& scratch) {
  auto in_place = NodeDataFile(connection, id);
  if (!in_place.ok()) return in_place.error();
  if (!in_place->empty() && fs::exists(*in_place)) return *in_place;
  const std::string file = ScratchFile(scratch, id);
  PIKA_TRY(ExportNodeData(connection, id, file));  // for a source gone, says so
  return file;
}

WorkspaceParts PartsOf(const ZipReader& archive, FileSystem& files, std::string manifest,
                       std::string graph) {
  WorkspaceParts parts{std::move(manifest), std::move(graph), {}};
  for (const ZipEntryInfo& entry : archive.entries()) {
    if (entry.name == kManifest || entry.name == kGraph) continue;
    parts.data[entry.name] = {
        entry.size, fmt::format("{} bytes, crc32 {:08x}", entry.size, entry.crc),
        [&archive, &files, name = entry.name](const std::string& file, const CancelToken& cancel,
                                              const ProgressFn& progress) {
          return archive.ExtractTo(name, files, file, cancel, progress);
        }};
  }
  return parts;
}

struct JsonEntries {
  std::string manifest, graph;
};

// manifest.json and graph.json, which every workspace has.
Result<JsonEntries> ReadJsonEntries(const ZipReader& archive) {
  for (const char* required : {kManifest, kGraph}) {
    if (archive.Find(required) == nullptr)
      return InvalidInput(
          fmt::format("the workspace file has no {}: it is not a complete workspace", required));
  }
  auto manifest = archive.ReadText(kManifest);
  if (!manifest.ok()) return manifest.error();
  auto graph = archive.ReadText(kGraph);
  if (!graph.ok()) return graph.error();
  return JsonEntries{std::move(*manifest), std::move(*graph)};
}

}  // namespace

std::string WorkspaceDataEntry(canvas::NodeId id) { return fmt::format("data/{}.parquet", id); }

std::string WorkspaceManifest(const std::string& workspace_id) {
  const json manifest{{"format", kWorkspaceFormatName},
                      {"format_version", kWorkspaceFormatVersion},
                      {"workspace_id", workspace_id},
                      {"app", "Pika-Plot"},
                      {"app_version", "0.1.0"},
                      {"saved_at_unix", std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count()}};
  return manifest.dump(2);
}

Result<std::string> NodeDataFile(Connection& connection, canvas::NodeId id) {
  return InPlaceFile(connection, NodeDataTable(id));
}

Status ExportNodeData(Connection& connection, canvas::NodeId id, const std::string& file) {
  auto in_place = NodeDataFile(connection, id);
  if (!in_place.ok()) return in_place.error();
  if (!in_place->empty()) {
    std::error_code error;
    fs::copy_file(*in_place, file, fs::copy_options::overwrite_existing, error);
    if (!error) return {};
    return IoError(fmt::format("cannot copy '{}' to '{}': {}", *in_place, file, error.message()));
  }
  return connection.Execute(fmt::format("COPY {} TO {} (FORMAT PARQUET, COMPRESSION ZSTD)",
                                        NodeDataTable(id), QuoteLiteral(file)));
}

Status SaveWorkspace(Connection& connection, FileSystem& files, const std::string& path,
                     const canvas::Graph& graph, const canvas::Viewport& viewport,
                     const std::set<canvas::NodeId>& tables, const std::string& scratch_parent,
                     const SaveOptions& options) {
  auto scratch = ScratchFolder::Create(scratch_parent);
  if (!scratch.ok()) return scratch.error();
  std::map<canvas::NodeId, std::string> data_files;
  std::map<canvas::NodeId, SavedTable> saved;
  for (canvas::NodeId id : tables) {
    const canvas::Node* node = graph.Find(id);
    if (node == nullptr || node->kind != canvas::NodeKind::kTable) continue;
    if (options.cancel.cancelled()) return Cancelled("the save was cancelled");
    auto file = SavedFile(connection, id, scratch->path());
    if (!file.ok()) return file.error();
    auto described = DescribeSaved(connection, id, *file);
    if (!described.ok()) return described.error();
    data_files[id] = *file;
    saved[id] = *described;
  }
  const std::string workspace_id =
      options.workspace_id.empty() ? NewWorkspaceId() : options.workspace_id;
  ZipWriter archive(files, path);
  archive.AddBytes(kManifest, WorkspaceManifest(workspace_id));
  archive.AddBytes(kGraph, GraphWithTables(graph, viewport, saved));
  for (const auto& [id, file] : data_files) archive.AddFile(WorkspaceDataEntry(id), file);
  return archive.Commit(options.cancel, options.progress);
}

Result<WorkspaceSummary> ReadWorkspaceSummary(const std::string& path, const ZipLimits& limits) {
  auto archive = ZipReader::Open(path, limits);
  if (!archive.ok()) return archive.error();
  auto texts = ReadJsonEntries(*archive);
  if (!texts.ok()) return texts.error();
  auto manifest = ParseManifest(texts->manifest);
  if (!manifest.ok()) return manifest.error();
  auto document = canvas::GraphFromJson(texts->graph);
  if (!document.ok()) return document.error();
  auto tables = ParseSavedTables(texts->graph);
  if (!tables.ok()) return tables.error();
  std::vector<std::string> names;
  for (const ZipEntryInfo& entry : archive->entries()) names.push_back(entry.name);
  PIKA_TRY(CheckEntries(names, document->graph));
  WorkspaceSummary summary{manifest->version,
                           manifest->workspace_id,
                           manifest->saved_at_unix,
                           std::move(document->graph),
                           document->viewport,
                           std::move(*tables),
                           {}};
  for (const auto& [id, node] : summary.graph.nodes()) {
    if (const ZipEntryInfo* entry = archive->Find(WorkspaceDataEntry(id)))
      summary.data_bytes[id] = entry->size;
  }
  summary.graph_json = std::move(texts->graph);
  return summary;
}

Result<std::string> ReadWorkspaceId(const std::string& path) {
  auto archive = ZipReader::Open(path);
  if (!archive.ok()) return archive.error();
  auto text = archive->ReadText(kManifest);
  if (!text.ok()) return text.error();
  auto manifest = ParseManifest(*text);
  if (!manifest.ok()) return manifest.error();
  return manifest->workspace_id;
}

Result<WorkspaceContent> LoadWorkspace(Connection& connection, FileSystem& files,
                                       const std::string& path, const std::string& tables_dir,
                                       const ZipLimits& limits, const CancelToken& cancel,
                                       const ProgressFn& progress) {
  auto archive = ZipReader::Open(path, limits);
  if (!archive.ok()) return archive.error();
  auto texts = ReadJsonEntries(*archive);
  if (!texts.ok()) return texts.error();
  return RestoreWorkspaceParts(
      connection, files,
      PartsOf(*archive, files, std::move(texts->manifest), std::move(texts->graph)), tables_dir,
      cancel, progress);
}

Result<WorkspaceContent> RestoreWorkspaceParts(Connection& connection, FileSystem& files,
                                               const WorkspaceParts& parts,
                                               const std::string& tables_dir,
                                               const CancelToken& cancel,
                                               const ProgressFn& progress) {
  auto manifest = ParseManifest(parts.manifest);
  if (!manifest.ok()) return manifest.error();
  auto document = canvas::GraphFromJson(parts.graph);
  if (!document.ok()) return document.error();
  std::vector<std::string> names{kManifest, kGraph};
  for (const auto& [name, data] : parts.data) names.push_back(name);
  PIKA_TRY(CheckEntries(names, document->graph));
  auto saved = ParseSavedTables(parts.graph);
  if (!saved.ok()) return saved.error();
  PIKA_TRY(CheckFreeSpace(files, parts, tables_dir));
  WorkspaceContent content{
      std::move(document->graph), document->viewport, {}, manifest->workspace_id};
  // All tables or none: a damaged one rolls back those restored before it.
  PIKA_TRY(connection.Execute("BEGIN TRANSACTION"));
  Status restored = RestoreTables(connection, files, parts, tables_dir, content.graph, *saved,
                                  cancel, progress, content.restored_tables);
  if (!restored.ok()) {
    (void)connection.Execute("ROLLBACK");
    return restored.error();
  }
  PIKA_TRY(connection.Execute("COMMIT"));
  return content;
}

}  // namespace pika
