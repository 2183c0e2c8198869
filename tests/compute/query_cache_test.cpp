#include "compute/query_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace pika {
namespace {

Fingerprint Key(uint64_t n) { return {n, n * 31}; }

// A result of about `bytes` bytes that took `cost_ms` to compute.
CachedResult Sized(size_t bytes, double cost_ms, std::set<std::string> sources = {"t"}) {
  CachedResult result;
  Column column = MakeColumn("v", ColumnType::kBigint);
  const size_t rows = bytes / 9;
  std::get<std::vector<int64_t>>(column.values).assign(rows, 1);
  column.valid.assign(rows, 1);
  result.rows.columns.push_back(std::move(column));
  result.rows.row_count = rows;
  result.cost_ms = cost_ms;
  result.sources = std::move(sources);
  return result;
}

TEST(QueryCache, ComputesOnceThenAnswersFromTheCache) {
  QueryCache cache(1 << 20);
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return Result<CachedResult>(Sized(1000, 5.0));
  };
  auto first = cache.GetOrCompute(Key(1), compute);
  auto second = cache.GetOrCompute(Key(1), compute);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(first->computed);
  EXPECT_FALSE(second->computed);
  EXPECT_EQ(first->result, second->result);
  EXPECT_EQ(computed, 1);
  EXPECT_EQ(cache.Stats().hits, 1u);
  EXPECT_EQ(cache.Stats().misses, 1u);
}

TEST(QueryCache, StaysWithinItsByteBudget) {
  QueryCache cache(100'000);
  for (uint64_t n = 0; n < 50; ++n) {
    ASSERT_TRUE(
        cache.GetOrCompute(Key(n), [] { return Result<CachedResult>(Sized(9000, 1.0)); }).ok());
    EXPECT_LE(cache.Stats().bytes, 100'000u);
  }
  EXPECT_GT(cache.Stats().evictions, 30u);
}

TEST(QueryCache, KeepsSmallExpensiveResultsOverBigCheapOnes) {
  QueryCache cache(60'000);
  ASSERT_TRUE(
      cache.GetOrCompute(Key(1), [] { return Result<CachedResult>(Sized(2000, 500.0)); }).ok());
  for (uint64_t n = 2; n < 20; ++n) {
    ASSERT_TRUE(
        cache.GetOrCompute(Key(n), [] { return Result<CachedResult>(Sized(20000, 1.0)); }).ok());
  }
  EXPECT_NE(cache.Find(Key(1)), nullptr);
}

TEST(QueryCache, ABaseOthersAreDerivedFromOutlivesItsPeers) {
  QueryCache cache(50'000);
  ASSERT_TRUE(
      cache.GetOrCompute(Key(1), [] { return Result<CachedResult>(Sized(9000, 1.0)); }).ok());
  for (uint64_t n = 2; n < 30; ++n) {
    cache.Touch(Key(1));  // an answer was derived from it
    ASSERT_TRUE(
        cache.GetOrCompute(Key(n), [] { return Result<CachedResult>(Sized(9000, 1.0)); }).ok());
  }
  EXPECT_NE(cache.Find(Key(1)), nullptr);
  EXPECT_EQ(cache.Find(Key(2)), nullptr);
}

TEST(QueryCache, AResultLargerThanTheBudgetIsServedButNotKept) {
  QueryCache cache(1000);
  auto lookup = cache.GetOrCompute(Key(1), [] { return Result<CachedResult>(Sized(50'000, 1.0)); });
  ASSERT_TRUE(lookup.ok());
  EXPECT_EQ(lookup->result->rows.row_count, 50'000u / 9);
  EXPECT_EQ(cache.Find(Key(1)), nullptr);
}

TEST(QueryCache, InvalidationFollowsTheTablesAResultRead) {
  QueryCache cache(1 << 20);
  ASSERT_TRUE(
      cache.GetOrCompute(Key(1), [] { return Result<CachedResult>(Sized(100, 1, {"a"})); }).ok());
  ASSERT_TRUE(
      cache.GetOrCompute(Key(2),
                         [] {
                           return Result<CachedResult>(Sized(100, 1, {"a", "b"}));
                         })
          .ok());
  ASSERT_TRUE(
      cache.GetOrCompute(Key(3), [] { return Result<CachedResult>(Sized(100, 1, {"c"})); }).ok());
  cache.InvalidateSource("a");
  EXPECT_EQ(cache.Find(Key(1)), nullptr);
  EXPECT_EQ(cache.Find(Key(2)), nullptr);
  EXPECT_NE(cache.Find(Key(3)), nullptr);
  EXPECT_EQ(cache.Stats().entries, 1u);
}

TEST(QueryCache, ShrinksOnMemoryPressure) {
  QueryCache cache(1 << 20);
  for (uint64_t n = 0; n < 10; ++n) {
    ASSERT_TRUE(
        cache.GetOrCompute(Key(n), [] { return Result<CachedResult>(Sized(10'000, 1)); }).ok());
  }
  cache.ShrinkTo(30'000);
  EXPECT_LE(cache.Stats().bytes, 30'000u);
  EXPECT_GT(cache.Stats().entries, 0u);
}

TEST(QueryCache, FailuresReachTheCallerAndAreNotCached) {
  QueryCache cache(1 << 20);
  auto failed =
      cache.GetOrCompute(Key(1), [] { return Result<CachedResult>(InvalidInput("bad")); });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "bad");
  auto retried = cache.GetOrCompute(Key(1), [] { return Result<CachedResult>(Sized(100, 1)); });
  ASSERT_TRUE(retried.ok());
  EXPECT_TRUE(retried->computed);
}

TEST(QueryCache, ConcurrentIdenticalRequestsComputeOnce) {
  QueryCache cache(1 << 24);
  std::atomic<int> computed{0};
  std::vector<std::thread> threads;
  std::vector<CachedResultPtr> seen(8);
  for (int thread = 0; thread < 8; ++thread) {
    threads.emplace_back([&, thread] {
      for (uint64_t n = 0; n < 50; ++n) {
        auto lookup = cache.GetOrCompute(Key(n % 5), [&] {
          ++computed;
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          return Result<CachedResult>(Sized(1000, 2.0));
        });
        if (lookup.ok() && n % 5 == 0) seen[thread] = lookup->result;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(computed.load(), 5);
  for (const CachedResultPtr& result : seen) EXPECT_EQ(result, seen[0]);
}

}  // namespace
}  // namespace pika
