// Whether two plots show a user the same thing, wherever they were reduced: the same density
// counts, bars and boxes, lines and points, and words, all but the badge (which says where).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plot/plot_scene.h"
#include "support/scene_marks.h"

namespace pika::test {

// The counts behind a scene's density image (empty without one).
inline std::vector<uint32_t> ImageCounts(const PlotScene& plot) {
  for (const ImageMark* image : MarksOf<ImageMark>(plot.scene)) return image->counts;
  return {};
}

// Every text of the scene but the badge (drawn whole, or cut short with an ellipsis).
inline std::vector<std::string> TextsButBadge(const PlotScene& plot) {
  std::vector<std::string> texts = Texts(plot.scene);
  std::erase_if(texts, [&](std::string text) {
    if (text.ends_with("\u2026")) text.resize(text.size() - std::string("\u2026").size());
    return !plot.badge.empty() && plot.badge.starts_with(text);
  });
  return texts;
}

inline void ExpectNear(double a, double b, const std::string& what) {
  EXPECT_NEAR(a, b, 1e-6 * (std::abs(b) + 1)) << what;
}

inline void ExpectSameScene(const PlotScene& a, const PlotScene& b, const std::string& what) {
  EXPECT_EQ(ImageCounts(a), ImageCounts(b)) << what;
  EXPECT_EQ(TextsButBadge(a), TextsButBadge(b)) << what;
  const auto rects_a = MarksOf<RectMark>(a.scene), rects_b = MarksOf<RectMark>(b.scene);
  ASSERT_EQ(rects_a.size(), rects_b.size()) << what;
  for (size_t i = 0; i < rects_a.size(); ++i) {
    ExpectNear(rects_a[i]->x, rects_b[i]->x, what + " rect x");
    ExpectNear(rects_a[i]->y, rects_b[i]->y, what + " rect y");
    ExpectNear(rects_a[i]->width, rects_b[i]->width, what + " rect width");
    ExpectNear(rects_a[i]->height, rects_b[i]->height, what + " rect height");
  }
  const auto lines_a = MarksOf<PolylineMark>(a.scene), lines_b = MarksOf<PolylineMark>(b.scene);
  ASSERT_EQ(lines_a.size(), lines_b.size()) << what;
  for (size_t i = 0; i < lines_a.size(); ++i) {
    ASSERT_EQ(lines_a[i]->points.size(), lines_b[i]->points.size()) << what << " line " << i;
    for (size_t p = 0; p < lines_a[i]->points.size(); ++p) {
      ExpectNear(lines_a[i]->points[p].x, lines_b[i]->points[p].x, what + " line x");
      ExpectNear(lines_a[i]->points[p].y, lines_b[i]->points[p].y, what + " line y");
    }
  }
  const auto points_a = MarksOf<PointsMark>(a.scene), points_b = MarksOf<PointsMark>(b.scene);
  ASSERT_EQ(points_a.size(), points_b.size()) << what;
  for (size_t i = 0; i < points_a.size(); ++i)
    EXPECT_EQ(points_a[i]->centers.size(), points_b[i]->centers.size()) << what;
}

}  // namespace pika::test
