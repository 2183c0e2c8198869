#include "compute/memory_budget.h"

#include <gtest/gtest.h>

#include <vector>

namespace pika {
namespace {

TEST(MemoryBudget, WarnsFromEightyAndActsFromNinetyFivePercent) {
  const uint64_t budget = 1000;
  EXPECT_EQ(PressureOf({799, 0, budget}), MemoryPressure::kNormal);
  EXPECT_EQ(PressureOf({800, 0, budget}), MemoryPressure::kWarning);
  EXPECT_EQ(PressureOf({949, 0, budget}), MemoryPressure::kWarning);
  EXPECT_EQ(PressureOf({950, 0, budget}), MemoryPressure::kCritical);
  EXPECT_EQ(PressureOf({5000, 0, 0}), MemoryPressure::kNormal);  // no budget known
}

TEST(MemoryBudget, ResidentMemoryGrowsWithWhatTheProcessTouches) {
  const uint64_t before = ProcessResidentBytes();
  ASSERT_GT(before, 0u);
  std::vector<char> touched(64 << 20, 1);
  EXPECT_GT(ProcessResidentBytes(), before + (32 << 20));
  EXPECT_GT(DefaultMemoryBudget(), 0u);
  EXPECT_EQ(touched[12345], 1);
}

}  // namespace
}  // namespace pika
