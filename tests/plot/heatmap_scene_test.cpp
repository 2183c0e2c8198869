#include "plot/heatmap_scene.h"

#include <gtest/gtest.h>

#include <cmath>

#include "plot/colormap.h"
#include "support/scene_marks.h"

namespace pika {
namespace {

using test::Contains;
using test::FakeWidth;
using test::MarksOf;
using test::Texts;

// 3 names across, 2 bins of numbers up; the cell (column 2, row 1) is empty.
HeatmapCells SmallGrid() {
  HeatmapCells cells;
  cells.x.names = {"a", "b", "c"};
  cells.y.bins.first_edge = 0;
  cells.y.bins.width = 10;
  cells.y.bins.counts.assign(2, 0);
  cells.values = {1, 2, 3, 4, 5, std::nan("")};
  cells.rows = {1, 2, 3, 4, 5, 0};
  cells.value_title = "rows";
  return cells;
}

TEST(BuildHeatmapScene, EveryPixelOfTheAreaTakesItsCellsColourAndEmptyCellsStayClear) {
  auto plot = BuildHeatmapScene({}, SmallGrid(), "rows by x and y", FakeWidth);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  const auto images = MarksOf<ImageMark>(plot->scene);
  ASSERT_EQ(images.size(), 2u);  // the cells and the colour bar
  const ImageMark& cells = *images[0];
  EXPECT_EQ(cells.columns, static_cast<uint32_t>(std::round(plot->area_right - plot->area_left)));
  EXPECT_EQ(cells.rows, static_cast<uint32_t>(std::round(plot->area_bottom - plot->area_top)));
  const auto pixel = [&](double fx, double fy) {  // fractions across and down the area
    const auto column = static_cast<size_t>(fx * cells.columns);
    const auto row = static_cast<size_t>(fy * cells.rows);
    return row * cells.columns + column;
  };
  EXPECT_EQ(cells.pixels[pixel(0.1, 0.9)], Viridis(0.0));  // bottom left: the lowest value
  EXPECT_EQ(cells.counts[pixel(0.1, 0.9)], 1u);
  EXPECT_EQ(cells.counts[pixel(0.5, 0.1)], 5u);   // top middle
  EXPECT_EQ(cells.pixels[pixel(0.9, 0.1)].a, 0);  // top right: no rows
  EXPECT_EQ(cells.pixels[pixel(0.5, 0.1)], Viridis(1.0));
  EXPECT_TRUE(Contains(Texts(plot->scene), "b"));     // names under their bands
  EXPECT_TRUE(Contains(Texts(plot->scene), "rows"));  // the colour bar's heading
  EXPECT_EQ(plot->reduction.rows_represented, 15u);
}

TEST(BuildHeatmapScene, NamesUpTheSideAreThinnedWhenTheirBandsAreThinnerThanALine) {
  HeatmapCells cells;
  cells.x.names = {"x"};
  for (int name = 0; name < 40; ++name) cells.y.names.push_back("name " + std::to_string(name));
  cells.values.assign(40, 1.0);
  cells.rows.assign(40, 1);
  PlotSpec spec;
  spec.height = 300;  // bands of about 6 px: every third name
  auto plot = BuildHeatmapScene(spec, cells, "rows", FakeWidth);
  ASSERT_TRUE(plot.ok());
  const auto texts = Texts(plot->scene);
  EXPECT_TRUE(Contains(texts, "name 0"));
  EXPECT_FALSE(Contains(texts, "name 1"));
}

TEST(DescribeCell, NamesTheCellsBandsAndWhatItHolds) {
  HeatmapCells cells = SmallGrid();
  EXPECT_EQ(DescribeCell(cells, "g", "v", 1, 1), "g b, v 10 to 20: 5 rows");
  cells.value_title = "mean of t";
  EXPECT_EQ(DescribeCell(cells, "g", "v", 0, 0), "g a, v 0 to 10: 1 row, mean of t 1");
  EXPECT_EQ(DescribeCell(cells, "g", "v", 2, 1), "g c, v 10 to 20: 0 rows");  // no mean
  EXPECT_EQ(DescribeCell(cells, "g", "v", 3, 0), "");
}

TEST(BuildHeatmapScene, ValuesThatDoNotFitTheGridAreRefused) {
  HeatmapCells cells = SmallGrid();
  cells.values.pop_back();
  EXPECT_FALSE(BuildHeatmapScene({}, cells, "rows", FakeWidth).ok());
}

}  // namespace
}  // namespace pika
