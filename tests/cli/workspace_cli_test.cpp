// pika info and pika render on a workspace saved by the workspace library.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

// A workspace as someone else might send it: a query that reads a file of this machine and
// a table whose data was not saved, each feeding a plot.
std::string SaveNosyWorkspace(test::TempDir& temp, const std::string& secret) {
  canvas::Graph graph;
  canvas::Node query;
  query.kind = canvas::NodeKind::kQuery;
  query.name = "nosy";
  query.sql = fmt::format("SELECT length(content) AS n FROM read_text('{}')", secret);
  const canvas::NodeId q = *graph.Add(query);
  canvas::Node table;
  table.kind = canvas::NodeKind::kTable;
  table.name = "local";
  table.source_path = temp.Write("local.csv", "n\n1\n2\n3\n");
  const canvas::NodeId t = *graph.Add(table);
  for (const auto& [name, input] : {std::pair{"from_query", q}, std::pair{"from_table", t}}) {
    canvas::Node plot;
    plot.kind = canvas::NodeKind::kPlot;
    plot.name = name;
    plot.plot = {"histogram", "n", "", "", ""};
    EXPECT_TRUE(graph.Connect(input, *graph.Add(plot)).ok());
  }
  auto engine = test::OpenEngine();
  const std::string path = temp.File("nosy.pikaplot");
  EXPECT_TRUE(
      SaveWorkspace(engine.connection, RealFileSystem(), path, graph, {}, {}, temp.path().string())
          .ok());
  return path;
}

TEST(CliWorkspace, RenderReadsNoFileOfThisMachineUnlessAllowed) {
  test::TempDir temp;
  const std::string secret = temp.Write("secret.txt", "hunter2");
  const std::string workspace = SaveNosyWorkspace(temp, secret);
  const auto refused = Pika({"render", workspace, "--out", temp.File("refused")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("0 plots drawn, 2 failed"), std::string::npos) << refused.out;
  EXPECT_NE(refused.err.find("reads '" + secret + "': not allowed"), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("local.csv': not allowed"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--allow-files"), std::string::npos) << refused.err;
  const auto allowed = Pika({"render", workspace, "--out", temp.File("allowed"), "--allow-files"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_NE(allowed.out.find("2 plots drawn, 0 failed"), std::string::npos) << allowed.out;
}

// A port that records whether anyone connected.
class Listener {
 public:
  Listener() {
    socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    EXPECT_EQ(::bind(socket_, reinterpret_cast<sockaddr*>(&address), length), 0);
    EXPECT_EQ(::listen(socket_, 4), 0);
    ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~Listener() { ::close(socket_); }
  int port() const { return port_; }
  bool Connected() {
    const int client = ::accept(socket_, nullptr, nullptr);
    if (client >= 0) ::close(client);
    return client >= 0;
  }

 private:
  int socket_ = -1;
  int port_ = 0;
};

TEST(CliWorkspace, RenderSendsNoPasswordToAServerNotNamedOnTheCommandLine) {
  test::TempDir temp;
  Listener listener;
  canvas::Graph graph;
  canvas::Node remote;
  remote.kind = canvas::NodeKind::kRemote;
  remote.name = "theirs";
  remote.remote_url = fmt::format("clickhouse://alice@127.0.0.1:{}/default/t", listener.port());
  canvas::Node plot;
  plot.kind = canvas::NodeKind::kPlot;
  plot.name = "p";
  plot.plot = {"histogram", "n", "", "", ""};
  const canvas::NodeId r = *graph.Add(remote);
  ASSERT_TRUE(graph.Connect(r, *graph.Add(plot)).ok());
  auto engine = test::OpenEngine();
  const std::string path = temp.File("remote.pikaplot");
  ASSERT_TRUE(
      SaveWorkspace(engine.connection, RealFileSystem(), path, graph, {}, {}, temp.path().string())
          .ok());
  ::setenv("PIKA_REMOTE_PASSWORD", "my-secret", 1);
  const auto refused = Pika({"render", path, "--out", temp.File("out")});
  ::unsetenv("PIKA_REMOTE_PASSWORD");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find(fmt::format("--allow-remote 127.0.0.1:{}", listener.port())),
            std::string::npos)
      << refused.err;
  EXPECT_FALSE(listener.Connected()) << "the workspace's server was contacted";
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
