#include "storage/connection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "storage/database.h"
#include "storage/engine_usage.h"
#include "storage/sql_suggestions.h"
#include "storage/watched_query.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

// A query that takes seconds: long enough to be watched and interrupted.
constexpr const char* kSlowQuery =
    "SELECT count(*) FROM range(3000000000) a WHERE (a.range * 7919) % 1000003 = 17";

Connection Connect(const DatabaseOptions& options = {}) {
  auto database = Database::Open(options);
  EXPECT_TRUE(database.ok()) << database.error().message;
  auto connection = database->Connect();
  EXPECT_TRUE(connection.ok());
  return std::move(*connection);
}

template <typename T>
const std::vector<T>& Values(const Column& column) {
  return std::get<std::vector<T>>(column.values);
}

TEST(Connection, StreamsTypedColumnsWithNullMasks) {
  Connection connection = Connect();
  auto result = connection.Query(
      "SELECT 42::INTEGER AS i, 2.5::DECIMAL(10,2) AS d, 'x' AS s, DATE '2000-02-29' AS day, "
      "TIMESTAMP '2020-01-01 10:11:12' AS at, true AS b, NULL::BIGINT AS n, 1.5::FLOAT AS f");
  ASSERT_TRUE(result.ok()) << result.error().message;
  auto batch = result->FetchAll();
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(batch->row_count, 1u);
  EXPECT_EQ(Values<int64_t>(batch->columns[0])[0], 42);
  EXPECT_DOUBLE_EQ(Values<double>(batch->columns[1])[0], 2.5);
  EXPECT_EQ(result->columns()[1].engine_type, "DECIMAL(10,2)");
  EXPECT_EQ(Values<std::string>(batch->columns[2])[0], "x");
  EXPECT_EQ(FormatValue(batch->columns[3], 0), "2000-02-29");
  EXPECT_EQ(FormatValue(batch->columns[4], 0), "2020-01-01 10:11:12");
  EXPECT_EQ(FormatValue(batch->columns[5], 0), "true");
  EXPECT_FALSE(batch->columns[6].IsValid(0));
  EXPECT_DOUBLE_EQ(Values<double>(batch->columns[7])[0], 1.5);
}

TEST(Connection, ReadsLargeResultsBatchByBatch) {
  Connection connection = Connect();
  auto result = connection.Query(
      "SELECT range AS v, CASE WHEN range % 3 = 0 THEN NULL ELSE range END AS maybe "
      "FROM range(100000)");
  ASSERT_TRUE(result.ok());
  size_t rows = 0, batches = 0, nulls = 0;
  int64_t sum = 0;
  while (true) {
    auto batch = result->NextBatch();
    ASSERT_TRUE(batch.ok());
    if (!batch->has_value()) break;
    ++batches;
    rows += (*batch)->row_count;
    for (int64_t value : Values<int64_t>((*batch)->columns[0])) sum += value;
    for (uint8_t valid : (*batch)->columns[1].valid) nulls += valid == 0;
  }
  EXPECT_EQ(rows, 100000u);
  EXPECT_GT(batches, 10u);  // streamed, not materialized in one block
  EXPECT_EQ(sum, int64_t{100000} * 99999 / 2);
  EXPECT_EQ(nulls, 33334u);
}

TEST(Connection, SyntaxErrorsAreInvalidInputWithDuckDbsMessage) {
  Connection connection = Connect();
  auto result = connection.Query("SELEC 1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().message.find("syntax error"), std::string::npos);
}

TEST(Connection, MissingTablesAreReportedByName) {
  Connection connection = Connect();
  auto result = connection.Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("no_such_table"), std::string::npos);
}

TEST(Connection, RunsEveryStatementAndReturnsTheLastResult) {
  Connection connection = Connect();
  auto result = connection.Query(
      "CREATE TABLE t(x INT); INSERT INTO t VALUES (1), (2); "
      "SELECT sum(x) AS total FROM t");
  ASSERT_TRUE(result.ok()) << result.error().message;
  auto batch = result->FetchAll();
  EXPECT_EQ(Values<double>(batch->columns[0])[0], 3.0);  // sum(INT) is HUGEINT: read as double
}

TEST(Connection, AFailingStatementStopsTheScriptAndKeepsTheConnectionUsable) {
  Connection connection = Connect();
  EXPECT_FALSE(connection.Execute("CREATE TABLE t(x INT); INSERT INTO t VALUES ('a')").ok());
  auto result = connection.Query("SELECT count(*) FROM t");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Values<int64_t>(result->FetchAll()->columns[0])[0], 0);
}

TEST(Connection, InterruptFromAnotherThreadCancelsTheQuery) {
  Connection connection = Connect();
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    connection.Interrupt();
  });
  const auto start = std::chrono::steady_clock::now();
  const Status status = connection.Execute(kSlowQuery);
  interrupter.join();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kCancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_TRUE(connection.Execute("SELECT 1").ok());
}

TEST(ExecuteWatched, ReportsProgressOfALongScanAndStopsWhenCancelled) {
  Connection connection = Connect();
  // Many row groups: DuckDB updates progress as each scan task finishes.
  ASSERT_TRUE(
      connection.Execute("CREATE TABLE big AS SELECT range AS x FROM range(20000000)").ok());
  CancelToken cancel;
  std::vector<double> seen;
  const Status status =
      ExecuteWatched(connection, "SELECT count(*) FROM big WHERE md5(x::VARCHAR) LIKE '%abcd%'",
                     cancel, [&](double fraction) {
                       seen.push_back(fraction);
                       if (fraction > 0.0) cancel.Cancel();
                     });
  ASSERT_FALSE(seen.empty());
  for (double fraction : seen) {
    EXPECT_GE(fraction, 0.0);
    EXPECT_LE(fraction, 1.0);
  }
  ASSERT_FALSE(status.ok()) << "the scan finished before any progress arrived";
  EXPECT_EQ(status.error().kind, ErrorKind::kCancelled);
}

TEST(ExecuteWatched, ACancelledTokenStopsAQueryWithoutProgress) {
  Connection connection = Connect();
  CancelToken cancel;
  std::thread canceller([cancel] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.Cancel();
  });
  const Status status = ExecuteWatched(connection, kSlowQuery, cancel, {});
  canceller.join();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kCancelled);
}

TEST(QueryAllWatched, StopsALongScanWhenCancelledAndReturnsSmallResultsWhole) {
  Connection connection = Connect();
  CancelToken cancel;
  std::thread canceller([cancel] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.Cancel();
  });
  auto stopped = QueryAllWatched(connection, kSlowQuery, cancel);
  canceller.join();
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().kind, ErrorKind::kCancelled);
  auto rows = QueryAllWatched(connection, "SELECT range FROM range(3)", CancelToken());
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows->row_count, 3u);
}

TEST(EngineUsage, CountsTheBuffersATableHolds) {
  Connection connection = Connect();
  auto before = ReadEngineUsage(connection);
  ASSERT_TRUE(before.ok()) << before.error().message;
  ASSERT_TRUE(
      connection.Execute("CREATE TABLE t AS SELECT range AS i, random() AS r FROM range(2000000)")
          .ok());
  auto after = ReadEngineUsage(connection);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_GT(after->memory_bytes, before->memory_bytes + 8'000'000);  // 2M doubles at least
  EXPECT_EQ(after->spilled_bytes, 0u);
}

TEST(SqlSuggestions, CompleteKeywordsAndTheCatalogsTables) {
  Connection connection = Connect();
  ASSERT_TRUE(connection.Execute("CREATE TABLE flights_2024 (delay DOUBLE)").ok());
  auto keywords = SqlSuggestions(connection, "SEL", 10);
  ASSERT_TRUE(keywords.ok()) << keywords.error().message;
  const auto starts = [](const std::vector<std::string>& words, const std::string& prefix) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& word) { return word.starts_with(prefix); });
  };
  EXPECT_TRUE(starts(*keywords, "SELECT"));  // keywords come with the space that follows
  auto tables = SqlSuggestions(connection, "SELECT * FROM flig", 10);
  ASSERT_TRUE(tables.ok()) << tables.error().message;
  EXPECT_TRUE(starts(*tables, "flights_2024"));
  auto few = SqlSuggestions(connection, "SELECT ", 3);
  ASSERT_TRUE(few.ok());
  EXPECT_LE(few->size(), 3u);
}

TEST(Database, SpillsToTheTempDirectoryInsteadOfFailingUnderAMemoryLimit) {
  test::TempDir temp;
  DatabaseOptions options;
  options.memory_limit = "64MB";
  options.temp_directory = temp.File("spill");
  options.threads = 1;
  Connection connection = Connect(options);
  // Sorting ~160 MB of rows does not fit in 64 MB: DuckDB must spill, not fail.
  auto result = connection.Query(
      "SELECT count(*) FROM (SELECT range, md5(range::VARCHAR) AS h FROM range(2000000) "
      "ORDER BY h)");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(Values<int64_t>(result->FetchAll()->columns[0])[0], 2000000);
}

TEST(Database, RejectsAnInvalidSettingWithItsName) {
  DatabaseOptions options;
  options.memory_limit = "lots";
  auto database = Database::Open(options);
  ASSERT_FALSE(database.ok());
  EXPECT_NE(database.error().message.find("memory_limit"), std::string::npos);
}

TEST(Database, FailsClearlyWhenTheFileCannotBeCreated) {
  DatabaseOptions options;
  options.path = "/nonexistent-folder/x.duckdb";
  auto database = Database::Open(options);
  ASSERT_FALSE(database.ok());
  EXPECT_NE(database.error().message.find("/nonexistent-folder/x.duckdb"), std::string::npos);
}

}  // namespace
}  // namespace pika

namespace pika {
namespace {

TEST(PreparedStatement, RunsAgainWithNewBindings) {
  Connection connection = Connect();
  auto statement = connection.Prepare("SELECT $1::BIGINT * 2 AS a, $2 AS b, $3::DOUBLE AS c");
  ASSERT_TRUE(statement.ok()) << statement.error().message;
  EXPECT_EQ(statement->parameter_count(), 3u);
  for (int64_t value : {1, 21}) {
    ASSERT_TRUE(statement->BindInt(1, value).ok());
    ASSERT_TRUE(statement->BindText(2, "it's").ok());
    ASSERT_TRUE(statement->BindNull(3).ok());
    auto result = statement->Execute();
    ASSERT_TRUE(result.ok()) << result.error().message;
    auto batch = result->FetchAll();
    EXPECT_EQ(Values<int64_t>(batch->columns[0])[0], value * 2);
    EXPECT_EQ(Values<std::string>(batch->columns[1])[0], "it's");
    EXPECT_FALSE(batch->columns[2].IsValid(0));
  }
}

TEST(PreparedStatement, AWrongParameterIndexIsInvalidInput) {
  Connection connection = Connect();
  auto statement = connection.Prepare("SELECT $1::INT");
  ASSERT_TRUE(statement.ok());
  const Status status = statement->BindInt(2, 5);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(status.error().message.find("$2"), std::string::npos);
}

TEST(PreparedStatement, ASyntaxErrorFailsAtPrepare) {
  Connection connection = Connect();
  auto statement = connection.Prepare("SELEC $1");
  ASSERT_FALSE(statement.ok());
  EXPECT_EQ(statement.error().kind, ErrorKind::kInvalidInput);
}

Column ColumnOf(std::string name, ColumnType type, std::vector<std::string> texts) {
  Column column = MakeColumn(std::move(name), type);
  for (const std::string& text : texts) {
    column.valid.push_back(text != "NULL");
    if (type == ColumnType::kDouble) {
      std::get<std::vector<double>>(column.values).push_back(text == "NULL" ? 0 : std::stod(text));
    } else if (type == ColumnType::kVarchar) {
      std::get<std::vector<std::string>>(column.values).push_back(text);
    } else {
      std::get<std::vector<int64_t>>(column.values)
          .push_back(text == "NULL" ? 0 : std::stoll(text));
    }
  }
  return column;
}

TEST(ConnectionTable, RowsFromElsewhereBecomeATableWithTheirTypesAndNulls) {
  auto database = Database::Open({});
  ASSERT_TRUE(database.ok());
  auto connection = database->Connect();
  ASSERT_TRUE(connection.ok());
  TableBatch rows;
  rows.columns = {ColumnOf("flag", ColumnType::kBoolean, {"1", "0", "NULL"}),
                  ColumnOf("n", ColumnType::kBigint, {"-5", "NULL", "7"}),
                  ColumnOf("x", ColumnType::kDouble, {"1.5", "2.25", "NULL"}),
                  ColumnOf("day", ColumnType::kDate, {"19723", "0", "NULL"}),
                  ColumnOf("at", ColumnType::kTimestamp, {"1000000", "NULL", "0"}),
                  ColumnOf("wind speed", ColumnType::kVarchar, {"a'b", "NULL", ""})};
  rows.row_count = 3;
  ASSERT_TRUE(connection->CreateTableFrom("from remote", rows).ok());
  auto back = connection->QueryAll(
      "SELECT CAST(flag AS VARCHAR), n, x, CAST(day AS VARCHAR), CAST(\"at\" AS VARCHAR), "
      "\"wind speed\" FROM \"from remote\" ORDER BY rowid");
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->row_count, 3u);
  EXPECT_EQ(back->columns[0].TextAt(0), "true");
  EXPECT_FALSE(back->columns[0].IsValid(2));
  EXPECT_EQ(back->columns[1].IntAt(0), -5);
  EXPECT_FALSE(back->columns[1].IsValid(1));
  EXPECT_EQ(back->columns[2].DoubleAt(1), 2.25);
  EXPECT_EQ(back->columns[3].TextAt(0), "2024-01-01");
  EXPECT_EQ(back->columns[4].TextAt(0), "1970-01-01 00:00:01");
  EXPECT_EQ(back->columns[5].TextAt(0), "a'b");
  EXPECT_FALSE(back->columns[5].IsValid(1));
  EXPECT_TRUE(back->columns[5].IsValid(2));
  // A name that is taken fails clearly and leaves the table there as it was.
  const Status again = connection->CreateTableFrom("from remote", rows);
  ASSERT_FALSE(again.ok());
  auto count = connection->QueryAll("SELECT count(*) FROM \"from remote\"");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->columns[0].IntAt(0), 3);
}

}  // namespace
}  // namespace pika
