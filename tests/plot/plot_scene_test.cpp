#include "plot/plot_scene.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

#include "support/scene_marks.h"

namespace pika {
namespace {

using test::Contains;
using test::FakeWidth;
using test::MarksOf;
using test::Texts;

TEST(BuildPlotScene, FewPointsAreDrawnAsThemselvesWithAnExactBadge) {
  const std::vector<double> x{1, 2, 3, std::nan(""), 5}, y{10, 20, 15, 7, 12};
  GridPool pool;
  PlotSpec spec;
  spec.title = "Small";
  auto plot = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto points = MarksOf<PointsMark>(plot->scene);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0]->centers.size(), 4u);  // the NaN row is not drawn
  EXPECT_EQ(plot->reduction.fidelity, Fidelity::kExact);
  const auto texts = Texts(plot->scene);
  EXPECT_TRUE(Contains(texts, "Small"));
  EXPECT_TRUE(Contains(texts, "exact: 4 points"));
  for (const ScenePoint& center : points[0]->centers) {  // inside the scene
    EXPECT_GT(center.x, 0);
    EXPECT_LT(center.x, spec.width);
    EXPECT_GT(center.y, 0);
    EXPECT_LT(center.y, spec.height);
  }
}

TEST(BuildPlotScene, ManyPointsBecomeADensityImageCountingEveryRow) {
  std::mt19937 random(7);
  std::normal_distribution<double> normal;
  std::vector<double> x(300'000), y(300'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = normal(random);
    y[row] = normal(random) * 2 + x[row];
  }
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_EQ(plot->reduction.method, ReductionMethod::kDensity);
  EXPECT_EQ(plot->reduction.rows_represented, 300'000u);
  ASSERT_EQ(MarksOf<ImageMark>(plot->scene).size(), 1u);
  EXPECT_TRUE(MarksOf<PointsMark>(plot->scene).empty());
  EXPECT_TRUE(Contains(Texts(plot->scene), "density of 300,000 rows (pixel-exact counts)"));
}

// The coarse level of the rows above, counted in a 20 x 10 grid over their extent.
CoarseCounts CoarseOf(std::span<const double> x, std::span<const double> y) {
  CoarseCounts coarse;
  coarse.extent = {*std::min_element(x.begin(), x.end()), *std::max_element(x.begin(), x.end()),
                   *std::min_element(y.begin(), y.end()), *std::max_element(y.begin(), y.end())};
  GridPool pool;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Viewport viewport{coarse.extent.x_min, std::nextafter(coarse.extent.x_max, kInf),
                          coarse.extent.y_min, std::nextafter(coarse.extent.y_max, kInf)};
  EXPECT_TRUE(BinCounts(x, y, viewport, {20, 10}, pool, coarse.counts).ok());
  coarse.rows = x.size();
  return coarse;
}

TEST(BuildCoarseScene, HasTheExactScenesAxesAndSaysItIsTheCoarseLevel) {
  std::mt19937 random(11);
  std::normal_distribution<double> normal;
  std::vector<double> x(300'000), y(300'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = normal(random) * 40 + 500;
    y[row] = normal(random) * 3 - x[row] / 100;
  }
  GridPool pool;
  PlotSpec spec;
  spec.title = "Delays";
  spec.x_title = "distance";
  auto exact = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(exact.ok()) << exact.error().message;
  auto coarse = BuildCoarseScene(spec, CoarseOf(x, y), FakeWidth);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  // Nothing jumps when the exact level replaces it: same domains, same plot area.
  EXPECT_EQ(coarse->x_min, exact->x_min);
  EXPECT_EQ(coarse->x_max, exact->x_max);
  EXPECT_EQ(coarse->y_min, exact->y_min);
  EXPECT_EQ(coarse->y_max, exact->y_max);
  EXPECT_EQ(coarse->area_left, exact->area_left);
  EXPECT_EQ(coarse->area_right, exact->area_right);
  EXPECT_TRUE(coarse->coarse);
  EXPECT_NE(coarse->badge.find("coarse: 300,000 rows in 20 x 10 cells (level 1 of 2"),
            std::string::npos)
      << coarse->badge;
  EXPECT_TRUE(Contains(Texts(coarse->scene), "Delays"));
  // A block per cell, spanning the data's extent inside the plot area.
  const auto images = MarksOf<ImageMark>(coarse->scene);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0]->columns, 20u);
  EXPECT_EQ(images[0]->rows, 10u);
  EXPECT_GE(images[0]->x, coarse->area_left);
  EXPECT_LE(images[0]->x + images[0]->width, coarse->area_right + 1e-9);
  uint64_t counted = 0;
  for (uint32_t count : images[0]->counts) counted += count;
  EXPECT_EQ(counted, 300'000u);
}

TEST(BuildCoarseScene, RefusesCountsThatDoNotFitTheirGrid) {
  CoarseCounts coarse;
  coarse.extent = {0, 1, 0, 1};
  coarse.counts.shape = {4, 4};
  coarse.counts.counts.assign(3, 1);
  EXPECT_FALSE(BuildCoarseScene({}, coarse, FakeWidth).ok());
  coarse.counts.counts.assign(16, 1);
  EXPECT_TRUE(BuildCoarseScene({}, coarse, FakeWidth).ok());
  coarse.extent.x_max = 0;
  EXPECT_FALSE(BuildCoarseScene({}, coarse, FakeWidth).ok());
}

TEST(BuildPlotScene, LongLinesAreReducedPerPixelColumn) {
  std::vector<double> x(1'000'000), y(1'000'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row);
    y[row] = std::sin(static_cast<double>(row) / 1000.0);
  }
  GridPool pool;
  PlotSpec spec;
  spec.kind = PlotKind::kLine;
  auto plot = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_EQ(plot->reduction.method, ReductionMethod::kM4);
  size_t drawn = 0;
  for (const PolylineMark* line : MarksOf<PolylineMark>(plot->scene)) drawn += line->points.size();
  EXPECT_LT(drawn, 4 * 800 + 200);  // at most four points per pixel column, plus axes
}

TEST(BuildPlotScene, ReducedPointsSpanTheExtentOfTheRowsTheyStandFor) {
  // An engine's M4 points of rows whose x runs 0..1000 (the ends' y were not finite).
  const std::vector<double> x{10, 500, 990}, y{1, 2, 3};
  PlotSpec spec;
  spec.kind = PlotKind::kLine;
  GridPool pool;
  auto own = BuildPlotScene(spec, x, y, FakeWidth, pool);
  spec.rows_reduced_from = 1001;
  spec.reduced_extent = DataWindow{0, 1000, 1, 3};
  auto reduced = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(own.ok() && reduced.ok());
  EXPECT_GT(own->x_min, 0);
  EXPECT_EQ(reduced->x_min, 0);
  EXPECT_EQ(reduced->x_max, 1000);
  EXPECT_EQ(reduced->reduction.rows_represented, 1001u);
}

TEST(BuildPlotScene, AxesFitTheDataAndShowSeveralLabels) {
  const std::vector<double> x{0, 100}, y{-3, 47};
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_LE(plot->y_min, -3);
  EXPECT_GE(plot->y_max, 47);
  const auto texts = Texts(plot->scene);
  EXPECT_TRUE(Contains(texts, "0"));
  EXPECT_TRUE(Contains(texts, "100"));
  EXPECT_TRUE(Contains(texts, "20"));  // a y label between the ends
}

TEST(BuildPlotScene, NoDataStillGivesAnEmptyPlot) {
  const std::vector<double> x{std::nan("")}, y{1};
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_EQ(plot->reduction.rows_in_view, 0u);
}

TEST(BuildPlotScene, LogAxesAreLaidOutInDecadesAndLeaveOffValuesBelowOne) {
  std::vector<double> x{1, 10, 100, 1000, 0, -5, 50}, y{2, 20, 200, 2000, 3, 3, std::nan("")};
  PlotSpec spec;
  spec.x_log = true;
  spec.y_log = true;
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  EXPECT_NEAR(plot->x_min, 0, 1e-12);  // 1
  EXPECT_NEAR(plot->x_max, 3, 1e-12);  // 1000
  EXPECT_TRUE(Contains(Texts(plot->scene), "100"));
  EXPECT_TRUE(Contains(Texts(plot->scene), "1000"));
  // 0 and -5 cannot be placed on a log axis, and the badge says so; a NULL is no value at all.
  EXPECT_EQ(plot->badge, "exact: 4 points; 2 rows <= 0 left off the log axis");
  const auto points = MarksOf<PointsMark>(plot->scene);
  ASSERT_EQ(points.size(), 1u);
  ASSERT_EQ(points[0]->centers.size(), 4u);
  // Equal ratios are equal distances: 1, 10, 100, 1000 sit evenly across the plot area.
  const double step = points[0]->centers[1].x - points[0]->centers[0].x;
  EXPECT_NEAR(points[0]->centers[3].x - points[0]->centers[2].x, step, 1e-9);
  spec.x_is_time = true;
  EXPECT_FALSE(BuildPlotScene(spec, x, y, FakeWidth, pool).ok());
}

TEST(BuildPlotScene, SizedPointsGrowInAreaWithTheirValueAndTheLegendShowsRoundSizes) {
  const std::vector<double> x{1, 2, 3, 4}, y{1, 2, 3, 4}, size{0, 25, 100, std::nan("")};
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, ColorEncoding{}, SizeEncoding{"pop", size}, FakeWidth, pool);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  // Per drawn point its radius (the legend's circles sit right of the plot area).
  std::map<double, double> radius_at_x;
  for (const PointsMark* points : MarksOf<PointsMark>(plot->scene))
    for (const ScenePoint& centre : points->centers)
      if (centre.x < plot->area_right) radius_at_x[centre.x] = points->radius;
  ASSERT_EQ(radius_at_x.size(), 3u);  // the row without a size is not drawn
  std::vector<double> radii;
  for (const auto& [px, radius] : radius_at_x) radii.push_back(radius);
  EXPECT_DOUBLE_EQ(radii[0], kSmallestRadius);
  EXPECT_DOUBLE_EQ(radii[2], kLargestRadius);
  // Area, not radius, is proportional: a quarter of the range is a quarter of the added area.
  const double quarter =
      std::sqrt(kSmallestRadius * kSmallestRadius +
                0.25 * (kLargestRadius * kLargestRadius - kSmallestRadius * kSmallestRadius));
  EXPECT_NEAR(radii[1], quarter, 0.25);
  EXPECT_TRUE(Contains(Texts(plot->scene), "pop"));
  EXPECT_TRUE(Contains(Texts(plot->scene), "100"));
}

TEST(BuildPlotScene, ADensityLeavesSizesOutAndSaysSo) {
  std::vector<double> x(300'000), y(300'000), size(300'000, 1.0);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row % 1000);
    y[row] = static_cast<double>(row / 1000);
  }
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, ColorEncoding{}, SizeEncoding{"s", size}, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_NE(plot->badge.find("no sizes in a density"), std::string::npos) << plot->badge;
  EXPECT_FALSE(Contains(Texts(plot->scene), "s"));  // no size legend
}

TEST(NiceBins, CoverTheDataOnRoundEdgesWithTheMaximumInside) {
  const HistogramBins bins = NiceBins(3.2, 97.5, 10);
  EXPECT_LE(bins.first_edge, 3.2);
  EXPECT_GT(bins.last_edge(), 97.5);
  EXPECT_EQ(bins.width, 10.0);
  EXPECT_EQ(bins.first_edge, 0.0);
  const HistogramBins on_edge = NiceBins(0, 100, 10);
  EXPECT_GT(on_edge.last_edge(), 100.0);  // half-open bins: 100 needs a bin of its own
}

TEST(BuildHistogramScene, DrawsOneBarPerNonEmptyBinWithAnExactBadge) {
  HistogramBins bins = NiceBins(0, 9.5, 10);
  for (size_t bin = 0; bin < bins.counts.size(); ++bin) bins.counts[bin] = bin % 3;
  auto plot = BuildHistogramScene({}, bins, FakeWidth);
  ASSERT_TRUE(plot.ok());
  size_t bars = 0;
  for (const RectMark* rect : MarksOf<RectMark>(plot->scene)) bars += rect->height > 0;
  size_t non_empty = 0;
  uint64_t rows = 0;
  for (uint64_t count : bins.counts) {
    non_empty += count > 0;
    rows += count;
  }
  EXPECT_EQ(bars, non_empty);
  EXPECT_EQ(plot->reduction.rows_represented, rows);
  EXPECT_NE(plot->badge.find("histogram of"), std::string::npos);
}

TEST(BuildHistogramScene, CalendarBinsTakeTheirOwnWidthsUnderADateAxis) {
  HistogramBins bins;
  constexpr double kDay = 86400e6;
  // January, February and March 2024 (31, 29 and 31 days), from 2024-01-01.
  const double january = 19723 * kDay;
  bins.edges = {january, january + 31 * kDay, january + 60 * kDay, january + 91 * kDay};
  bins.first_edge = january;
  bins.counts = {31, 29, 31};
  bins.label = "1 month";
  PlotSpec spec;
  spec.x_is_time = true;
  auto plot = BuildHistogramScene(spec, bins, FakeWidth);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto bars = MarksOf<RectMark>(plot->scene);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_NEAR(bars[0]->width / bars[1]->width, 31.0 / 29.0, 1e-9);
  EXPECT_NEAR(bars[1]->x + bars[1]->width, bars[2]->x, 1e-9);
  const auto texts = Texts(plot->scene);
  EXPECT_TRUE(std::any_of(texts.begin(), texts.end(),
                          [](const std::string& text) { return text.starts_with("Feb"); }));
  EXPECT_NE(plot->badge.find("3 bins of 1 month"), std::string::npos) << plot->badge;
  bins.edges.pop_back();
  EXPECT_FALSE(BuildHistogramScene(spec, bins, FakeWidth).ok());
}

TEST(BuildBarScene, BarsGrowFromZeroAndEveryCategoryIsNamedOrThinned) {
  const std::vector<std::string> names{"rain", "sun", "fog", "a rather long category name"};
  const std::vector<double> values{640, 600, -20, 5};
  auto plot = BuildBarScene({}, names, values, 1265, "rows by weather", FakeWidth);
  ASSERT_TRUE(plot.ok());
  const auto bars = MarksOf<RectMark>(plot->scene);
  ASSERT_EQ(bars.size(), 4u);
  EXPECT_GT(bars[0]->height, bars[1]->height);
  // The negative bar hangs below the zero line where the positive ones stand.
  EXPECT_NEAR(bars[2]->y, bars[0]->y + bars[0]->height, 1e-9);
  EXPECT_LE(plot->y_min, -20);
  EXPECT_EQ(plot->reduction.rows_represented, 1265u);
  EXPECT_TRUE(Contains(Texts(plot->scene), "rain"));
  EXPECT_EQ(plot->badge, "rows by weather");
}

BarGroups TwoGroups(bool stacked) {
  BarGroups bars;
  bars.color.title = "weather";
  bars.color.names = {"sun", "rain"};
  // Two categories; the second has no rain.
  bars.values = {30, 10, 25, std::nan("")};
  bars.stacked = stacked;
  return bars;
}

TEST(BuildBarScene, StackedGroupsAddUpToTheirCategorysTotal) {
  const std::vector<std::string> names{"spring", "summer"};
  auto plot =
      BuildBarScene({}, names, TwoGroups(true), 65, "rows by season and weather", FakeWidth);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto bars = MarksOf<RectMark>(plot->scene);
  ASSERT_EQ(bars.size(), 5u);  // three segments (none for no rows), then two legend swatches
  // One column per category: the rain segment sits on top of the sun one, same width.
  EXPECT_DOUBLE_EQ(bars[1]->x, bars[0]->x);
  EXPECT_DOUBLE_EQ(bars[1]->width, bars[0]->width);
  EXPECT_NEAR(bars[1]->y + bars[1]->height, bars[0]->y, 1e-9);
  EXPECT_NEAR(bars[0]->height / bars[1]->height, 3.0, 1e-9);
  EXPECT_NE(bars[0]->fill, bars[1]->fill);
  EXPECT_GE(plot->y_max, 40);  // the stack's total, not its largest segment
  const auto texts = Texts(plot->scene);
  EXPECT_TRUE(Contains(texts, "weather") && Contains(texts, "sun") && Contains(texts, "rain"));
}

TEST(BuildBarScene, GroupsThatDoNotAddUpStandSideBySide) {
  const std::vector<std::string> names{"spring", "summer"};
  auto plot = BuildBarScene({}, names, TwoGroups(false), 65, "mean", FakeWidth);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto bars = MarksOf<RectMark>(plot->scene);
  ASSERT_EQ(bars.size(), 5u);
  EXPECT_NEAR(bars[1]->x, bars[0]->x + bars[0]->width, 1e-9);                     // side by side
  EXPECT_NEAR(bars[0]->y + bars[0]->height, bars[1]->y + bars[1]->height, 1e-9);  // from zero
  EXPECT_LT(plot->y_max, 40);  // the tallest bar, not a sum
  BarGroups wrong = TwoGroups(false);
  wrong.values.pop_back();
  EXPECT_FALSE(BuildBarScene({}, names, wrong, 65, "mean", FakeWidth).ok());
}

TEST(BuildPlotScene, AZoomedWindowShowsExactlyItsDomainAndReducesOnlyWhatIsInIt) {
  std::mt19937 random(11);
  std::normal_distribution<double> normal;
  std::vector<double> x(300'000), y(300'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = normal(random);
    y[row] = normal(random);
  }
  PlotSpec spec;
  spec.window = DataWindow{2.5, 3.5, -0.5, 0.5};  // a sparse corner: a few hundred points
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  EXPECT_EQ(plot->x_min, 2.5);
  EXPECT_EQ(plot->x_max, 3.5);
  EXPECT_EQ(plot->y_min, -0.5);
  EXPECT_EQ(plot->y_max, 0.5);
  uint64_t inside = 0;
  for (size_t row = 0; row < x.size(); ++row)
    inside += x[row] >= 2.5 && x[row] <= 3.5 && y[row] >= -0.5 && y[row] <= 0.5;
  EXPECT_EQ(plot->reduction.method, ReductionMethod::kRaw);
  EXPECT_EQ(plot->reduction.rows_in_view, inside);
  const auto points = MarksOf<PointsMark>(plot->scene);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0]->centers.size(), inside);
  for (const ScenePoint& center : points[0]->centers) {
    EXPECT_GE(center.x, plot->area_left);
    EXPECT_LE(center.x, plot->area_right);
  }
  // The data is clipped to the plot area, and clipping ends before the labels.
  const auto clips = MarksOf<ClipMark>(plot->scene);
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[0]->x, plot->area_left);
  EXPECT_EQ(clips[1]->width, 0);
}

TEST(BuildPlotScene, APyramidGivesACoarseFrameThatSaysSo) {
  std::mt19937 random(5);
  std::normal_distribution<double> normal;
  std::vector<double> x(300'000), y(300'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = normal(random);
    y[row] = normal(random);
  }
  auto pyramid = DensityPyramid::Build(x, y);
  ASSERT_TRUE(pyramid.ok());
  PlotSpec spec;
  spec.window = DataWindow{-3, 3, -3, 3};  // nearly every point: a density either way
  spec.pyramid = &*pyramid;
  GridPool pool;
  auto coarse = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(coarse.ok()) << coarse.error().message;
  EXPECT_TRUE(coarse->coarse);
  EXPECT_NE(coarse->badge.find("approximate"), std::string::npos) << coarse->badge;
  ASSERT_EQ(MarksOf<ImageMark>(coarse->scene).size(), 1u);
  spec.pyramid = nullptr;
  auto exact = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(exact.ok());
  EXPECT_FALSE(exact->coarse);
  EXPECT_NE(exact->badge.find("pixel-exact"), std::string::npos) << exact->badge;
}

TEST(BuildPlotScene, AZoomedLineRunsOnToTheEdgesOfTheWindow) {
  std::vector<double> x(10'000), y(10'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row);
    y[row] = std::sin(static_cast<double>(row) / 10);
  }
  PlotSpec spec;
  spec.kind = PlotKind::kLine;
  spec.window = DataWindow{100.5, 200.5, -1, 1};
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_EQ(plot->reduction.rows_in_view, 100u);
  const auto lines = MarksOf<PolylineMark>(plot->scene);
  ASSERT_FALSE(lines.empty());
  const PolylineMark& data = **std::max_element(
      lines.begin(), lines.end(),
      [](const auto* a, const auto* b) { return a->points.size() < b->points.size(); });
  ASSERT_EQ(data.points.size(), 102u);  // 101..200 and the rows 100 and 201 beyond the edges
  EXPECT_LT(data.points.front().x, plot->area_left);
  EXPECT_GT(data.points.back().x, plot->area_right);
}

TEST(BuildPlotScene, ANarrowPlotCutsTitleAndBadgeRatherThanOverlapThem) {
  std::vector<double> x(300'000), y(300'000);
  for (size_t row = 0; row < x.size(); ++row) {
    x[row] = static_cast<double>(row % 1000);
    y[row] = static_cast<double>(row / 1000);
  }
  PlotSpec spec;
  spec.width = 300;
  spec.height = 200;
  spec.title = "A long title about flight delays by distance";
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  const TextMark *title = nullptr, *badge = nullptr;
  for (const TextMark* text : MarksOf<TextMark>(plot->scene)) {
    if (text->bold) title = text;
    if (text->size_pt == 8.0) badge = text;
  }
  ASSERT_TRUE(title != nullptr && badge != nullptr);
  EXPECT_TRUE(title->text.ends_with("…")) << title->text;
  // Measured as the scene does: titles at 13 pt (bold), the badge at 8 pt.
  const double title_end = title->at.x + FakeWidth(title->text) * 13.0 / 9.0 * 1.08;
  const double badge_start = badge->at.x - FakeWidth(badge->text) * 8.0 / 9.0;
  EXPECT_LT(title_end, badge_start);
  EXPECT_EQ(plot->badge.find("density of 300,000 rows"), 0u);  // the full text stays available
}

TEST(BuildPlotScene, RefusesAbsurdSizes) {
  GridPool pool;
  PlotSpec spec;
  spec.width = 10;
  auto plot = BuildPlotScene(spec, {}, {}, FakeWidth, pool);
  ASSERT_FALSE(plot.ok());
  EXPECT_EQ(plot.error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace pika
