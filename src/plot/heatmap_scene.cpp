#include "plot/heatmap_scene.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/table_batch.h"
#include "plot/colormap.h"
#include "plot/legend.h"
#include "plot/reduction_method.h"
#include "plot/scene_parts.h"
#include "plot/tick_number_format.h"

namespace pika {

using namespace scene_parts;

namespace {

// Numeric or calendar ticks over the bins' span (categorical axes name their bands instead).
AxisTicks TicksOf(const HeatAxis& axis, double length_px, double px_per_tick) {
  const double span[] = {axis.bins.first_edge, axis.bins.last_edge()};
  const int target = static_cast<int>(length_px / px_per_tick);
  AxisTicks ticks =
      axis.is_time ? TimeAxis(span, target) : FromNumeric(NiceTicks(span[0], span[1], {target}));
  return ClipTo(std::move(ticks), span[0], span[1]);
}

// A categorical y axis as LayOut measures it: the names as they will be written.
AxisTicks NamesAsTicks(const HeatAxis& axis, const TextExtent& text_width) {
  AxisTicks ticks{0, static_cast<double>(axis.size()), {}, {}};
  for (size_t band = 0; band < axis.names.size(); ++band) {
    ticks.values.push_back(static_cast<double>(band) + 0.5);
    ticks.labels.push_back(TruncateLabel(axis.names[band], kCategoryRoomPx, text_width));
  }
  return ticks;
}

// The colour encoding of the cells' values: a colour bar over their range.
ColorEncoding ValueColors(const HeatmapCells& cells) {
  ColorEncoding color;
  color.title = cells.value_title;
  color.values = cells.values;
  double low = INFINITY, high = -INFINITY;
  for (double value : cells.values) {
    if (!std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  color.min = low <= high ? low : 0;
  color.max = low <= high ? high : 1;
  return color;
}

// Each pixel of the plot area takes its cell's colour; empty cells stay transparent.
void PaintCells(const HeatmapCells& cells, const ColorEncoding& color, const Frame& frame,
                Scene& scene) {
  const auto columns = static_cast<uint32_t>(std::max(1.0, std::round(frame.width())));
  const auto rows = static_cast<uint32_t>(std::max(1.0, std::round(frame.height())));
  const size_t nx = cells.x.size(), ny = cells.y.size();
  ImageMark image{frame.left, frame.top, frame.width(), frame.height(), columns, rows, {}, {}};
  image.pixels.assign(size_t{columns} * rows, Rgba{0, 0, 0, 0});
  image.counts.assign(size_t{columns} * rows, 0);  // what hovering a pixel reports
  for (uint32_t py = 0; py < rows; ++py) {
    const auto cell_row = std::min(
        ny - 1, static_cast<size_t>((rows - 1 - py + 0.5) / rows * static_cast<double>(ny)));
    for (uint32_t px = 0; px < columns; ++px) {
      const auto cell_column =
          std::min(nx - 1, static_cast<size_t>((px + 0.5) / columns * static_cast<double>(nx)));
      const size_t cell = cell_row * nx + cell_column;
      if (!std::isfinite(cells.values[cell])) continue;
      const size_t pixel = size_t{py} * columns + px;
      image.pixels[pixel] = ValueColorOf(color, cells.values[cell]);
      image.counts[pixel] = static_cast<uint32_t>(std::min<uint64_t>(cells.rows[cell], UINT32_MAX));
    }
  }
  scene.marks.push_back(std::move(image));
}

// A band's name, or a bin's bounds (dates and times as the calendar reads them).
std::string BandText(const HeatAxis& axis, size_t index) {
  if (axis.categorical()) return axis.names[index];
  const double from = axis.bins.start(index), to = axis.bins.end(index);
  if (axis.is_time)
    return fmt::format("{} to {}", FormatTimestamp(static_cast<int64_t>(from)),
                       FormatTimestamp(static_cast<int64_t>(to)));
  return fmt::format("{} to {}", FormatShortest(from), FormatShortest(to));
}

}  // namespace

std::string DescribeCell(const HeatmapCells& cells, const std::string& x, const std::string& y,
                         size_t column, size_t row) {
  if (column >= cells.x.size() || row >= cells.y.size()) return {};
  const size_t cell = row * cells.x.size() + column;
  std::string text =
      fmt::format("{} {}, {} {}: {} {}", x, BandText(cells.x, column), y, BandText(cells.y, row),
                  WithThousands(cells.rows[cell]), cells.rows[cell] == 1 ? "row" : "rows");
  if (cells.value_title != "rows" && std::isfinite(cells.values[cell]))
    text += fmt::format(", {} {}", cells.value_title, FormatShortest(cells.values[cell]));
  return text;
}

Result<PlotScene> BuildHeatmapScene(const PlotSpec& spec, const HeatmapCells& cells,
                                    const std::string& badge, const TextExtent& text_width) {
  PIKA_TRY(CheckSize(spec));
  const size_t nx = cells.x.size(), ny = cells.y.size();
  if (cells.values.size() != nx * ny || cells.rows.size() != nx * ny)
    return Internal("heatmap values do not match its grid");
  const ColorEncoding color = ValueColors(cells);
  const AxisTicks y_axis =
      cells.y.categorical() ? NamesAsTicks(cells.y, text_width) : TicksOf(cells.y, spec.height, 60);
  Frame frame = LayOut(spec, y_axis, text_width, LegendWidth(color, spec.width, text_width));
  if (cells.x.categorical()) frame.bottom -= TurnedNamesRoom(cells.x.names, frame, text_width);
  const AxisTicks x_axis = cells.x.categorical()
                               ? AxisTicks{0, static_cast<double>(nx), {}, {}}
                               : TicksOf(cells.x, frame.width(), cells.x.is_time ? 110 : 90);
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot = StartScene(spec, theme, x_axis.min, x_axis.max, y_axis, frame);
  uint64_t rows = 0;
  for (uint64_t count : cells.rows) rows += count;
  plot.reduction = {ReductionMethod::kDensity, Fidelity::kPixelExactAggregate, rows, rows, 0};
  if (cells.y.categorical()) {
    AddCategoryYAxis(y_axis.labels, frame, theme, plot.scene);
  } else {
    AddYAxis(y_axis, frame, theme, plot.scene);
  }
  if (cells.x.categorical()) {
    AddCategoryAxis(cells.x.names, frame, theme, text_width, plot.scene);
  } else {
    AddXAxis(x_axis, frame, theme, text_width, plot.scene);
  }
  if (nx > 0 && ny > 0) PaintCells(cells, color, frame, plot.scene);  // over the grid lines
  AddLegend(color, spec.width, frame.right, frame.top, frame.bottom, theme, text_width, plot.scene);
  AddFrameAndLabels(spec, frame, theme, badge, text_width, plot);
  return plot;
}

}  // namespace pika
