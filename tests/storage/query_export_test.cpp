// Exporting a result to CSV or Parquet is all or nothing: a failed export keeps the old file
// and leaves no temporary file behind.
#include "storage/query_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

namespace fs = std::filesystem;

size_t FilesIn(const fs::path& folder) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(folder), {}));
}

TEST(QueryExport, CsvAndParquetHoldEveryRowOfTheResult) {
  test::TempDir temp;
  test::Engine engine = test::OpenEngine();
  for (const std::string name : {"out.csv", "out.PARQUET"}) {
    const std::string path = temp.File(name);
    ASSERT_TRUE(ExportQueryResult(engine.connection,
                                  "SELECT range AS i, 'x' || range AS s FROM range(100000)", path,
                                  CancelToken(), {})
                    .ok());
    EXPECT_EQ(test::QueryValue(engine.connection, "SELECT count(*) FROM '" + path + "'"), "100000");
    EXPECT_EQ(test::QueryValue(engine.connection, "SELECT max(s) FROM '" + path + "'"), "x99999");
  }
  EXPECT_EQ(FilesIn(temp.path()), 2u);
}

TEST(QueryExport, AFailedQueryKeepsTheOldFileAndLeavesNoTemporaryFile) {
  test::TempDir temp;
  test::Engine engine = test::OpenEngine();
  const std::string path = temp.File("keep.csv");
  std::ofstream(path) << "old\n";
  const Status failed = ExportQueryResult(engine.connection, "SELECT no_such_column FROM range(3)",
                                          path, CancelToken(), {});
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("no_such_column"), std::string::npos);
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "old\n");
  EXPECT_EQ(FilesIn(temp.path()), 1u);
}

TEST(QueryExport, ACancelledExportWritesNothing) {
  test::TempDir temp;
  test::Engine engine = test::OpenEngine();
  CancelToken cancel;
  cancel.Cancel();
  const std::string path = temp.File("never.parquet");
  const Status cancelled =
      ExportQueryResult(engine.connection, "SELECT * FROM range(100000000)", path, cancel, {});
  EXPECT_FALSE(cancelled.ok());
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(FilesIn(temp.path()), 0u);
}

TEST(QueryExport, AnUnknownExtensionNamesTheOnesThatWork) {
  test::TempDir temp;
  test::Engine engine = test::OpenEngine();
  const Status refused =
      ExportQueryResult(engine.connection, "SELECT 1", temp.File("out.xlsx"), CancelToken(), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find(".csv or .parquet"), std::string::npos);
  EXPECT_EQ(FilesIn(temp.path()), 0u);
}

}  // namespace
}  // namespace pika
