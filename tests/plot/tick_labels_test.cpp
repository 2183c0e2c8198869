// Tests of tick label placement: thinning, rotation, category truncation.
#include "plot/tick_labels.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

namespace pika {
namespace {

// A fixed-width font: 7 px per character (UTF-8 continuation bytes take no room).
double SevenPx(std::string_view text) {
  double characters = 0;
  for (const char byte : text) characters += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  return 7 * characters;
}

std::vector<double> Positions(size_t count, double spacing) {
  std::vector<double> positions;
  for (size_t tick_idx = 0; tick_idx < count; ++tick_idx)
    positions.push_back(static_cast<double>(tick_idx) * spacing);
  return positions;
}

std::vector<std::string> Texts(size_t count, const std::string& text) {
  return std::vector<std::string>(count, text);
}

TEST(TickLabels, AllShownWhenTheyFit) {
  // "100" is 21 px wide; 30 px apart leaves 9 px between labels.
  const LabelPlacement placement = PlaceLabels(Positions(5, 30), Texts(5, "100"), SevenPx);
  EXPECT_EQ(placement.shown, (std::vector<size_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(placement.stride, 1u);
  EXPECT_FALSE(placement.rotated);
}

TEST(TickLabels, ThinnedToEverySecondKeepingTheFirst) {
  // 40 px labels 30 px apart overlap; every second one is 60 px apart and fits.
  const std::vector<std::string> labels{"0.0000", "0.0005", "0.0010", "0.0015", "0.0020"};
  const LabelPlacement placement =
      PlaceLabels(Positions(5, 30), labels, [](std::string_view) { return 40.0; });
  EXPECT_EQ(placement.shown, (std::vector<size_t>{0, 2, 4}));
  EXPECT_EQ(placement.stride, 2u);
}

TEST(TickLabels, ThinnedToEveryFifthWhenSecondIsNotEnough) {
  const LabelPlacement placement =
      PlaceLabels(Positions(11, 10), Texts(11, "12345"), SevenPx);  // 35 px labels
  EXPECT_EQ(placement.shown, (std::vector<size_t>{0, 5, 10}));
  EXPECT_EQ(placement.stride, 5u);
}

TEST(TickLabels, MinimumGapIsHonoured) {
  // 21 px labels 25 px apart: a 4 px gap fits, a 5 px gap does not.
  EXPECT_EQ(PlaceLabels(Positions(3, 25), Texts(3, "abc"), SevenPx, {.min_gap_px = 4}).stride, 1u);
  EXPECT_EQ(PlaceLabels(Positions(3, 25), Texts(3, "abc"), SevenPx, {.min_gap_px = 5}).stride, 2u);
}

TEST(TickLabels, OnlyFirstWhenNothingElseFitsAndNoRotation) {
  const LabelPlacement placement = PlaceLabels(Positions(3, 10), Texts(3, "a long label"), SevenPx);
  EXPECT_EQ(placement.shown, (std::vector<size_t>{0}));
  EXPECT_FALSE(placement.rotated);
}

TEST(TickLabels, RotatedWhenTwoLabelsCannotFitUpright) {
  // 84 px labels 25 px apart: upright, not even the first and last (50 px apart) fit.
  const LabelPlacementOptions options{
      .min_gap_px = 4, .allow_rotation = true, .line_height_px = 14};
  const LabelPlacement placement =
      PlaceLabels(Positions(3, 25), Texts(3, "a long label"), SevenPx, options);
  EXPECT_TRUE(placement.rotated);
  // Rotated, each needs 14 * sqrt(2) = 19.8 px plus the gap: 25 px apart fits.
  EXPECT_EQ(placement.shown, (std::vector<size_t>{0, 1, 2}));
}

TEST(TickLabels, NotRotatedWhenThinningSuffices) {
  const LabelPlacementOptions options{.allow_rotation = true};
  const LabelPlacement placement =
      PlaceLabels(Positions(5, 30), Texts(5, "12345"), SevenPx, options);
  EXPECT_FALSE(placement.rotated);
  EXPECT_EQ(placement.stride, 2u);
}

TEST(TickLabels, EmptyLabelsTakeNoRoom) {
  const std::vector<std::string> labels{"10", "", "", "", "100"};
  const LabelPlacement placement = PlaceLabels(Positions(5, 10), labels, SevenPx);
  EXPECT_EQ(placement.stride, 1u);
}

TEST(TickLabels, NoTicks) {
  const LabelPlacement placement = PlaceLabels({}, {}, SevenPx, {.allow_rotation = true});
  EXPECT_TRUE(placement.shown.empty());
  EXPECT_FALSE(placement.rotated);
}

TEST(TickLabels, SingleTick) {
  const LabelPlacement placement = PlaceLabels(Positions(1, 0), Texts(1, "a very long label"),
                                               SevenPx, {.allow_rotation = true});
  EXPECT_EQ(placement.shown, (std::vector<size_t>{0}));
  EXPECT_FALSE(placement.rotated);
}

TEST(TruncateLabel, ShortTextUnchanged) {
  EXPECT_EQ(TruncateLabel("Berlin", 70, SevenPx), "Berlin");
}

TEST(TruncateLabel, LongTextEndsWithEllipsis) {
  // 35 px: four characters and the ellipsis.
  EXPECT_EQ(TruncateLabel("Amsterdam", 35, SevenPx), "Amst\u2026");
  // Spaces before the ellipsis would only look like a gap.
  EXPECT_EQ(TruncateLabel("New York City", 35, SevenPx), "New\u2026");
}

TEST(TruncateLabel, NeverSplitsAUtf8Character) {
  EXPECT_EQ(TruncateLabel("Zürich-Nord", 28, SevenPx), "Zür\u2026");
  EXPECT_EQ(TruncateLabel("日本語のラベル", 21, SevenPx), "日本\u2026");
}

TEST(TruncateLabel, OnlyEllipsisWhenNothingFits) {
  EXPECT_EQ(TruncateLabel("Amsterdam", 3, SevenPx), "\u2026");
}

TEST(CategoryLabels, TruncatedAndThinned) {
  std::vector<std::string> names;
  for (int category = 0; category < 20; ++category) {
    names.push_back("category number " + std::to_string(category));
  }
  // Bands 20 px wide: labels cut to 70 px still collide, so only every 5th is shown.
  const CategoryLabels labels = PlaceCategoryLabels(Positions(20, 20), names, 70, SevenPx);
  EXPECT_EQ(labels.texts.size(), 20u);
  EXPECT_EQ(labels.texts[0], "category\u2026");
  EXPECT_EQ(labels.placement.stride, 5u);
  EXPECT_EQ(labels.placement.shown.front(), 0u);
}

TEST(CategoryLabels, AreAllTurnedRatherThanThinnedWhenTurningFitsThemAll) {
  std::vector<std::string> names;
  for (int month = 1; month <= 12; ++month) names.push_back("month " + std::to_string(month));
  LabelPlacementOptions options;
  options.allow_rotation = true;
  options.line_height_px = 14;
  // Bands 40 px wide: the names (49-56 px) collide upright; turned, a line each fits.
  const CategoryLabels labels =
      PlaceCategoryLabels(Positions(12, 40), names, 120, SevenPx, options);
  EXPECT_TRUE(labels.placement.rotated);
  EXPECT_EQ(labels.placement.shown.size(), 12u);
  // Too narrow even for turned names: thinned (and turned).
  const CategoryLabels crowded =
      PlaceCategoryLabels(Positions(12, 10), names, 120, SevenPx, options);
  EXPECT_LT(crowded.placement.shown.size(), 12u);
}

TEST(CategoryLabels, FewShortCategoriesAllShown) {
  const std::vector<std::string> names{"a", "b", "c"};
  const CategoryLabels labels = PlaceCategoryLabels(Positions(3, 100), names, 70, SevenPx);
  EXPECT_EQ(labels.texts, names);
  EXPECT_EQ(labels.placement.shown.size(), 3u);
}

RC_GTEST_PROP(TickLabelsProperty, ShownLabelsNeverOverlap, ()) {
  const size_t count = *rc::gen::inRange<size_t>(1, 200);
  const double spacing = *rc::gen::inRange(1, 200);
  const double gap = *rc::gen::inRange(0, 10);
  std::vector<std::string> labels;
  for (size_t tick_idx = 0; tick_idx < count; ++tick_idx) {
    labels.push_back(std::string(*rc::gen::inRange<size_t>(1, 15), 'x'));
  }
  const std::vector<double> positions = Positions(count, spacing);
  const LabelPlacement placement = PlaceLabels(positions, labels, SevenPx, {.min_gap_px = gap});
  RC_ASSERT(!placement.shown.empty());
  RC_ASSERT(placement.shown.front() == 0u);
  for (size_t shown_idx = 1; shown_idx < placement.shown.size(); ++shown_idx) {
    const size_t left = placement.shown[shown_idx - 1];
    const size_t right = placement.shown[shown_idx];
    const double free = positions[right] - SevenPx(labels[right]) / 2 -
                        (positions[left] + SevenPx(labels[left]) / 2);
    RC_ASSERT(free >= gap);
  }
}

}  // namespace
}  // namespace pika
