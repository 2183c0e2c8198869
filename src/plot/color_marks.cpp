#include "plot/color_marks.h"

#include <algorithm>
#include <cmath>

#include "plot/density_grid.h"

namespace pika {

namespace {

GridShape ShapeOf(const PlotArea& area) {
  return {static_cast<uint32_t>(area.right - area.left),
          static_cast<uint32_t>(area.bottom - area.top)};
}

ImageMark EmptyImage(const PlotArea& area, GridShape shape) {
  ImageMark image{area.left,
                  area.top,
                  area.right - area.left,
                  area.bottom - area.top,
                  shape.width,
                  shape.height,
                  {},
                  {}};
  image.pixels.assign(size_t{shape.width} * shape.height, Rgba{0, 0, 0, 0});
  image.counts.assign(image.pixels.size(), 0);
  return image;
}

// Grids count upwards from y_min; images run downwards from the top.
size_t TopDown(GridShape shape, size_t cell) {
  const size_t row = cell / shape.width, column = cell % shape.width;
  return (shape.height - 1 - row) * shape.width + column;
}

// Each pixel: its categories' colours weighted by their counts, more opaque where more rows
// fall (log scale, as for plain density, so that outliers stay visible).
void PaintCategories(const CategoryGrid& grid, const ColorEncoding& color, ImageMark& image) {
  const uint32_t categories = grid.category_count;
  const size_t cells = size_t{grid.shape.width} * grid.shape.height;
  std::vector<Rgba> palette;
  for (uint32_t code = 0; code < categories; ++code)
    palette.push_back(CategoryColorOf(color, code));
  std::vector<uint32_t> totals(cells, 0);
  uint32_t densest = 1;
  for (size_t cell = 0; cell < cells; ++cell) {
    for (uint32_t code = 0; code < categories; ++code)
      totals[cell] += grid.counts[cell * categories + code];
    densest = std::max(densest, totals[cell]);
  }
  const double scale = 1.0 / std::log1p(densest);
  for (size_t cell = 0; cell < cells; ++cell) {
    if (totals[cell] == 0) continue;
    double r = 0, g = 0, b = 0;
    for (uint32_t code = 0; code < categories; ++code) {
      const double weight = grid.counts[cell * categories + code];
      r += weight * palette[code].r;
      g += weight * palette[code].g;
      b += weight * palette[code].b;
    }
    const double total = totals[cell];
    const double opacity = 0.35 + 0.65 * std::log1p(total) * scale;
    const size_t pixel = TopDown(grid.shape, cell);
    image.pixels[pixel] = {static_cast<uint8_t>(std::lround(r / total)),
                           static_cast<uint8_t>(std::lround(g / total)),
                           static_cast<uint8_t>(std::lround(b / total)),
                           static_cast<uint8_t>(std::lround(opacity * 255))};
    image.counts[pixel] = totals[cell];
  }
}

void PaintMeans(const ValueGrid& grid, const ColorEncoding& color, ImageMark& image) {
  for (uint32_t row = 0; row < grid.shape.height; ++row) {
    for (uint32_t column = 0; column < grid.shape.width; ++column) {
      const size_t cell = size_t{row} * grid.shape.width + column;
      if (grid.counts[cell] == 0) continue;
      const size_t pixel = TopDown(grid.shape, cell);
      image.pixels[pixel] = ValueColorOf(color, grid.Mean(column, row));
      image.counts[pixel] = grid.counts[cell];
    }
  }
}

}  // namespace

PointsMark ColoredPoints(std::span<const double> x, std::span<const double> y,
                         const ColorEncoding& color, const PlotArea& area, double radius,
                         uint8_t alpha) {
  PointsMark points;
  points.radius = radius;
  for (size_t row = 0; row < x.size(); ++row) {
    if (!std::isfinite(x[row]) || !std::isfinite(y[row]) || !area.Contains(x[row], y[row]))
      continue;
    Rgba rgba;
    if (color.categorical()) {
      if (color.codes[row] >= color.names.size()) continue;
      rgba = CategoryColorOf(color, color.codes[row]);
    } else {
      rgba = ValueColorOf(color, color.values[row]);
    }
    rgba.a = alpha;
    points.centers.push_back({area.Px(x[row]), area.Py(y[row])});
    points.colors.push_back(rgba);
  }
  return points;
}

Status AddColoredCells(const ColoredCells& cells, const ColorEncoding& color, const PlotArea& area,
                       Scene& scene) {
  const GridShape shape = ShapeOf(area);
  const auto fits = [shape](GridShape grid, size_t counts, size_t per_cell) {
    return grid.width == shape.width && grid.height == shape.height &&
           counts == shape.cells() * per_cell;
  };
  ImageMark image = EmptyImage(area, shape);
  if (color.categorical()) {
    const CategoryGrid& grid = cells.categories;
    if (grid.category_count != color.names.size() ||
        !fits(grid.shape, grid.counts.size(), grid.category_count))
      return Internal("coloured cells must have the plot area's grid and one count per category");
    PaintCategories(grid, color, image);
  } else {
    const ValueGrid& grid = cells.values;
    if (!fits(grid.shape, grid.counts.size(), 1) || grid.sums.size() != grid.counts.size())
      return Internal("coloured cells must have the plot area's grid and a sum per cell");
    PaintMeans(grid, color, image);
  }
  scene.marks.push_back(std::move(image));
  return {};
}

Status AddColoredDensity(std::span<const double> x, std::span<const double> y,
                         const ColorEncoding& color, const Viewport& viewport, const PlotArea& area,
                         GridPool& pool, Scene& scene) {
  const GridShape shape = ShapeOf(area);
  ColoredCells cells;
  if (color.categorical()) {
    PIKA_TRY(BinCategories(x, y, color.codes, static_cast<uint32_t>(color.names.size()), viewport,
                           shape, pool, cells.categories));
  } else {
    PIKA_TRY(BinSums(x, y, color.values, viewport, shape, pool, cells.values));
  }
  return AddColoredCells(cells, color, area, scene);
}

}  // namespace pika
