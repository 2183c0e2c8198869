// Import behaviour beyond single malformed files: policies, cancel, sampling, names.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "storage/database.h"
#include "storage/duckdb_source.h"
#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using test::QueryValue;

// 60,000 rows whose `code` column turns from numbers to text at data row 50,000.
std::string TypeChangesLate(const test::TempDir& temp) {
  std::string csv = "id,code,amount\n";
  for (int row = 1; row <= 60000; ++row) {
    const std::string code = row < 50000 ? std::to_string(row) : fmt::format("X{}", row);
    csv += fmt::format("{},{},{}.5\n", row, code, row);
  }
  return temp.Write("late.csv", csv);
}

bool TableExists(Connection& connection, const std::string& name) {
  return QueryValue(connection, fmt::format("SELECT count(*) FROM duckdb_tables() WHERE "
                                            "table_name = '{}'",
                                            name)) == "1";
}

TEST(Import, ATypeChangeAfterTheSampleIsCaughtWithItsFirstLine) {
  test::TempDir temp;
  const std::string path = TypeChangesLate(temp);
  test::Engine engine = test::OpenEngine();
  ImportOptions options;
  options.sample_rows = 20000;  // like DuckDB's sniffer: the change is beyond it
  auto result = test::Import(engine.connection, path, options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->outcome, ImportOutcome::kStoppedOnBadRows);
  EXPECT_EQ(result->report.rejected, 10001u);
  ASSERT_FALSE(result->report.rejects.empty());
  EXPECT_EQ(result->report.rejects[0].line, 50001u);  // header + 50,000th data row
  EXPECT_EQ(result->report.rejects[0].column, "code");
  EXPECT_FALSE(TableExists(engine.connection, "t"));
  // The report shows the column's real fit and the first values that broke it.
  for (const ColumnReport& column : result->report.columns) {
    if (column.name != "code") continue;
    EXPECT_LT(column.confidence, 0.85);
    ASSERT_FALSE(column.counterexamples.empty());
    EXPECT_EQ(column.counterexamples[0].value, "X50000");
    EXPECT_EQ(column.counterexamples[0].line, 50001u);
  }
}

TEST(Import, TheTextPolicyKeepsEveryRowWhenATypeChangesLate) {
  test::TempDir temp;
  const std::string path = TypeChangesLate(temp);
  test::Engine engine = test::OpenEngine();
  ImportOptions options;
  options.sample_rows = 20000;
  options.bad_rows = BadRowPolicy::kText;
  auto result = test::Import(engine.connection, path, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.rows, 60000u);
  EXPECT_EQ(result->report.rejected, 0u);
  ASSERT_EQ(result->report.notes.size(), 1u);
  EXPECT_NE(result->report.notes[0].find("'code'"), std::string::npos);
  EXPECT_EQ(QueryValue(engine.connection, "SELECT code FROM t WHERE id = 60000"), "X60000");
  EXPECT_EQ(QueryValue(engine.connection, "SELECT typeof(amount) FROM t LIMIT 1"), "DOUBLE");
}

TEST(Inspect, AWholeFileSampleFindsTheLateChangeAndItsLine) {
  test::TempDir temp;
  const std::string path = TypeChangesLate(temp);
  test::Engine engine = test::OpenEngine();
  ImportOptions options;
  options.sample_rows = 0;
  auto report = InspectFile(engine.connection, path, options, CancelToken());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->sampled_rows, 60000u);
  EXPECT_EQ(report->columns[1].engine_type, "VARCHAR");  // 17% text: not a number column
  EXPECT_NEAR(report->columns[1].confidence, 1.0 - 49999.0 / 60000.0, 1e-6);
  EXPECT_EQ(report->columns[2].engine_type, "DOUBLE");
  EXPECT_EQ(report->sample.row_count, 10u);
}

TEST(Inspect, CounterexamplesCarryTheirLineNumbers) {
  test::TempDir temp;
  std::string csv = "id,score\n";
  for (int row = 1; row <= 200; ++row) csv += fmt::format("{},{}\n", row, row == 150 ? "n/c" : "7");
  const std::string path = temp.Write("scores.csv", csv);
  test::Engine engine = test::OpenEngine();
  auto report = InspectFile(engine.connection, path, {}, CancelToken());
  ASSERT_TRUE(report.ok());
  const ColumnReport& score = report->columns[1];
  EXPECT_EQ(score.engine_type, "BIGINT");
  EXPECT_NEAR(score.confidence, 199.0 / 200.0, 1e-9);
  ASSERT_EQ(score.counterexamples.size(), 1u);
  EXPECT_EQ(score.counterexamples[0].line, 151u);
  EXPECT_EQ(score.counterexamples[0].value, "n/c");
}

TEST(Import, TypeOverridesWinOverInference) {
  test::Engine engine = test::OpenEngine();
  ImportOptions options;
  options.type_overrides["count"] = ColumnType::kDouble;
  auto result =
      test::Import(engine.connection, test::FixturePath("csv/leading_zero_ids.csv"), options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.columns[1].engine_type, "DOUBLE");
  EXPECT_EQ(result->report.columns[1].explanation, "type set by you");
  EXPECT_EQ(QueryValue(engine.connection, "SELECT typeof(count) FROM t LIMIT 1"), "DOUBLE");
}

TEST(Import, AnOverrideForAnUnknownColumnListsTheRealOnes) {
  test::Engine engine = test::OpenEngine();
  ImportOptions options;
  options.type_overrides["zipcode"] = ColumnType::kVarchar;
  auto result =
      test::Import(engine.connection, test::FixturePath("csv/leading_zero_ids.csv"), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().message.find("zip, count"), std::string::npos);
}

// A plot of a file keeps only what it draws: the late text in `code` is never read as a
// number, so no row is lost to it, and the other columns take no memory.
TEST(Import, ChosenColumnsAreTheOnlyOnesKeptAndOthersCannotRejectARow) {
  test::TempDir temp;
  const std::string path = TypeChangesLate(temp);
  test::Engine engine = test::OpenEngine();
  ImportRequest request{path, "t"};
  request.options.sample_rows = 20000;
  request.columns = {"AMOUNT", "id", "amount"};
  auto result = ImportFile(engine.connection, request, CancelToken(), {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->outcome, ImportOutcome::kImported);
  EXPECT_EQ(result->report.rows, 60000u);
  EXPECT_EQ(result->report.rejected, 0u);
  EXPECT_EQ(QueryValue(engine.connection,
                       "SELECT string_agg(column_name, ',' ORDER BY column_index) FROM "
                       "duckdb_columns() WHERE table_name = 't'"),
            "amount,id");
}

TEST(Import, AChosenColumnTheFileLacksIsNamedWithTheColumnsItHas) {
  test::Engine engine = test::OpenEngine();
  ImportRequest request{test::FixturePath("csv/leading_zero_ids.csv"), "t"};
  request.columns = {"zipcode"};
  auto result = ImportFile(engine.connection, request, CancelToken(), {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().message.find("has no column 'zipcode'; its columns are: zip, count"),
            std::string::npos)
      << result.error().message;
}

// A DuckDB database with two tables, one outside `main`.
std::string ShopDatabase(const test::TempDir& temp) {
  const std::string path = temp.File("shop.duckdb");
  auto database = Database::Open({path});
  EXPECT_TRUE(database.ok());
  auto connection = database->Connect();
  EXPECT_TRUE(connection
                  ->Execute("CREATE TABLE orders AS SELECT range AS id, range * 1.5 AS amount "
                            "FROM range(500); CREATE SCHEMA sales; CREATE TABLE sales.items AS "
                            "SELECT 'pen' AS item")
                  .ok());
  return path;
}

TEST(Import, ADuckDbTableIsReadInPlaceOrCopiedUnderItsOwnName) {
  test::TempDir temp;
  const std::string path = ShopDatabase(temp);
  test::Engine engine = test::OpenEngine();
  ImportRequest request{path};
  request.options.database_table = "ORDERS";
  request.options.read_in_place = true;
  auto in_place = ImportFile(engine.connection, request, CancelToken(), {});
  ASSERT_TRUE(in_place.ok()) << in_place.error().message;
  EXPECT_EQ(in_place->report.table, "orders");
  EXPECT_EQ(in_place->report.rows, 500u);
  EXPECT_EQ(in_place->report.dialect.format, "duckdb");
  EXPECT_EQ(QueryValue(engine.connection,
                       "SELECT count(*) FROM duckdb_views() WHERE view_name = 'orders'"),
            "1");
  ImportRequest copy{path, "items"};
  copy.options.database_table = "sales.items";
  auto copied = ImportFile(engine.connection, copy, CancelToken(), {});
  ASSERT_TRUE(copied.ok()) << copied.error().message;
  EXPECT_EQ(QueryValue(engine.connection,
                       "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'items' AND "
                       "database_name = current_database()"),
            "1");  // a copy, beside the attached database's own `items`
  EXPECT_EQ(QueryValue(engine.connection, "SELECT item FROM items"), "pen");
}

TEST(Import, ATextFileWithDuckWhereADatabaseHasItIsStillACsv) {
  test::TempDir temp;
  const std::string path = temp.Write("birds.csv", "abc,def,DUCK,x\n1,2,3,4\n");
  test::Engine engine = test::OpenEngine();
  auto result = test::Import(engine.connection, path, {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.dialect.format, "csv");
  EXPECT_EQ(result->report.rows, 1u);
}

TEST(Import, ADuckDbDatabaseOfSeveralTablesAsksWhichAndListsThem) {
  test::TempDir temp;
  const std::string path = ShopDatabase(temp);
  test::Engine engine = test::OpenEngine();
  auto unchosen = ImportFile(engine.connection, {path}, CancelToken(), {});
  ASSERT_FALSE(unchosen.ok());
  EXPECT_NE(unchosen.error().message.find("holds 2 tables (orders, sales.items): choose one"),
            std::string::npos)
      << unchosen.error().message;
  ImportRequest wrong{path};
  wrong.options.database_table = "customers";
  auto missing = ImportFile(engine.connection, wrong, CancelToken(), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find("has no table 'customers'; its tables are: orders, "
                                         "sales.items"),
            std::string::npos)
      << missing.error().message;
  auto listed = ListDuckDbTables(path);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(*listed, (std::vector<std::string>{"orders", "sales.items"}));
  auto not_a_database = ListDuckDbTables(test::FixturePath("csv/semicolon.csv"));
  ASSERT_TRUE(not_a_database.ok());
  EXPECT_TRUE(not_a_database->empty());
}

// DuckDB locks a database file for the one program that writes it; forked first, before this
// process starts any engine thread.
TEST(Import, ADuckDbDatabaseAnotherProgramWritesIsRefusedSayingSo) {
  test::TempDir temp;
  const std::string path = ShopDatabase(temp);
  int ready[2], quit[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(quit), 0);
  const pid_t writer = fork();
  ASSERT_GE(writer, 0);
  if (writer == 0) {
    auto database = Database::Open({path});
    char byte = database.ok() ? 'y' : 'n';
    (void)!write(ready[1], &byte, 1);
    (void)!read(quit[0], &byte, 1);
    _exit(0);
  }
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  ASSERT_EQ(byte, 'y');
  test::Engine engine = test::OpenEngine();
  ImportRequest request{path};
  request.options.database_table = "orders";
  auto refused = ImportFile(engine.connection, request, CancelToken(), {});
  (void)!write(quit[1], "q", 1);
  waitpid(writer, nullptr, 0);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("is open in another program that writes to it"),
            std::string::npos)
      << refused.error().message;
}

// DuckDB's readers take `*`, `?` and `[...]` as a glob: `sales[1].csv` would read `sales1.csv`
// and `p*.parquet` every Parquet file beside it.
TEST(Import, AFileNameWithPatternCharactersIsReadAsThatOneFile) {
  test::TempDir temp;
  temp.Write("sales1.csv", "id,amount\n9,9\n9,9\n");
  temp.Write("ab.csv", "id,amount\n9,9\n");
  temp.Write("q1.csv", "id,amount\n9,9\n");
  test::Engine engine = test::OpenEngine();
  ASSERT_TRUE(engine.connection
                  .Execute(fmt::format("COPY (SELECT 9 AS id) TO '{0}/p1.parquet'; COPY (SELECT "
                                       "1 AS id) TO '{0}/p*.parquet'",
                                       temp.path().string()))
                  .ok());
  int table = 0;
  for (const std::string name :
       {"sales[1].csv", "a*b.csv", "q?.csv", "o'brien [draft].csv", "p*.parquet"}) {
    const std::string path = name.ends_with(".parquet") ? (temp.path() / name).string()
                                                        : temp.Write(name, "id,amount\n1,2\n");
    ImportRequest request{path, fmt::format("t{}", table++)};
    request.options.read_in_place = true;
    auto inspected = InspectFile(engine.connection, path, {}, CancelToken());
    ASSERT_TRUE(inspected.ok()) << name << ": " << inspected.error().message;
    auto imported = ImportFile(engine.connection, request, CancelToken(), {});
    ASSERT_TRUE(imported.ok()) << name << ": " << imported.error().message;
    EXPECT_EQ(imported->report.rows, 1u) << name;
    EXPECT_EQ(QueryValue(engine.connection, fmt::format("SELECT sum(id) FROM {}", request.table)),
              "1")
        << name;
  }
}

TEST(Import, ExtraNullStringsAreMissingValues) {
  test::TempDir temp;
  const std::string path = temp.Write("n.csv", "id,v\n1,10\n2,missing\n3,30\n");
  test::Engine engine = test::OpenEngine();
  ImportOptions options;
  options.null_strings = {"missing"};
  auto result = test::Import(engine.connection, path, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.columns[1].engine_type, "BIGINT");
  EXPECT_EQ(QueryValue(engine.connection, "SELECT count(v) FROM t"), "2");
}

TEST(Import, RefusesToOverwriteATableUnlessAskedTo) {
  test::Engine engine = test::OpenEngine();
  const std::string path = test::FixturePath("csv/semicolon.csv");
  ASSERT_TRUE(test::Import(engine.connection, path).ok());
  auto again = test::Import(engine.connection, path);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
  auto replaced = ImportFile(engine.connection, {path, "t", true, {}}, CancelToken(), {});
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(QueryValue(engine.connection, "SELECT count(*) FROM t"), "3");
}

TEST(Import, AMissingFileIsNotFound) {
  test::Engine engine = test::OpenEngine();
  auto result = test::Import(engine.connection, "/no/such/file.csv");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(result.error().message.find("/no/such/file.csv"), std::string::npos);
}

TEST(Import, ACancelledImportLeavesNoTable) {
  test::TempDir temp;
  std::string csv = "a,b,c\n";
  for (int row = 0; row < 2000000; ++row)
    csv += fmt::format("{},{}.25,name{}\n", row, row, row % 97);
  const std::string path = temp.Write("big.csv", csv);
  test::Engine engine = test::OpenEngine();
  CancelToken cancel;
  // Cancel once the table is being written, or after a while if progress is slow to come.
  std::thread timer([cancel] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    cancel.Cancel();
  });
  auto result = ImportFile(engine.connection, {path, "big", false, {}}, cancel, [&](double done) {
    if (done > 0.05) cancel.Cancel();
  });
  timer.join();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kCancelled);
  EXPECT_FALSE(TableExists(engine.connection, "big"));
  EXPECT_EQ(QueryValue(engine.connection, "SELECT count(*) FROM duckdb_tables()"), "0");
}

TEST(Import, ProgressRisesToTheEnd) {
  test::Engine engine = test::OpenEngine();
  std::vector<double> seen;
  auto result = ImportFile(engine.connection, {test::VegaPath("zipcodes.csv"), "", false, {}},
                           CancelToken(), [&](double fraction) { seen.push_back(fraction); });
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(seen.empty());
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
  for (size_t index = 1; index < seen.size(); ++index) EXPECT_GE(seen[index], seen[0]);
}

TEST(TableNameForFile, MakesANameThatNeedsNoQuotes) {
  EXPECT_EQ(TableNameForFile("data/flights-3m.parquet"), "flights_3m");
  EXPECT_EQ(TableNameForFile("/x/Sales 2024.csv.gz"), "Sales_2024");
  EXPECT_EQ(TableNameForFile("2024.csv"), "t_2024");
}

}  // namespace
}  // namespace pika
