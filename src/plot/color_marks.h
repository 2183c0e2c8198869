// Colour-encoded scatter marks: points coloured one by one, and density grids whose pixels
// mix their categories' colours (weighted by count) or show the mean of a continuous column.
#pragma once

#include <span>

#include "core/result.h"
#include "plot/color_encoding.h"
#include "plot/density_grid.h"
#include "plot/grid_pool.h"
#include "plot/pixel_axis.h"
#include "plot/scene.h"

namespace pika {

// Where data lands in a scene: the data domain and the pixel rectangle it maps onto.
struct PlotArea {
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  double left = 0, top = 0, right = 1, bottom = 1;

  double Px(double x) const { return left + (x - x_min) / (x_max - x_min) * (right - left); }
  double Py(double y) const { return bottom - (y - y_min) / (y_max - y_min) * (bottom - top); }
  bool Contains(double x, double y) const {
    return x >= x_min && x <= x_max && y >= y_min && y <= y_max;
  }
};

// One point per finite row inside the area, each in its row's colour; rows of an undrawn
// category are left out.
PointsMark ColoredPoints(std::span<const double> x, std::span<const double> y,
                         const ColorEncoding& color, const PlotArea& area, double radius,
                         uint8_t alpha);

// A coloured density's cells, counted here or by an engine: per cell and category for a
// categorical colour; per cell the count and sum of its rows' finite values for a continuous one.
struct ColoredCells {
  CategoryGrid categories;
  ValueGrid values;
};

// The cells drawn as AddColoredDensity draws them, a pixel per cell of `area` (the grid must
// have the area's pixels).
Status AddColoredCells(const ColoredCells& cells, const ColorEncoding& color, const PlotArea& area,
                       Scene& scene);

// A pixel per cell of the area: categories mix their colours by count, with opacity on a log
// scale of the count; a continuous column colours each pixel by its rows' mean.
Status AddColoredDensity(std::span<const double> x, std::span<const double> y,
                         const ColorEncoding& color, const Viewport& viewport, const PlotArea& area,
                         GridPool& pool, Scene& scene);

}  // namespace pika
