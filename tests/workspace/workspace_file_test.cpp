#include "workspace/workspace_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "compute/node_relations.h"
#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using canvas::Node;
using canvas::NodeId;
using canvas::NodeKind;

// A file system that fails its Nth operation, as a full disk or a denied write would.
class FaultyFileSystem : public FileSystem {
 public:
  explicit FaultyFileSystem(int fail_at) : fail_at_(fail_at) {}
  Result<std::string> ReadAll(const std::string& path) override { return real_.ReadAll(path); }
  Result<int> Create(const std::string& path) override {
    if (Fail()) return IoError("injected: cannot create");
    return real_.Create(path);
  }
  Status Write(int handle, std::string_view bytes) override {
    if (Fail()) return IoError("injected: disk full");
    return real_.Write(handle, bytes);
  }
  Status Sync(int handle) override {
    return Fail() ? Status(IoError("injected")) : real_.Sync(handle);
  }
  Status Close(int handle) override {
    Status closed = real_.Close(handle);  // the descriptor is released either way
    return Fail() ? Status(IoError("injected")) : closed;
  }
  Status Rename(const std::string& from, const std::string& to) override {
    return Fail() ? Status(IoError("injected: permission denied")) : real_.Rename(from, to);
  }
  Status Remove(const std::string& path) override { return real_.Remove(path); }
  Status SyncDirectory(const std::string& directory) override {
    return Fail() ? Status(IoError("injected")) : real_.SyncDirectory(directory);
  }
  int calls() const { return calls_; }

 private:
  bool Fail() { return ++calls_ == fail_at_; }
  FileSystem& real_ = RealFileSystem();
  int fail_at_;
  int calls_ = 0;
};

class WorkspaceFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string csv = "when,amount,label\n";
    for (int i = 0; i < 50; ++i)
      csv += "2024-01-" + std::to_string(10 + i % 20) + "," + std::to_string(i) + ",x" +
             std::to_string(i) + "\n";
    csv_ = temp_.Write("sales.csv", csv);
    Node table;
    table.kind = NodeKind::kTable;
    table.name = "sales";
    table.source_path = csv_;
    table.position = {10, 20};
    table.import.column_types["label"] = ColumnType::kVarchar;
    table.import.null_strings = {"NA"};
    table_ = *graph_.Add(table);
    Node query;
    query.kind = NodeKind::kQuery;
    query.name = "big";
    query.sql = "SELECT * FROM sales WHERE amount > 10";
    query_ = *graph_.Add(query);
    Node plot;
    plot.kind = NodeKind::kPlot;
    plot.name = "p";
    plot.plot = {"scatter", "when", "amount", "", "Sales"};
    plot.user_placed = false;
    plot_ = *graph_.Add(plot);
    Node note;
    note.kind = NodeKind::kNote;
    note.text = "remember: \"quotes\" and ünïcödé";
    (void)graph_.Add(note);
    ASSERT_TRUE(graph_.Connect(table_, query_).ok());
    ASSERT_TRUE(graph_.Connect(query_, plot_).ok());
    ImportOptions options;
    options.type_overrides = table.import.column_types;
    auto loaded =
        LoadTableNode(engine_.connection, table_, "sales", csv_, options, CancelToken(), {});
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  }

  std::string Save(const std::string& name, FileSystem& files = RealFileSystem()) {
    const std::string path = temp_.File(name);
    Status saved = SaveWorkspace(engine_.connection, files, path, graph_, viewport_, {table_},
                                 temp_.path().string());
    EXPECT_TRUE(saved.ok()) << saved.error().message;
    return path;
  }

  static std::string Bytes(const std::string& path) { return *RealFileSystem().ReadAll(path); }

  Result<WorkspaceContent> LoadBytes(const std::string& bytes, test::Engine& engine) {
    const std::string path = temp_.Write("candidate.pikaplot", bytes);
    return LoadWorkspace(engine.connection, RealFileSystem(), path, temp_.path().string());
  }

  static int64_t DataTables(Connection& connection) {
    return std::stoll(test::QueryValue(
        connection,
        "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'pika_node_data_%'"));
  }

  test::TempDir temp_;
  test::Engine engine_ = test::OpenEngine();
  canvas::Graph graph_;
  canvas::Viewport viewport_{120, -40, 0.75};
  std::string csv_;
  NodeId table_ = 0, query_ = 0, plot_ = 0;
};

TEST_F(WorkspaceFileTest, SaveLoadSaveKeepsEveryNodeOptionEdgeAndTheData) {
  const std::string path = Save("work.pikaplot");
  auto other = test::OpenEngine();
  auto loaded = LoadWorkspace(other.connection, RealFileSystem(), path, temp_.path().string());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->graph.nodes(), graph_.nodes());
  EXPECT_EQ(loaded->graph.edges(), graph_.edges());
  EXPECT_EQ(loaded->viewport, viewport_);
  EXPECT_EQ(loaded->restored_tables, std::set<NodeId>{table_});
  // The rows come from the file, not from the CSV: delete it to be sure.
  std::filesystem::remove(csv_);
  auto adopted = AdoptTableNode(other.connection, table_, "sales");
  ASSERT_TRUE(adopted.ok()) << adopted.error().message;
  EXPECT_EQ(adopted->rows, 50u);
  EXPECT_EQ(test::QueryValue(other.connection, "SELECT typeof(\"when\") FROM sales LIMIT 1"),
            "DATE");
  // Saving what was loaded writes the same graph.
  EXPECT_EQ(canvas::GraphToJson(loaded->graph, loaded->viewport),
            canvas::GraphToJson(graph_, viewport_));
}

TEST_F(WorkspaceFileTest, EveryTruncationIsRefusedWithAMessageAndRestoresNothing) {
  const std::string bytes = Bytes(Save("work.pikaplot"));
  ASSERT_LT(bytes.size(), 200'000u);
  auto other = test::OpenEngine();
  // Every length for the small file.
  for (size_t length = 0; length < bytes.size(); length += (bytes.size() > 20'000 ? 7 : 1)) {
    auto loaded = LoadBytes(bytes.substr(0, length), other);
    ASSERT_FALSE(loaded.ok()) << "truncated to " << length << " bytes loaded";
    ASSERT_FALSE(loaded.error().message.empty());
  }
  EXPECT_EQ(DataTables(other.connection), 0);
}

TEST_F(WorkspaceFileTest, FlippedBytesNeverCrashOrHalfLoad) {
  const std::string bytes = Bytes(Save("work.pikaplot"));
  auto other = test::OpenEngine();
  int refused = 0;
  for (size_t at = 0; at < bytes.size(); at += 3) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    auto loaded = LoadBytes(damaged, other);
    if (!loaded.ok()) {
      ++refused;
      EXPECT_FALSE(loaded.error().message.empty());
    } else {
      EXPECT_EQ(loaded->graph.nodes().size(), graph_.nodes().size());  // whole, or not at all
    }
  }
  EXPECT_GT(refused, 0);
}

TEST_F(WorkspaceFileTest, HostileArchivesAreRefusedBeforeAnythingIsRestored) {
  auto other = test::OpenEngine();
  const std::string graph = canvas::GraphToJson(graph_, viewport_);
  const std::string manifest = R"({"format":"pikaplot","format_version":1})";
  auto refused_with = [&](std::vector<ZipEntry> entries, const std::string& expected) {
    auto archive = WriteZip(entries);
    ASSERT_TRUE(archive.ok());
    auto loaded = LoadBytes(*archive, other);
    ASSERT_FALSE(loaded.ok()) << "loaded, expected: " << expected;
    EXPECT_NE(loaded.error().message.find(expected), std::string::npos) << loaded.error().message;
  };
  refused_with({{"manifest.json", manifest}, {"graph.json", graph}, {"../escape.txt", "x"}},
               "outside its folder");
  refused_with({{"manifest.json", manifest}, {"graph.json", graph}, {"/etc/passwd", "x"}},
               "outside its folder");
  refused_with(
      {{"manifest.json", R"({"format":"pikaplot","format_version":7})"}, {"graph.json", graph}},
      "newer Pika-Plot");
  refused_with({{"manifest.json", R"({"format":"other"})"}, {"graph.json", graph}},
               "not a Pika-Plot");
  refused_with({{"manifest.json", manifest}}, "no graph.json");
  refused_with({{"manifest.json", manifest}, {"graph.json", graph}, {"notes.txt", "x"}},
               "no Table node owns");
  refused_with({{"manifest.json", manifest},
                {"graph.json", graph},
                {"data/" + std::to_string(table_) + ".parquet", "not parquet at all"}},
               "damaged");
  refused_with({{"manifest.json", manifest},
                {"graph.json", std::string(20000, '[') + std::string(20000, ']')}},
               "not valid JSON");
  refused_with(
      {{"manifest.json", manifest},
       {"graph.json",
        R"({"nodes":[{"id":1,"kind":"query","name":5,"x":0,"y":0,"user_placed":true,"sql":""}],"edges":[],"viewport":{"center_x":0,"center_y":0,"zoom":1}})"}},
      "graph.nodes[0].name must be text");
  refused_with(
      {{"manifest.json", manifest},
       {"graph.json",
        R"({"nodes":[{"id":1,"kind":"query","name":"a","x":0,"y":0,"user_placed":true,"sql":""},{"id":2,"kind":"query","name":"b","x":0,"y":0,"user_placed":true,"sql":""}],"edges":[{"from":1,"to":2},{"from":2,"to":1}],"viewport":{"center_x":0,"center_y":0,"zoom":1}})"}},
      "cycle");
  refused_with(
      {{"manifest.json", manifest},
       {"graph.json",
        R"({"nodes":[],"edges":[{"from":1,"to":9}],"viewport":{"center_x":0,"center_y":0,"zoom":1}})"}},
      "gone");
  // A zip bomb: 32 MB of zeros that deflate to a few kilobytes.
  refused_with({{"manifest.json", manifest},
                {"graph.json", graph},
                {"data/" + std::to_string(table_) + ".parquet", std::string(32 << 20, '\0')}},
               "zip bomb");
  EXPECT_EQ(DataTables(other.connection), 0);
}

TEST_F(WorkspaceFileTest, DuplicateEntriesAreRefused) {
  auto archive = WriteZip({{"manifest.json", R"({"format":"pikaplot","format_version":1})"},
                           {"graph.json", canvas::GraphToJson(graph_, viewport_)},
                           {"graph.jsoX", "{}"}});
  ASSERT_TRUE(archive.ok());
  std::string bytes = *archive;
  // Rename the third entry to the second's name in its local and central headers.
  for (size_t at = bytes.find("graph.jsoX"); at != std::string::npos;
       at = bytes.find("graph.jsoX", at))
    bytes[at + 9] = 'n';
  auto other = test::OpenEngine();
  auto loaded = LoadBytes(bytes, other);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("twice"), std::string::npos) << loaded.error().message;
}

TEST_F(WorkspaceFileTest, AFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile) {
  const std::string path = Save("work.pikaplot");
  const std::string old_bytes = Bytes(path);
  graph_.Rename(query_, "renamed").ok();  // so that the new version differs
  FaultyFileSystem counting(0);
  (void)SaveWorkspace(engine_.connection, counting, temp_.File("count.pikaplot"), graph_, viewport_,
                      {table_}, temp_.path().string());
  ASSERT_GT(counting.calls(), 3);
  for (int fail_at = 1; fail_at <= counting.calls(); ++fail_at) {
    FaultyFileSystem faulty(fail_at);
    Status saved = SaveWorkspace(engine_.connection, faulty, path, graph_, viewport_, {table_},
                                 temp_.path().string());
    const std::string now = Bytes(path);
    if (!saved.ok()) {
      EXPECT_FALSE(saved.error().message.empty());
      // Failing after the rename (syncing the folder) leaves the new file, complete.
      EXPECT_TRUE(now == old_bytes || LoadBytes(now, engine_).ok()) << "fail at " << fail_at;
    }
    for (const auto& entry : std::filesystem::directory_iterator(temp_.path().string()))
      EXPECT_NE(entry.path().extension(), ".saving") << "temporary file left: " << entry.path();
    auto reopened = test::OpenEngine();
    auto loaded = LoadBytes(now, reopened);
    EXPECT_TRUE(loaded.ok()) << "fail at " << fail_at << ": "
                             << (loaded.ok() ? "" : loaded.error().message);
  }
}

}  // namespace
}  // namespace pika
