#include "plot/color_encoding.h"

#include <cmath>

#include "plot/colormap.h"

namespace pika {

Rgba CategoryColorOf(const ColorEncoding& color, uint32_t code) {
  if (color.last_is_other && code + 1 == color.names.size()) return {150, 150, 150, 255};
  return CategoryColor(code);
}

Rgba ValueColorOf(const ColorEncoding& color, double value) {
  if (!std::isfinite(value)) return Viridis(std::nan(""));
  const double span = color.max - color.min;
  return Viridis(span > 0 ? (value - color.min) / span : 0.5);
}

bool FitsRows(const ColorEncoding& color, size_t rows) {
  if (color.categorical()) return color.codes.size() == rows;
  if (color.scale_only) return false;
  return color.values.empty() || color.values.size() == rows;
}

}  // namespace pika
