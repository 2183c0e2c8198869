// ColorEncoding: the colour channel of a scatter or line plot. A column is either categorical
// (a code per row into a short list of names: the palette is only ten colours wide) or
// continuous (a number per row, drawn with viridis over a fixed range so that colours do not
// shift while the user pans).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "plot/scene.h"

namespace pika {

inline constexpr size_t kMaxColorCategories = 10;

struct ColorEncoding {
  std::string title;  // the column's name: the legend's heading

  // Categorical: names[code] for each row; a code of names.size() or more is not drawn.
  std::span<const uint32_t> codes;
  std::vector<std::string> names;
  bool last_is_other = false;       // the last name gathers the remaining categories (drawn grey)
  uint64_t undrawn_categories = 0;  // categories whose rows are not drawn (lines only)

  // Continuous: a value per row (NaN when missing), coloured over [min, max].
  std::span<const double> values;
  double min = 0, max = 1;

  // Continuous with no values held: the colour bar of cells counted elsewhere
  // (BuildCountedDensityScene). No rows can be drawn with it.
  bool scale_only = false;

  bool present() const { return categorical() || !values.empty() || scale_only; }
  bool categorical() const { return !names.empty(); }
};

// The colour of category `code` (a grey for the "other" category).
Rgba CategoryColorOf(const ColorEncoding& color, uint32_t code);

// The colour of a continuous value: viridis over [min, max]; grey for NaN.
Rgba ValueColorOf(const ColorEncoding& color, double value);

// Checks that the encoding's columns fit a plot of `rows` rows.
bool FitsRows(const ColorEncoding& color, size_t rows);

}  // namespace pika
