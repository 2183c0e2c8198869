// PixelAxis: maps data coordinates on one axis of a viewport to pixel indices.
#pragma once

#include <algorithm>
#include <cstdint>

#include "core/result.h"

namespace pika {

// A viewport in data coordinates; each axis is half-open: [min, max).
struct Viewport {
  double x_min = 0;
  double x_max = 1;
  double y_min = 0;
  double y_max = 1;
};

// The size of a pixel grid. Row 0 is at y_min (the bottom of the plot).
struct GridShape {
  uint32_t width = 0;
  uint32_t height = 0;

  uint64_t cells() const { return uint64_t{width} * height; }
};

inline constexpr uint32_t kMaxPixels = 1u << 20;

// Fails with a message when the bounds are not finite, empty or reversed, or pixels is 0.
Status ValidateAxis(double min, double max, uint32_t pixels, const char* axis_name);
Status ValidateViewport(const Viewport& viewport, GridShape shape);

class PixelAxis {
 public:
  // The bounds must have passed ValidateAxis.
  PixelAxis(double min, double max, uint32_t pixels);

  // Written with `&` rather than `&&`: a branch per row mispredicts on scattered data.
  bool Contains(double value) const { return (value >= min_) & (value < max_); }

  // The pixel of a contained value; any other value (NaN included) gives some pixel in
  // range. Branch-free so that the binning loops do not mispredict. The value is pre-scaled
  // so that spans that overflow (-1e308..1e308) or underflow (denormal ranges) still map
  // monotonically.
  uint32_t PixelOf(double value) const {
    const double t = (value * pre_ - offset_) * scale_;
    const double clamped = std::min(std::max(0.0, t), last_pixel_);  // max(0, NaN) is 0
    return static_cast<uint32_t>(static_cast<int32_t>(clamped));
  }

  // -1 below the axis, `pixels` above it, else the pixel: monotone in the value.
  int64_t Key(double value) const {
    if (value < min_) return -1;
    if (!(value < max_)) return last_ + 1;
    return PixelOf(value);
  }

  // The mapping PixelOf computes, (value * pre - offset) * scale, for SQL that must bucket
  // exactly as we do.
  double pre() const { return pre_; }
  double offset() const { return offset_; }
  double scale() const { return scale_; }

  double min() const { return min_; }
  double max() const { return max_; }
  uint32_t pixels() const { return last_ + 1; }

 private:
  double min_;
  double max_;
  double pre_;
  double offset_;
  double scale_;
  double last_pixel_;
  uint32_t last_;
};

}  // namespace pika
