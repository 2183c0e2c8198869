// DensityPyramid: multi-resolution count grids built once per data set, answering any viewport
// at once with approximate counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "plot/density_grid.h"
#include "plot/grid_pool.h"
#include "plot/pixel_axis.h"

namespace pika {

struct PyramidOptions {
  // All levels together stay within this many bytes: 96 MiB gives a 4096 x 4096 finest level
  // (64 MiB of uint32 counts, plus a third of that for the coarser levels).
  size_t memory_budget_bytes = size_t{96} << 20;
  uint32_t max_side = 4096;  // rounded down to a power of two, at most 2^15
};

// How a viewport was answered: which level, and how far the picture is from exact.
struct PyramidAnswer {
  uint32_t level = 0;                   // 0 is the finest level
  uint32_t level_count = 0;             // levels in the pyramid
  GridShape level_shape;                // cells of that level over the whole extent
  bool cells_finer_than_pixels = true;  // false when zoomed in past the finest level
  uint64_t rows_represented = 0;        // the sum of the answer: rows in the covered cells
};

// "density of ~1,234 rows (approximate: pyramid level 2 of 13, 1,024 x 1,024 cells)".
std::string Describe(const PyramidAnswer& answer);

// Level 0 counts every finite point into a side x side grid over the data extent (with
// BinCounts, so cells are PixelAxis's); level k+1 sums 2 x 2 cells of level k, down to 1 x 1.
// Counts are 32-bit: fewer than 2^32 rows. Immutable once built: answers may run in parallel.
class DensityPyramid {
 public:
  // Fails on columns of different lengths or 2^32 rows or more. Without finite points the
  // pyramid is a single empty cell over [0, 1) x [0, 1).
  static Result<DensityPyramid> Build(std::span<const double> x, std::span<const double> y,
                                      const PyramidOptions& options = {});

  // Resamples the coarsest level whose cells are no larger than the output pixels (the finest
  // level when zoomed in further) into `out`, reusing its memory. Each level cell goes whole to
  // the pixel holding its centre, so counts are approximate within a cell of the pixel edges;
  // the sum is exactly the rows in the cells whose centres lie in the viewport. `pool` lends a
  // scratch column map (no allocation after the first frame).
  Result<PyramidAnswer> AnswerViewport(const Viewport& viewport, GridShape out_shape,
                                       GridPool& pool, CountGrid& out) const;

  // The extent: the finite points' bounding box, half-open (the maximum is moved up one ulp;
  // points at exactly DBL_MAX fall outside and count as out of view in stats()), and widened
  // to 2^-30 of its magnitude when narrower (all points equal, say).
  const Viewport& extent() const { return extent_; }
  uint32_t level_count() const { return static_cast<uint32_t>(levels_.size()); }
  const CountGrid& level(uint32_t index) const { return levels_[index]; }
  // How level 0 was binned: in_view is the number of rows counted at every level.
  const BinningStats& stats() const { return levels_.front().stats; }

  // Centres of a level's cells, as AnswerViewport places them.
  double ColumnCentre(uint32_t level, uint32_t column) const;
  double RowCentre(uint32_t level, uint32_t row) const;

  size_t bytes() const;

 private:
  // The coarsest level whose cells are no larger than the output pixels on both axes, and
  // whether there is one (else level 0).
  std::pair<uint32_t, bool> ChooseLevel(const Viewport& viewport, GridShape out_shape) const;

  Viewport extent_;
  std::vector<CountGrid> levels_;
};

// The side of the finest level: the largest power of two within the budget and max_side.
uint32_t PyramidSide(const PyramidOptions& options);

}  // namespace pika
