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
#include "plot/grid_pool.h"
#include "plot/pixel_axis.h"

namespace pika::binning {

// Cell indices are computed for a block first and counted after: the first loop has no
// dependencies (SIMD, in point_cells.cpp), the second is a tight increment loop. Plain counts
// keep only the in-view rows' cells, so a zoomed view costs little more than reading the
// columns; kernels that refine cells per row keep one cell per row, out-of-view rows going to
// a spare cell past the grid.
// 1024 rows: the two loops alternate often enough that the hardware keeps streaming the
// columns in while the increments run (a pan of 10M points: 2.0x a streaming read with 4096
// rows, 1.66x with 1024; 256 and 512 measured the same as 1024).
inline constexpr size_t kBlock = 1024;
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
// Coordinates are double or float32; float32 values are widened first, so they land in the
// same cells as the same values held as doubles.
template <typename T>
struct PointCells {
  std::span<const T> x;
  std::span<const T> y;
  PixelAxis x_axis;
  PixelAxis y_axis;
  uint32_t discard;

  uint32_t Discard(size_t row) const {
    return discard + static_cast<uint32_t>(row & (kDiscardCells - 1));
  }

  // Fills cells[0, length) for rows [first, first + length) and counts them into `stats`.
  void Fill(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const;

  // Writes the cells of the in-view rows among [first, first + length) to the front of
  // `cells` (which has room for `length`), in row order, and returns how many there are.
  size_t FillInView(size_t first, size_t length, uint32_t* cells, BinningStats& stats) const;
};

extern template struct PointCells<double>;
extern template struct PointCells<float>;

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

// One thread's counts: small counters, and the cells whose counter wrapped, once per wrap, so
// the true count is counts[cell] + 256 * (times the cell is listed) for 8-bit counters.
struct SliceCounts {
  std::span<SmallCount> counts;
  std::vector<uint32_t>* wrapped = nullptr;
};

// out[cell] = the true count of `cell` summed over the slices, for the first out.size() cells.
// One pass per slice, so that each loop widens and adds whole vectors.
inline void MergeCounts(std::span<const SliceCounts> slices, std::span<uint32_t> out) {
  tbb::parallel_for(tbb::blocked_range<size_t>(0, out.size(), size_t{1} << 16),
                    [&](const tbb::blocked_range<size_t>& cells) {
                      uint32_t* sums = out.data();
                      const SmallCount* first = slices.front().counts.data();
                      for (size_t cell = cells.begin(); cell != cells.end(); ++cell) {
                        sums[cell] = first[cell];
                      }
                      for (const SliceCounts& slice : slices.subspan(1)) {
                        const SmallCount* counts = slice.counts.data();
                        for (size_t cell = cells.begin(); cell != cells.end(); ++cell) {
                          sums[cell] += counts[cell];
                        }
                      }
                    });
  constexpr uint32_t kWrap = uint32_t{std::numeric_limits<SmallCount>::max()} + 1;
  for (const SliceCounts& slice : slices) {
    for (const uint32_t cell : *slice.wrapped) {
      if (cell < out.size()) out[cell] += kWrap;  // a spare cell may wrap too
    }
  }
}

// Rows ahead whose cell is prefetched: the grid does not fit in L2, and the prefetches let
// the misses overlap beyond what out-of-order execution reaches.
inline constexpr size_t kPrefetchAhead = 32;

inline void IncrementCells(const uint32_t* cells, size_t length, SliceCounts& grid) {
  SmallCount* counts = grid.counts.data();
  const auto increment = [&](uint32_t cell) {
    if (++counts[cell] == 0) [[unlikely]]
      grid.wrapped->push_back(cell);
  };
  size_t i = 0;
  for (; i + kPrefetchAhead < length; ++i) {
    __builtin_prefetch(&counts[cells[i + kPrefetchAhead]], 1);
    increment(cells[i]);
  }
  for (; i < length; ++i) increment(cells[i]);
}

// How many blocks pass between two looks at a cancel token: 64K rows, well under a millisecond.
inline constexpr size_t kBlocksPerCancelCheck = 64;

// Counts rows [begin, end) into `grid`. fill_block(first, length, cells, stats) writes the
// cells to count for a block of rows and returns how many it wrote. With a `cancel` token,
// stops early (leaving partial counts) once it is cancelled.
template <typename FillBlock>
void CountRows(const FillBlock& fill_block, size_t begin, size_t end, SliceCounts& grid,
               BinningStats& stats, const CancelToken* cancel = nullptr) {
  uint32_t cells[kBlock];
  for (size_t block = begin; block < end; block += kBlock) {
    const bool check = cancel != nullptr && (block - begin) % (kBlocksPerCancelCheck * kBlock) == 0;
    if (check && cancel->cancelled()) return;
    const size_t length = std::min(kBlock, end - block);
    IncrementCells(cells, fill_block(block, length, cells, stats), grid);
  }
}

}  // namespace pika::binning
