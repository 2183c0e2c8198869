#include "plot/box_scene.h"

#include <gtest/gtest.h>

#include "support/scene_marks.h"

namespace pika {
namespace {

using test::Contains;
using test::FakeWidth;
using test::MarksOf;
using test::Texts;

std::vector<BoxStats> TwoBoxes() {
  BoxStats a{"a", 100, 25, 50, 75, 1, 100, {}, 0};
  BoxStats b{"b", 10, 3, 5, 8, 1, 9, {-40, 1000}, 2};
  return {a, b};
}

// The y pixel of a value, from the scene's domain and plot area.
double YPixel(const PlotScene& plot, double value) {
  return plot.area_bottom -
         (value - plot.y_min) / (plot.y_max - plot.y_min) * (plot.area_bottom - plot.area_top);
}

TEST(BuildBoxScene, EachBoxSpansItsQuartilesWithTheMedianAcrossIt) {
  const std::vector<BoxStats> boxes = TwoBoxes();
  auto plot = BuildBoxScene({}, boxes, "v by g", FakeWidth);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto rects = MarksOf<RectMark>(plot->scene);
  ASSERT_EQ(rects.size(), 2u);
  EXPECT_NEAR(rects[0]->y, YPixel(*plot, 75), 1e-6);
  EXPECT_NEAR(rects[0]->y + rects[0]->height, YPixel(*plot, 25), 1e-6);
  EXPECT_LT(rects[0]->x + rects[0]->width, rects[1]->x);  // side by side, not overlapping
  bool median_found = false;
  for (const PolylineMark* line : MarksOf<PolylineMark>(plot->scene)) {
    median_found = median_found ||
                   (line->width == 2.0 && std::abs(line->points[0].y - YPixel(*plot, 50)) < 1e-6);
  }
  EXPECT_TRUE(median_found);
  EXPECT_TRUE(Contains(Texts(plot->scene), "a"));
  EXPECT_TRUE(Contains(Texts(plot->scene), "b"));
  EXPECT_EQ(plot->reduction.rows_represented, 110u);
}

TEST(BuildBoxScene, TheAxisReachesEveryOutlierAndOutliersAreDrawnAsPoints) {
  auto plot = BuildBoxScene({}, TwoBoxes(), "v by g", FakeWidth);
  ASSERT_TRUE(plot.ok());
  EXPECT_LE(plot->y_min, -40);
  EXPECT_GE(plot->y_max, 1000);
  const auto points = MarksOf<PointsMark>(plot->scene);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0]->centers.size(), 2u);
}

TEST(BuildBoxScene, ABoxOfOneValueStillShowsAndNoBoxesGiveAnEmptyPlot) {
  const std::vector<BoxStats> flat{{"all", 5, 7, 7, 7, 7, 7, {}, 0}};
  auto plot = BuildBoxScene({}, flat, "v", FakeWidth);
  ASSERT_TRUE(plot.ok());
  const auto rects = MarksOf<RectMark>(plot->scene);
  ASSERT_EQ(rects.size(), 1u);
  EXPECT_GE(rects[0]->height, 1.0);
  auto empty = BuildBoxScene({}, {}, "nothing", FakeWidth);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(MarksOf<RectMark>(empty->scene).empty());
}

}  // namespace
}  // namespace pika
