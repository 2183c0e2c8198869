// The .pikaplot workspace file: a zip holding manifest.json (format version, workspace id),
// graph.json (see canvas/graph_json.h, plus each saved table's rows, columns and bytes) and
// data/<node id>.parquet for every Table node whose data was imported (ZSTD, written by
// DuckDB), so a workspace opens without its source files.
//
// Both ways stream: a save adds each table's Parquet file to the archive from disk, and an
// open reads the directory, the manifest and the graph, then extracts each table into the
// workspace's data folder, where DuckDB reads it in place. Nothing holds a whole table in
// memory, and nothing is imported again. Saving replaces the file atomically; loading checks
// everything first and changes nothing when any of it is wrong.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

#include "canvas/graph_json.h"
#include "core/cancel_token.h"
#include "storage/connection.h"
#include "storage/file_system.h"
#include "storage/zip_archive.h"

namespace pika {

// 2: streamed data, the workspace id, and saved tables' sizes in graph.json. 1 still opens.
inline constexpr int kWorkspaceFormatVersion = 2;
inline constexpr const char* kWorkspaceFormatName = "pikaplot";

// A saved table as graph.json describes it, so that listing a workspace reads no data.
struct SavedTable {
  uint64_t rows = 0;
  uint64_t columns = 0;
  uint64_t bytes = 0;  // of its Parquet entry
  friend bool operator==(const SavedTable&, const SavedTable&) = default;
};

// What a workspace file says of itself, read from its directory, manifest and graph alone.
struct WorkspaceSummary {
  int format_version = 0;
  std::string workspace_id;  // empty in format 1
  int64_t saved_at_unix = 0;
  canvas::Graph graph;
  canvas::Viewport viewport;
  std::map<canvas::NodeId, SavedTable> tables;    // format 2: every table with data
  std::map<canvas::NodeId, uint64_t> data_bytes;  // from the archive's directory
  std::string graph_json;  // as saved: everything the workspace runs, for a trust decision
};

struct WorkspaceContent {
  canvas::Graph graph;
  canvas::Viewport viewport;
  // Table nodes whose data came from the file: their pika_node_data_<id> views exist now.
  std::set<canvas::NodeId> restored_tables;
  std::string workspace_id;  // the file's; empty for format 1
};

struct SaveOptions {
  std::string workspace_id;  // empty: a new one
  CancelToken cancel;
  ProgressFn progress;
};

// Writes the workspace to `path`. `tables` are the Table nodes whose imported data (in
// pika_node_data_<id>) is current and should travel with the file; a private temporary
// folder inside `scratch` holds the Parquet files of imported tables on their way into the
// archive (restored tables go in from the files they are read from).
Status SaveWorkspace(Connection& connection, FileSystem& files, const std::string& path,
                     const canvas::Graph& graph, const canvas::Viewport& viewport,
                     const std::set<canvas::NodeId>& tables, const std::string& scratch,
                     const SaveOptions& options = {});

// The directory, manifest.json and graph.json of the workspace at `path`: no data is read.
Result<WorkspaceSummary> ReadWorkspaceSummary(const std::string& path,
                                              const ZipLimits& limits = {});

// The workspace id in the manifest of the file at `path` (empty for format 1): which data
// folder its tables go to.
Result<std::string> ReadWorkspaceId(const std::string& path);

// Reads and checks the workspace at `path`, extracts its tables into `tables_dir` (a table
// extracted there before from the same bytes is used again) and makes each a view over its
// file, in one transaction. Reports the fraction of the tables' bytes in place.
Result<WorkspaceContent> LoadWorkspace(Connection& connection, FileSystem& files,
                                       const std::string& path, const std::string& tables_dir,
                                       const ZipLimits& limits = {}, const CancelToken& cancel = {},
                                       const ProgressFn& progress = {});

// A workspace's parts wherever they are (a zip, a recovery folder): the JSON as text, and
// each data entry (by name, data/<id>.parquet) as a way to put it into a file.
struct WorkspaceParts {
  std::string manifest;
  std::string graph;
  struct Data {
    uint64_t bytes = 0;
    std::string fingerprint;  // the same for the same bytes: extraction is skipped then
    std::function<Status(const std::string& file, const CancelToken&, const ProgressFn&)> extract;
  };
  std::map<std::string, Data> data;
};

// Checks the parts and restores their tables as LoadWorkspace does.
Result<WorkspaceContent> RestoreWorkspaceParts(Connection& connection, FileSystem& files,
                                               const WorkspaceParts& parts,
                                               const std::string& tables_dir,
                                               const CancelToken& cancel = {},
                                               const ProgressFn& progress = {});

// A Table node's data entry: data/<id>.parquet.
std::string WorkspaceDataEntry(canvas::NodeId id);

// The manifest a save writes now.
std::string WorkspaceManifest(const std::string& workspace_id);

// Writes a Table node's data to `file` as ZSTD Parquet: a copy of the file it is read from
// when it came from a workspace, DuckDB's COPY when it was imported.
Status ExportNodeData(Connection& connection, canvas::NodeId id, const std::string& file);

// The Parquet file a Table node's data is read from in place; empty when it was imported.
Result<std::string> NodeDataFile(Connection& connection, canvas::NodeId id);

}  // namespace pika
