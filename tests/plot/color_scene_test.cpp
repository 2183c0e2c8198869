// Colour encodings in scenes: points and lines in their category's colour, density pixels
// that mix categories by count or show a mean, and a legend that says what the colours mean.
#include <gtest/gtest.h>

#include <cmath>

#include "plot/colormap.h"
#include "plot/plot_scene.h"
#include "support/scene_marks.h"

namespace pika {
namespace {

using test::FakeWidth;
using test::MarksOf;

bool HasText(const Scene& scene, const std::string& wanted) {
  return test::Contains(test::Texts(scene), wanted);
}

bool HasSwatch(const Scene& scene, Rgba color) {
  for (const RectMark* rect : MarksOf<RectMark>(scene))
    if (rect->fill == color && rect->width == 10) return true;
  return false;
}

Rgba Opaque(Rgba color) {
  color.a = 255;
  return color;
}

ColorEncoding Categories(std::span<const uint32_t> codes, std::vector<std::string> names) {
  ColorEncoding color;
  color.title = "group";
  color.codes = codes;
  color.names = std::move(names);
  return color;
}

TEST(ColoredScatter, EachPointTakesItsCategorysColourAndTheLegendNamesThem) {
  const std::vector<double> x{0, 1, 2, 3}, y{0, 1, 2, 3};
  const std::vector<uint32_t> codes{0, 1, 1, 0};
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, Categories(codes, {"cats", "dogs"}), FakeWidth, pool);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto points = MarksOf<PointsMark>(plot->scene);
  ASSERT_EQ(points.size(), 1u);
  ASSERT_EQ(points[0]->colors.size(), 4u);
  EXPECT_EQ(Opaque(points[0]->colors[0]), CategoryColor(0));
  EXPECT_EQ(Opaque(points[0]->colors[1]), CategoryColor(1));
  EXPECT_EQ(Opaque(points[0]->colors[2]), CategoryColor(1));
  EXPECT_EQ(Opaque(points[0]->colors[3]), CategoryColor(0));
  EXPECT_TRUE(HasText(plot->scene, "group"));
  EXPECT_TRUE(HasText(plot->scene, "cats"));
  EXPECT_TRUE(HasText(plot->scene, "dogs"));
  EXPECT_TRUE(HasSwatch(plot->scene, CategoryColor(0)));
  EXPECT_TRUE(HasSwatch(plot->scene, CategoryColor(1)));
}

TEST(ColoredScatter, TheLegendTakesRoomFromThePlotAreaNotFromTheData) {
  const std::vector<double> x{0, 10}, y{0, 10};
  const std::vector<uint32_t> codes{0, 0};
  GridPool pool;
  auto plain = BuildPlotScene({}, x, y, FakeWidth, pool);
  auto colored = BuildPlotScene({}, x, y, Categories(codes, {"a category"}), FakeWidth, pool);
  ASSERT_TRUE(plain.ok() && colored.ok());
  EXPECT_LT(colored->area_right, plain->area_right - 60);
  for (const TextMark* text : MarksOf<TextMark>(colored->scene))
    EXPECT_LE(text->at.x, colored->scene.width) << text->text;
}

TEST(ColoredScatter, TheOtherCategoryIsGreyAndUndrawnCodesAreLeftOut) {
  const std::vector<double> x{0, 1, 2}, y{0, 1, 2};
  const std::vector<uint32_t> codes{0, 1, 7};
  ColorEncoding color = Categories(codes, {"big", "5 others"});
  color.last_is_other = true;
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, color, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  const auto points = MarksOf<PointsMark>(plot->scene);
  ASSERT_EQ(points[0]->centers.size(), 2u);
  EXPECT_EQ(Opaque(points[0]->colors[1]), (Rgba{150, 150, 150, 255}));
}

TEST(ColoredScatter, ANumberColoursOnViridisOverItsRangeWithAColourBar) {
  const std::vector<double> x{0, 1, 2}, y{0, 1, 2}, values{10, 20, NAN};
  ColorEncoding color;
  color.title = "speed";
  color.values = values;
  color.min = 10;
  color.max = 20;
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, color, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  const auto points = MarksOf<PointsMark>(plot->scene);
  EXPECT_EQ(Opaque(points[0]->colors[0]), Viridis(0));
  EXPECT_EQ(Opaque(points[0]->colors[1]), Viridis(1));
  EXPECT_EQ(Opaque(points[0]->colors[2]), Viridis(NAN));  // missing: grey, still drawn
  const auto images = MarksOf<ImageMark>(plot->scene);
  ASSERT_EQ(images.size(), 1u);  // the colour bar
  EXPECT_EQ(images[0]->pixels.front(), Viridis(1.0 - 0.5 / images[0]->rows));
  EXPECT_TRUE(HasText(plot->scene, "speed"));
  EXPECT_TRUE(HasText(plot->scene, "15"));
}

TEST(ColoredDensity, APixelMixesItsCategoriesColoursByCount) {
  // 300,000 rows at one spot: three of category 0 for every one of category 1.
  std::vector<double> x(300'000, 5.0), y(300'000, 5.0);
  std::vector<uint32_t> codes(x.size());
  for (size_t row = 0; row < codes.size(); ++row) codes[row] = row % 4 == 3 ? 1 : 0;
  x.push_back(0);  // corners give the axes some room
  y.push_back(0);
  codes.push_back(0);
  x.push_back(10);
  y.push_back(10);
  codes.push_back(0);
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, Categories(codes, {"a", "b"}), FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_EQ(plot->reduction.method, ReductionMethod::kDensity);
  const auto images = MarksOf<ImageMark>(plot->scene);
  ASSERT_EQ(images.size(), 1u);
  const ImageMark& image = *images[0];
  size_t densest = 0;
  for (size_t pixel = 0; pixel < image.counts.size(); ++pixel)
    if (image.counts[pixel] > image.counts[densest]) densest = pixel;
  EXPECT_EQ(image.counts[densest], 300'000u);
  const Rgba a = CategoryColor(0), b = CategoryColor(1), mixed = image.pixels[densest];
  EXPECT_NEAR(mixed.r, (3 * a.r + b.r) / 4.0, 1);
  EXPECT_NEAR(mixed.g, (3 * a.g + b.g) / 4.0, 1);
  EXPECT_NEAR(mixed.b, (3 * a.b + b.b) / 4.0, 1);
  EXPECT_EQ(mixed.a, 255);  // the densest pixel is opaque
}

TEST(ColoredDensity, ANumberColoursEachPixelByItsRowsMean) {
  std::vector<double> x(300'000), y(300'000), values(300'000);
  for (size_t row = 0; row < x.size(); ++row) {
    const bool right = row % 2 == 1;
    x[row] = right ? 10 : 0;
    y[row] = right ? 10 : 0;
    values[row] = right ? 100 : (row % 4 == 0 ? 0 : 50);  // means: 25 left, 100 right
  }
  ColorEncoding color;
  color.title = "v";
  color.values = values;
  color.min = 0;
  color.max = 100;
  GridPool pool;
  auto plot = BuildPlotScene({}, x, y, color, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  const auto images = MarksOf<ImageMark>(plot->scene);
  ASSERT_GE(images.size(), 1u);
  const ImageMark& image = *images[0];
  std::vector<Rgba> drawn;
  for (size_t pixel = 0; pixel < image.pixels.size(); ++pixel)
    if (image.counts[pixel] > 0) drawn.push_back(image.pixels[pixel]);
  ASSERT_EQ(drawn.size(), 2u);
  // Row 0 of the image is the top: the right cluster (y = 10) comes first.
  EXPECT_EQ(drawn[0], Viridis(1.0));
  EXPECT_EQ(drawn[1], Viridis(0.25));
}

// Rows spread over [0, 10) x [0, 5) with a code (of three) and a value each, and their extent.
struct SpreadRows {
  std::vector<double> x, y, values;
  std::vector<uint32_t> codes;
  DataWindow extent{INFINITY, -INFINITY, INFINITY, -INFINITY};
};

SpreadRows Spread(size_t rows) {
  SpreadRows spread;
  for (size_t row = 0; row < rows; ++row) {
    const double x = static_cast<double>(row * 7919 % 10007) / 1000.7;
    const double y = static_cast<double>(row * 104729 % 9973) / 1994.6;
    spread.x.push_back(x);
    spread.y.push_back(y);
    spread.codes.push_back(static_cast<uint32_t>(row % 3));
    spread.values.push_back(static_cast<double>(row % 101));
    spread.extent = {std::min(spread.extent.x_min, x), std::max(spread.extent.x_max, x),
                     std::min(spread.extent.y_min, y), std::max(spread.extent.y_max, y)};
  }
  return spread;
}

const ImageMark& DensityOf(const PlotScene& plot) {
  const auto images = MarksOf<ImageMark>(plot.scene);
  EXPECT_GE(images.size(), 1u);
  return *images.at(0);  // the density comes before a colour bar
}

TEST(ColoredDensity, CategoriesCountedElsewhereDrawAsTheRowsBinnedHere) {
  const SpreadRows rows = Spread(50'000);
  PlotSpec spec;
  spec.raw_point_cap = 100;
  const ColorEncoding color = Categories(rows.codes, {"a", "b", "c"});
  GridPool pool;
  auto here = BuildPlotScene(spec, rows.x, rows.y, color, FakeWidth, pool);
  ASSERT_TRUE(here.ok()) << here.error().message;
  // As an engine would count them: over the grid the layout gives, legend included.
  const DensityLayout layout = DensityLayoutFor(spec, rows.extent, color, FakeWidth);
  ColoredCells cells;
  ASSERT_TRUE(BinCategories(rows.x, rows.y, rows.codes, 3, layout.viewport, layout.shape, pool,
                            cells.categories)
                  .ok());
  const ColorEncoding names_only = Categories({}, {"a", "b", "c"});
  auto counted = BuildCountedDensityScene(spec, rows.extent, names_only, cells, 50'000, FakeWidth);
  ASSERT_TRUE(counted.ok()) << counted.error().message;
  EXPECT_EQ(DensityOf(*counted).counts, DensityOf(*here).counts);
  EXPECT_TRUE(DensityOf(*counted).pixels == DensityOf(*here).pixels);
  EXPECT_EQ(test::Texts(counted->scene), test::Texts(here->scene));
  // Cells of another grid are refused, not drawn askew.
  cells.categories.shape.width -= 1;
  EXPECT_FALSE(
      BuildCountedDensityScene(spec, rows.extent, names_only, cells, 50'000, FakeWidth).ok());
}

TEST(ColoredDensity, MeansCountedElsewhereDrawOnTheSameColourBar) {
  const SpreadRows rows = Spread(50'000);
  PlotSpec spec;
  spec.raw_point_cap = 100;
  ColorEncoding color;
  color.title = "v";
  color.values = rows.values;
  color.min = 0;
  color.max = 100;
  GridPool pool;
  auto here = BuildPlotScene(spec, rows.x, rows.y, color, FakeWidth, pool);
  ASSERT_TRUE(here.ok()) << here.error().message;
  ColorEncoding scale = color;  // the range alone: the rows stay with the engine
  scale.values = {};
  scale.scale_only = true;
  const DensityLayout layout = DensityLayoutFor(spec, rows.extent, scale, FakeWidth);
  ColoredCells cells;
  ASSERT_TRUE(
      BinSums(rows.x, rows.y, rows.values, layout.viewport, layout.shape, pool, cells.values).ok());
  auto counted = BuildCountedDensityScene(spec, rows.extent, scale, cells, 50'000, FakeWidth);
  ASSERT_TRUE(counted.ok()) << counted.error().message;
  EXPECT_EQ(DensityOf(*counted).counts, DensityOf(*here).counts);
  EXPECT_TRUE(DensityOf(*counted).pixels == DensityOf(*here).pixels);
  EXPECT_EQ(test::Texts(counted->scene), test::Texts(here->scene));
  // A scale without values draws no rows.
  EXPECT_FALSE(BuildPlotScene(spec, rows.x, rows.y, scale, FakeWidth, pool).ok());
}

TEST(ColoredLines, EachCategoryIsALineOfItsOwnInItsColour) {
  // Interleaved rows of two series: one line through all of them would zigzag.
  std::vector<double> x, y;
  std::vector<uint32_t> codes;
  for (int i = 0; i < 50; ++i) {
    for (uint32_t series = 0; series < 2; ++series) {
      x.push_back(i);
      y.push_back(series == 0 ? 0 : 100);
      codes.push_back(series);
    }
  }
  PlotSpec spec;
  spec.kind = PlotKind::kLine;
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, Categories(codes, {"low", "high"}), FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  std::vector<const PolylineMark*> lines;
  for (const PolylineMark* line : MarksOf<PolylineMark>(plot->scene))
    if (line->color == CategoryColor(0) || line->color == CategoryColor(1)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u);
  for (const PolylineMark* line : lines) {
    EXPECT_EQ(line->points.size(), 50u);
    for (const ScenePoint& point : line->points) EXPECT_EQ(point.y, line->points[0].y);
  }
}

TEST(ColoredLines, UndrawnCategoriesAreSaidInTheLegend) {
  const std::vector<double> x{0, 1, 2, 3}, y{0, 1, 2, 3};
  const std::vector<uint32_t> codes{0, 0, 1, 1};
  ColorEncoding color = Categories(codes, {"shown"});
  color.undrawn_categories = 12;
  PlotSpec spec;
  spec.kind = PlotKind::kLine;
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, color, FakeWidth, pool);
  ASSERT_TRUE(plot.ok());
  EXPECT_TRUE(HasText(plot->scene, "+12 more, not drawn"));
}

TEST(ColoredLines, ANumberIsRefusedWithAReason) {
  const std::vector<double> x{0, 1}, y{0, 1}, values{1, 2};
  ColorEncoding color;
  color.title = "speed";
  color.values = values;
  PlotSpec spec;
  spec.kind = PlotKind::kLine;
  GridPool pool;
  auto plot = BuildPlotScene(spec, x, y, color, FakeWidth, pool);
  ASSERT_FALSE(plot.ok());
  EXPECT_NE(plot.error().message.find("'speed'"), std::string::npos);
}

TEST(ColoredScatter, AColourColumnOfAnotherLengthIsAnError) {
  const std::vector<double> x{0, 1}, y{0, 1};
  const std::vector<uint32_t> codes{0};
  GridPool pool;
  EXPECT_FALSE(BuildPlotScene({}, x, y, Categories(codes, {"a"}), FakeWidth, pool).ok());
}

}  // namespace
}  // namespace pika
