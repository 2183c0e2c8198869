// What a save replaces stays what it was, but for its content.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "storage/file_system.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

namespace fs = std::filesystem;

std::string Contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(AtomicFile, APrivateFileStaysPrivate) {
  test::TempDir temp;
  const std::string path = temp.Write("work.pikaplot", "old");
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  ASSERT_TRUE(AtomicWriteFile(RealFileSystem(), path, "new").ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(Contents(path), "new");
}

TEST(AtomicFile, ASymbolicLinkStaysALinkAndTheFileItPointsToIsReplaced) {
  test::TempDir temp;
  fs::create_directories(temp.path() / "real");
  const std::string real = temp.Write("real/work.pikaplot", "old");
  const std::string link = temp.File("work.pikaplot");
  fs::create_symlink(real, link);
  ASSERT_TRUE(AtomicWriteFile(RealFileSystem(), link, "new").ok());
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Contents(real), "new");
  EXPECT_EQ(Contents(link), "new");
}

TEST(AtomicFile, TheNextSaveRemovesWhatAKilledSaveLeftButNotARunningOnes) {
  test::TempDir temp;
  const std::string path = temp.Write("work.pikaplot", "old");
  const std::string killed = temp.Write(".work.pikaplot.0badc0de.saving", "half");
  fs::last_write_time(killed, fs::file_time_type::clock::now() - std::chrono::hours(1));
  const std::string running = temp.Write(".work.pikaplot.12345678.saving", "writing");
  const std::string other = temp.Write(".notes.txt.0badc0de.saving", "not ours");
  fs::last_write_time(other, fs::file_time_type::clock::now() - std::chrono::hours(1));
  ASSERT_TRUE(AtomicWriteFile(RealFileSystem(), path, "new").ok());
  EXPECT_FALSE(fs::exists(killed));
  EXPECT_TRUE(fs::exists(running));
  EXPECT_TRUE(fs::exists(other));
}

}  // namespace
}  // namespace pika
