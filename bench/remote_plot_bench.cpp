// Remote plots: a plot pushed down to ClickHouse (two shards) or PostgreSQL, which sends back
// only the reduced rows, against fetching the x and y columns and reducing them here. Wall
// time (the work runs in the servers) and the bytes that crossed the network, per plot.
// Needs the servers of scripts/remote_servers.sh: run it through scripts/bench_remote.sh.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "compute/plot/engine_plot.h"
#include "compute/source/server_engine.h"

namespace pika {
namespace {

std::map<std::string, std::string> Settings() {
  std::map<std::string, std::string> settings;
  const char* path = std::getenv("PIKA_REMOTE_ENV");
  std::ifstream file(path == nullptr ? "" : path);
  for (std::string line; std::getline(file, line);) {
    if (const size_t equals = line.find('='); equals != std::string::npos)
      settings[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return settings;
}

std::unique_ptr<RemoteClient> Connect(benchmark::State& state) {
  const auto settings = Settings();
  if (settings.empty()) {
    state.SkipWithError("no servers: run scripts/bench_remote.sh");
    return nullptr;
  }
  const bool clickhouse = state.range(0) == 0;
  const RemoteSource source{
      clickhouse ? RemoteEngine::kClickHouse : RemoteEngine::kPostgres,
      "127.0.0.1",
      static_cast<uint16_t>(std::stoi(
          settings.at(clickhouse ? "PIKA_CLICKHOUSE_SHARD1_PORT" : "PIKA_POSTGRES_PORT"))),
      "pika",
      clickhouse ? "default" : "postgres",
      "points"};
  RemoteOptions options;
  options.max_result_bytes = uint64_t{4} << 30;
  auto client = ConnectRemote(source, settings.at("PIKA_REMOTE_PASSWORD"), options);
  if (!client.ok()) {
    state.SkipWithError(client.error().message.c_str());
    return nullptr;
  }
  state.SetLabel(std::string(EngineName(source.engine)));
  return std::move(*client);
}

double TextWidth(std::string_view text) { return 6.0 * static_cast<double>(text.size()); }

void Report(benchmark::State& state, uint64_t bytes, uint64_t rows) {
  state.counters["bytes_per_plot"] =
      benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(state.iterations()));
  state.counters["rows"] = static_cast<double>(rows);
}

// The first plot of the whole table: its extent, then a density of it, counted on the server.
void BM_PushDownScatter(benchmark::State& state) {
  auto client = Connect(state);
  if (client == nullptr) return;
  ServerEngine server(*client);
  const uint64_t start = client->bytes_received();
  uint64_t rows = 0;
  for (auto _ : state) {
    auto plot = PlotInEngine(server, {"", "scatter", "x", "y"}, PlotSpec{}, TextWidth, {});
    if (!plot.ok()) return state.SkipWithError(plot.error().message.c_str());
    rows = plot->rows;
  }
  Report(state, client->bytes_received() - start, rows);
}

// A refresh after a pan and zoom: a window of a tenth of each axis.
void BM_PushDownPan(benchmark::State& state) {
  auto client = Connect(state);
  if (client == nullptr) return;
  ServerEngine server(*client);
  PlotSpec spec;
  spec.window = DataWindow{700, 856, 1500, 1850};
  const uint64_t start = client->bytes_received();
  uint64_t rows = 0;
  for (auto _ : state) {
    auto plot = PlotInEngine(server, {"", "scatter", "x", "y"}, spec, TextWidth, {});
    if (!plot.ok()) return state.SkipWithError(plot.error().message.c_str());
    rows = plot->plot.reduction.rows_in_view;
  }
  Report(state, client->bytes_received() - start, rows);
}

// The first plot coloured by a column of seven names: the categories planned, then rows per
// pixel and category.
void BM_PushDownColoredScatter(benchmark::State& state) {
  auto client = Connect(state);
  if (client == nullptr) return;
  ServerEngine server(*client);
  PlotDataRequest request{"", "scatter", "x", "y"};
  request.color = "c";
  const uint64_t start = client->bytes_received();
  uint64_t rows = 0;
  for (auto _ : state) {
    auto plot = PlotInEngine(server, request, PlotSpec{}, TextWidth, {});
    if (!plot.ok()) return state.SkipWithError(plot.error().message.c_str());
    rows = plot->rows;
  }
  Report(state, client->bytes_received() - start, rows);
}

// A box per name: exact quartiles, whiskers and outliers, summarised on the server.
void BM_PushDownBoxes(benchmark::State& state) {
  auto client = Connect(state);
  if (client == nullptr) return;
  ServerEngine server(*client);
  const uint64_t start = client->bytes_received();
  uint64_t rows = 0;
  for (auto _ : state) {
    auto plot = PlotInEngine(server, {"", "box", "c", "y"}, PlotSpec{}, TextWidth, {});
    if (!plot.ok()) return state.SkipWithError(plot.error().message.c_str());
    rows = plot->rows;
  }
  Report(state, client->bytes_received() - start, rows);
}

// The alternative: fetch both columns, then bin them here.
void BM_FetchColumnsAndReduceLocally(benchmark::State& state) {
  auto client = Connect(state);
  if (client == nullptr) return;
  ServerEngine server(*client);
  const uint64_t start = client->bytes_received();
  GridPool pool;
  uint64_t rows = 0;
  for (auto _ : state) {
    auto columns = client->Query("SELECT x, y FROM points", {});
    if (!columns.ok()) return state.SkipWithError(columns.error().message.c_str());
    std::vector<double> x(columns->row_count), y(columns->row_count);
    for (size_t row = 0; row < columns->row_count; ++row) {
      x[row] = columns->columns[0].IsValid(row) ? columns->columns[0].DoubleAt(row) : std::nan("");
      y[row] = columns->columns[1].DoubleAt(row);
    }
    auto plot = BuildPlotScene(PlotSpec{}, x, y, TextWidth, pool);
    if (!plot.ok()) return state.SkipWithError(plot.error().message.c_str());
    rows = columns->row_count;
  }
  Report(state, client->bytes_received() - start, rows);
}

BENCHMARK(BM_PushDownScatter)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PushDownPan)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PushDownColoredScatter)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PushDownBoxes)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FetchColumnsAndReduceLocally)
    ->Arg(0)
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace pika

BENCHMARK_MAIN();
