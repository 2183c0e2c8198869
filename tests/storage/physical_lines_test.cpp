#include "storage/physical_lines.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace pika {
namespace {

TEST(PhysicalLines, CountsNewlinesBeforeEachOffsetInAnyOrder) {
  test::TempDir temp;
  const std::string path = temp.Write("f.csv", "a\nbb\n\nccc\n");
  // Offsets: 0 -> line 1, 2 -> line 2, 5 -> line 3 (empty), 6 -> line 4.
  EXPECT_EQ(PhysicalLines(path, {6, 0, 5, 2}, '\n'), (std::vector<uint64_t>{4, 1, 3, 2}));
}

TEST(PhysicalLines, WorksAcrossReadBlocks) {
  test::TempDir temp;
  std::string content;
  for (int line = 0; line < 300000; ++line) content += "0123456789\n";  // 3.3 MB
  const std::string path = temp.Write("big.csv", content);
  EXPECT_EQ(PhysicalLines(path, {11 * 299999, 11 * 100000}, '\n'),
            (std::vector<uint64_t>{300000, 100001}));
}

TEST(PhysicalLines, ReturnsNothingForAMissingFile) {
  EXPECT_TRUE(PhysicalLines("/nonexistent/file.csv", {1}, '\n').empty());
}

}  // namespace
}  // namespace pika
