// DensityGrid: 2-D binning of the points in a viewport into a pixel grid (counts, sums,
// categories).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/cancel_token.h"
#include "core/result.h"
#include "plot/grid_pool.h"
#include "plot/pixel_axis.h"

namespace pika {

// What happened to the input rows. Missing values (NULL) are NaN in our compact columns.
struct BinningStats {
  uint64_t in_view = 0;         // coordinates inside the viewport
  uint64_t out_of_view = 0;     // finite coordinates outside the viewport
  uint64_t non_finite = 0;      // NaN (NULL) or infinite x or y: never drawn
  uint64_t skipped_values = 0;  // of in_view: the value is NaN/inf or the category invalid

  uint64_t binned() const { return in_view - skipped_values; }
};

// Cells are row-major, row 0 at y_min: cell = row * width + column.
struct CountGrid {
  GridShape shape;
  std::vector<uint32_t> counts;
  BinningStats stats;

  uint32_t At(uint32_t column, uint32_t row) const {
    return counts[size_t{row} * shape.width + column];
  }
};

// Per cell: how many in-view rows had a finite value, and their sum.
struct ValueGrid {
  GridShape shape;
  std::vector<uint32_t> counts;
  std::vector<double> sums;
  BinningStats stats;

  // NaN for an empty cell.
  double Mean(uint32_t column, uint32_t row) const;
};

// Per cell and category: counts[cell * category_count + category].
struct CategoryGrid {
  GridShape shape;
  uint32_t category_count = 0;
  std::vector<uint32_t> counts;
  BinningStats stats;
};

// Every kernel takes double or float32 columns. A float32 value lands in the same cell as the
// same value held as a double.

// Each call reuses the memory of `out` and `pool` from the previous frame. Counts are 32-bit:
// one call bins fewer than 2^32 rows.
Status BinCounts(std::span<const double> x, std::span<const double> y, const Viewport& viewport,
                 GridShape shape, GridPool& pool, CountGrid& out);
Status BinCounts(std::span<const float> x, std::span<const float> y, const Viewport& viewport,
                 GridShape shape, GridPool& pool, CountGrid& out);

// BinCounts that looks at `cancel` between blocks of rows: once it is cancelled, returns
// kCancelled promptly and leaves out.counts unspecified (bin into a scratch grid when the
// previous picture must survive).
Status BinCounts(std::span<const double> x, std::span<const double> y, const Viewport& viewport,
                 GridShape shape, const CancelToken& cancel, GridPool& pool, CountGrid& out);
Status BinCounts(std::span<const float> x, std::span<const float> y, const Viewport& viewport,
                 GridShape shape, const CancelToken& cancel, GridPool& pool, CountGrid& out);

// Sums of `values` per cell (mean = sum / count); rows whose value is NaN or infinite are
// skipped and counted in stats.skipped_values.
Status BinSums(std::span<const double> x, std::span<const double> y, std::span<const double> values,
               const Viewport& viewport, GridShape shape, GridPool& pool, ValueGrid& out);
Status BinSums(std::span<const float> x, std::span<const float> y, std::span<const float> values,
               const Viewport& viewport, GridShape shape, GridPool& pool, ValueGrid& out);

// Counts per category code; codes >= category_count (e.g. a NULL code) are skipped and
// counted in stats.skipped_values.
Status BinCategories(std::span<const double> x, std::span<const double> y,
                     std::span<const uint32_t> categories, uint32_t category_count,
                     const Viewport& viewport, GridShape shape, GridPool& pool, CategoryGrid& out);
Status BinCategories(std::span<const float> x, std::span<const float> y,
                     std::span<const uint32_t> categories, uint32_t category_count,
                     const Viewport& viewport, GridShape shape, GridPool& pool, CategoryGrid& out);

}  // namespace pika
