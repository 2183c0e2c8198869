// ProgressiveDensity: a density answered at once from the pyramid, then exactly, with stale
// exact work cancelled when the viewport changes again.
#include "plot/progressive_density.h"

#include <utility>

namespace pika {

Result<DensityFrame> ProgressiveDensity::Begin(const Viewport& viewport, GridShape shape,
                                               CountGrid& out) {
  CancelToken token;
  {
    std::lock_guard lock(mutex_);
    current_.Cancel();
    current_ = token;
  }
  Result<PyramidAnswer> preview = pyramid_.AnswerViewport(viewport, shape, preview_pool_, out);
  if (!preview.ok()) return preview.error();
  return DensityFrame{viewport, shape, token, *preview};
}

Status ProgressiveDensity::Exact(const DensityFrame& frame, CountGrid& out) {
  PIKA_TRY(BinCounts(x_, y_, frame.viewport, frame.shape, frame.cancel, exact_pool_, scratch_));
  // Swapping keeps both buffers: the next frame bins into the memory `out` held.
  std::swap(out, scratch_);
  return {};
}

}  // namespace pika
