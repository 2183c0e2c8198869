#include "workspace/workspace_file.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "compute/node_relations.h"
#include "storage/data_folder.h"
#include "support/engine.h"
#include "support/faulty_file_system.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using canvas::Node;
using canvas::NodeId;
using canvas::NodeKind;
using test::FaultyFileSystem;

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
        "SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'pika_node_data_%') + "
        "(SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'pika_node_data_%')"));
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

TEST_F(WorkspaceFileTest, RestoredTablesAreReadInPlaceFromTheirExtractedFile) {
  const std::string path = Save("work.pikaplot");
  test::TempDir tables;
  auto other = test::OpenEngine();
  ASSERT_TRUE(LoadWorkspace(other.connection, RealFileSystem(), path, tables.path().string()).ok());
  auto file = NodeDataFile(other.connection, table_);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(std::filesystem::path(*file).parent_path(), tables.path());
  EXPECT_EQ(test::QueryValue(other.connection,
                             "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE "
                             "'pika_node_data_%'"),
            "0");  // a view over the file: nothing copied into the engine
  EXPECT_EQ(test::QueryValue(other.connection,
                             fmt::format("SELECT count(*) FROM {}", NodeDataTable(table_))),
            "50");
}

TEST_F(WorkspaceFileTest, OpeningAgainUsesTheTablesExtractedBefore) {
  const std::string path = Save("work.pikaplot");
  test::TempDir tables;
  std::string file;
  {
    auto first = test::OpenEngine();
    ASSERT_TRUE(
        LoadWorkspace(first.connection, RealFileSystem(), path, tables.path().string()).ok());
    file = *NodeDataFile(first.connection, table_);
  }
  const auto extracted_at = std::filesystem::last_write_time(file);
  // Every write fails: an open that extracted anything again would fail.
  FaultyFileSystem no_writes(1);
  auto second = test::OpenEngine();
  auto loaded = LoadWorkspace(second.connection, no_writes, path, tables.path().string());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(no_writes.calls(), 0);
  EXPECT_EQ(std::filesystem::last_write_time(file), extracted_at);
}

TEST_F(WorkspaceFileTest, ATableChangedInTheFileIsExtractedAgain) {
  const std::string path = Save("work.pikaplot");
  test::TempDir tables;
  {
    auto first = test::OpenEngine();
    ASSERT_TRUE(
        LoadWorkspace(first.connection, RealFileSystem(), path, tables.path().string()).ok());
  }
  ASSERT_TRUE(engine_.connection
                  .Execute(fmt::format("DELETE FROM {} WHERE amount > 10", NodeDataTable(table_)))
                  .ok());
  Save("work.pikaplot");
  auto second = test::OpenEngine();
  ASSERT_TRUE(
      LoadWorkspace(second.connection, RealFileSystem(), path, tables.path().string()).ok());
  EXPECT_EQ(
      test::QueryValue(second.connection, fmt::format("SELECT count(*) FROM {} WHERE amount > 10",
                                                      NodeDataTable(table_))),
      "0");
}

TEST_F(WorkspaceFileTest, TheSummaryComesFromTheGraphWithoutReadingAnyData) {
  std::string bytes = Bytes(Save("work.pikaplot"));
  // Damage the table's Parquet bytes: a summary that read them would fail.
  const size_t data = bytes.find("PAR1");
  ASSERT_NE(data, std::string::npos);
  for (size_t at = data + 64; at < data + 256; ++at) bytes[at] = static_cast<char>(~bytes[at]);
  auto summary = ReadWorkspaceSummary(temp_.Write("damaged.pikaplot", bytes));
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->format_version, kWorkspaceFormatVersion);
  EXPECT_FALSE(summary->workspace_id.empty());
  ASSERT_EQ(summary->tables.count(table_), 1u);
  EXPECT_EQ(summary->tables.at(table_).rows, 50u);
  EXPECT_EQ(summary->tables.at(table_).columns, 3u);
  EXPECT_EQ(summary->graph.nodes().size(), graph_.nodes().size());
  // The open itself checks every byte.
  auto other = test::OpenEngine();
  EXPECT_FALSE(LoadBytes(bytes, other).ok());
}

TEST_F(WorkspaceFileTest, SavingKeepsTheWorkspaceIdAndANewWorkspaceGetsOne) {
  const std::string path = temp_.File("kept.pikaplot");
  SaveOptions options;
  options.workspace_id = "3f2b8c1e-0d4a-4e8b-9c7d-1a2b3c4d5e6f";
  ASSERT_TRUE(SaveWorkspace(engine_.connection, RealFileSystem(), path, graph_, viewport_, {table_},
                            temp_.path().string(), options)
                  .ok());
  EXPECT_EQ(*ReadWorkspaceId(path), options.workspace_id);
  const std::string fresh = *ReadWorkspaceId(Save("fresh.pikaplot"));
  EXPECT_TRUE(IsWorkspaceId(fresh));
  EXPECT_NE(fresh, options.workspace_id);
}

TEST_F(WorkspaceFileTest, AFormatOneFileStillOpens) {
  test::TempDir scratch;
  const std::string parquet = scratch.File("t.parquet");
  ASSERT_TRUE(ExportNodeData(engine_.connection, table_, parquet).ok());
  auto archive = WriteZip({{"manifest.json", R"({"format":"pikaplot","format_version":1})"},
                           {"graph.json", canvas::GraphToJson(graph_, viewport_)},
                           {WorkspaceDataEntry(table_), Bytes(parquet), false}});
  ASSERT_TRUE(archive.ok());
  auto other = test::OpenEngine();
  auto loaded = LoadBytes(*archive, other);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(loaded->workspace_id.empty());
  EXPECT_EQ(loaded->restored_tables, std::set<NodeId>{table_});
  auto summary = ReadWorkspaceSummary(temp_.File("candidate.pikaplot"));
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->format_version, 1);
  EXPECT_TRUE(summary->tables.empty());  // format 1 did not say; pika info reads the bytes only
}

TEST_F(WorkspaceFileTest, ARestoredTableCanBeImportedAgainOverItsView) {
  const std::string path = Save("work.pikaplot");
  auto other = test::OpenEngine();
  ASSERT_TRUE(LoadWorkspace(other.connection, RealFileSystem(), path, temp_.path().string()).ok());
  ImportOptions options;
  options.type_overrides = graph_.Find(table_)->import.column_types;
  auto loaded = LoadTableNode(other.connection, table_, "sales", csv_, options, CancelToken(), {});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(*NodeDataFile(other.connection, table_), "");  // imported now, not read in place
  EXPECT_EQ(DataTables(other.connection), 1);
}

TEST_F(WorkspaceFileTest, ATableWithOtherRowsThanTheGraphSaysIsRefused) {
  auto saved = ZipReader::Open(Save("work.pikaplot"));
  ASSERT_TRUE(saved.ok());
  std::string graph = *saved->ReadText("graph.json");
  const size_t rows = graph.find("\"rows\": 50");
  ASSERT_NE(rows, std::string::npos) << graph;
  graph.replace(rows, 11, "\"rows\": 51");
  const std::string data = temp_.File("data.parquet");
  ASSERT_TRUE(saved->ExtractTo(WorkspaceDataEntry(table_), RealFileSystem(), data).ok());
  auto archive = WriteZip({{"manifest.json", *saved->ReadText("manifest.json")},
                           {"graph.json", graph},
                           {WorkspaceDataEntry(table_), Bytes(data), false}});
  ASSERT_TRUE(archive.ok());
  auto other = test::OpenEngine();
  auto loaded = LoadBytes(*archive, other);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("holds 50 rows where the graph says 51"), std::string::npos)
      << loaded.error().message;
  EXPECT_EQ(DataTables(other.connection), 0);
}

TEST_F(WorkspaceFileTest, AParquetSourceReadInPlaceTravelsInTheFileAsItIs) {
  const std::string source = temp_.File("sales.parquet");
  ASSERT_TRUE(
      engine_.connection.Execute("COPY (SELECT * FROM sales) TO '" + source + "' (FORMAT PARQUET)")
          .ok());
  ASSERT_TRUE(
      LoadTableNode(engine_.connection, table_, "sales", source, {}, CancelToken(), {}).ok());
  ASSERT_EQ(*NodeDataFile(engine_.connection, table_), source);
  auto saved = ZipReader::Open(Save("work.pikaplot"));
  ASSERT_TRUE(saved.ok());
  const std::string embedded = temp_.File("embedded.parquet");
  ASSERT_TRUE(saved->ExtractTo(WorkspaceDataEntry(table_), RealFileSystem(), embedded).ok());
  EXPECT_EQ(Bytes(embedded), Bytes(source));  // the file itself, not its rows written again
  std::filesystem::remove(source);            // a workspace opens without its sources
  test::TempDir tables;
  auto other = test::OpenEngine();
  ASSERT_TRUE(LoadWorkspace(other.connection, RealFileSystem(), temp_.File("work.pikaplot"),
                            tables.path().string())
                  .ok());
  EXPECT_EQ(test::QueryValue(other.connection,
                             fmt::format("SELECT count(*) FROM {}", NodeDataTable(table_))),
            "50");
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
      auto fresh = test::OpenEngine();
      auto complete = LoadBytes(now, fresh);
      EXPECT_TRUE(now == old_bytes || complete.ok())
          << "fail at " << fail_at << ": " << (complete.ok() ? "" : complete.error().message);
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
