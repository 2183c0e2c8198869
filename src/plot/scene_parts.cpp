#include "plot/scene_parts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plot/time_ticks.h"

namespace pika::scene_parts {

namespace {

// The title and the badge share the top line: when both do not fit, each gets its share of the
// width (the title at least half) and is cut with an ellipsis rather than overlap the other.
struct TopLine {
  std::string title, badge;
};

TopLine FitTopLine(const PlotSpec& spec, const Frame& frame, const std::string& badge,
                   const TextExtent& text_width) {
  // Labels are measured at the tick size: scale to the title's (bold) and the badge's size.
  const double title_scale = kTitlePt / kTickLabelPt * 1.08, badge_scale = kBadgePt / kTickLabelPt;
  const TextExtent title_width = [&](std::string_view text) {
    return text_width(text) * title_scale;
  };
  const TextExtent badge_width = [&](std::string_view text) {
    return text_width(text) * badge_scale;
  };
  const double room = spec.width - 20 - frame.left - 16;
  const double wanted_title = spec.title.empty() ? 0 : title_width(spec.title);
  const double wanted_badge = badge_width(badge);
  if (wanted_title + wanted_badge <= room) return {spec.title, badge};
  const double title_room = std::max(room * 0.5, room - wanted_badge);
  TopLine line;
  line.title = spec.title.empty() ? "" : TruncateLabel(spec.title, title_room, title_width);
  const double used = spec.title.empty() ? 0 : title_width(line.title);
  line.badge = TruncateLabel(badge, room - used, badge_width);
  return line;
}

void AddTitles(const PlotSpec& spec, const std::string& title_text, const Frame& frame,
               const Theme& theme, Scene& scene) {
  if (!title_text.empty()) {
    TextMark title{title_text, {frame.left, 24}, kTitlePt, theme.text};
    title.bold = true;
    scene.marks.push_back(std::move(title));
  }
  if (!spec.x_title.empty()) {
    TextMark x_title{
        spec.x_title, {(frame.left + frame.right) / 2, spec.height - 8}, kAxisTitlePt, theme.text};
    x_title.anchor = TextAnchor::kMiddle;
    scene.marks.push_back(std::move(x_title));
  }
  if (!spec.y_title.empty()) {
    TextMark y_title{spec.y_title, {16, (frame.top + frame.bottom) / 2}, kAxisTitlePt, theme.text};
    y_title.anchor = TextAnchor::kMiddle;
    y_title.baseline = TextBaseline::kMiddle;
    y_title.rotation_deg = 90.0;
    scene.marks.push_back(std::move(y_title));
  }
}

void SetArea(const Frame& frame, PlotScene& plot) {
  plot.area_left = frame.left;
  plot.area_top = frame.top;
  plot.area_right = frame.right;
  plot.area_bottom = frame.bottom;
}

// Category names under their bars: truncated, thinned, or turned 45 degrees to fit.
CategoryLabels PlaceNames(std::span<const std::string> names, const Frame& frame,
                          const TextExtent& text_width) {
  LabelPlacementOptions options;
  options.allow_rotation = true;
  options.line_height_px = kLineHeightPx;
  return PlaceCategoryLabels(BandCentres(names.size(), frame), names, kCategoryRoomPx, text_width,
                             options);
}

}  // namespace

AxisTicks FromNumeric(const NumericTicks& ticks) {
  AxisTicks out{ticks.min, ticks.max, {}, {}};
  for (const NumericTick& tick : ticks.ticks) {
    out.values.push_back(tick.value);
    out.labels.push_back(tick.label);
  }
  return out;
}

// The axis over exactly [min, max], keeping the ticks inside.
AxisTicks ClipTo(AxisTicks axis, double min, double max) {
  AxisTicks clipped{min, max, {}, {}};
  for (size_t i = 0; i < axis.values.size(); ++i) {
    if (axis.values[i] < min || axis.values[i] > max) continue;
    clipped.values.push_back(axis.values[i]);
    clipped.labels.push_back(std::move(axis.labels[i]));
  }
  return clipped;
}

AxisTicks TimeAxis(std::span<const double> x, int target) {
  std::vector<int64_t> micros(x.size());
  std::vector<uint8_t> valid(x.size());
  for (size_t row = 0; row < x.size(); ++row) {
    valid[row] = std::isfinite(x[row]) ? 1 : 0;
    micros[row] = valid[row] ? static_cast<int64_t>(x[row]) : 0;
  }
  const TimeTicks ticks = TimeTicksOf(micros, valid, target);
  AxisTicks out{static_cast<double>(ticks.min), static_cast<double>(ticks.max), {}, {}};
  for (const TimeTick& tick : ticks.ticks) {
    out.values.push_back(static_cast<double>(tick.micros));
    out.labels.push_back(tick.label);
  }
  return out;
}

// `legend_px`: the room a legend takes right of the plot area.
Frame LayOut(const PlotSpec& spec, const AxisTicks& y_ticks, const TextExtent& text_width,
             double legend_px) {
  double widest = 0;
  for (const std::string& label : y_ticks.labels) widest = std::max(widest, text_width(label));
  Frame frame;
  frame.left = widest + 14 + (spec.y_title.empty() ? 0 : 20);
  frame.top = spec.title.empty() ? 24 : 40;
  frame.right = spec.width - kRightMarginPx - legend_px;
  frame.bottom = spec.height - 26 - (spec.x_title.empty() ? 0 : 20);
  return frame;
}

double ToPx(double value, double min, double max, double from, double to) {
  return from + (value - min) / (max - min) * (to - from);
}

void AddXAxis(const AxisTicks& ticks, const Frame& frame, const Theme& theme,
              const TextExtent& text_width, Scene& scene) {
  std::vector<double> positions;
  for (double value : ticks.values) {
    positions.push_back(ToPx(value, ticks.min, ticks.max, frame.left, frame.right));
  }
  LabelPlacementOptions options;
  options.allow_rotation = true;
  options.line_height_px = kLineHeightPx;
  const LabelPlacement placement = PlaceLabels(positions, ticks.labels, text_width, options);
  for (double px : positions) {
    scene.marks.push_back(PolylineMark{{{px, frame.top}, {px, frame.bottom}}, theme.grid, 1.0});
    scene.marks.push_back(
        PolylineMark{{{px, frame.bottom}, {px, frame.bottom + 4}}, theme.axis, 1.0});
  }
  for (size_t index : placement.shown) {
    TextMark label{
        ticks.labels[index], {positions[index], frame.bottom + 6}, kTickLabelPt, theme.text};
    // A label centred on the last tick would run off the plot's right margin: it ends there.
    const bool past_margin =
        positions[index] + text_width(ticks.labels[index]) / 2 > frame.right + kRightMarginPx;
    label.anchor = placement.rotated || past_margin ? TextAnchor::kEnd : TextAnchor::kMiddle;
    label.baseline = TextBaseline::kTop;
    label.rotation_deg = placement.rotated ? 45.0 : 0.0;
    scene.marks.push_back(std::move(label));
  }
}

void AddYAxis(const AxisTicks& ticks, const Frame& frame, const Theme& theme, Scene& scene) {
  std::vector<double> positions;
  for (double value : ticks.values) {
    positions.push_back(ToPx(value, ticks.min, ticks.max, frame.bottom, frame.top));
  }
  // Placement runs along increasing positions: measure upwards from the bottom. Along a y
  // axis a label takes one line of height, whatever its width.
  std::vector<double> upwards;
  for (double py : positions) upwards.push_back(frame.bottom - py);
  const LabelPlacement placement =
      PlaceLabels(upwards, ticks.labels, [](std::string_view) { return kLineHeightPx; });
  for (double py : positions) {
    scene.marks.push_back(PolylineMark{{{frame.left, py}, {frame.right, py}}, theme.grid, 1.0});
    scene.marks.push_back(PolylineMark{{{frame.left - 4, py}, {frame.left, py}}, theme.axis, 1.0});
  }
  for (size_t index : placement.shown) {
    TextMark label{
        ticks.labels[index], {frame.left - 6, positions[index]}, kTickLabelPt, theme.text};
    label.anchor = TextAnchor::kEnd;
    label.baseline = TextBaseline::kMiddle;
    scene.marks.push_back(std::move(label));
  }
}

Status CheckSize(const PlotSpec& spec) {
  if (spec.width < 120 || spec.height < 90 || spec.width > 20000 || spec.height > 20000) {
    return InvalidInput(
        fmt::format("a plot must be between 120 x 90 and 20000 x 20000 pixels, not {} x {}",
                    spec.width, spec.height));
  }
  return {};
}

// An empty scene of the spec's size with its axes' domains and plot area set.
PlotScene StartScene(const PlotSpec& spec, const Theme& theme, double x_min, double x_max,
                     const AxisTicks& y_axis, const Frame& frame) {
  PlotScene plot;
  plot.scene = {spec.width, spec.height, theme.background, {}};
  plot.x_min = x_min;
  plot.x_max = x_max;
  plot.y_min = y_axis.min;
  plot.y_max = y_axis.max;
  SetArea(frame, plot);
  return plot;
}

void AddFrameAndLabels(const PlotSpec& spec, const Frame& frame, const Theme& theme,
                       const std::string& badge_text, const TextExtent& text_width,
                       PlotScene& plot) {
  Scene& scene = plot.scene;
  plot.badge = badge_text + spec.badge_note;
  scene.marks.push_back(PolylineMark{
      {{frame.left, frame.top}, {frame.left, frame.bottom}, {frame.right, frame.bottom}},
      theme.axis,
      1.0});
  const TopLine line = FitTopLine(spec, frame, plot.badge, text_width);
  AddTitles(spec, line.title, frame, theme, scene);
  TextMark badge{line.badge, {spec.width - 20, frame.top - 8}, kBadgePt, theme.muted_text};
  badge.anchor = TextAnchor::kEnd;
  scene.marks.push_back(std::move(badge));
}

std::vector<double> BandCentres(size_t count, const Frame& frame) {
  const double band = frame.width() / static_cast<double>(count);
  std::vector<double> centres;
  for (size_t index = 0; index < count; ++index)
    centres.push_back(frame.left + band * (static_cast<double>(index) + 0.5));
  return centres;
}

// The room turned names take below the plot area beyond the one line of labels LayOut keeps.
double TurnedNamesRoom(std::span<const std::string> names, const Frame& frame,
                       const TextExtent& text_width) {
  if (names.empty()) return 0;
  const CategoryLabels labels = PlaceNames(names, frame, text_width);
  if (!labels.placement.rotated) return 0;
  double longest = 0;
  for (size_t index : labels.placement.shown)
    longest = std::max(longest, text_width(labels.texts[index]));
  return std::max(0.0, longest * std::sqrt(0.5) + 8 - kLineHeightPx);
}

void AddCategoryAxis(std::span<const std::string> names, const Frame& frame, const Theme& theme,
                     const TextExtent& text_width, Scene& scene) {
  const std::vector<double> centres = BandCentres(names.size(), frame);
  const CategoryLabels labels = PlaceNames(names, frame, text_width);
  for (size_t index : labels.placement.shown) {
    TextMark label{
        labels.texts[index], {centres[index], frame.bottom + 6}, kTickLabelPt, theme.text};
    label.anchor = labels.placement.rotated ? TextAnchor::kEnd : TextAnchor::kMiddle;
    label.baseline = TextBaseline::kTop;
    label.rotation_deg = labels.placement.rotated ? 45.0 : 0.0;
    scene.marks.push_back(std::move(label));
  }
}

void AddCategoryYAxis(std::span<const std::string> names, const Frame& frame, const Theme& theme,
                      Scene& scene) {
  if (names.empty()) return;
  const double band = frame.height() / static_cast<double>(names.size());
  const auto step = static_cast<size_t>(std::ceil(kLineHeightPx / band));
  for (size_t index = 0; index < names.size(); index += step) {
    const double centre = frame.bottom - band * (static_cast<double>(index) + 0.5);
    TextMark label{names[index], {frame.left - 6, centre}, kTickLabelPt, theme.text};
    label.anchor = TextAnchor::kEnd;
    label.baseline = TextBaseline::kMiddle;
    scene.marks.push_back(std::move(label));
  }
}

}  // namespace pika::scene_parts
