#include "compute/reduction_cache.h"

#include <gtest/gtest.h>

#include <vector>

namespace pika {
namespace {

using Grid = std::vector<uint32_t>;

ReductionKey View(uint64_t data, double x_max, uint32_t width = 100) {
  return {{data, data}, 0.0, x_max, 0.0, 1.0, width, 50, 1};
}

size_t GridBytes(const Grid& grid) { return grid.size() * sizeof(uint32_t); }

TEST(ReductionCache, ReturningToAViewIsAHit) {
  ReductionCache<Grid> cache(1 << 20);
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return Result<Grid>(Grid(100, 7));
  };
  bool hit = true;
  auto first = cache.GetOrCompute(View(1, 10), compute, GridBytes, &hit);
  EXPECT_FALSE(hit);
  (void)cache.GetOrCompute(View(1, 20), compute, GridBytes);  // another viewport
  auto again = cache.GetOrCompute(View(1, 10), compute, GridBytes, &hit);
  EXPECT_TRUE(hit);
  EXPECT_EQ(computed, 2);
  EXPECT_EQ(*first, *again);
}

TEST(ReductionCache, EveryKeyFieldDistinguishes) {
  ReductionCache<Grid> cache(1 << 20);
  int computed = 0;
  auto compute = [&] { return Result<Grid>(Grid(1, static_cast<uint32_t>(++computed))); };
  const ReductionKey base = View(1, 10);
  std::vector<ReductionKey> keys(8, base);
  keys[1].data.low = 2;
  keys[2].x_min = -1;
  keys[3].x_max = 11;
  keys[4].y_min = -1;
  keys[5].y_max = 2;
  keys[6].width = 101;
  keys[7].method = 2;
  for (const ReductionKey& key : keys) (void)cache.GetOrCompute(key, compute, GridBytes);
  EXPECT_EQ(computed, 8);
  EXPECT_EQ(cache.size(), 8u);
}

TEST(ReductionCache, EvictsTheLeastRecentlyUsedWithinTheBudget) {
  ReductionCache<Grid> cache(1000);
  auto compute = [] { return Result<Grid>(Grid(100, 1)); };  // 400 bytes each
  (void)cache.GetOrCompute(View(1, 1), compute, GridBytes);
  (void)cache.GetOrCompute(View(1, 2), compute, GridBytes);
  (void)cache.GetOrCompute(View(1, 1), compute, GridBytes);  // 1 is now the most recent
  (void)cache.GetOrCompute(View(1, 3), compute, GridBytes);  // evicts 2
  EXPECT_LE(cache.bytes(), 1000u);
  bool hit = false;
  (void)cache.GetOrCompute(View(1, 1), compute, GridBytes, &hit);
  EXPECT_TRUE(hit);
  (void)cache.GetOrCompute(View(1, 2), compute, GridBytes, &hit);
  EXPECT_FALSE(hit);
}

TEST(ReductionCache, NewDataDropsItsReductionsOnly) {
  ReductionCache<Grid> cache(1 << 20);
  auto compute = [] { return Result<Grid>(Grid(10, 1)); };
  (void)cache.GetOrCompute(View(1, 1), compute, GridBytes);
  (void)cache.GetOrCompute(View(1, 2), compute, GridBytes);
  (void)cache.GetOrCompute(View(2, 1), compute, GridBytes);
  cache.InvalidateData({1, 1});
  EXPECT_EQ(cache.size(), 1u);
  bool hit = false;
  (void)cache.GetOrCompute(View(2, 1), compute, GridBytes, &hit);
  EXPECT_TRUE(hit);
}

}  // namespace
}  // namespace pika
