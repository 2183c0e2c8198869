// M4: per pixel column, the first, last, lowest and highest point of a line, to draw it exactly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "plot/sorted_x.h"

namespace pika {

struct M4Output {
  // Rows to draw, columns left to right and, within a column, in x order (row order among
  // equal x), the order a line is drawn in: as a polyline they rasterize like the raw line.
  // At most 4 per pixel column.
  std::vector<size_t> rows;
  uint64_t rows_in_view = 0;  // rows with x in [x_min, x_max) and finite x and y
};

// Reduces the rows with x in [x_min, x_max) to `width` pixel columns: per column, the rows of
// its lowest and highest x (first and last) and of its lowest and highest y. Ties go to the
// lowest row, except for the highest x, which goes to the highest row: on sorted x, these are
// the column's first and last rows. M4Sql computes the same, as SQL has no row order.
// With kSorted (check it with DetectXOrder) the column boundaries are binary-searched and only
// y is read; otherwise one pass over every row. Rows with NaN (NULL) or infinite y are
// skipped. Reuses out.rows. float32 columns give the rows their values give as doubles.
Status M4(std::span<const double> x, std::span<const double> y, double x_min, double x_max,
          uint32_t width, XOrder order, M4Output& out);
Status M4(std::span<const float> x, std::span<const float> y, double x_min, double x_max,
          uint32_t width, XOrder order, M4Output& out);

}  // namespace pika
