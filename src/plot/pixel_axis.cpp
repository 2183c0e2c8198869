// PixelAxis: maps data coordinates on one axis of a viewport to pixel indices.
#include "plot/pixel_axis.h"

#include <fmt/format.h>

#include <cmath>

namespace pika {

Status ValidateAxis(double min, double max, uint32_t pixels, const char* axis_name) {
  if (!std::isfinite(min) || !std::isfinite(max)) {
    return InvalidInput(fmt::format("the {} range of the view must be finite", axis_name));
  }
  if (!(min < max)) {
    return InvalidInput(
        fmt::format("the {} range of the view is empty: [{}, {})", axis_name, min, max));
  }
  if (pixels == 0) return InvalidInput(fmt::format("the plot has no {} pixels", axis_name));
  // PixelOf converts through int32 (the conversion SSE2 can vectorize).
  if (pixels > kMaxPixels) {
    return InvalidInput(fmt::format("the plot has too many {} pixels: {} (at most {})", axis_name,
                                    pixels, kMaxPixels));
  }
  return {};
}

Status ValidateViewport(const Viewport& viewport, GridShape shape) {
  PIKA_TRY(ValidateAxis(viewport.x_min, viewport.x_max, shape.width, "x"));
  return ValidateAxis(viewport.y_min, viewport.y_max, shape.height, "y");
}

namespace {

// A power of two that brings the span into the normal range; exact for every contained value.
double PreScale(double min, double max) {
  const double span = max - min;
  if (!std::isfinite(span)) return 0.5;
  if (span < 1e-290) return 0x1p600;
  return 1.0;
}

}  // namespace

PixelAxis::PixelAxis(double min, double max, uint32_t pixels)
    : min_(min), max_(max), pre_(PreScale(min, max)), last_pixel_(pixels - 1.0), last_(pixels - 1) {
  offset_ = min * pre_;
  scale_ = static_cast<double>(pixels) / (max * pre_ - offset_);
}

}  // namespace pika
