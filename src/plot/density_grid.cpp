// DensityGrid: 2-D binning of the points in a viewport into a pixel grid (counts, sums,
// categories).
#include "plot/density_grid.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "plot/binning_kernel.h"

namespace pika {

double ValueGrid::Mean(uint32_t column, uint32_t row) const {
  const size_t cell = size_t{row} * shape.width + column;
  if (counts[cell] == 0) return std::numeric_limits<double>::quiet_NaN();
  return sums[cell] / counts[cell];
}

namespace {

using binning::PointCells;

Status CheckInputs(size_t x_size, size_t y_size, size_t other_size, const Viewport& viewport,
                   GridShape shape, uint64_t layers) {
  if (x_size != y_size || y_size != other_size) {
    return Internal(
        fmt::format("binning columns differ in length: {}, {}, {}", x_size, y_size, other_size));
  }
  if (x_size > std::numeric_limits<uint32_t>::max()) {
    return InvalidInput("binning takes fewer than 2^32 rows at a time");
  }
  PIKA_TRY(ValidateViewport(viewport, shape));
  if (shape.cells() * layers + binning::kDiscardCells > std::numeric_limits<int32_t>::max()) {
    return InvalidInput(fmt::format("a {}x{} grid of {} categories is too large to bin",
                                    shape.width, shape.height, layers));
  }
  return {};
}

template <typename T>
PointCells<T> MakePointCells(std::span<const T> x, std::span<const T> y, const Viewport& viewport,
                             GridShape shape, size_t discard) {
  return {x, y, PixelAxis(viewport.x_min, viewport.x_max, shape.width),
          PixelAxis(viewport.y_min, viewport.y_max, shape.height), static_cast<uint32_t>(discard)};
}

// Counts every row into `out` (cells entries) through per-thread pool grids. fill_block is as
// for binning::CountRows. A cancelled `cancel` stops the slices early; the caller reports it.
template <typename FillBlock>
BinningStats CountInto(size_t rows, size_t cells, const FillBlock& fill_block, GridPool& pool,
                       std::vector<uint32_t>& out, const CancelToken* cancel = nullptr) {
  const size_t padded = cells + binning::kDiscardCells;
  const size_t slices = binning::SliceCount(rows);
  pool.Reserve(slices);
  std::vector<binning::SliceCounts> grids(slices);
  const BinningStats stats = binning::RunSlices(
      rows, slices, [&](size_t slice, size_t begin, size_t end, BinningStats& slice_stats) {
        grids[slice] = {pool.SmallCounts(slice, padded), &pool.Wrapped(slice)};
        binning::CountRows(fill_block, begin, end, grids[slice], slice_stats, cancel);
      });
  out.resize(cells);
  if (cancel != nullptr && cancel->cancelled()) return stats;  // no merge: the grid is dropped
  binning::MergeCounts(grids, out);
  return stats;
}

// Plain counts: only the in-view rows' cells are counted.
template <typename T>
BinningStats CountInView(const PointCells<T>& points, size_t cells, GridPool& pool,
                         std::vector<uint32_t>& out, const CancelToken* cancel = nullptr) {
  const auto in_view = [&points](size_t first, size_t length, uint32_t* block_cells,
                                 BinningStats& stats) {
    return points.FillInView(first, length, block_cells, stats);
  };
  return CountInto(points.x.size(), cells, in_view, pool, out, cancel);
}

// Like CountRows, adding each row's value to `sums` too; rows without a finite value are
// sent to a discard cell.
template <typename T>
void SumRows(const PointCells<T>& points, std::span<const T> values, size_t begin, size_t end,
             std::span<uint32_t> counts, std::span<double> sums, BinningStats& stats) {
  uint32_t cells[binning::kBlock];
  for (size_t block = begin; block < end; block += binning::kBlock) {
    const size_t length = std::min(binning::kBlock, end - block);
    points.Fill(block, length, cells, stats);
    for (size_t i = 0; i < length; ++i) {
      const bool skipped = cells[i] < points.discard && !binning::IsFinite(values[block + i]);
      stats.skipped_values += skipped;
      if (skipped) cells[i] = points.Discard(block + i);
    }
    for (size_t i = 0; i < length; ++i) {
      ++counts[cells[i]];
      sums[cells[i]] += values[block + i];
    }
  }
}

// Like CountInto, for counts and sums.
template <typename T>
BinningStats SumInto(size_t rows, size_t cells, const PointCells<T>& points,
                     std::span<const T> values, GridPool& pool, ValueGrid& out) {
  const size_t padded = cells + binning::kDiscardCells;
  const size_t slices = binning::SliceCount(rows);
  pool.Reserve(slices);
  std::vector<std::span<uint32_t>> counts(slices);
  std::vector<std::span<double>> sums(slices);
  const BinningStats stats = binning::RunSlices(
      rows, slices, [&](size_t slice, size_t begin, size_t end, BinningStats& slice_stats) {
        counts[slice] = pool.Counts(slice, padded);
        sums[slice] = pool.Sums(slice, padded);
        SumRows(points, values, begin, end, counts[slice], sums[slice], slice_stats);
      });
  out.counts.resize(cells);
  out.sums.resize(cells);
  binning::MergeSlices<uint32_t>(counts, out.counts);
  binning::MergeSlices<double>(sums, out.sums);
  return stats;
}

template <typename T>
Status BinCountsOf(std::span<const T> x, std::span<const T> y, const Viewport& viewport,
                   GridShape shape, const CancelToken* cancel, GridPool& pool, CountGrid& out) {
  PIKA_TRY(CheckInputs(x.size(), y.size(), y.size(), viewport, shape, 1));
  if (cancel != nullptr && cancel->cancelled()) return Cancelled();
  const size_t cells = shape.cells();
  out.shape = shape;
  out.stats =
      CountInView(MakePointCells(x, y, viewport, shape, cells), cells, pool, out.counts, cancel);
  if (cancel != nullptr && cancel->cancelled()) {
    return Cancelled("a newer view replaced this density");
  }
  return {};
}

template <typename T>
Status BinSumsOf(std::span<const T> x, std::span<const T> y, std::span<const T> values,
                 const Viewport& viewport, GridShape shape, GridPool& pool, ValueGrid& out) {
  PIKA_TRY(CheckInputs(x.size(), y.size(), values.size(), viewport, shape, 1));
  const size_t cells = shape.cells();
  const PointCells<T> points = MakePointCells(x, y, viewport, shape, cells);
  out.shape = shape;
  out.stats = SumInto(x.size(), cells, points, values, pool, out);
  return {};
}

template <typename T>
Status BinCategoriesOf(std::span<const T> x, std::span<const T> y,
                       std::span<const uint32_t> categories, uint32_t category_count,
                       const Viewport& viewport, GridShape shape, GridPool& pool,
                       CategoryGrid& out) {
  if (category_count == 0) return InvalidInput("a colored density needs at least one category");
  PIKA_TRY(CheckInputs(x.size(), y.size(), categories.size(), viewport, shape, category_count));
  const size_t cells = shape.cells() * category_count;
  // Fill gives plain cells (< shape.cells()) for in-view rows; these become category cells.
  const PointCells<T> points = MakePointCells(x, y, viewport, shape, cells);
  const auto by_category = [&points, categories, category_count](size_t first, size_t length,
                                                                 uint32_t* block_cells,
                                                                 BinningStats& stats) {
    points.Fill(first, length, block_cells, stats);
    for (size_t i = 0; i < length; ++i) {
      if (block_cells[i] >= points.discard) continue;
      const uint32_t category = categories[first + i];
      const bool known = category < category_count;
      stats.skipped_values += !known;
      block_cells[i] =
          known ? block_cells[i] * category_count + category : points.Discard(first + i);
    }
    return length;
  };
  out.shape = shape;
  out.category_count = category_count;
  out.stats = CountInto(x.size(), cells, by_category, pool, out.counts);
  return {};
}

}  // namespace

Status BinCounts(std::span<const double> x, std::span<const double> y, const Viewport& viewport,
                 GridShape shape, GridPool& pool, CountGrid& out) {
  return BinCountsOf(x, y, viewport, shape, nullptr, pool, out);
}

Status BinCounts(std::span<const float> x, std::span<const float> y, const Viewport& viewport,
                 GridShape shape, GridPool& pool, CountGrid& out) {
  return BinCountsOf(x, y, viewport, shape, nullptr, pool, out);
}

Status BinCounts(std::span<const double> x, std::span<const double> y, const Viewport& viewport,
                 GridShape shape, const CancelToken& cancel, GridPool& pool, CountGrid& out) {
  return BinCountsOf(x, y, viewport, shape, &cancel, pool, out);
}

Status BinCounts(std::span<const float> x, std::span<const float> y, const Viewport& viewport,
                 GridShape shape, const CancelToken& cancel, GridPool& pool, CountGrid& out) {
  return BinCountsOf(x, y, viewport, shape, &cancel, pool, out);
}

Status BinSums(std::span<const double> x, std::span<const double> y, std::span<const double> values,
               const Viewport& viewport, GridShape shape, GridPool& pool, ValueGrid& out) {
  return BinSumsOf(x, y, values, viewport, shape, pool, out);
}

Status BinSums(std::span<const float> x, std::span<const float> y, std::span<const float> values,
               const Viewport& viewport, GridShape shape, GridPool& pool, ValueGrid& out) {
  return BinSumsOf(x, y, values, viewport, shape, pool, out);
}

Status BinCategories(std::span<const double> x, std::span<const double> y,
                     std::span<const uint32_t> categories, uint32_t category_count,
                     const Viewport& viewport, GridShape shape, GridPool& pool, CategoryGrid& out) {
  return BinCategoriesOf(x, y, categories, category_count, viewport, shape, pool, out);
}

Status BinCategories(std::span<const float> x, std::span<const float> y,
                     std::span<const uint32_t> categories, uint32_t category_count,
                     const Viewport& viewport, GridShape shape, GridPool& pool, CategoryGrid& out) {
  return BinCategoriesOf(x, y, categories, category_count, viewport, shape, pool, out);
}

}  // namespace pika
