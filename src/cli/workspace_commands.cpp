// pika info WORKSPACE [--json]: what a .pikaplot file holds.
// pika render WORKSPACE --out DIR [--format png|svg|pdf] [--allow-files]
//   [--allow-remote HOST[:PORT]]...: every plot of a workspace, drawn from the data saved in
// it. A workspace is someone else's file: it reads no other file unless --allow-files (the
// source files of tables saved without data, files its queries name), and connects to no
// server, nor sends a password, unless that server is named with --allow-remote.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/database_flag.h"
#include "cli/exit_codes.h"
#include "cli/interrupt_signal.h"
#include "compute/node_relations.h"
#include "compute/plot/run_plot.h"
#include "compute/plot_data.h"
#include "compute/plot_sql.h"
#include "compute/source/duckdb_engine.h"
#include "compute/source/server_engine.h"
#include "render/headless_gui.h"
#include "render/scene_export.h"
#include "render/text_metrics.h"
#include "storage/data_folder.h"
#include "storage/sql_quote.h"
#include "workspace/plot_node.h"
#include "workspace/remote_node.h"
#include "workspace/table_node.h"
#include "workspace/workspace_file.h"

namespace pika::cli {

namespace {

namespace fs = std::filesystem;

// What the user allowed a workspace on the command line.
struct Allowed {
  bool files = false;
  std::vector<std::string> servers;  // HOST or HOST:PORT

  bool Server(const RemoteSource& source) const {
    const std::string host_port = fmt::format("{}:{}", source.host, PortOf(source));
    return std::find(servers.begin(), servers.end(), source.host) != servers.end() ||
           std::find(servers.begin(), servers.end(), host_port) != servers.end();
  }
};

struct OpenedWorkspace {
  CliEngine engine;
  Connection connection;
  WorkspaceContent content;
  Allowed allowed;
};

Result<OpenedWorkspace> Open(const std::string& path, Allowed allowed) {
  auto id = ReadWorkspaceId(path);
  auto folder = DataFolder::ForWorkspace(DataRoot(), id.ok() ? *id : std::string());
  if (!folder.ok()) return folder.error();
  const std::string tables = folder->TablesDir();
  auto engine = OpenEngineIn(std::move(*folder), {},
                             allowed.files ? FileAccess::kAny : FileAccess::kOwnFolder);
  if (!engine.ok()) return engine.error();
  auto connection = engine->Connect();
  if (!connection.ok()) return connection.error();
  auto content =
      LoadWorkspace(*connection, RealFileSystem(), path, tables, {}, CancelOnInterrupt());
  if (!content.ok()) return content.error();
  return OpenedWorkspace{std::move(*engine), std::move(*connection), std::move(*content),
                         std::move(allowed)};
}

nlohmann::json NodeInfo(const WorkspaceSummary& summary, const canvas::Node& node) {
  nlohmann::json item{
      {"id", node.id}, {"kind", std::string(canvas::KindKey(node.kind))}, {"name", node.name}};
  if (node.kind == canvas::NodeKind::kTable) {
    item["source"] = node.source_path;
    if (!node.import.database_table.empty()) item["source_table"] = node.import.database_table;
    const auto bytes = summary.data_bytes.find(node.id);
    item["data_saved"] = bytes != summary.data_bytes.end();
    if (bytes != summary.data_bytes.end()) item["data_bytes"] = bytes->second;
    // Written by the save (format 2): listing reads no data.
    if (const auto saved = summary.tables.find(node.id); saved != summary.tables.end()) {
      item["rows"] = saved->second.rows;
      item["columns"] = saved->second.columns;
    }
  }
  if (node.kind == canvas::NodeKind::kQuery) item["sql"] = node.sql;
  if (node.kind == canvas::NodeKind::kRemote) item["url"] = node.remote_url;
  if (node.kind == canvas::NodeKind::kPlot)
    item["plot"] = {{"kind", node.plot.kind},
                    {"x", node.plot.x},
                    {"y", node.plot.y},
                    {"color", node.plot.color}};
  return item;
}

void PrintInfo(const std::string& path, const nlohmann::json& nodes, size_t edges) {
  std::cout << fmt::format("{}: {} nodes, {} edges\n", path, nodes.size(), edges);
  for (const auto& node : nodes) {
    std::cout << fmt::format("  {:>3}  {:<6} {}", node["id"].get<uint64_t>(),
                             node["kind"].get<std::string>(), node["name"].get<std::string>());
    if (node.contains("rows"))
      std::cout << fmt::format("  ({} rows, {} columns, {} bytes saved)",
                               node["rows"].get<uint64_t>(), node["columns"].get<uint64_t>(),
                               node["data_bytes"].get<uint64_t>());
    else if (node.contains("data_bytes"))
      std::cout << fmt::format("  ({} bytes saved)", node["data_bytes"].get<uint64_t>());
    std::cout << '\n';
  }
}

int RunInfo(const std::string& path, bool as_json) {
  auto summary = ReadWorkspaceSummary(path);
  if (!summary.ok()) return Fail(summary.error());
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& [id, node] : summary->graph.nodes()) nodes.push_back(NodeInfo(*summary, node));
  nlohmann::json edges = nlohmann::json::array();
  for (const canvas::Edge& edge : summary->graph.edges())
    edges.push_back({{"from", edge.from}, {"to", edge.to}});
  if (as_json) {
    std::cout << nlohmann::json{{"file", path},
                                {"format_version", summary->format_version},
                                {"workspace_id", summary->workspace_id},
                                {"nodes", nodes},
                                {"edges", edges}}
                     .dump()
              << '\n';
    return kExitOk;
  }
  PrintInfo(path, nodes, edges.size());
  return kExitOk;
}

// Runs the nodes `plot` depends on, inputs first, so that their views exist.
Status Evaluate(OpenedWorkspace& workspace, canvas::NodeId plot) {
  const canvas::Graph& graph = workspace.content.graph;
  std::vector<canvas::NodeId> order;
  std::function<void(canvas::NodeId)> visit = [&](canvas::NodeId id) {
    for (canvas::NodeId input : graph.Inputs(id)) visit(input);
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  };
  visit(plot);
  for (canvas::NodeId id : order) {
    const canvas::Node& node = *graph.Find(id);
    if (node.kind == canvas::NodeKind::kTable) {
      auto relation =
          RunTableNode(workspace.connection, node, workspace.content.restored_tables.contains(id),
                       CancelToken(), {});
      if (!relation.ok())
        return Error{relation.error().kind, node.name + ": " + relation.error().message};
    } else if (node.kind == canvas::NodeKind::kQuery) {
      auto relation = RunQueryNode(workspace.connection, node.name, node.sql, CancelToken());
      if (!relation.ok())
        return Error{relation.error().kind, node.name + ": " + relation.error().message};
    } else if (node.kind == canvas::NodeKind::kPlot && id != plot && !graph.Inputs(id).empty()) {
      // A plot upstream passes on its input's rows inside its brush, under its name.
      const std::string input = QuoteIdentifier(graph.Find(graph.Inputs(id).front())->name);
      auto relation = RunQueryNode(workspace.connection, node.name,
                                   PlotOutputSql(input, node.plot.brush), CancelToken());
      if (!relation.ok())
        return Error{relation.error().kind, node.name + ": the brush is not a valid condition: " +
                                                relation.error().message};
    }
  }
  return {};
}

// The server a plot's input reads, connected to; none for rows in the workspace's engine.
Result<std::unique_ptr<RemoteClient>> ServerOf(OpenedWorkspace& workspace,
                                               const canvas::Node& input) {
  auto origin = RemoteOriginOf(workspace.content.graph, input.id);
  if (!origin.ok()) return origin.error();
  if (*origin) {
    const RemoteSource& source = (*origin)->source;
    // Before connecting: a password from the environment goes only where the user said.
    if (!workspace.allowed.Server(source))
      return NotAllowed(fmt::format(
          "connects to {}://{}@{}:{}: not allowed unless named with --allow-remote {}:{}",
          EngineName(source.engine), source.user, source.host, PortOf(source), source.host,
          PortOf(source)));
    return ConnectRemote(source, PasswordFromEnvironment(source));
  }
  return std::unique_ptr<RemoteClient>();
}

// A plot's picture: reduced on the server for a remote table; from the workspace's engine
// otherwise, fetched or reduced there as RunPlot decides.
Result<PlotScene> SceneOf(OpenedWorkspace& workspace, const canvas::Node& plot,
                          const canvas::Node& input) {
  const PlotDataRequest request = PlotRequestOf(plot, input);
  auto client = ServerOf(workspace, input);
  if (!client.ok()) return client.error();
  std::unique_ptr<SqlEngine> engine;
  if (*client)
    engine = std::make_unique<ServerEngine>(**client);
  else
    engine = std::make_unique<DuckDbEngine>(workspace.connection, request.relation, input.name);
  auto drawn = RunPlot(*engine, request, PlotSpecOf(plot, request), PlotUse::kOneFrame,
                       TickLabelWidth(), CancelOnInterrupt());
  if (!drawn.ok()) return drawn.error();
  return std::move(drawn->scene);
}

// What a refusal adds: how to allow it, for a workspace the user trusts.
std::string Reason(const Error& error) {
  if (error.kind != ErrorKind::kNotAllowed || error.message.find("reads ") == std::string::npos)
    return error.message;
  return error.message + " (pass --allow-files to let it read files on this machine)";
}

int RunRender(const std::string& path, const std::string& out, const std::string& format,
              Allowed allowed) {
  auto workspace = Open(path, std::move(allowed));
  if (!workspace.ok()) return Fail(workspace.error());
  std::error_code error;
  fs::create_directories(out, error);
  if (error) return Fail(IoError(fmt::format("cannot create '{}': {}", out, error.message())));
  const HeadlessGui gui;
  int drawn = 0, failed = 0;
  for (const auto& [id, node] : workspace->content.graph.nodes()) {
    if (node.kind != canvas::NodeKind::kPlot) continue;
    const std::string file = (fs::path(out) / (node.name + "." + format)).string();
    Status done = Evaluate(*workspace, id);
    const auto inputs = workspace->content.graph.Inputs(id);
    if (done.ok() && inputs.empty()) done = InvalidInput("the plot has no input");
    if (done.ok()) {
      auto scene = SceneOf(*workspace, node, *workspace->content.graph.Find(inputs.front()));
      if (!scene.ok()) done = scene.error();
      if (done.ok()) {
        done = format == "png"   ? ExportPng(scene->scene, file, {192, false})
               : format == "svg" ? ExportSvg(scene->scene, file, node.plot.title)
                                 : ExportPdf({scene->scene}, file, node.plot.title);
      }
    }
    if (done.ok()) {
      ++drawn;
      std::cout << file << '\n';
    } else {
      ++failed;
      std::cerr << fmt::format("pika: plot '{}' not drawn: {}\n", node.name, Reason(done.error()));
    }
  }
  std::cout << fmt::format("{} plots drawn, {} failed\n", drawn, failed);
  return failed == 0 ? kExitOk : kExitUserError;
}

}  // namespace

void AddWorkspaceCommands(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* info = app.add_subcommand(
      "info", "List the nodes, edges, plots and saved data of a .pikaplot workspace");
  info->add_option("WORKSPACE", *path, "A .pikaplot file")->required();
  info->add_flag("--json", *json, "Print it as JSON");
  info->callback([path, json, &exit_code] { exit_code = RunInfo(*path, *json); });

  auto render_path = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("png");
  CLI::App* render =
      app.add_subcommand("render", "Draw every plot of a .pikaplot workspace to files");
  render->add_option("WORKSPACE", *render_path, "A .pikaplot file")->required();
  render->add_option("--out", *out, "Folder for the images (created if missing)")->required();
  render->add_option("--format", *format, "png (default), svg or pdf")
      ->check(CLI::IsMember({"png", "svg", "pdf"}));
  auto allowed = std::make_shared<Allowed>();
  render->add_flag("--allow-files", allowed->files,
                   "Let the workspace read files on this machine (tables saved without their "
                   "data, files its queries name); without it, only its own data");
  render->add_option("--allow-remote", allowed->servers,
                     "A server (HOST or HOST:PORT) the workspace may connect to, with the "
                     "password from the environment; repeat for more");
  render->callback([render_path, out, format, allowed, &exit_code] {
    exit_code = RunRender(*render_path, *out, *format, *allowed);
  });
}

}  // namespace pika::cli
