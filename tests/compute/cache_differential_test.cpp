// Random sequences of queries and table edits: every answer through the cache must equal a
// fresh run on an uncached connection, cold, warm and after edits.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "compute/cached_query_runner.h"
#include "storage/database.h"

namespace pika {
namespace {

std::string Rows(const TableBatch& batch) {
  std::string text;
  for (size_t row = 0; row < batch.row_count; ++row) {
    for (const Column& column : batch.columns) text += FormatValue(column, row) + "|";
    text += "\n";
  }
  return text;
}

std::string RandomQuery(std::mt19937& random) {
  const int threshold = static_cast<int>(random() % 8) * 12;  // few values: repeats hit
  const int group = static_cast<int>(random() % 7);
  switch (random() % 9) {
    case 7:  // a roll-up base
      return fmt::format(
          "SELECT g, x, count(*), sum(x), count(x), min(x), max(x) FROM a WHERE x > {} "
          "GROUP BY g, x",
          threshold / 2);
    case 8:
      return fmt::format(
          "SELECT g, count(*) AS n, sum(x) AS s, max(x) AS m, avg(x) AS mean FROM a "
          "WHERE x > {} AND g < 5 GROUP BY g ORDER BY g",
          threshold);
    case 5: return fmt::format("SELECT * FROM a WHERE x > {}", threshold / 2);  // a base
    case 6:
      return fmt::format("SELECT x, g FROM a WHERE g IN ({}, {}, {}) ORDER BY x, g", group,
                         (group + 1) % 7, (group + 2) % 7);
    case 0: return fmt::format("SELECT count(*) AS n FROM a WHERE x > {}", threshold);
    case 1:
      return fmt::format("SELECT g, sum(x) AS s FROM a WHERE x < {} GROUP BY g ORDER BY g",
                         threshold);
    case 2:
      return fmt::format(
          "SELECT {} < x AND g = {} AS hit, count(*) FROM a WHERE x >= {} GROUP BY ALL ORDER BY "
          "ALL",
          threshold, group, threshold / 2 + 1);
    case 3:
      return fmt::format(
          "SELECT a.g, count(*) AS n FROM a JOIN b ON a.g = b.g WHERE b.w >= {}.0 GROUP BY a.g "
          "ORDER BY a.g",
          threshold);
    default:
      return fmt::format("SELECT max(w) AS m FROM b WHERE g IN ({}, {})", group, (group + 3) % 7);
  }
}

std::string RandomEdit(std::mt19937& random) {
  const int value = static_cast<int>(random() % 100);
  switch (random() % 3) {
    case 0: return fmt::format("INSERT INTO a VALUES ({}, {})", value, value % 7);
    case 1: return fmt::format("DELETE FROM b WHERE w = {}", value);
    default: return fmt::format("UPDATE a SET x = x + 1 WHERE g = {}", value % 7);
  }
}

TEST(CacheDifferential, CachedAnswersEqualFreshRunsAcrossEdits) {
  auto database = Database::Open({});
  ASSERT_TRUE(database.ok());
  Connection cached_connection = std::move(*database->Connect());
  Connection fresh_connection = std::move(*database->Connect());
  ASSERT_TRUE(
      cached_connection
          .Execute("CREATE TABLE a AS SELECT range % 100 AS x, range % 7 AS g FROM range(5000);"
                   "CREATE TABLE b AS SELECT range % 7 AS g, range % 100 AS w FROM range(300)")
          .ok());
  QueryCache cache(1 << 22);
  SourceVersions versions;
  CachedQueryRunner runner(cached_connection, cache, versions);
  std::mt19937 random(20261125);
  int hits = 0, derived = 0, rollups = 0;
  for (int step = 0; step < 400; ++step) {
    const std::string sql = random() % 12 == 0 ? RandomEdit(random) : RandomQuery(random);
    auto answer = runner.Run(sql);
    ASSERT_TRUE(answer.ok()) << sql << ": " << answer.error().message;
    hits += answer->how == AnswerKind::kExact;
    derived += answer->how == AnswerKind::kDerived;
    rollups += answer->remainder.find("CAST(sum(") != std::string::npos;
    if (sql.rfind("SELECT", 0) != 0) continue;
    auto fresh = fresh_connection.Query(sql);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(Rows(answer->result->rows), Rows(*fresh->FetchAll()))
        << "step " << step << ": " << sql;
  }
  // The test must exercise warm and derived answers, not only cold ones.
  EXPECT_GT(hits, 25);
  EXPECT_GT(derived, 20);
  EXPECT_GT(rollups, 5);
}

TEST(CacheDifferential, AnswersAfterASourceChangeAreRecomputed) {
  auto database = Database::Open({});
  Connection connection = std::move(*database->Connect());
  Connection other = std::move(*database->Connect());
  ASSERT_TRUE(connection.Execute("CREATE TABLE t AS SELECT 1 AS v").ok());
  QueryCache cache(1 << 20);
  SourceVersions versions;
  CachedQueryRunner runner(connection, cache, versions);
  ASSERT_EQ(FormatValue(runner.Run("SELECT sum(v) AS s FROM t")->result->rows.columns[0], 0), "1");
  // Another connection (the app's import) changes the table behind the runner's back...
  ASSERT_TRUE(other.Execute("INSERT INTO t VALUES (41)").ok());
  // ...and says so: the next answer is fresh and right.
  runner.SourceChanged("t");
  auto answer = runner.Run("SELECT sum(v) AS s FROM t");
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->how, AnswerKind::kFresh);
  EXPECT_EQ(FormatValue(answer->result->rows.columns[0], 0), "42");
}

TEST(CachedQueryRunner, StatementsThatCannotBePreparedStillRunAndCountAsWrites) {
  auto database = Database::Open({});
  Connection connection = std::move(*database->Connect());
  QueryCache cache(1 << 20);
  SourceVersions versions;
  CachedQueryRunner runner(connection, cache, versions);
  ASSERT_TRUE(runner.Run("CREATE TABLE t AS SELECT 1 AS x").ok());
  ASSERT_TRUE(runner.Run("SELECT sum(x) FROM t").ok());
  EXPECT_EQ(cache.Stats().entries, 1u);
  // PIVOT expands into several statements: DuckDB will not prepare it, but it must run.
  auto pivot = runner.Run("PIVOT t ON x");
  ASSERT_TRUE(pivot.ok()) << pivot.error().message;
  EXPECT_EQ(pivot->how, AnswerKind::kFresh);
  EXPECT_EQ(cache.Stats().entries, 0u);  // it might have written: nothing cached survives
}

}  // namespace
}  // namespace pika
