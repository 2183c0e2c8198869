// Binning kernel: the blocked, parallel loop shared by every density grid.
#pragma once

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/cancel_token.h"
#include "plot/density_grid.h"
#include "plot/pixel_axis.h"

namespace pika::binning {

// Cell indices are computed for a block first and scattered after: the first loop has no
// dependencies (SSE2, in point_cells.cpp), the second is a tight increment loop. Out-of-view rows
// go to a spare cell past the grid, so a zoomed view costs the same per row as a full one.
inline constexpr size_t kBlock = 4096;
// Out-of-view rows are spread over this many spare cells: incrementing one cell row after
// row makes each increment wait for the previous one (with counters kept in memory, it made
// zoomed views 2x slower here).
inline constexpr size_t kDiscardCells = 16;
// Below this many rows per thread, splitting costs more than it saves.
inline constexpr size_t kMinRowsPerSlice = size_t{1} << 17;

inline bool IsFinite(double value) {
  return std::fabs(value) <= std::numeric_limits<double>::max();
}

// Where rows land: their cell when in the viewport, else one of the spare cells from
// `discard` on. Cells are 32-bit: the grid (spares included) has fewer than 2^31 cells.
struct PointCells {
  std::span<const double> x;
  std::span<const double> y;
  PixelAxis x_axis;
  PixelAxis y_axis;
  uint32_t discard;

  uint32_t Discard(size_t row) const {
    return discard + static_cast<uint32_t>(row & (kDiscardCells - 1));
  }

  // Fills cells[0, length) for rows [first, first + length) and counts them into `stats`.
  void Fill(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const;

 private:
  void FillScalar(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const;
  void FillSse2(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const;
  void FillAvx2(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const;
};

inline void Add(BinningStats& total, const BinningStats& part) {
  total.in_view += part.in_view;
  total.non_finite += part.non_finite;
  total.skipped_values += part.skipped_values;
}

// How many threads to use for `rows`, at least 1.
inline size_t SliceCount(size_t rows) {
  const auto threads = static_cast<size_t>(tbb::this_task_arena::max_concurrency());
  return std::clamp<size_t>(rows / kMinRowsPerSlice, 1, std::max<size_t>(threads, 1));
}

// Runs bin_slice(slice, begin, end, stats) on `slices` contiguous slices of the rows in
// parallel and returns the summed stats.
template <typename BinSlice>
BinningStats RunSlices(size_t rows, size_t slices, BinSlice bin_slice) {
  std::vector<BinningStats> slice_stats(slices);
  tbb::parallel_for(size_t{0}, slices, [&](size_t slice) {
    bin_slice(slice, rows * slice / slices, rows * (slice + 1) / slices, slice_stats[slice]);
  });
  BinningStats total;
  for (const BinningStats& stats : slice_stats) Add(total, stats);
  total.out_of_view = rows - total.in_view - total.non_finite;
  return total;
}

// out[cell] = sum of grids[slice][cell] over the slices, for the first out.size() cells.
template <typename T>
void MergeSlices(std::span<const std::span<T>> grids, std::span<T> out) {
  tbb::parallel_for(tbb::blocked_range<size_t>(0, out.size(), size_t{1} << 16),
                    [&](const tbb::blocked_range<size_t>& cells) {
                      for (size_t cell = cells.begin(); cell != cells.end(); ++cell) {
                        T sum{};
                        for (const std::span<T>& grid : grids) sum += grid[cell];
                        out[cell] = sum;
                      }
                    });
}

// Rows ahead whose cell is prefetched: the grid (8 MB at 1920 x 1080) does not fit in L2, and
// the prefetches let the misses overlap beyond what out-of-order execution reaches.
inline constexpr size_t kPrefetchAhead = 32;

inline void IncrementCells(const uint32_t* cells, size_t length, std::span<uint32_t> counts) {
  size_t i = 0;
  for (; i + kPrefetchAhead < length; ++i) {
    __builtin_prefetch(&counts[cells[i + kPrefetchAhead]], 1);
    ++counts[cells[i]];
  }
  for (; i < length; ++i) ++counts[cells[i]];
}

// How many blocks pass between two looks at a cancel token: 64K rows, well under a millisecond.
inline constexpr size_t kBlocksPerCancelCheck = 16;

// Counts rows [begin, end) into `counts` (which has the discard cells at its end).
// refine(first, length, cells, stats) may send more rows of a block to a discard cell.
// With a `cancel` token, stops early (leaving partial counts) once it is cancelled.
template <typename Refine>
void CountRows(const PointCells& points, const Refine& refine, size_t begin, size_t end,
               std::span<uint32_t> counts, BinningStats& stats,
               const CancelToken* cancel = nullptr) {
  uint32_t cells[kBlock];
  for (size_t block = begin; block < end; block += kBlock) {
    const bool check = cancel != nullptr && (block - begin) % (kBlocksPerCancelCheck * kBlock) == 0;
    if (check && cancel->cancelled()) return;
    const size_t length = std::min(kBlock, end - block);
    points.Fill(block, length, cells, stats);
    refine(block, length, cells, stats);
    IncrementCells(cells, length, counts);
  }
}

}  // namespace pika::binning
