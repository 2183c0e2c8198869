#include "storage/data_folder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "support/temp_dir.h"

namespace pika {
namespace {

namespace fs = std::filesystem;

constexpr const char* kId = "3f2b8c1e-0d4a-4e8b-9c7d-1a2b3c4d5e6f";

void Fill(const std::string& file, size_t bytes) {
  std::ofstream(file, std::ios::binary) << std::string(bytes, 'x');
}

TEST(DataFolder, IsPrivateToItsUserAndHoldsTablesAndSpill) {
  test::TempDir root;
  auto folder = DataFolder::Open(root.path().string(), kId);
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  struct stat info {};
  ASSERT_EQ(::stat(folder->path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  EXPECT_TRUE(fs::is_directory(folder->TablesDir()));
  EXPECT_TRUE(fs::is_directory(folder->SpillDir()));
}

TEST(DataFolder, ASecondOpenWhileTheFirstHoldsItIsRefusedWithTheReason) {
  test::TempDir root;
  {
    auto first = DataFolder::Open(root.path().string(), kId);
    ASSERT_TRUE(first.ok());
    auto second = DataFolder::Open(root.path().string(), kId);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().message.find("in use"), std::string::npos) << second.error().message;
  }
  EXPECT_TRUE(DataFolder::Open(root.path().string(), kId).ok());  // let go with the first
}

TEST(DataFolder, ReopeningKeepsExtractedTablesButNotTheOldSpillOrEngine) {
  test::TempDir root;
  std::string table, spill, engine;
  {
    auto folder = DataFolder::Open(root.path().string(), kId);
    ASSERT_TRUE(folder.ok());
    table = folder->TablesDir() + "/7.parquet";
    spill = folder->SpillDir() + "/duckdb_temp_block";
    engine = folder->EngineFile();
    Fill(table, 10);
    Fill(engine, 10);
  }
  fs::create_directories(fs::path(spill).parent_path());
  Fill(spill, 10);  // as a crashed process leaves it
  Fill(engine, 10);
  auto again = DataFolder::Open(root.path().string(), kId);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(fs::exists(table));
  EXPECT_FALSE(fs::exists(spill));
  EXPECT_FALSE(fs::exists(engine));
}

TEST(DataFolder, AScratchFolderGoesWholeWhenLetGo) {
  test::TempDir root;
  std::string path;
  {
    auto scratch = DataFolder::Scratch(root.path().string());
    ASSERT_TRUE(scratch.ok());
    path = scratch->path();
    Fill(scratch->SpillDir() + "/block", 10);
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(DataFolder, AFolderWithoutExtractedTablesGoesWholeWhenLetGo) {
  test::TempDir root;
  std::string path;
  {
    auto folder = DataFolder::Open(root.path().string(), kId);
    ASSERT_TRUE(folder.ok());
    path = folder->path();
    Fill(folder->EngineFile(), 10);
  }
  EXPECT_FALSE(fs::exists(path));  // every start of the app would leave one behind otherwise
}

TEST(DataFolder, WorkspaceIdsAreVersionFourUuidsAndOddNamesAreNotIds) {
  const std::string id = NewWorkspaceId();
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(id[14], '4');
  EXPECT_TRUE(IsWorkspaceId(id));
  EXPECT_NE(id, NewWorkspaceId());
  EXPECT_FALSE(IsWorkspaceId("../home"));
  EXPECT_FALSE(IsWorkspaceId("a/b"));
  EXPECT_FALSE(IsWorkspaceId(""));
  EXPECT_FALSE(DataFolder::Open("/tmp", "../escape").ok());
}

TEST(DataFolder, TheSweepRemovesTheLeastRecentlyUsedIdleFoldersFirst) {
  test::TempDir root;
  const std::string r = root.path().string();
  for (const char* id : {"old-1", "mid-2", "new-3"}) {
    auto folder = DataFolder::Open(r, id);
    ASSERT_TRUE(folder.ok());
    Fill(folder->TablesDir() + "/t.parquet", 1000);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // distinct last-use times
  }
  auto held = DataFolder::Open(r, "old-1");  // in use again, so now the newest, and locked
  ASSERT_TRUE(held.ok());
  const auto removed = SweepDataFolders(r, 2500);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(fs::path(removed[0]).filename(), "mid-2");
  EXPECT_TRUE(fs::exists(root.path() / "old-1"));
  EXPECT_TRUE(fs::exists(root.path() / "new-3"));
}

TEST(DataFolder, TheSweepNeverRemovesAFolderInUseOrOneItDidNotMake) {
  test::TempDir root;
  const std::string r = root.path().string();
  auto held = DataFolder::Open(r, kId);
  ASSERT_TRUE(held.ok());
  Fill(held->TablesDir() + "/t.parquet", 1000);
  fs::create_directories(root.path() / "photos");
  Fill((root.path() / "photos" / "holiday.jpg").string(), 1000);
  EXPECT_TRUE(SweepDataFolders(r, 0).empty());
  EXPECT_TRUE(fs::exists(held->TablesDir() + "/t.parquet"));
  EXPECT_TRUE(fs::exists(root.path() / "photos" / "holiday.jpg"));
}

TEST(DataFolder, TheRootIsTheEnvironmentsOrTheUsersCache) {
  const char* saved = std::getenv("PIKA_DATA_DIR");
  const std::string restore = saved != nullptr ? saved : "";
  ::setenv("PIKA_DATA_DIR", "/somewhere/data", 1);
  EXPECT_EQ(DataRoot(), "/somewhere/data");
  ::unsetenv("PIKA_DATA_DIR");
  ::setenv("XDG_CACHE_HOME", "/xdg", 1);
  EXPECT_EQ(DataRoot(), "/xdg/pika-plot/data");
  ::unsetenv("XDG_CACHE_HOME");
  if (!restore.empty()) ::setenv("PIKA_DATA_DIR", restore.c_str(), 1);
}

}  // namespace
}  // namespace pika
