// DensityPyramid: multi-resolution count grids built once per data set, answering any viewport
// at once with approximate counts.
#include "plot/density_pyramid.h"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>

#include "plot/binning_kernel.h"
#include "plot/reduction_method.h"

namespace pika {

namespace {

constexpr uint32_t kNoPixel = std::numeric_limits<uint32_t>::max();
// Keeps level 0 within PixelAxis's and BinCounts's limits (2^30 cells).
constexpr uint32_t kLargestSide = uint32_t{1} << 15;

struct Bounds {
  double x_min = std::numeric_limits<double>::infinity();
  double x_max = -std::numeric_limits<double>::infinity();
  double y_min = std::numeric_limits<double>::infinity();
  double y_max = -std::numeric_limits<double>::infinity();

  Bounds Join(const Bounds& other) const {
    return {std::min(x_min, other.x_min), std::max(x_max, other.x_max),
            std::min(y_min, other.y_min), std::max(y_max, other.y_max)};
  }
};

// The bounding box of the rows whose x and y are both finite.
Bounds FiniteBounds(std::span<const double> x, std::span<const double> y) {
  return tbb::parallel_reduce(
      tbb::blocked_range<size_t>(0, x.size(), size_t{1} << 16), Bounds{},
      [&](const tbb::blocked_range<size_t>& rows, Bounds bounds) {
        for (size_t row = rows.begin(); row != rows.end(); ++row) {
          if (!(binning::IsFinite(x[row]) & binning::IsFinite(y[row]))) continue;
          bounds = bounds.Join({x[row], x[row], y[row], y[row]});
        }
        return bounds;
      },
      [](const Bounds& a, const Bounds& b) { return a.Join(b); });
}

// [min, max] as a half-open range at least 2^-30 of its magnitude wide (2^-1000 near zero),
// so that the centres of 2^15 cells stay distinct and inside their cells. max moves up one
// ulp to be included, but cannot pass DBL_MAX.
std::pair<double, double> HalfOpen(double min, double max) {
  const double largest = std::numeric_limits<double>::max();
  const double narrowest = std::max(std::max(std::fabs(min), std::fabs(max)) * 0x1p-30, 0x1p-1000);
  if (!(max - min < narrowest)) return {min, max < largest ? std::nextafter(max, largest) : max};
  if (min <= largest - narrowest) return {min, min + narrowest};
  return {largest - narrowest, largest};
}

Viewport ExtentOf(std::span<const double> x, std::span<const double> y) {
  const Bounds bounds = FiniteBounds(x, y);
  if (!(bounds.x_min <= bounds.x_max)) return {0, 1, 0, 1};  // no finite point
  const auto [x_min, x_max] = HalfOpen(bounds.x_min, bounds.x_max);
  const auto [y_min, y_max] = HalfOpen(bounds.y_min, bounds.y_max);
  return {x_min, x_max, y_min, y_max};
}

// Level k+1 from level k: each cell is the sum of 2 x 2 cells.
void Coarsen(const CountGrid& fine, CountGrid& coarse) {
  const uint32_t side = fine.shape.width / 2;
  coarse.shape = {side, side};
  coarse.stats = fine.stats;
  coarse.counts.assign(size_t{side} * side, 0);
  const size_t fine_side = fine.shape.width;
  tbb::parallel_for(
      tbb::blocked_range<size_t>(0, side, 64), [&](const tbb::blocked_range<size_t>& rows) {
        for (size_t row = rows.begin(); row != rows.end(); ++row) {
          const uint32_t* low = &fine.counts[2 * row * fine_side];
          const uint32_t* high = low + fine_side;
          uint32_t* out = &coarse.counts[row * side];
          for (size_t column = 0; column < side; ++column) {
            out[column] =
                low[2 * column] + low[2 * column + 1] + high[2 * column] + high[2 * column + 1];
          }
        }
      });
}

// The point at fraction t of [min, max), without computing max - min (it may overflow).
double Lerp(double min, double max, double t) { return min * (1 - t) + max * t; }

// Half the span, which cannot overflow.
double HalfSpan(double min, double max) { return max / 2 - min / 2; }

// floor(log2(level-0 cells per output pixel)) on one axis; negative when cells are larger
// than pixels, a large number when the extent is tiny beside the view.
int CellsPerPixelLog2(double view_min, double view_max, double extent_min, double extent_max,
                      uint32_t side, uint32_t pixels) {
  const double ratio = HalfSpan(view_min, view_max) / HalfSpan(extent_min, extent_max) *
                       static_cast<double>(side) / static_cast<double>(pixels);
  if (!(ratio < 0x1p60)) return 60;  // also inf or NaN from a span that halves to 0
  if (!(ratio > 0x1p-60)) return -60;
  return std::ilogb(ratio);
}

// map[i] = the output pixel holding the centre of cell i, or kNoPixel outside the view.
// Returns the first and one past the last cell in view.
template <typename Centre>
std::pair<uint32_t, uint32_t> MapCells(uint32_t cells, const PixelAxis& axis, Centre centre,
                                       std::span<uint32_t> map) {
  uint32_t first = cells;
  uint32_t last = 0;
  for (uint32_t cell = 0; cell < cells; ++cell) {
    const double value = centre(cell);
    const bool inside = axis.Contains(value);
    map[cell] = inside ? axis.PixelOf(value) : kNoPixel;
    if (inside) {
      first = std::min(first, cell);
      last = cell + 1;
    }
  }
  return {first, std::max(first, last)};
}

// row_begin[p] = the first of the in-view cells [first, end) whose pixel is p or more, so that
// pixel row p gets cells [row_begin[p], row_begin[p + 1]): pixels rise with cells.
void SplitByPixel(std::span<const uint32_t> map, uint32_t first, uint32_t end,
                  std::span<uint32_t> row_begin) {
  uint32_t cell = first;
  for (uint32_t pixel = 0; pixel + 1 < row_begin.size(); ++pixel) {
    while (cell < end && map[cell] < pixel) ++cell;
    row_begin[pixel] = cell;
  }
  row_begin.back() = end;
}

struct CellRange {
  uint32_t first;
  uint32_t end;
};

// Adds the in-view cells of one level row to their pixels; returns their sum.
uint64_t AddRow(std::span<const uint32_t> cells, std::span<const uint32_t> column_map,
                CellRange columns, std::span<uint32_t> pixels) {
  uint64_t sum = 0;
  for (uint32_t column = columns.first; column < columns.end; ++column) {
    const uint32_t pixel = column_map[column];
    if (pixel == kNoPixel) continue;
    pixels[pixel] += cells[column];
    sum += cells[column];
  }
  return sum;
}

}  // namespace

uint32_t PyramidSide(const PyramidOptions& options) {
  uint32_t side = std::bit_floor(std::clamp<uint32_t>(options.max_side, 1, kLargestSide));
  // All levels: side^2 * 4 bytes * (1 + 1/4 + 1/16 + ...) < side^2 * 16 / 3.
  while (side > 1 && uint64_t{side} * side * 16 / 3 > options.memory_budget_bytes) side /= 2;
  return side;
}

std::string Describe(const PyramidAnswer& answer) {
  return fmt::format("density of ~{} rows (approximate: pyramid level {} of {}, {} x {} cells{})",
                     WithThousands(answer.rows_represented), answer.level, answer.level_count,
                     WithThousands(answer.level_shape.width),
                     WithThousands(answer.level_shape.height),
                     answer.cells_finer_than_pixels ? "" : ", coarser than pixels");
}

Result<DensityPyramid> DensityPyramid::Build(std::span<const double> x, std::span<const double> y,
                                             const PyramidOptions& options) {
  if (x.size() != y.size()) {
    return Internal(fmt::format("pyramid columns differ in length: {}, {}", x.size(), y.size()));
  }
  DensityPyramid pyramid;
  pyramid.extent_ = ExtentOf(x, y);
  const uint32_t side = PyramidSide(options);
  pyramid.levels_.resize(static_cast<size_t>(std::countr_zero(side)) + 1);
  GridPool pool;  // per-thread grids of the build only: released on return
  PIKA_TRY(BinCounts(x, y, pyramid.extent_, {side, side}, pool, pyramid.levels_.front()));
  for (size_t level = 1; level < pyramid.levels_.size(); ++level) {
    Coarsen(pyramid.levels_[level - 1], pyramid.levels_[level]);
  }
  return pyramid;
}

double DensityPyramid::ColumnCentre(uint32_t level, uint32_t column) const {
  const double t = (column + 0.5) / levels_[level].shape.width;
  return Lerp(extent_.x_min, extent_.x_max, t);
}

double DensityPyramid::RowCentre(uint32_t level, uint32_t row) const {
  const double t = (row + 0.5) / levels_[level].shape.height;
  return Lerp(extent_.y_min, extent_.y_max, t);
}

size_t DensityPyramid::bytes() const {
  size_t bytes = 0;
  for (const CountGrid& level : levels_) bytes += level.counts.capacity() * sizeof(uint32_t);
  return bytes;
}

std::pair<uint32_t, bool> DensityPyramid::ChooseLevel(const Viewport& viewport,
                                                      GridShape out_shape) const {
  const uint32_t side = levels_.front().shape.width;
  const int steps = std::min(CellsPerPixelLog2(viewport.x_min, viewport.x_max, extent_.x_min,
                                               extent_.x_max, side, out_shape.width),
                             CellsPerPixelLog2(viewport.y_min, viewport.y_max, extent_.y_min,
                                               extent_.y_max, side, out_shape.height));
  if (steps < 0) return {0, false};
  return {std::min<uint32_t>(static_cast<uint32_t>(steps), level_count() - 1), true};
}

Result<PyramidAnswer> DensityPyramid::AnswerViewport(const Viewport& viewport, GridShape out_shape,
                                                     GridPool& pool, CountGrid& out) const {
  PIKA_TRY(ValidateViewport(viewport, out_shape));
  const auto [chosen_level, finer] = ChooseLevel(viewport, out_shape);
  const uint32_t level_index = chosen_level;  // clang 14 lambdas cannot capture a binding
  const CountGrid& level = levels_[level_index];
  const uint32_t side = level.shape.width;
  pool.Reserve(1);
  const std::span<uint32_t> maps = pool.Counts(0, size_t{side} * 2 + out_shape.height + 1);
  const std::span<uint32_t> column_map = maps.first(side);
  const std::span<uint32_t> row_map = maps.subspan(side, side);
  const auto [first_column, end_column] = MapCells(
      side, PixelAxis(viewport.x_min, viewport.x_max, out_shape.width),
      [&](uint32_t column) { return ColumnCentre(level_index, column); }, column_map);
  const auto [first_row, end_row] = MapCells(
      side, PixelAxis(viewport.y_min, viewport.y_max, out_shape.height),
      [&](uint32_t row) { return RowCentre(level_index, row); }, row_map);
  const std::span<uint32_t> row_begin = maps.last(size_t{out_shape.height} + 1);
  SplitByPixel(row_map, first_row, end_row, row_begin);
  out.shape = out_shape;
  out.counts.assign(out_shape.cells(), 0);  // keeps the capacity of the previous frame
  const CellRange columns{first_column, end_column};
  const uint64_t total = tbb::parallel_reduce(
      tbb::blocked_range<uint32_t>(0, out_shape.height, 8), uint64_t{0},
      [&](const tbb::blocked_range<uint32_t>& pixel_rows, uint64_t sum) {
        for (uint32_t pixel_row = pixel_rows.begin(); pixel_row != pixel_rows.end(); ++pixel_row) {
          const std::span<uint32_t> pixels =
              std::span(out.counts).subspan(size_t{pixel_row} * out_shape.width, out_shape.width);
          for (uint32_t row = row_begin[pixel_row]; row < row_begin[pixel_row + 1]; ++row) {
            const std::span<const uint32_t> cells =
                std::span(level.counts).subspan(size_t{row} * side, side);
            sum += AddRow(cells, column_map, columns, pixels);
          }
        }
        return sum;
      },
      std::plus<>());
  return PyramidAnswer{level_index, level_count(), level.shape, finer, total};
}

}  // namespace pika
