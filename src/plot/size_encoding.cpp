#include "plot/size_encoding.h"

#include <algorithm>
#include <cmath>

#include "plot/colormap.h"
#include "plot/nice_ticks.h"
#include "plot/tick_number_format.h"

namespace pika {

namespace {

constexpr double kGapPx = 12.0;  // between the plot area (or the colour legend) and this one
constexpr double kHeadingPx = 18.0;

// Radii whose areas grow linearly from the smallest to the largest over [low, high].
double RadiusOf(double value, double low, double high) {
  const double share = high > low ? (value - low) / (high - low) : 1.0;
  const double area = kSmallestRadius * kSmallestRadius +
                      share * (kLargestRadius * kLargestRadius - kSmallestRadius * kSmallestRadius);
  return std::sqrt(area);
}

}  // namespace

SizeClasses SizeClassesOf(std::span<const double> values) {
  double low = INFINITY, high = -INFINITY;
  for (double value : values) {
    if (!std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  SizeClasses classes;
  if (!(low <= high)) return classes;
  const NumericTicks ticks = NiceTicks(low, high, {4, /*extend_domain=*/true});
  for (const NumericTick& tick : ticks.ticks) {
    classes.values.push_back(tick.value);
    classes.labels.push_back(tick.label);
  }
  if (classes.values.empty()) {  // a single value
    classes.values.push_back(low);
    classes.labels.push_back(FormatShortest(low));
  }
  for (double value : classes.values)
    classes.radii.push_back(RadiusOf(value, classes.values.front(), classes.values.back()));
  return classes;
}

double SizeRadiusOf(const SizeClasses& classes, double value) {
  if (!std::isfinite(value) || classes.values.empty()) return std::nan("");
  const double low = classes.values.front(), high = classes.values.back();
  return RadiusOf(std::clamp(value, low, high), low, high);
}

void AddSizedPoints(std::span<const double> x, std::span<const double> y,
                    const ColorEncoding& color, std::span<const double> sizes,
                    const SizeClasses& classes, const PlotArea& area, Rgba plain, uint8_t alpha,
                    Scene& scene) {
  constexpr double kSteps = 2;  // per pixel of radius
  std::vector<PointsMark> marks(static_cast<size_t>(kLargestRadius * kSteps) + 1);
  for (size_t row = 0; row < x.size(); ++row) {
    if (!std::isfinite(x[row]) || !std::isfinite(y[row]) || !area.Contains(x[row], y[row]))
      continue;
    const double radius = SizeRadiusOf(classes, sizes[row]);
    if (std::isnan(radius)) continue;
    const auto step = static_cast<size_t>(std::lround(radius * kSteps));
    Rgba rgba = plain;
    if (color.categorical()) {
      if (color.codes[row] >= color.names.size()) continue;
      rgba = CategoryColorOf(color, color.codes[row]);
    } else if (color.present()) {
      rgba = ValueColorOf(color, color.values[row]);
    }
    rgba.a = alpha;
    marks[step].centers.push_back({area.Px(x[row]), area.Py(y[row])});
    marks[step].colors.push_back(rgba);
  }
  for (size_t index = marks.size(); index-- > 0;) {
    if (marks[index].centers.empty()) continue;
    marks[index].radius = static_cast<double>(index) / kSteps;
    scene.marks.push_back(std::move(marks[index]));
  }
}

double SizeLegendWidth(const std::string& title, const SizeClasses& classes,
                       const TextExtent& text_width) {
  double widest = text_width(title) * 1.1;  // the heading is bold
  for (const std::string& label : classes.labels)
    widest = std::max(widest, 2 * kLargestRadius + 6 + text_width(label));
  return kGapPx + widest + 8;
}

void AddSizeLegend(const std::string& title, const SizeClasses& classes, double left, double top,
                   double bottom, const Theme& theme, const TextExtent& text_width, Scene& scene) {
  double needed = kHeadingPx;
  for (double radius : classes.radii) needed += 2 * std::max(radius, 6.0) + 4;
  if (bottom - top < needed) return;  // a short plot has no room for it
  left += kGapPx;
  double y = bottom - needed;
  TextMark heading{TruncateLabel(title, 140, text_width), {left, y}, 9.0, theme.text};
  heading.bold = true;
  heading.baseline = TextBaseline::kTop;
  scene.marks.push_back(std::move(heading));
  y += kHeadingPx;
  Rgba dot = theme.marks;
  dot.a = 160;
  for (size_t index = 0; index < classes.values.size(); ++index) {
    const double half = std::max(classes.radii[index], 6.0);
    const double centre_y = y + half;
    scene.marks.push_back(
        PointsMark{{{left + kLargestRadius, centre_y}}, {dot}, classes.radii[index]});
    TextMark label{
        classes.labels[index], {left + 2 * kLargestRadius + 6, centre_y}, 9.0, theme.text};
    label.baseline = TextBaseline::kMiddle;
    scene.marks.push_back(std::move(label));
    y += 2 * half + 4;
  }
}

}  // namespace pika
