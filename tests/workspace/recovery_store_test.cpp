#include "workspace/recovery_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "compute/node_relations.h"
#include "storage/data_folder.h"
#include "support/engine.h"
#include "support/temp_dir.h"
#include "workspace/workspace_file.h"

namespace pika {
namespace {

namespace fs = std::filesystem;

class RecoveryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canvas::Node table;
    table.kind = canvas::NodeKind::kTable;
    table.name = "t";
    table.source_path = temp_.Write("t.csv", "a,b\n1,x\n2,y\n3,z\n");
    table_ = *graph_.Add(table);
    canvas::Node note;
    note.kind = canvas::NodeKind::kNote;
    note.text = "unsaved thought";
    (void)graph_.Add(note);
    ASSERT_TRUE(
        LoadTableNode(engine_.connection, table_, "t", table.source_path, {}, CancelToken(), {})
            .ok());
  }
  std::string Root() const { return (temp_.path() / "recovery").string(); }

  test::TempDir temp_;
  test::Engine engine_ = test::OpenEngine();
  canvas::Graph graph_;
  canvas::NodeId table_ = 0;
};

TEST_F(RecoveryStoreTest, AutosavedWorkIsListedAndRestoredWithItsData) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(
      store.Write("s1", engine_.connection, graph_, {1, 2, 1}, {{table_, 7}}, "/w/a.pikaplot")
          .ok());
  const auto entries = store.List();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].original_path, "/w/a.pikaplot");
  EXPECT_EQ(entries[0].nodes, 2u);
  fs::remove(graph_.Find(table_)->source_path);  // the data comes from the recovery folder
  auto other = test::OpenEngine();
  auto restored = store.Restore(other.connection, entries[0], temp_.path().string());
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->graph.nodes(), graph_.nodes());
  EXPECT_EQ(restored->restored_tables, std::set<canvas::NodeId>{table_});
  ASSERT_TRUE(AdoptTableNode(other.connection, table_, "t").ok());
  EXPECT_EQ(test::QueryValue(other.connection, "SELECT sum(a) FROM t"), "6");
}

TEST_F(RecoveryStoreTest, ATableReadInPlaceIsLinkedIntoTheFolderNotCopied) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 1}}, "").ok());
  auto other = test::OpenEngine();
  auto folder = DataFolder::Scratch(DataRoot());  // where the app extracts a workspace's tables
  ASSERT_TRUE(folder.ok());
  const fs::path tables = folder->TablesDir();
  ASSERT_TRUE(store.Restore(other.connection, store.List()[0], tables.string()).ok());
  const std::string in_place = *NodeDataFile(other.connection, table_);
  ASSERT_FALSE(in_place.empty());
  ASSERT_TRUE(store.Write("s2", other.connection, graph_, {}, {{table_, 1}}, "").ok());
  bool linked = false;
  for (const auto& file : fs::directory_iterator(fs::path(Root()) / "s2" / "data"))
    linked = linked || fs::equivalent(file.path(), in_place);
  EXPECT_TRUE(linked) << "a workspace of many gigabytes would be copied on every open";
}

TEST_F(RecoveryStoreTest, AUsersOwnParquetReadInPlaceIsCopiedNotLinked) {
  RecoveryStore store(RealFileSystem(), Root());
  const std::string source = temp_.File("mine.parquet");
  ASSERT_TRUE(engine_.connection.Execute("COPY (SELECT 1 AS a) TO '" + source + "'").ok());
  ASSERT_TRUE(LoadTableNode(engine_.connection, table_, "t", source, {}, CancelToken(), {}).ok());
  ASSERT_EQ(*NodeDataFile(engine_.connection, table_), source);
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 2}}, "").ok());
  for (const auto& file : fs::directory_iterator(fs::path(Root()) / "s1" / "data"))
    EXPECT_FALSE(fs::equivalent(file.path(), source)) << "the user's file is linked";
}

TEST_F(RecoveryStoreTest, BigDataIsWrittenOncePerImportNotOnEveryAutosave) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 1}}, "").ok());
  const fs::path data =
      fs::path(store.SessionDirectory("s1")) / "data" / (std::to_string(table_) + "-1.parquet");
  ASSERT_TRUE(fs::exists(data));
  const auto written = fs::last_write_time(data);
  // Drop the table: a second autosave of the same version must not need it.
  ASSERT_TRUE(engine_.connection.Execute("DROP VIEW t; DROP TABLE " + NodeDataTable(table_)).ok());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 1}}, "").ok());
  EXPECT_EQ(fs::last_write_time(data), written);
  // A new import replaces the old data file.
  ASSERT_TRUE(LoadTableNode(engine_.connection, table_, "t", graph_.Find(table_)->source_path, {},
                            CancelToken(), {})
                  .ok());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 2}}, "").ok());
  EXPECT_FALSE(fs::exists(data));
  EXPECT_TRUE(fs::exists(fs::path(store.SessionDirectory("s1")) / "data" /
                         (std::to_string(table_) + "-2.parquet")));
}

TEST_F(RecoveryStoreTest, ATableStillImportingKeepsTheDataAlreadyInTheFolder) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 1}}, "").ok());
  // The next autosave happens while the table re-imports: it has no current data to give.
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {}, "").ok());
  const auto entries = store.List();
  ASSERT_EQ(entries.size(), 1u);
  auto other = test::OpenEngine();
  auto restored = store.Restore(other.connection, entries[0], temp_.path().string());
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->restored_tables, std::set<canvas::NodeId>{table_});
}

TEST_F(RecoveryStoreTest, ABrokenRecoveryFolderIsSetAsideAndNeverBlocksTheOthers) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("good", engine_.connection, graph_, {}, {}, "").ok());
  fs::create_directories(fs::path(Root()) / "bad");
  ASSERT_TRUE(AtomicWriteFile(RealFileSystem(),
                              (fs::path(Root()) / "bad" / "recovery.json").string(), "{not json")
                  .ok());
  std::vector<std::string> broken;
  const auto entries = store.List(&broken);
  ASSERT_EQ(entries.size(), 1u);
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_NE(broken[0].find("not valid JSON"), std::string::npos) << broken[0];
  EXPECT_TRUE(fs::exists(fs::path(Root()) / "broken" / "bad"));
  EXPECT_EQ(store.List().size(), 1u);  // reported once, then out of the way
}

TEST_F(RecoveryStoreTest, ALiveSessionIsNotOfferedAndADiscardedOneIsGone) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("mine", engine_.connection, graph_, {}, {}, "", ::getpid()).ok());
  EXPECT_TRUE(store.List().empty());
  ASSERT_TRUE(store.Write("crashed", engine_.connection, graph_, {}, {}, "").ok());
  auto entries = store.List();
  ASSERT_EQ(entries.size(), 1u);
  store.Discard(entries[0].directory);
  EXPECT_TRUE(store.List().empty());
}

TEST_F(RecoveryStoreTest, AFolderAWindowHoldsIsNotOfferedNorClaimedTwice) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {}, "").ok());
  {
    auto held = store.Claim("s1");
    ASSERT_TRUE(held.ok() && *held);
    EXPECT_TRUE(store.List().empty());  // a window (here or in another instance) works in it
    auto again = store.Claim("s1");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again) << "two instances would restore, then delete, the same work";
  }
  EXPECT_EQ(store.List().size(), 1u);  // let go, as when its process dies
}

TEST_F(RecoveryStoreTest, AReusedProcessIdDoesNotHideACrashedSession) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {}, "", ::getpid()).ok());
  EXPECT_TRUE(store.List().empty());  // this process, started when the record says
  const std::string record = store.SessionDirectory("s1") + "/recovery.json";
  std::string text = *RealFileSystem().ReadAll(record);
  const size_t start = text.find("\"owner_start\": ");
  ASSERT_NE(start, std::string::npos) << text;
  text.insert(start + 15, "1");  // another process that had this pid
  ASSERT_TRUE(AtomicWriteFile(RealFileSystem(), record, text).ok());
  EXPECT_EQ(store.List().size(), 1u);
}

TEST_F(RecoveryStoreTest, AFolderThatFailedToRestoreIsSetAsideAndNotOfferedAgain) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {{table_, 1}}, "").ok());
  const std::string aside = store.SetAside(store.List()[0].directory);
  EXPECT_TRUE(fs::exists(aside));
  EXPECT_NE(aside.find("broken"), std::string::npos);
  EXPECT_TRUE(store.List().empty());
}

TEST_F(RecoveryStoreTest, RecoveryFoldersArePrivate) {
  RecoveryStore store(RealFileSystem(), Root());
  ASSERT_TRUE(store.Write("s1", engine_.connection, graph_, {}, {}, "").ok());
  for (const std::string& folder : {Root(), store.SessionDirectory("s1")})
    EXPECT_EQ(fs::status(folder).permissions() & fs::perms::all, fs::perms::owner_all) << folder;
}

TEST_F(RecoveryStoreTest, AWindowThatNeverAutosavedLeavesNothingToOffer) {
  RecoveryStore store(RealFileSystem(), Root());
  { ASSERT_TRUE(store.Claim("empty").ok()); }
  EXPECT_TRUE(store.List().empty());
  EXPECT_FALSE(fs::exists(store.SessionDirectory("empty")));
}

}  // namespace
}  // namespace pika
