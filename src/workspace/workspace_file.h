// The .pikaplot workspace file: a zip holding manifest.json (format version, app version),
// graph.json (see canvas/graph_json.h) and data/<node id>.parquet for every Table node whose
// data was imported (ZSTD-compressed, written by DuckDB), so a workspace opens without its
// source files. Saving replaces the file atomically; loading checks everything first and
// changes nothing when any of it is wrong.
#pragma once

#include <map>
#include <set>
#include <string>

#include "canvas/graph_json.h"
#include "storage/connection.h"
#include "storage/file_system.h"
#include "storage/zip_archive.h"

namespace pika {

inline constexpr int kWorkspaceFormatVersion = 1;
inline constexpr const char* kWorkspaceFormatName = "pikaplot";

struct WorkspaceContent {
  canvas::Graph graph;
  canvas::Viewport viewport;
  // Table nodes whose data came from the file: their pika_node_data_<id> tables exist now.
  std::set<canvas::NodeId> restored_tables;
};

// Writes the workspace to `path`. `tables` are the Table nodes whose imported data (in
// pika_node_data_<id>) is current and should travel with the file; a private temporary
// folder inside `scratch` holds the Parquet files on their way into the archive.
Status SaveWorkspace(Connection& connection, FileSystem& files, const std::string& path,
                     const canvas::Graph& graph, const canvas::Viewport& viewport,
                     const std::set<canvas::NodeId>& tables, const std::string& scratch);

// Checks the entries of a workspace (by name: manifest.json, graph.json, data/<id>.parquet)
// and restores its tables in one transaction; what LoadWorkspace does after unzipping.
Result<WorkspaceContent> LoadWorkspaceEntries(Connection& connection, FileSystem& files,
                                              const std::map<std::string, std::string>& entries,
                                              const std::string& scratch);

// A Table node's data entry: data/<id>.parquet.
std::string WorkspaceDataEntry(canvas::NodeId id);

// The manifest a save writes now.
std::string WorkspaceManifest();

// Writes a Table node's data table to `file` as ZSTD Parquet.
Status ExportNodeData(Connection& connection, canvas::NodeId id, const std::string& file);

// Reads and checks the workspace at `path`, then restores its tables in one transaction.
Result<WorkspaceContent> LoadWorkspace(Connection& connection, FileSystem& files,
                                       const std::string& path, const std::string& scratch,
                                       const ZipLimits& limits = {});

}  // namespace pika
