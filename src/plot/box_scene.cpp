#include "plot/box_scene.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "plot/colormap.h"
#include "plot/scene_parts.h"

namespace pika {

using namespace scene_parts;

namespace {

// The values the y axis must show: every whisker and every outlier drawn.
std::pair<double, double> BoxRange(std::span<const BoxStats> boxes) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const BoxStats& box : boxes) {
    if (box.rows == 0) continue;
    low = std::min(low, box.low);
    high = std::max(high, box.high);
    for (double outlier : box.outliers) {
      low = std::min(low, outlier);
      high = std::max(high, outlier);
    }
  }
  if (!(low <= high)) return {0, 1};
  return {low, high};
}

struct BoxPlace {
  double centre = 0, half_width = 0;
};

void AddBox(const BoxStats& box, BoxPlace place, const AxisTicks& y_axis, const Frame& frame,
            const Theme& theme, Scene& scene) {
  const auto py = [&](double value) {
    return ToPx(value, y_axis.min, y_axis.max, frame.bottom, frame.top);
  };
  const double left = place.centre - place.half_width, right = place.centre + place.half_width;
  const double cap = place.half_width / 2;
  const Rgba line = theme.text;
  scene.marks.push_back(
      PolylineMark{{{place.centre, py(box.low)}, {place.centre, py(box.q1)}}, line, 1.0});
  scene.marks.push_back(
      PolylineMark{{{place.centre, py(box.q3)}, {place.centre, py(box.high)}}, line, 1.0});
  for (double end : {box.low, box.high}) {
    scene.marks.push_back(
        PolylineMark{{{place.centre - cap, py(end)}, {place.centre + cap, py(end)}}, line, 1.0});
  }
  Rgba fill = CategoryColor(0);
  fill.a = 170;
  // A box of no height (q1 == q3) still shows as a line.
  const double top = py(box.q3), height = std::max(py(box.q1) - top, 1.0);
  scene.marks.push_back(RectMark{left, top, right - left, height, fill, line, 1.0});
  scene.marks.push_back(PolylineMark{{{left, py(box.median)}, {right, py(box.median)}}, line, 2.0});
  if (box.outliers.empty()) return;
  PointsMark points;
  Rgba dot = line;
  dot.a = 140;
  points.colors = {dot};
  points.radius = 2.0;
  for (double outlier : box.outliers) points.centers.push_back({place.centre, py(outlier)});
  scene.marks.push_back(std::move(points));
}

}  // namespace

Result<PlotScene> BuildBoxScene(const PlotSpec& spec, std::span<const BoxStats> boxes,
                                const std::string& badge, const TextExtent& text_width) {
  PIKA_TRY(CheckSize(spec));
  const auto [low, high] = BoxRange(boxes);
  const AxisTicks y_axis = FromNumeric(
      NiceTicks(low, high, {static_cast<int>(spec.height / 60), /*extend_domain=*/true}));
  std::vector<std::string> names;
  for (const BoxStats& box : boxes) names.push_back(box.name);
  Frame frame = LayOut(spec, y_axis, text_width);
  frame.bottom -= TurnedNamesRoom(names, frame, text_width);
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot = StartScene(spec, theme, 0, static_cast<double>(boxes.size()), y_axis, frame);
  uint64_t rows = 0;
  for (const BoxStats& box : boxes) rows += box.rows;
  plot.reduction = {ReductionMethod::kRaw, Fidelity::kPixelExactAggregate, rows, rows, 0};
  AddYAxis(y_axis, frame, theme, plot.scene);
  const std::vector<double> centres = BandCentres(boxes.size(), frame);
  const double band = frame.width() / static_cast<double>(std::max<size_t>(boxes.size(), 1));
  const double half_width = std::min(band * 0.3, 40.0);
  for (size_t index = 0; index < boxes.size(); ++index) {
    if (boxes[index].rows == 0) continue;
    AddBox(boxes[index], {centres[index], half_width}, y_axis, frame, theme, plot.scene);
  }
  if (!names.empty()) AddCategoryAxis(names, frame, theme, text_width, plot.scene);
  AddFrameAndLabels(spec, frame, theme, badge, text_width, plot);
  return plot;
}

}  // namespace pika
