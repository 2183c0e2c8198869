// Heatmaps: a grid of cells over two columns, each coloured by how many rows fall in it or by
// an aggregate of a third column over them, with a colour bar saying what the colours mean.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "plot/plot_scene.h"

namespace pika {

// One side of the grid: equal bins of numbers (or of times), or one band per category.
struct HeatAxis {
  HistogramBins bins;              // numbers and times: the bins (their counts are unused)
  std::vector<std::string> names;  // categories, from the axis's low end (bottom, left) up
  bool is_time = false;            // bins of microseconds since the epoch: a calendar axis

  bool categorical() const { return !names.empty(); }
  size_t size() const { return categorical() ? names.size() : bins.counts.size(); }
};

struct HeatmapCells {
  HeatAxis x, y;
  std::vector<double> values;  // values[row * x.size() + column], row 0 at the bottom; NaN: none
  std::vector<uint64_t> rows;  // the rows behind each cell, same order
  std::string value_title;     // what the colours are: "rows", "mean of temp"
};

// The cells painted at the plot area's pixels (crisp at any size, in every export), both
// axes, and a colour bar over the cells' values.
Result<PlotScene> BuildHeatmapScene(const PlotSpec& spec, const HeatmapCells& cells,
                                    const std::string& badge, const TextExtent& text_width);

// What a cell holds, as a tooltip says it: "weather rain, wind 2 to 4: 61 rows, mean of temp
// 11.2". `column` and `row` count from the left and the bottom; `x` and `y` name the axes.
std::string DescribeCell(const HeatmapCells& cells, const std::string& x, const std::string& y,
                         size_t column, size_t row);

}  // namespace pika
