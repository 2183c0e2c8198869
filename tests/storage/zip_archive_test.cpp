#include "storage/zip_archive.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "support/faulty_file_system.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

std::string RandomBytes(size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random());
  return bytes;
}

std::string Contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

bool HasTemporaryFiles(const std::filesystem::path& folder) {
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".saving") return true;
  return false;
}

class ZipArchiveTest : public ::testing::Test {
 protected:
  // An archive of a small JSON text and a data file of `data_bytes` random (incompressible)
  // bytes, as a workspace holds its graph and a Parquet table.
  Status WriteArchive(FileSystem& files, const std::string& path, const std::string& data,
                      const CancelToken& cancel = {}, const ProgressFn& progress = {}) {
    ZipWriter writer(files, path);
    writer.AddBytes("graph.json", R"({"nodes": []})");
    writer.AddFile("tables/1.parquet", data);
    return writer.Commit(cancel, progress);
  }

  test::TempDir temp_;
  std::string data_ = temp_.Write("data.bin", RandomBytes(3 << 20, 7));
  std::string small_ = temp_.Write("small.bin", RandomBytes(40 << 10, 3));  // few writes
};

TEST_F(ZipArchiveTest, AStreamedArchiveGivesBackEveryEntryByteForByte) {
  const std::string path = temp_.File("out.zip");
  ASSERT_TRUE(WriteArchive(RealFileSystem(), path, data_).ok());
  auto archive = ZipReader::Open(path);
  ASSERT_TRUE(archive.ok()) << archive.error().message;
  ASSERT_EQ(archive->entries().size(), 2u);
  EXPECT_EQ(*archive->ReadText("graph.json"), R"({"nodes": []})");
  const ZipEntryInfo* table = archive->Find("tables/1.parquet");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->size, 3u << 20);
  // Stored as it is: Parquet is compressed already, deflating it again only costs time.
  EXPECT_GE(table->compressed, table->size);
  const std::string extracted = temp_.File("extracted.parquet");
  ASSERT_TRUE(archive->ExtractTo("tables/1.parquet", RealFileSystem(), extracted).ok());
  EXPECT_EQ(Contents(extracted), Contents(data_));
}

TEST_F(ZipArchiveTest, CommitReportsProgressUpToTheWholeArchive) {
  std::vector<double> fractions;
  ASSERT_TRUE(WriteArchive(RealFileSystem(), temp_.File("out.zip"), data_, {},
                           [&fractions](double fraction) { fractions.push_back(fraction); })
                  .ok());
  ASSERT_FALSE(fractions.empty());
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
  EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
}

TEST_F(ZipArchiveTest, ACancelledCommitLeavesTheOldArchiveAndNoTemporaryFile) {
  const std::string path = temp_.File("out.zip");
  ASSERT_TRUE(WriteArchive(RealFileSystem(), path, data_).ok());
  const std::string before = Contents(path);
  CancelToken cancel;
  Status saved = WriteArchive(RealFileSystem(), path, data_, cancel, [&cancel](double fraction) {
    if (fraction > 0.2) cancel.Cancel();
  });
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().kind, ErrorKind::kCancelled);
  EXPECT_EQ(Contents(path), before);
  EXPECT_FALSE(HasTemporaryFiles(temp_.path()));
}

TEST_F(ZipArchiveTest, AFailureAtAnyWriteLeavesTheOldArchiveWholeAndNoTemporaryFile) {
  const std::string path = temp_.File("out.zip");
  ASSERT_TRUE(WriteArchive(RealFileSystem(), path, data_).ok());
  const std::string before = Contents(path);
  test::FaultyFileSystem counting(0);
  ASSERT_TRUE(WriteArchive(counting, temp_.File("count.zip"), small_).ok());
  ASSERT_GT(counting.calls(), 5);
  for (int fail_at = 1; fail_at <= counting.calls(); ++fail_at) {
    test::FaultyFileSystem faulty(fail_at);
    Status saved = WriteArchive(faulty, path, small_);
    const std::string now = Contents(path);
    if (!saved.ok()) {
      EXPECT_NE(saved.error().message.find("injected"), std::string::npos)
          << "fail at " << fail_at << ": " << saved.error().message;
    }
    // Failing after the rename (syncing the folder) leaves the new archive, which is complete.
    EXPECT_TRUE(ZipReader::Open(path).ok()) << "fail at " << fail_at;
    if (!saved.ok() && now != before) {
      EXPECT_EQ(fail_at, counting.calls()) << "fail at " << fail_at;
    }
    EXPECT_FALSE(HasTemporaryFiles(temp_.path())) << "fail at " << fail_at;
  }
}

TEST_F(ZipArchiveTest, AnEntryWhoseBytesDoNotMatchItsChecksumIsRefusedAndNotExtracted) {
  auto archive = WriteZip({{"data.bin", std::string(4096, 'x'), false}});
  ASSERT_TRUE(archive.ok());
  std::string damaged = *archive;
  damaged[damaged.find("xxxx") + 100] = 'y';  // inside the stored data, not a header
  const std::string path = temp_.Write("damaged.zip", damaged);
  auto reader = ZipReader::Open(path);
  ASSERT_TRUE(reader.ok()) << "the directory is intact: " << reader.error().message;
  const std::string target = temp_.File("data.bin.out");
  Status extracted = reader->ExtractTo("data.bin", RealFileSystem(), target);
  ASSERT_FALSE(extracted.ok());
  EXPECT_NE(extracted.error().message.find("data.bin"), std::string::npos)
      << extracted.error().message;
  EXPECT_FALSE(std::filesystem::exists(target));
  EXPECT_FALSE(HasTemporaryFiles(temp_.path()));
}

TEST_F(ZipArchiveTest, ManySmallEntriesThatExpandFarTogetherAreRefusedBeforeAnyIsRead) {
  // Each entry is under the size where one entry's ratio is checked; together they are a bomb.
  std::vector<ZipEntry> entries;
  for (int i = 0; i < 200; ++i)
    entries.push_back({"data/" + std::to_string(i) + ".parquet", std::string(64 << 10, '\0')});
  auto archive = WriteZip(entries);
  ASSERT_TRUE(archive.ok());
  ASSERT_LT(archive->size(), 200u << 10);
  auto reader = ZipReader::Open(temp_.Write("bomb.zip", *archive));
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.error().message.find("zip bomb"), std::string::npos) << reader.error().message;
}

TEST_F(ZipArchiveTest, ATextEntryOverItsLimitIsRefusedBeforeItIsRead) {
  auto archive = WriteZip({{"graph.json", std::string(1000, ' ')}});
  ASSERT_TRUE(archive.ok());
  ZipLimits limits;
  limits.max_text_bytes = 100;
  auto reader = ZipReader::Open(temp_.Write("big.zip", *archive), limits);
  ASSERT_TRUE(reader.ok());
  auto text = reader->ReadText("graph.json");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("at most 100"), std::string::npos) << text.error().message;
}

TEST_F(ZipArchiveTest, AMissingArchiveIsNotFoundWithItsPath) {
  const std::string path = temp_.File("nowhere.zip");
  auto reader = ZipReader::Open(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(reader.error().message.find(path), std::string::npos) << reader.error().message;
}

}  // namespace
}  // namespace pika
