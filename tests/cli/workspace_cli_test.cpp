// pika info and pika render on a workspace saved by the workspace library.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "compute/node_relations.h"
#include "support/engine.h"
#include "support/run_process.h"
#include "support/temp_dir.h"
#include "workspace/workspace_file.h"

namespace pika {
namespace {

test::ProcessResult Pika(std::vector<std::string> args) {
  args.insert(args.begin(), PIKA_CLI_PATH);
  return test::RunProcess(args, "");
}

// stocks.csv as a Table with its data saved, a Query of one symbol, a line and a bar plot.
std::string SaveStocksWorkspace(test::TempDir& temp) {
  auto engine = test::OpenEngine();
  canvas::Graph graph;
  canvas::Node table;
  table.kind = canvas::NodeKind::kTable;
  table.name = "stocks";
  table.source_path = test::VegaPath("stocks.csv");
  const canvas::NodeId t = *graph.Add(table);
  canvas::Node query;
  query.kind = canvas::NodeKind::kQuery;
  query.name = "msft";
  query.sql = "SELECT * FROM stocks WHERE symbol = 'MSFT'";
  const canvas::NodeId q = *graph.Add(query);
  canvas::Node line;
  line.kind = canvas::NodeKind::kPlot;
  line.name = "msft_price";
  line.plot = {"line", "date", "price", "", "MSFT"};
  const canvas::NodeId l = *graph.Add(line);
  canvas::Node bars;
  bars.kind = canvas::NodeKind::kPlot;
  bars.name = "mean_price";
  bars.plot = {"bar", "symbol", "price", "mean", "", "", "symbol IN ('MSFT', 'IBM')"};
  const canvas::NodeId b = *graph.Add(bars);
  canvas::Node picked;  // fed by the bar plot's brush
  picked.kind = canvas::NodeKind::kPlot;
  picked.name = "picked_prices";
  picked.plot = {"histogram", "price", "", "", ""};
  const canvas::NodeId p = *graph.Add(picked);
  EXPECT_TRUE(graph.Connect(t, q).ok());
  EXPECT_TRUE(graph.Connect(q, l).ok());
  EXPECT_TRUE(graph.Connect(t, b).ok());
  EXPECT_TRUE(graph.Connect(b, p).ok());
  EXPECT_TRUE(
      LoadTableNode(engine.connection, t, "stocks", table.source_path, {}, CancelToken(), {}).ok());
  const std::string path = temp.File("stocks.pikaplot");
  Status saved = SaveWorkspace(engine.connection, RealFileSystem(), path, graph, {}, {t},
                               temp.path().string());
  EXPECT_TRUE(saved.ok()) << saved.error().message;
  return path;
}

TEST(CliWorkspace, InfoListsNodesEdgesAndTheSavedData) {
  test::TempDir temp;
  const auto result = Pika({"info", SaveStocksWorkspace(temp), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto info = nlohmann::json::parse(result.out);
  ASSERT_EQ(info["nodes"].size(), 5u);
  EXPECT_EQ(info["edges"].size(), 4u);
  EXPECT_EQ(info["nodes"][0]["kind"], "table");
  EXPECT_EQ(info["nodes"][0]["rows"], 560);
  EXPECT_GT(info["nodes"][0]["data_bytes"].get<uint64_t>(), 1000u);
}

TEST(CliWorkspace, RenderDrawsEveryPlotFromTheSavedData) {
  test::TempDir temp;
  const std::string workspace = SaveStocksWorkspace(temp);
  const std::string out = temp.File("images");
  const auto result = Pika({"render", workspace, "--out", out, "--format", "png"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::file_size(out + "/msft_price.png") > 5000);
  EXPECT_TRUE(std::filesystem::file_size(out + "/mean_price.png") > 5000);
  EXPECT_TRUE(std::filesystem::file_size(out + "/picked_prices.png") > 5000);
  EXPECT_NE(result.out.find("3 plots drawn, 0 failed"), std::string::npos) << result.out;
}

TEST(CliWorkspace, ADamagedWorkspaceFailsWithExitCodeOne) {
  test::TempDir temp;
  const std::string path = temp.Write("bad.pikaplot", "PK not really");
  const auto result = Pika({"info", path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("damaged"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace pika
