#include "workspace/workspace_file.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>

#include "compute/node_relations.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

using nlohmann::json;

constexpr const char* kManifest = "manifest.json";
constexpr const char* kGraph = "graph.json";

std::string DataEntry(canvas::NodeId id) { return WorkspaceDataEntry(id); }

std::string ScratchFile(const std::string& scratch, canvas::NodeId id) {
  return (std::filesystem::path(scratch) / fmt::format("node-{}.parquet", id)).string();
}

// A private folder (mode 0700, a fresh name) inside `parent` for one save or load, removed
// with everything in it: saves and loads running at once never meet, and nobody else reads
// the data on its way.
class ScratchFolder {
 public:
  static Result<ScratchFolder> Create(const std::string& parent) {
    std::string pattern = (std::filesystem::path(parent) / "pika-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      return IoError(fmt::format("cannot create a temporary folder in '{}': {}", parent,
                                 std::strerror(errno)));
    return ScratchFolder(pattern);
  }
  ScratchFolder(ScratchFolder&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  ScratchFolder& operator=(ScratchFolder&&) = delete;
  ~ScratchFolder() {
    std::error_code error;
    if (!path_.empty()) std::filesystem::remove_all(path_, error);
  }
  const std::string& path() const { return path_; }

 private:
  explicit ScratchFolder(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

std::string ManifestNow() {
  const auto now = std::chrono::system_clock::now();
  const json manifest{
      {"format", kWorkspaceFormatName},
      {"format_version", kWorkspaceFormatVersion},
      {"app", "Pika-Plot"},
      {"app_version", "0.1.0"},
      {"saved_at_unix",
       std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count()}};
  return manifest.dump(2);
}

Status CheckManifest(const std::string& text) {
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
  return {};  // format 1 is the first: nothing older to migrate yet
}

Result<std::string> ExportTable(Connection& connection, FileSystem& files,
                                const std::string& scratch, canvas::NodeId id) {
  const std::string file = ScratchFile(scratch, id);
  PIKA_TRY(ExportNodeData(connection, id, file));
  auto bytes = files.ReadAll(file);
  (void)files.Remove(file);
  return bytes;
}

// Every entry must be expected: the manifest, the graph, and data of Table nodes.
Status CheckEntries(const std::map<std::string, std::string>& entries, const canvas::Graph& graph) {
  for (const char* required : {kManifest, kGraph}) {
    if (!entries.contains(required))
      return InvalidInput(
          fmt::format("the workspace file has no {}: it is not a complete workspace", required));
  }
  for (const auto& [name, bytes] : entries) {
    if (name == kManifest || name == kGraph) continue;
    bool known = false;
    for (const auto& [id, node] : graph.nodes()) {
      known = known || (node.kind == canvas::NodeKind::kTable && name == DataEntry(id));
    }
    if (!known)
      return InvalidInput(
          fmt::format("the workspace file holds '{}', which no Table node owns", name));
  }
  return {};
}

Status RestoreTables(Connection& connection, FileSystem& files, const std::string& scratch,
                     const std::map<std::string, std::string>& entries, const canvas::Graph& graph,
                     std::set<canvas::NodeId>& restored) {
  for (const auto& [id, node] : graph.nodes()) {
    const auto found = entries.find(DataEntry(id));
    if (found == entries.end()) continue;
    const std::string file = ScratchFile(scratch, id);
    PIKA_TRY(AtomicWriteFile(files, file, found->second));
    Status created = connection.Execute(
        fmt::format("CREATE OR REPLACE TABLE {} AS SELECT * FROM read_parquet({})",
                    NodeDataTable(id), QuoteLiteral(file)));
    (void)files.Remove(file);
    if (!created.ok()) {
      return InvalidInput(fmt::format("the data of '{}' in the workspace file is damaged ({})",
                                      node.name, created.error().message));
    }
    restored.insert(id);
  }
  return {};
}

}  // namespace

std::string WorkspaceDataEntry(canvas::NodeId id) { return fmt::format("data/{}.parquet", id); }

std::string WorkspaceManifest() { return ManifestNow(); }

Status ExportNodeData(Connection& connection, canvas::NodeId id, const std::string& file) {
  return connection.Execute(fmt::format("COPY {} TO {} (FORMAT PARQUET, COMPRESSION ZSTD)",
                                        NodeDataTable(id), QuoteLiteral(file)));
}

Status SaveWorkspace(Connection& connection, FileSystem& files, const std::string& path,
                     const canvas::Graph& graph, const canvas::Viewport& viewport,
                     const std::set<canvas::NodeId>& tables, const std::string& scratch_parent) {
  auto scratch_folder = ScratchFolder::Create(scratch_parent);
  if (!scratch_folder.ok()) return scratch_folder.error();
  const std::string& scratch = scratch_folder->path();
  std::vector<ZipEntry> entries{{kManifest, ManifestNow(), true},
                                {kGraph, canvas::GraphToJson(graph, viewport), true}};
  for (canvas::NodeId id : tables) {
    const canvas::Node* node = graph.Find(id);
    if (node == nullptr || node->kind != canvas::NodeKind::kTable) continue;
    auto bytes = ExportTable(connection, files, scratch, id);
    if (!bytes.ok()) return bytes.error();
    entries.push_back({DataEntry(id), std::move(*bytes), false});  // Parquet is compressed
  }
  auto archive = WriteZip(entries);
  if (!archive.ok()) return archive.error();
  return AtomicWriteFile(files, path, *archive);
}

Result<WorkspaceContent> LoadWorkspace(Connection& connection, FileSystem& files,
                                       const std::string& path, const std::string& scratch,
                                       const ZipLimits& limits) {
  auto bytes = files.ReadAll(path);
  if (!bytes.ok()) return bytes.error();
  auto entries = ReadZip(*bytes, limits);
  if (!entries.ok()) return entries.error();
  return LoadWorkspaceEntries(connection, files, *entries, scratch);
}

Result<WorkspaceContent> LoadWorkspaceEntries(Connection& connection, FileSystem& files,
                                              const std::map<std::string, std::string>& entries,
                                              const std::string& scratch) {
  const auto manifest = entries.find(kManifest);
  if (manifest == entries.end())
    return InvalidInput("the workspace file has no manifest.json: it is not a complete workspace");
  PIKA_TRY(CheckManifest(manifest->second));
  const auto graph_entry = entries.find(kGraph);
  if (graph_entry == entries.end())
    return InvalidInput("the workspace file has no graph.json: it is not a complete workspace");
  auto document = canvas::GraphFromJson(graph_entry->second);
  if (!document.ok()) return document.error();
  PIKA_TRY(CheckEntries(entries, document->graph));
  WorkspaceContent content{std::move(document->graph), document->viewport, {}};
  auto scratch_folder = ScratchFolder::Create(scratch);
  if (!scratch_folder.ok()) return scratch_folder.error();
  // All tables or none: a damaged one rolls back those restored before it.
  PIKA_TRY(connection.Execute("BEGIN TRANSACTION"));
  Status restored = RestoreTables(connection, files, scratch_folder->path(), entries, content.graph,
                                  content.restored_tables);
  if (!restored.ok()) {
    (void)connection.Execute("ROLLBACK");
    return restored.error();
  }
  PIKA_TRY(connection.Execute("COMMIT"));
  return content;
}

}  // namespace pika
