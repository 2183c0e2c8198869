#include "plot/colormap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

namespace pika {
namespace {

int Distance(Rgba a, Rgba b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

// Reference values of matplotlib's viridis at 0, 0.5 and 1.
TEST(Viridis, MatchesMatplotlibWithinAFewLevels) {
  EXPECT_LE(Distance(Viridis(0.0), {68, 1, 84, 255}), 8);
  EXPECT_LE(Distance(Viridis(0.5), {33, 145, 140, 255}), 8);
  EXPECT_LE(Distance(Viridis(1.0), {253, 231, 37, 255}), 8);
}

TEST(Viridis, GetsLighterAlongTheScale) {
  auto luma = [](Rgba c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; };
  for (int step = 1; step <= 20; ++step) {
    EXPECT_GT(luma(Viridis(step / 20.0)), luma(Viridis((step - 1) / 20.0))) << step;
  }
}

TEST(Viridis, ClampsAndShowsMissingValuesInGrey) {
  EXPECT_EQ(Viridis(-3.0), Viridis(0.0));
  EXPECT_EQ(Viridis(7.0), Viridis(1.0));
  EXPECT_EQ(Viridis(std::nan("")), (Rgba{128, 128, 128, 255}));
}

TEST(CategoryColor, TenDistinctColoursThenRepeats) {
  for (size_t a = 0; a < kCategoryColors; ++a) {
    for (size_t b = a + 1; b < kCategoryColors; ++b)
      EXPECT_GT(Distance(CategoryColor(a), CategoryColor(b)), 40);
  }
  EXPECT_EQ(CategoryColor(12), CategoryColor(2));
}

}  // namespace
}  // namespace pika
