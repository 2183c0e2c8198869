#include "compute/node_relations.h"

#include <gtest/gtest.h>

#include "compute/sql_error_position.h"
#include "storage/in_place_view.h"
#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

TEST(NodeRelations, TableNodeIsNamedAfterTheNodeAndReportsTheRowsItCouldNotRead) {
  test::TempDir temp;
  std::string text = "region,amount\n";
  for (int i = 0; i < 200; ++i) text += "r" + std::to_string(i) + "," + std::to_string(i) + "\n";
  text += "broken,1,2,3\n";  // line 202: too many fields
  const std::string path = temp.Write("sales.csv", text);
  auto engine = test::OpenEngine();
  auto loaded = LoadTableNode(engine.connection, 7, "sales", path, {}, CancelToken(), {});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->columns.size(), 2u);
  EXPECT_EQ(loaded->rows, 200u);
  EXPECT_EQ(loaded->rejected, 1u);
  ASSERT_FALSE(loaded->rejects.empty());
  EXPECT_EQ(loaded->rejects.front().line, 202u);
  EXPECT_EQ(test::QueryValue(engine.connection, "SELECT count(*) FROM Sales"), "200");
}

TEST(NodeRelations, ATableNodeSaysWhereEveryLineOfItsFileWentAndShowsThePreamble) {
  test::TempDir temp;
  const std::string path =
      temp.Write("report.csv", "Sales report\nunits: EUR\nregion,amount\nn,1\n\ns,2\n");
  auto engine = test::OpenEngine();
  auto loaded = LoadTableNode(engine.connection, 3, "report", path, {}, CancelToken(), {});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_GE(loaded->notes.size(), 2u);
  EXPECT_EQ(loaded->notes[0], "lines of the file: 6 = 1 header + 2 rows + 2 preamble + 1 blank");
  EXPECT_NE(loaded->notes[1].find("2 preamble lines skipped"), std::string::npos);
  EXPECT_NE(loaded->notes[1].find("'Sales report', 'units: EUR'"), std::string::npos);
}

TEST(NodeRelations, AParquetTableIsReadInPlaceNotCopiedIntoTheEngine) {
  const std::string path = test::VegaPath("flights-3m.parquet");
  auto engine = test::OpenEngine();
  auto loaded = LoadTableNode(engine.connection, 4, "flights", path, {}, CancelToken(), {});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->rows, 3'000'000u);
  EXPECT_EQ(*InPlaceFile(engine.connection, NodeDataTable(4)), path);
  EXPECT_EQ(test::QueryValue(engine.connection, "SELECT count(*) FROM duckdb_tables()"), "0");
  EXPECT_EQ(test::QueryValue(engine.connection, "SELECT count(*) FROM flights"), "3000000");
  // Loaded again (its settings changed, or it was reloaded): the view is replaced.
  ASSERT_TRUE(LoadTableNode(engine.connection, 4, "flights", path, {}, CancelToken(), {}).ok());
}

TEST(NodeRelations, QueryNodeNamesItsResultForDownstreamNodesAndCountsIt) {
  auto engine = test::OpenEngine();
  ASSERT_TRUE(
      engine.connection.Execute("CREATE VIEW t AS SELECT range AS x FROM range(1000)").ok());
  auto run =
      RunQueryNode(engine.connection, "evens", "SELECT x FROM t WHERE x % 2 = 0;", CancelToken());
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->rows, 500u);
  ASSERT_EQ(run->columns.size(), 1u);
  EXPECT_EQ(run->columns[0].name, "x");
  auto downstream =
      RunQueryNode(engine.connection, "big", "SELECT * FROM evens WHERE x > 900", CancelToken());
  ASSERT_TRUE(downstream.ok()) << downstream.error().message;
  EXPECT_EQ(downstream->rows, 49u);  // 902, 904, ..., 998
  auto page = FetchNodeRows(engine.connection, "evens", 10, 5);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->row_count, 5u);
  EXPECT_EQ(FormatValue(page->columns[0], 0), "20");
}

TEST(NodeRelations, BrokenSqlFailsWithItsPositionAndLeavesNoStaleResult) {
  auto engine = test::OpenEngine();
  ASSERT_TRUE(engine.connection.Execute("CREATE TABLE t AS SELECT 1 AS x").ok());
  ASSERT_TRUE(RunQueryNode(engine.connection, "q", "SELECT x FROM t", CancelToken()).ok());
  const std::string sql = "SELECT x\nFROM t\nWHERE y > 1";
  auto run = RunQueryNode(engine.connection, "q", sql, CancelToken());
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.error().message.find("y"), std::string::npos) << run.error().message;
  auto position = FindSqlErrorPosition(run.error().message, sql);
  ASSERT_TRUE(position.has_value()) << run.error().message;
  EXPECT_EQ(position->line, 3);
  EXPECT_EQ(position->column, 7);
  EXPECT_EQ(sql.substr(position->offset, 1), "y");
  // The old result is gone, so nothing downstream reads it as if the SQL were fine.
  EXPECT_NE(test::QueryValue(engine.connection, "SELECT count(*) FROM q").find("error"),
            std::string::npos);
}

TEST(NodeRelations, QueryNodeRefusesScriptsAndWrites) {
  auto engine = test::OpenEngine();
  auto two = RunQueryNode(engine.connection, "q", "SELECT 1; SELECT 2", CancelToken());
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.error().message.find("one SELECT"), std::string::npos);
  auto write = RunQueryNode(engine.connection, "q", "CREATE TABLE z (a INT)", CancelToken());
  ASSERT_FALSE(write.ok());
  EXPECT_NE(write.error().message.find("only reads"), std::string::npos);
  EXPECT_FALSE(RunQueryNode(engine.connection, "q", "  ", CancelToken()).ok());
}

TEST(NodeRelations, RenameAndDropFollowTheNode) {
  auto engine = test::OpenEngine();
  ASSERT_TRUE(RunQueryNode(engine.connection, "a", "SELECT 42 AS v", CancelToken()).ok());
  ASSERT_TRUE(RenameNodeRelation(engine.connection, "a", "b").ok());
  EXPECT_EQ(test::QueryValue(engine.connection, "SELECT v FROM b"), "42");
  ASSERT_TRUE(DropNodeRelation(engine.connection, "b").ok());
  EXPECT_NE(test::QueryValue(engine.connection, "SELECT v FROM b").find("error"),
            std::string::npos);
}

TEST(SqlErrorPosition, FindsTheCaretInCutLinesAndIgnoresMessagesWithoutOne) {
  const std::string sql = "SELECT a, b, c FROM t WHER x";
  // DuckDB cuts long lines: "LINE 1: " and "..." come before the excerpt the caret counts in.
  const std::string message =
      "Parser Error: syntax error at or near \"x\"\n\nLINE 1: ...b, c FROM t WHER x\n" +
      std::string(28, ' ') + "^";
  auto position = FindSqlErrorPosition(message, sql);
  ASSERT_TRUE(position.has_value());
  EXPECT_EQ(sql.substr(position->offset, 1), "x");
  EXPECT_FALSE(FindSqlErrorPosition("Catalog Error: no such table", sql).has_value());
}

}  // namespace
}  // namespace pika
