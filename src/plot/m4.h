// M4: per pixel column, the first, last, lowest and highest point of a line, to draw it exactly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "plot/sorted_x.h"

namespace pika {

struct M4Output {
  // Rows to draw, columns left to right and rows in row order within a column: drawn as a
  // polyline they rasterize like the raw line. At most 4 per pixel column.
  std::vector<size_t> rows;
  uint64_t rows_in_view = 0;  // rows with x in [x_min, x_max) and finite x and y
};

// Reduces the rows with x in [x_min, x_max) to `width` pixel columns. With kSorted (check it
// with DetectXOrder) the column boundaries are binary-searched and only y is read; otherwise
// one pass over every row. Rows with NaN (NULL) or infinite y are skipped. Reuses out.rows.
Status M4(std::span<const double> x, std::span<const double> y, double x_min, double x_max,
          uint32_t width, XOrder order, M4Output& out);

}  // namespace pika
