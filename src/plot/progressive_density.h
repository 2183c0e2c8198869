// ProgressiveDensity: a density answered at once from the pyramid, then exactly, with stale
// exact work cancelled when the viewport changes again.
#pragma once

#include <mutex>
#include <span>

#include "core/cancel_token.h"
#include "core/result.h"
#include "plot/density_grid.h"
#include "plot/density_pyramid.h"
#include "plot/grid_pool.h"

namespace pika {

// One viewport's request: what Begin answered, and the token that a newer Begin cancels.
struct DensityFrame {
  Viewport viewport;
  GridShape shape;
  CancelToken cancel;
  PyramidAnswer preview;
};

// Begin is called by the UI for each new viewport; Exact may run on a worker (one at a time).
// The columns and the pyramid must outlive this object.
class ProgressiveDensity {
 public:
  ProgressiveDensity(std::span<const double> x, std::span<const double> y,
                     const DensityPyramid& pyramid)
      : x_(x), y_(y), pyramid_(pyramid) {}

  // Cancels the previous frame's exact work and answers `viewport` from the pyramid into `out`.
  Result<DensityFrame> Begin(const Viewport& viewport, GridShape shape, CountGrid& out);

  // The exact counts of `frame` into `out`. Returns kCancelled, leaving `out` untouched, when a
  // newer Begin (or anyone holding the token) cancelled the frame; the token is checked every
  // 64K rows. No allocation once the grids have reached their size.
  Status Exact(const DensityFrame& frame, CountGrid& out);

 private:
  std::span<const double> x_;
  std::span<const double> y_;
  const DensityPyramid& pyramid_;
  GridPool preview_pool_;  // used by Begin only
  GridPool exact_pool_;    // used by Exact only
  CountGrid scratch_;      // Exact bins here and swaps with `out` on success
  std::mutex mutex_;       // guards current_
  CancelToken current_;
};

}  // namespace pika
