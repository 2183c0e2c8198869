// Workspaces bigger than memory (issue 21): saving, opening and listing a workspace next to
// copying the same file, in the same run. Also runs one phase alone for a peak-RSS reading:
//   pika_workspace_bench --phase=engine|import|save|open|info
// (scripts/bench_workspace.sh runs each under /usr/bin/time with a small memory limit).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "bench_data.h"
#include "compute/node_relations.h"
#include "storage/data_folder.h"
#include "storage/database.h"
#include "storage/memory_limit.h"
#include "storage/sql_quote.h"
#include "workspace/workspace_file.h"

namespace pika::bench {

namespace {

namespace fs = std::filesystem;

constexpr canvas::NodeId kTable = 1;

// An engine as the app opens one: a file in a data folder, the memory limit, spilling there.
struct Engine {
  DataFolder folder;
  Database database;
  Connection connection;
};

std::string BenchFolder() {
  const char* folder = std::getenv("PIKA_BENCH_DIR");
  return folder ? folder : "bench_data";
}

Engine OpenEngine() {
  auto folder = DataFolder::Scratch(BenchFolder() + "/engines");
  auto limit = ResolveMemoryLimit();
  if (!folder.ok() || !limit.ok()) {
    std::fprintf(stderr, "cannot open an engine: %s\n",
                 (folder.ok() ? limit.error() : folder.error()).message.c_str());
    std::exit(1);
  }
  auto database =
      Database::Open({folder->EngineFile(), limit->Setting(), folder->SpillDir(), {}, true});
  auto connection = database->Connect();
  return {std::move(*folder), std::move(*database), std::move(*connection)};
}

void Check(const Status& status, const char* what) {
  if (status.ok()) return;
  std::fprintf(stderr, "%s: %s\n", what, status.error().message.c_str());
  std::exit(1);
}

canvas::Graph BenchGraph(const std::string& csv) {
  canvas::Graph graph;
  canvas::Node table;
  table.kind = canvas::NodeKind::kTable;
  table.name = "big";
  table.source_path = csv;
  const canvas::NodeId id = *graph.Add(table);
  canvas::Node plot;
  plot.kind = canvas::NodeKind::kPlot;
  plot.name = "x_vs_y";
  plot.plot = {"scatter", "x", "y", "", "x against y"};
  const canvas::NodeId plot_id = *graph.Add(plot);
  (void)graph.Connect(id, plot_id);
  return graph;
}

// The CSV imported into an engine, as pika_node_data_1.
void ImportInto(Engine& engine, const std::string& csv) {
  Check(engine.connection.Execute(fmt::format("CREATE TABLE {} AS SELECT * FROM read_csv({})",
                                              NodeDataTable(kTable), QuoteLiteral(csv))),
        "import");
}

// The workspace of ImportRows() rows, saved once and reused between runs.
std::string BenchWorkspace() {
  const std::string csv = ImportCsv(ImportRows());
  const std::string path = fmt::format("{}/workspace_{}.pikaplot", BenchFolder(), ImportRows());
  if (fs::exists(path)) return path;
  Engine engine = OpenEngine();
  ImportInto(engine, csv);
  Check(SaveWorkspace(engine.connection, RealFileSystem(), path, BenchGraph(csv), {}, {kTable},
                      engine.folder.path()),
        "save");
  return path;
}

std::string Target(const char* name) { return fmt::format("{}/{}", BenchFolder(), name); }

void Bytes(benchmark::State& state, const std::string& path) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fs::file_size(path)));
  state.counters["file_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
}

// What saving is compared with: `cp` of the workspace file.
void BM_CopyWorkspaceFile(benchmark::State& state) {
  const std::string path = BenchWorkspace();
  for (auto _ : state) {
    fs::copy_file(path, Target("copy.pikaplot"), fs::copy_options::overwrite_existing);
    fs::remove(Target("copy.pikaplot"));
  }
  Bytes(state, path);
}

// The least a save that survives a crash must do: copy the bytes and flush them to disk.
void BM_CopyWorkspaceFileDurably(benchmark::State& state) {
  const std::string path = BenchWorkspace();
  for (auto _ : state) {
    Status copied = CopyFileAtomically(RealFileSystem(), path, Target("copy.pikaplot"));
    if (!copied.ok()) state.SkipWithError(copied.error().message.c_str());
    fs::remove(Target("copy.pikaplot"));
  }
  Bytes(state, path);
}

// Saving a workspace that was opened: its table goes into the zip from its extracted file.
void BM_SaveOpenedWorkspace(benchmark::State& state) {
  const std::string path = BenchWorkspace();
  Engine engine = OpenEngine();
  auto loaded = LoadWorkspace(engine.connection, RealFileSystem(), path, engine.folder.TablesDir());
  if (!loaded.ok()) return state.SkipWithError(loaded.error().message.c_str());
  for (auto _ : state) {
    Status saved =
        SaveWorkspace(engine.connection, RealFileSystem(), Target("saved.pikaplot"), loaded->graph,
                      loaded->viewport, loaded->restored_tables, engine.folder.path());
    if (!saved.ok()) state.SkipWithError(saved.error().message.c_str());
    fs::remove(Target("saved.pikaplot"));
  }
  Bytes(state, path);
}

// Opening in a data folder that has nothing yet: every table is extracted.
void BM_OpenWorkspaceFirstTime(benchmark::State& state) {
  const std::string path = BenchWorkspace();
  for (auto _ : state) {
    Engine engine = OpenEngine();
    auto loaded =
        LoadWorkspace(engine.connection, RealFileSystem(), path, engine.folder.TablesDir());
    if (!loaded.ok()) state.SkipWithError(loaded.error().message.c_str());
  }
  Bytes(state, path);
}

// Opening again: the tables extracted before are used as they are.
void BM_OpenWorkspaceAgain(benchmark::State& state) {
  const std::string path = BenchWorkspace();
  auto folder = DataFolder::Open(BenchFolder() + "/engines", "open-again");
  if (!folder.ok()) return state.SkipWithError(folder.error().message.c_str());
  const std::string tables = folder->TablesDir();
  auto open = [&] {
    auto database = Database::Open({});
    auto connection = database->Connect();
    return LoadWorkspace(*connection, RealFileSystem(), path, tables).ok();
  };
  if (!open()) return state.SkipWithError("the first open failed");
  for (auto _ : state) {
    if (!open()) state.SkipWithError("opening again failed");
  }
  fs::remove_all(tables);
}

// `pika info`: the directory, the manifest and the graph.
void BM_WorkspaceSummary(benchmark::State& state) {
  const std::string path = BenchWorkspace();
  for (auto _ : state) {
    auto summary = ReadWorkspaceSummary(path);
    if (!summary.ok()) state.SkipWithError(summary.error().message.c_str());
    benchmark::DoNotOptimize(summary);
  }
}

#define PIKA_WORKSPACE_BENCH(name) \
  BENCHMARK(name)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime()

PIKA_WORKSPACE_BENCH(BM_CopyWorkspaceFile)->Iterations(3);
PIKA_WORKSPACE_BENCH(BM_CopyWorkspaceFileDurably)->Iterations(3);
PIKA_WORKSPACE_BENCH(BM_SaveOpenedWorkspace)->Iterations(3);
PIKA_WORKSPACE_BENCH(BM_OpenWorkspaceFirstTime)->Iterations(3);
PIKA_WORKSPACE_BENCH(BM_OpenWorkspaceAgain)->Iterations(10);
PIKA_WORKSPACE_BENCH(BM_WorkspaceSummary);

// One step alone, so that its peak RSS is its own.
int RunPhase(std::string_view phase) {
  const std::string path = BenchWorkspace();
  Engine engine = OpenEngine();
  if (phase == "engine") return 0;
  if (phase == "import") {
    ImportInto(engine, ImportCsv(ImportRows()));
    return 0;
  }
  if (phase == "info") return ReadWorkspaceSummary(path).ok() ? 0 : 1;
  auto loaded = LoadWorkspace(engine.connection, RealFileSystem(), path, engine.folder.TablesDir());
  if (!loaded.ok()) return 1;
  if (phase == "open") return 0;
  if (phase != "save") return 2;
  Status saved =
      SaveWorkspace(engine.connection, RealFileSystem(), Target("phase.pikaplot"), loaded->graph,
                    loaded->viewport, loaded->restored_tables, engine.folder.path());
  fs::remove(Target("phase.pikaplot"));
  return saved.ok() ? 0 : 1;
}

}  // namespace

}  // namespace pika::bench

int main(int argc, char** argv) {
  if (argc == 2 && std::strncmp(argv[1], "--phase=", 8) == 0)
    return pika::bench::RunPhase(argv[1] + 8);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
