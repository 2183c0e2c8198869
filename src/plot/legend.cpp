#include "plot/legend.h"

#include <fmt/format.h>

#include <algorithm>

#include "plot/nice_ticks.h"

namespace pika {

namespace {

constexpr double kLabelPt = 9.0;
constexpr double kRowPx = 16.0;
constexpr double kSwatchPx = 10.0;
constexpr double kGap = 12.0;  // between the plot area and the legend
constexpr double kBarWidth = 12.0;
constexpr double kMaxBarHeight = 220.0;

// Names longer than this are cut with an ellipsis: a narrow plot keeps most of its width.
double NameRoom(double plot_width) { return std::clamp(plot_width * 0.18, 60.0, 140.0); }

std::string UndrawnNote(uint64_t undrawn) { return fmt::format("+{} more, not drawn", undrawn); }

// Ticks of a colour bar: inside the coloured range only.
NumericTicks BarTicks(const ColorEncoding& color) {
  NumericTicks ticks = NiceTicks(color.min, color.max, {4});
  std::erase_if(ticks.ticks, [&](const NumericTick& tick) {
    return tick.value < ticks.min || tick.value > ticks.max;
  });
  return ticks;
}

void AddHeading(const ColorEncoding& color, double left, double top, double room,
                const Theme& theme, const TextExtent& text_width, Scene& scene) {
  TextMark heading{TruncateLabel(color.title, room, text_width), {left, top}, kLabelPt, theme.text};
  heading.bold = true;
  heading.baseline = TextBaseline::kTop;
  scene.marks.push_back(std::move(heading));
}

void AddSwatches(const ColorEncoding& color, double left, double top, double bottom, double room,
                 const Theme& theme, const TextExtent& text_width, Scene& scene) {
  double y = top;
  for (uint32_t code = 0; code < color.names.size(); ++code, y += kRowPx) {
    if (y + kRowPx > bottom) break;  // a short plot shows the first categories only
    scene.marks.push_back(
        RectMark{left, y + 3, kSwatchPx, kSwatchPx, CategoryColorOf(color, code)});
    TextMark name{TruncateLabel(color.names[code], room, text_width),
                  {left + kSwatchPx + 5, y + 3 + kSwatchPx / 2},
                  kLabelPt,
                  theme.text};
    name.baseline = TextBaseline::kMiddle;
    scene.marks.push_back(std::move(name));
  }
  if (color.undrawn_categories > 0 && y + kRowPx <= bottom) {
    TextMark note{UndrawnNote(color.undrawn_categories), {left, y + 3}, kLabelPt, theme.muted_text};
    note.baseline = TextBaseline::kTop;
    scene.marks.push_back(std::move(note));
  }
}

void AddColorBar(const ColorEncoding& color, double left, double top, double bottom,
                 const Theme& theme, Scene& scene) {
  const double height = std::min(kMaxBarHeight, bottom - top);
  if (height < 20) return;
  const NumericTicks ticks = BarTicks(color);
  ImageMark bar{left, top, kBarWidth, height, 1, 128, {}, {}};
  for (uint32_t row = 0; row < bar.rows; ++row) {  // row 0 is the top: the largest value
    const double t = 1.0 - (row + 0.5) / bar.rows;
    bar.pixels.push_back(ValueColorOf(color, ticks.min + t * (ticks.max - ticks.min)));
  }
  scene.marks.push_back(std::move(bar));
  for (const NumericTick& tick : ticks.ticks) {
    const double y = top + (ticks.max - tick.value) / (ticks.max - ticks.min) * height;
    scene.marks.push_back(
        PolylineMark{{{left + kBarWidth, y}, {left + kBarWidth + 3, y}}, theme.axis, 1.0});
    TextMark label{tick.label, {left + kBarWidth + 5, y}, kLabelPt, theme.text};
    label.baseline = TextBaseline::kMiddle;
    scene.marks.push_back(std::move(label));
  }
}

}  // namespace

double LegendWidth(const ColorEncoding& color, double plot_width, const TextExtent& text_width) {
  if (!color.present()) return 0;
  const double room = NameRoom(plot_width);
  double widest = std::min(room, text_width(color.title) * 1.1);  // the heading is bold
  if (color.categorical()) {
    for (const std::string& name : color.names)
      widest = std::max(widest, kSwatchPx + 5 + std::min(room, text_width(name)));
    if (color.undrawn_categories > 0)
      widest = std::max(widest, text_width(UndrawnNote(color.undrawn_categories)));
  } else {
    for (const NumericTick& tick : BarTicks(color).ticks)
      widest = std::max(widest, kBarWidth + 5 + text_width(tick.label));
  }
  return kGap + widest + 8;
}

void AddLegend(const ColorEncoding& color, double plot_width, double left, double top,
               double bottom, const Theme& theme, const TextExtent& text_width, Scene& scene) {
  if (!color.present()) return;
  left += kGap;
  const double room = NameRoom(plot_width);
  AddHeading(color, left, top, room, theme, text_width, scene);
  if (color.categorical()) {
    AddSwatches(color, left, top + kRowPx + 2, bottom, room, theme, text_width, scene);
  } else {
    AddColorBar(color, left, top + kRowPx + 6, bottom, theme, scene);
  }
}

}  // namespace pika
