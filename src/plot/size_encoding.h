// SizeEncoding: a scatter's points sized by a number column. A point's area grows linearly
// with its value over the legend's round range; radii are drawn in half-pixel steps, so both
// painters draw each step as one mark, and the legend shows round values at their sizes.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "plot/color_encoding.h"
#include "plot/color_marks.h"
#include "plot/scene.h"
#include "plot/theme.h"
#include "plot/tick_labels.h"

namespace pika {

struct SizeEncoding {
  std::string title;               // the column's name: the legend's heading
  std::span<const double> values;  // a value per row (NaN when missing: the point is not drawn)

  bool present() const { return !values.empty(); }
};

struct SizeClasses {
  std::vector<double> values;       // round values across the column's range, increasing
  std::vector<std::string> labels;  // as the legend writes them
  std::vector<double> radii;        // in pixels: areas from the smallest to the largest
};

inline constexpr double kSmallestRadius = 2.0, kLargestRadius = 10.0;

// Round values over the finite values' range (one class when they are all equal or none).
SizeClasses SizeClassesOf(std::span<const double> values);

// The radius of a point of `value` (NaN for NaN and infinities: not drawn).
double SizeRadiusOf(const SizeClasses& classes, double value);

// The finite rows inside the area sized by `sizes` over `classes` (SizeClassesOf(sizes)), one
// PointsMark per half-pixel step of radius, the largest first so that small points stay
// visible on big ones; coloured by `color` when present.
void AddSizedPoints(std::span<const double> x, std::span<const double> y,
                    const ColorEncoding& color, std::span<const double> sizes,
                    const SizeClasses& classes, const PlotArea& area, Rgba plain, uint8_t alpha,
                    Scene& scene);

// The legend's width, and the legend itself: a circle per class up from `bottom`, under
// `title`.
double SizeLegendWidth(const std::string& title, const SizeClasses& classes,
                       const TextExtent& text_width);
void AddSizeLegend(const std::string& title, const SizeClasses& classes, double left, double top,
                   double bottom, const Theme& theme, const TextExtent& text_width, Scene& scene);

}  // namespace pika
