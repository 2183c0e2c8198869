// pika info WORKSPACE [--json]: what a .pikaplot file holds.
// pika render WORKSPACE --out DIR [--format png|svg|pdf]: every plot of a workspace, drawn
// from the data saved in it (or from the source files of tables saved without data).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/interrupt_signal.h"
#include "compute/node_relations.h"
#include "compute/plot_data.h"
#include "compute/plot_sql.h"
#include "compute/remote_plot.h"
#include "render/headless_gui.h"
#include "render/scene_export.h"
#include "render/text_metrics.h"
#include "storage/database.h"
#include "storage/sql_quote.h"
#include "workspace/plot_node.h"
#include "workspace/remote_node.h"
#include "workspace/table_node.h"
#include "workspace/workspace_file.h"

namespace pika::cli {

namespace {

namespace fs = std::filesystem;

struct OpenedWorkspace {
  Database database;
  Connection connection;
  WorkspaceContent content;
  std::map<std::string, uint64_t> entry_bytes;
};

Result<OpenedWorkspace> Open(const std::string& path) {
  auto database = Database::Open({});
  if (!database.ok()) return database.error();
  auto connection = database->Connect();
  if (!connection.ok()) return connection.error();
  auto bytes = RealFileSystem().ReadAll(path);
  if (!bytes.ok()) return bytes.error();
  auto entries = ReadZip(*bytes);
  if (!entries.ok()) return entries.error();
  std::map<std::string, uint64_t> sizes;
  for (const auto& [name, content] : *entries) sizes[name] = content.size();
  auto content = LoadWorkspaceEntries(*connection, RealFileSystem(), *entries,
                                      fs::temp_directory_path().string());
  if (!content.ok()) return content.error();
  return OpenedWorkspace{std::move(*database), std::move(*connection), std::move(*content),
                         std::move(sizes)};
}

int RunInfo(const std::string& path, bool as_json) {
  auto workspace = Open(path);
  if (!workspace.ok()) return Fail(workspace.error());
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& [id, node] : workspace->content.graph.nodes()) {
    nlohmann::json item{
        {"id", id}, {"kind", std::string(canvas::KindKey(node.kind))}, {"name", node.name}};
    if (node.kind == canvas::NodeKind::kTable) {
      item["source"] = node.source_path;
      const bool saved = workspace->content.restored_tables.contains(id);
      item["data_saved"] = saved;
      if (saved) {
        auto relation = AdoptTableNode(workspace->connection, id, node.name);
        if (!relation.ok()) return Fail(relation.error());
        item["rows"] = relation->rows;
        item["columns"] = relation->columns.size();
        item["data_bytes"] = workspace->entry_bytes[WorkspaceDataEntry(id)];
      }
    }
    if (node.kind == canvas::NodeKind::kQuery) item["sql"] = node.sql;
    if (node.kind == canvas::NodeKind::kRemote) item["url"] = node.remote_url;
    if (node.kind == canvas::NodeKind::kPlot)
      item["plot"] = {{"kind", node.plot.kind},
                      {"x", node.plot.x},
                      {"y", node.plot.y},
                      {"color", node.plot.color}};
    nodes.push_back(item);
  }
  nlohmann::json edges = nlohmann::json::array();
  for (const canvas::Edge& edge : workspace->content.graph.edges())
    edges.push_back({{"from", edge.from}, {"to", edge.to}});
  if (as_json) {
    std::cout << nlohmann::json{{"file", path}, {"nodes", nodes}, {"edges", edges}}.dump() << '\n';
    return kExitOk;
  }
  std::cout << fmt::format("{}: {} nodes, {} edges\n", path, nodes.size(), edges.size());
  for (const auto& node : nodes) {
    std::cout << fmt::format("  {:>3}  {:<6} {}", node["id"].get<uint64_t>(),
                             node["kind"].get<std::string>(), node["name"].get<std::string>());
    if (node.contains("rows"))
      std::cout << fmt::format("  ({} rows, {} bytes saved)", node["rows"].get<uint64_t>(),
                               node["data_bytes"].get<uint64_t>());
    std::cout << '\n';
  }
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

// A plot's picture: reduced on the server for a remote table, from its fetched rows otherwise.
Result<PlotScene> SceneOf(OpenedWorkspace& workspace, const canvas::Node& plot,
                          const canvas::Node& input) {
  const PlotDataRequest request = PlotRequestOf(plot, input);
  const PlotSpec spec = PlotSpecOf(plot, request);
  auto origin = RemoteOriginOf(workspace.content.graph, input.id);
  if (!origin.ok()) return origin.error();
  if (*origin) {
    const RemoteSource& source = (*origin)->source;
    auto client = ConnectRemote(source, PasswordFromEnvironment(source));
    if (!client.ok()) return client.error();
    auto remote = PlotRemote(**client, request, spec, TickLabelWidth(), CancelOnInterrupt());
    if (!remote.ok()) return remote.error();
    return std::move(remote->plot);
  }
  auto data = FetchPlotData(workspace.connection, request);
  if (!data.ok()) return data.error();
  GridPool pool;
  return BuildScene(request, *data, spec, TickLabelWidth(), pool);
}

int RunRender(const std::string& path, const std::string& out, const std::string& format) {
  auto workspace = Open(path);
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
      std::cerr << fmt::format("pika: plot '{}' not drawn: {}\n", node.name, done.error().message);
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
  render->callback([render_path, out, format, &exit_code] {
    exit_code = RunRender(*render_path, *out, *format);
  });
}

}  // namespace pika::cli
