#include "plot/plot_scene.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "plot/color_marks.h"
#include "plot/colormap.h"
#include "plot/density_grid.h"
#include "plot/legend.h"
#include "plot/log_ticks.h"
#include "plot/m4.h"
#include "plot/nice_ticks.h"
#include "plot/scene_parts.h"
#include "plot/size_encoding.h"
#include "plot/sorted_x.h"
#include "plot/time_ticks.h"

namespace pika {

using namespace scene_parts;

namespace {

// A log axis over decades: `logs` (or the window's bounds) are log10 of the values, and so
// are the ticks' positions; their labels read as the values ("100", "1e6").
AxisTicks LogAxis(std::span<const double> logs, int target) {
  double low = INFINITY, high = -INFINITY;
  for (double value : logs) {
    if (!std::isfinite(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (!(low <= high)) low = 0, high = 1;
  auto ticks = LogTicks(std::pow(10.0, low), std::pow(10.0, high), target);
  if (!ticks.ok()) return {low, high, {}, {}};
  // A single value widens to a decade on either side.
  AxisTicks axis{std::log10(ticks->min), std::log10(ticks->max), {}, {}};
  for (const NumericTick& tick : ticks->ticks) {
    axis.values.push_back(std::log10(tick.value));
    axis.labels.push_back(tick.label);
  }
  return axis;
}

AxisTicks WindowLogAxis(double low, double high, int target) {
  const double bounds[] = {low, high};
  return ClipTo(LogAxis(bounds, target), low, high);
}

// All the data, or the window a view asked for (exactly: panning must not jump to ticks).
AxisTicks XAxis(const PlotSpec& spec, std::span<const double> x) {
  const double reduced[] = {spec.reduced_extent ? spec.reduced_extent->x_min : 0,
                            spec.reduced_extent ? spec.reduced_extent->x_max : 0};
  if (spec.reduced_extent) x = reduced;
  const int target = static_cast<int>(spec.width / (spec.x_is_time ? 110 : 90));
  if (spec.x_log)
    return spec.window ? WindowLogAxis(spec.window->x_min, spec.window->x_max, target)
                       : LogAxis(x, target);
  if (!spec.window)
    return spec.x_is_time ? TimeAxis(x, target) : FromNumeric(NiceTicksOf(x, {target}));
  const double bounds[] = {spec.window->x_min, spec.window->x_max};
  AxisTicks axis = spec.x_is_time ? TimeAxis(bounds, target)
                                  : FromNumeric(NiceTicks(bounds[0], bounds[1], {target}));
  return ClipTo(std::move(axis), bounds[0], bounds[1]);
}

AxisTicks YAxis(const PlotSpec& spec, std::span<const double> y) {
  const double reduced[] = {spec.reduced_extent ? spec.reduced_extent->y_min : 0,
                            spec.reduced_extent ? spec.reduced_extent->y_max : 0};
  if (spec.reduced_extent) y = reduced;
  const int target = static_cast<int>(spec.height / 60);
  if (spec.y_log)
    return spec.window ? WindowLogAxis(spec.window->y_min, spec.window->y_max, target)
                       : LogAxis(y, target);
  if (!spec.window) return FromNumeric(NiceTicksOf(y, {target, /*extend_domain=*/true}));
  return ClipTo(FromNumeric(NiceTicks(spec.window->y_min, spec.window->y_max, {target})),
                spec.window->y_min, spec.window->y_max);
}

// Half-open pixel ranges: widen the top end so that the largest value is in view.
Viewport ViewportOf(const AxisTicks& x, const AxisTicks& y) {
  constexpr double kUp = std::numeric_limits<double>::infinity();
  return {x.min, std::nextafter(x.max, kUp), y.min, std::nextafter(y.max, kUp)};
}

bool Inside(double value, const AxisTicks& axis) { return value >= axis.min && value <= axis.max; }

// Rows the view shows: finite, and inside the axes (a line: inside the x axis).
uint64_t RowsInView(std::span<const double> x, std::span<const double> y, const AxisTicks& x_axis,
                    const AxisTicks& y_axis, PlotKind kind) {
  uint64_t rows = 0;
  for (size_t row = 0; row < x.size(); ++row) {
    rows += std::isfinite(x[row]) && std::isfinite(y[row]) && Inside(x[row], x_axis) &&
            (kind == PlotKind::kLine || Inside(y[row], y_axis));
  }
  return rows;
}

// A line's rows in x order: those inside the x axis, and the nearest on either side so the
// line runs on to the plot's edges.
std::vector<size_t> LineRowsInView(std::span<const double> x, XOrder order,
                                   const AxisTicks& x_axis) {
  std::vector<size_t> rows;
  std::optional<size_t> before, after;
  for (size_t row = 0; row < x.size(); ++row) {
    if (!std::isfinite(x[row])) {
      rows.push_back(row);  // keeps the break a NULL makes
    } else if (x[row] < x_axis.min) {
      if (!before || x[row] > x[*before]) before = row;
    } else if (x[row] > x_axis.max) {
      if (!after || x[row] < x[*after]) after = row;
    } else {
      rows.push_back(row);
    }
  }
  if (before) rows.push_back(*before);
  if (after) rows.push_back(*after);
  // Sorting by row first keeps NULL breaks between their neighbours where x is sorted.
  std::sort(rows.begin(), rows.end());
  if (order != XOrder::kSorted) {
    std::erase_if(rows, [&](size_t row) { return !std::isfinite(x[row]); });
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  }
  return rows;
}

// Colours a count grid into the plot area: log scale, empty cells left transparent.
void PaintDensity(const CountGrid& grid, GridShape shape, const Frame& frame, Scene& scene) {
  const uint32_t densest = *std::max_element(grid.counts.begin(), grid.counts.end());
  ImageMark image{frame.left, frame.top, frame.width(), frame.height(), shape.width, shape.height,
                  {},         {}};
  image.pixels.resize(grid.counts.size(), Rgba{0, 0, 0, 0});
  image.counts.resize(grid.counts.size(), 0);  // what hovering a pixel reports
  // Counts span orders of magnitude: a log scale shows both the crowd and the outliers.
  const double scale = 1.0 / std::log1p(std::max<double>(densest, 1));
  for (uint32_t row = 0; row < shape.height; ++row) {
    for (uint32_t column = 0; column < shape.width; ++column) {
      const uint32_t count = grid.At(column, row);
      if (count == 0) continue;
      const size_t top_down = size_t{shape.height - 1 - row} * shape.width + column;
      image.pixels[top_down] = Viridis(0.15 + 0.85 * std::log1p(count) * scale);
      image.counts[top_down] = count;
    }
  }
  scene.marks.push_back(std::move(image));
}

GridShape ShapeOf(const Frame& frame) {
  return {static_cast<uint32_t>(frame.width()), static_cast<uint32_t>(frame.height())};
}

Status AddDensity(std::span<const double> x, std::span<const double> y, const Viewport& viewport,
                  const Frame& frame, GridPool& pool, Scene& scene) {
  CountGrid grid;
  PIKA_TRY(BinCounts(x, y, viewport, ShapeOf(frame), pool, grid));
  PaintDensity(grid, ShapeOf(frame), frame, scene);
  return {};
}

// The coarse frame: a pyramid level resampled to the plot area, at once. Returns its badge.
Result<std::string> AddPyramidDensity(const DensityPyramid& pyramid, const Viewport& viewport,
                                      const Frame& frame, GridPool& pool, Scene& scene) {
  CountGrid grid;
  auto answer = pyramid.AnswerViewport(viewport, ShapeOf(frame), pool, grid);
  if (!answer.ok()) return answer.error();
  PaintDensity(grid, ShapeOf(frame), frame, scene);
  return Describe(*answer);
}

PlotArea AreaOf(const AxisTicks& x_axis, const AxisTicks& y_axis, const Frame& frame) {
  return {x_axis.min, x_axis.max, y_axis.min,  y_axis.max,
          frame.left, frame.top,  frame.right, frame.bottom};
}

// A scatter's sizes, when its points are drawn one by one (a density has none).
struct Sizing {
  std::span<const double> values;  // empty: one size
  SizeClasses classes;             // SizeClassesOf(values)
  bool drawn() const { return !values.empty(); }
};

void AddPoints(std::span<const double> x, std::span<const double> y, const ColorEncoding& encoding,
               const Sizing& sizing, const AxisTicks& x_axis, const AxisTicks& y_axis,
               const Frame& frame, const Theme& theme, uint64_t rows, Scene& scene) {
  const uint8_t alpha = rows > 5000 ? 150 : 210;
  const double radius = rows > 5000 ? 1.5 : 2.5;
  if (sizing.drawn()) {  // big points overlap more: lighter
    AddSizedPoints(x, y, encoding, sizing.values, sizing.classes, AreaOf(x_axis, y_axis, frame),
                   theme.marks, 150, scene);
    return;
  }
  if (encoding.present()) {
    scene.marks.push_back(
        ColoredPoints(x, y, encoding, AreaOf(x_axis, y_axis, frame), radius, alpha));
    return;
  }
  PointsMark points;
  Rgba color = theme.marks;
  color.a = alpha;
  points.colors = {color};
  points.radius = radius;
  for (size_t row = 0; row < x.size(); ++row) {
    if (!std::isfinite(x[row]) || !std::isfinite(y[row])) continue;
    if (!Inside(x[row], x_axis) || !Inside(y[row], y_axis)) continue;
    points.centers.push_back({ToPx(x[row], x_axis.min, x_axis.max, frame.left, frame.right),
                              ToPx(y[row], y_axis.min, y_axis.max, frame.bottom, frame.top)});
  }
  scene.marks.push_back(std::move(points));
}

// A line through `rows` (in drawing order); missing values break it.
void AddLine(std::span<const double> x, std::span<const double> y, std::span<const size_t> rows,
             const AxisTicks& x_axis, const AxisTicks& y_axis, const Frame& frame, Rgba color,
             Scene& scene) {
  PolylineMark line{{}, color, 1.5};
  for (size_t row : rows) {
    if (!std::isfinite(x[row]) || !std::isfinite(y[row])) {
      if (line.points.size() > 1) scene.marks.push_back(line);
      line.points.clear();
      continue;
    }
    line.points.push_back({ToPx(x[row], x_axis.min, x_axis.max, frame.left, frame.right),
                           ToPx(y[row], y_axis.min, y_axis.max, frame.bottom, frame.top)});
  }
  if (line.points.size() > 1) scene.marks.push_back(std::move(line));
}

// A line in `color`, reduced per pixel column (M4) or drawn through every row in view.
Status AddSeries(std::span<const double> x, std::span<const double> y, XOrder order, bool reduce,
                 const AxisTicks& x_axis, const AxisTicks& y_axis, const Frame& frame, Rgba color,
                 Scene& scene) {
  if (!reduce) {
    AddLine(x, y, LineRowsInView(x, order, x_axis), x_axis, y_axis, frame, color, scene);
    return {};
  }
  M4Output reduced;
  PIKA_TRY(M4(x, y, x_axis.min, std::nextafter(x_axis.max, INFINITY),
              static_cast<uint32_t>(frame.width()), order, reduced));
  AddLine(x, y, reduced.rows, x_axis, y_axis, frame, color, scene);
  return {};
}

// One line per category, each through its own rows (in row order), in its colour.
Status AddCategoryLines(std::span<const double> x, std::span<const double> y,
                        std::optional<XOrder> order, const ColorEncoding& color, bool reduce,
                        const AxisTicks& x_axis, const AxisTicks& y_axis, const Frame& frame,
                        Scene& scene) {
  if (!color.categorical())
    return InvalidInput(fmt::format(
        "a line plot is coloured by categories: '{}' gave numbers; use a column of names",
        color.title));
  std::vector<std::vector<double>> xs(color.names.size()), ys(color.names.size());
  for (size_t row = 0; row < x.size(); ++row) {
    const uint32_t code = color.codes[row];
    if (code >= color.names.size()) continue;
    xs[code].push_back(x[row]);
    ys[code].push_back(y[row]);
  }
  for (uint32_t code = 0; code < xs.size(); ++code) {
    // Rows taken in order from a sorted x are sorted; from an unsorted one, they may be.
    const XOrder series_order = order == XOrder::kSorted
                                    ? XOrder::kSorted
                                    : DetectXOrder(std::span<const double>(xs[code]));
    PIKA_TRY(AddSeries(xs[code], ys[code], series_order, reduce, x_axis, y_axis, frame,
                       CategoryColorOf(color, code), scene));
  }
  return {};
}

// The pyramid a coarse frame answers from; it holds counts only: coloured plots are always
// binned exactly.
const DensityPyramid* PyramidFor(const PlotSpec& spec, const ColorEncoding& color) {
  return color.present() ? nullptr : spec.pyramid;
}

// The rows the view shows. A coarse frame must not touch every row: the pyramid's count
// stands in for them.
uint64_t RowsShown(const PlotSpec& spec, std::span<const double> x, std::span<const double> y,
                   const ColorEncoding& color, const AxisTicks& x_axis, const AxisTicks& y_axis) {
  const DensityPyramid* pyramid = PyramidFor(spec, color);
  return pyramid != nullptr ? pyramid->stats().in_view
                            : RowsInView(x, y, x_axis, y_axis, spec.kind);
}

Status AddData(const PlotSpec& spec, std::span<const double> x, std::span<const double> y,
               const ColorEncoding& color, const Sizing& sizing, uint64_t rows,
               const AxisTicks& x_axis, const AxisTicks& y_axis, const Frame& frame,
               const Theme& theme, GridPool& pool, PlotScene& plot) {
  const DensityPyramid* pyramid = PyramidFor(spec, color);
  plot.reduction =
      ChooseReduction({rows, static_cast<uint32_t>(frame.width()),
                       static_cast<uint32_t>(frame.height()), spec.kind, spec.raw_point_cap});
  Scene& scene = plot.scene;
  if (spec.window)
    scene.marks.push_back(ClipMark{frame.left, frame.top, frame.width(), frame.height()});
  switch (plot.reduction.method) {
    case ReductionMethod::kDensity:
      if (pyramid != nullptr && spec.kind == PlotKind::kScatter) {
        auto badge = AddPyramidDensity(*pyramid, ViewportOf(x_axis, y_axis), frame, pool, scene);
        if (!badge.ok()) return badge.error();
        plot.badge = *badge;
        plot.coarse = true;
        break;
      }
      if (color.present()) {
        PIKA_TRY(AddColoredDensity(x, y, color, ViewportOf(x_axis, y_axis),
                                   AreaOf(x_axis, y_axis, frame), pool, scene));
        break;
      }
      PIKA_TRY(AddDensity(x, y, ViewportOf(x_axis, y_axis), frame, pool, scene));
      break;
    case ReductionMethod::kM4:
    case ReductionMethod::kLttb:
    case ReductionMethod::kRaw:
      if (spec.kind == PlotKind::kScatter) {
        AddPoints(x, y, color, sizing, x_axis, y_axis, frame, theme, rows, scene);
        break;
      }
      const bool reduce = plot.reduction.method != ReductionMethod::kRaw;
      if (color.present()) {
        PIKA_TRY(AddCategoryLines(x, y, spec.x_order, color, reduce, x_axis, y_axis, frame, scene));
      } else {
        const XOrder order = spec.x_order ? *spec.x_order : DetectXOrder(x);
        PIKA_TRY(AddSeries(x, y, order, reduce, x_axis, y_axis, frame, theme.marks, scene));
      }
      break;
  }
  if (spec.window) scene.marks.push_back(ClipMark{});
  return {};
}

// The values the y axis must show: zero, and every bar's end (stacks: their totals above
// and below zero).
std::pair<double, double> BarRange(const BarGroups& bars, size_t groups) {
  double low = 0, high = 0;  // bars grow from zero
  for (size_t start = 0; start < bars.values.size(); start += groups) {
    double up = 0, down = 0;
    for (size_t group = 0; group < groups; ++group) {
      const double value = bars.values[start + group];
      if (!std::isfinite(value)) continue;
      if (bars.stacked) {
        (value >= 0 ? up : down) += value;
      } else {
        up = std::max(up, value);
        down = std::min(down, value);
      }
    }
    high = std::max(high, up);
    low = std::min(low, down);
  }
  if (high == low) high = low + 1;
  return {low, high};
}

// Each category's slot holds its groups: side by side, or stacked from zero (positive values
// upward, negative ones downward).
void AddBars(const BarGroups& bars, size_t groups, const AxisTicks& y_axis, const Frame& frame,
             const Theme& theme, Scene& scene) {
  const size_t categories = bars.values.size() / groups;
  const double band = frame.width() / static_cast<double>(std::max<size_t>(categories, 1));
  const auto py = [&](double value) {
    return ToPx(value, y_axis.min, y_axis.max, frame.bottom, frame.top);
  };
  const double width = bars.stacked ? band * 0.8 : band * 0.8 / static_cast<double>(groups);
  for (size_t category = 0; category < categories; ++category) {
    double up = 0, down = 0;
    for (size_t group = 0; group < groups; ++group) {
      const double value = bars.values[category * groups + group];
      if (!std::isfinite(value)) continue;
      double from = 0;
      if (bars.stacked) {
        double& base = value >= 0 ? up : down;
        from = base;
        base += value;
      }
      const double left = frame.left + band * static_cast<double>(category) + band * 0.1 +
                          (bars.stacked ? 0 : width * static_cast<double>(group));
      const double top = std::min(py(from), py(from + value));
      const Rgba fill = bars.color.categorical()
                            ? CategoryColorOf(bars.color, static_cast<uint32_t>(group))
                            : CategoryColor(0);
      // A hairline of background keeps stacked segments apart.
      scene.marks.push_back(RectMark{left, top, width, std::abs(py(from + value) - py(from)), fill,
                                     bars.stacked ? theme.background : Rgba{0, 0, 0, 0},
                                     bars.stacked ? 0.5 : 0.0});
    }
  }
}

}  // namespace

HistogramBins NiceBins(double min, double max, int target) {
  HistogramBins bins;
  if (!std::isfinite(min) || !std::isfinite(max) || max < min) return bins;
  const NumericTicks ticks = NiceTicks(min, max, {std::max(target, 2), /*extend_domain=*/true});
  bins.width = ticks.step > 0 ? ticks.step : 1.0;
  bins.first_edge = std::floor(min / bins.width) * bins.width;
  // Half-open bins: a max on an edge opens one more bin so that it is counted.
  const auto count = static_cast<size_t>(std::floor((max - bins.first_edge) / bins.width)) + 1;
  bins.counts.assign(std::min<size_t>(count, 100'000), 0);
  return bins;
}

Result<PlotScene> BuildHistogramScene(const PlotSpec& spec, const HistogramBins& bins,
                                      const TextExtent& text_width) {
  PIKA_TRY(CheckSize(spec));
  uint64_t rows = 0, tallest = 0;
  for (uint64_t count : bins.counts) {
    rows += count;
    tallest = std::max(tallest, count);
  }
  if (!bins.edges.empty() && bins.edges.size() != bins.counts.size() + 1)
    return Internal("a histogram's edges do not match its bins");
  const double span[] = {bins.first_edge, bins.last_edge()};
  const AxisTicks x_axis =
      spec.x_is_time
          ? TimeAxis(span, static_cast<int>(spec.width / 110))
          : FromNumeric(NiceTicks(span[0], span[1], {static_cast<int>(spec.width / 90)}));
  const AxisTicks y_axis =
      FromNumeric(NiceTicks(0, static_cast<double>(std::max<uint64_t>(tallest, 1)),
                            {static_cast<int>(spec.height / 60), /*extend_domain=*/true}));
  const Frame frame = LayOut(spec, y_axis, text_width);
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot = StartScene(spec, theme, x_axis.min, x_axis.max, y_axis, frame);
  plot.reduction = {ReductionMethod::kRaw, Fidelity::kPixelExactAggregate, rows, rows, 0};
  AddYAxis(y_axis, frame, theme, plot.scene);
  AddXAxis(x_axis, frame, theme, text_width, plot.scene);
  for (size_t bin = 0; bin < bins.counts.size(); ++bin) {
    if (bins.counts[bin] == 0) continue;
    const double x0 = ToPx(bins.start(bin), x_axis.min, x_axis.max, frame.left, frame.right);
    const double x1 = ToPx(bins.end(bin), x_axis.min, x_axis.max, frame.left, frame.right);
    const double top = ToPx(static_cast<double>(bins.counts[bin]), y_axis.min, y_axis.max,
                            frame.bottom, frame.top);
    // A hairline of background between bars keeps neighbouring bins apart.
    plot.scene.marks.push_back(
        RectMark{x0, top, x1 - x0, frame.bottom - top, theme.marks, theme.background, 0.5});
  }
  AddFrameAndLabels(
      spec, frame, theme,
      fmt::format("histogram of {} rows, {} bins{} (exact counts)", WithThousands(rows),
                  bins.counts.size(), bins.label.empty() ? "" : " of " + bins.label),
      text_width, plot);
  return plot;
}

Result<PlotScene> BuildBarScene(const PlotSpec& spec, std::span<const std::string> categories,
                                std::span<const double> values, uint64_t rows,
                                const std::string& badge, const TextExtent& text_width) {
  return BuildBarScene(spec, categories, BarGroups{{}, {values.begin(), values.end()}, false}, rows,
                       badge, text_width);
}

Result<PlotScene> BuildBarScene(const PlotSpec& spec, std::span<const std::string> categories,
                                const BarGroups& bars, uint64_t rows, const std::string& badge,
                                const TextExtent& text_width) {
  PIKA_TRY(CheckSize(spec));
  const size_t groups = std::max<size_t>(bars.color.names.size(), 1);
  if (bars.values.size() != categories.size() * groups)
    return Internal("bar values do not match the categories and groups");
  const auto [low, high] = BarRange(bars, groups);
  const AxisTicks y_axis = FromNumeric(
      NiceTicks(low, high, {static_cast<int>(spec.height / 60), /*extend_domain=*/true}));
  Frame frame = LayOut(spec, y_axis, text_width, LegendWidth(bars.color, spec.width, text_width));
  frame.bottom -= TurnedNamesRoom(categories, frame, text_width);  // names turned to fit
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot =
      StartScene(spec, theme, 0, static_cast<double>(categories.size()), y_axis, frame);
  plot.reduction = {ReductionMethod::kRaw, Fidelity::kPixelExactAggregate, rows, rows, 0};
  AddYAxis(y_axis, frame, theme, plot.scene);
  AddBars(bars, groups, y_axis, frame, theme, plot.scene);
  if (!categories.empty()) AddCategoryAxis(categories, frame, theme, text_width, plot.scene);
  AddLegend(bars.color, spec.width, frame.right, frame.top, frame.bottom, theme, text_width,
            plot.scene);
  AddFrameAndLabels(spec, frame, theme, badge, text_width, plot);
  return plot;
}

Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const TextExtent& text_width,
                                 GridPool& pool) {
  return BuildPlotScene(spec, x, y, ColorEncoding{}, text_width, pool);
}

namespace {

// Sizes are drawn on raw points only: a density or a line says it left them out.
std::string SizeNote(const ReductionDescription& reduction) {
  return reduction.method == ReductionMethod::kDensity ? kNoSizesInDensity
                                                       : "; sizes are for scatter plots";
}

// The scene over x and y as they are (log axes pass their logs); `note` ends the badge.
Result<PlotScene> BuildLinearScene(const PlotSpec& spec, std::span<const double> x,
                                   std::span<const double> y, const ColorEncoding& color,
                                   const SizeEncoding& size, const TextExtent& text_width,
                                   GridPool& pool, const std::string& note) {
  const AxisTicks x_axis = XAxis(spec, x);
  const AxisTicks y_axis = YAxis(spec, y);
  const uint64_t rows = RowsShown(spec, x, y, color, x_axis, y_axis);
  // Sizes show on a scatter's points drawn one by one: with more rows in view than the raw
  // cap it is a density (ChooseReduction), and no legend column is kept for them.
  Sizing sizing;
  if (size.present() && spec.kind == PlotKind::kScatter && rows <= spec.raw_point_cap)
    sizing = {size.values, SizeClassesOf(size.values)};
  const double legend_px =
      std::max(LegendWidth(color, spec.width, text_width),
               sizing.drawn() ? SizeLegendWidth(size.title, sizing.classes, text_width) : 0.0);
  const Frame frame = LayOut(spec, y_axis, text_width, legend_px);
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot = StartScene(spec, theme, x_axis.min, x_axis.max, y_axis, frame);
  AddYAxis(y_axis, frame, theme, plot.scene);
  AddXAxis(x_axis, frame, theme, text_width, plot.scene);
  PIKA_TRY(AddData(spec, x, y, color, sizing, rows, x_axis, y_axis, frame, theme, pool, plot));
  if (spec.rows_reduced_from > 0 && spec.kind == PlotKind::kLine) {
    plot.reduction = {ReductionMethod::kM4, Fidelity::kPixelExactAggregate, spec.rows_reduced_from,
                      spec.rows_reduced_from, 0};
  }
  AddLegend(color, spec.width, frame.right, frame.top, frame.bottom, theme, text_width, plot.scene);
  // Below a colour legend, the size legend takes the lower half of the column.
  if (sizing.drawn())
    AddSizeLegend(size.title, sizing.classes, frame.right,
                  color.present() ? frame.top + frame.height() / 2 : frame.top, frame.bottom, theme,
                  text_width, plot.scene);
  AddFrameAndLabels(spec, frame, theme,
                    (plot.coarse ? plot.badge : Describe(plot.reduction)) + note +
                        (size.present() && !sizing.drawn() ? SizeNote(plot.reduction) : ""),
                    text_width, plot);
  return plot;
}

// log10 of each value; NaN (left off the axis) for values <= 0, which `left_off` marks.
std::vector<double> Log10Of(std::span<const double> values, std::vector<uint8_t>& left_off) {
  std::vector<double> logs(values.size());
  for (size_t row = 0; row < values.size(); ++row) {
    const bool placed = values[row] > 0;
    logs[row] = placed ? std::log10(values[row]) : std::nan("");
    left_off[row] |= static_cast<uint8_t>(!placed && !std::isnan(values[row]));
  }
  return logs;
}

}  // namespace

Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const ColorEncoding& color,
                                 const TextExtent& text_width, GridPool& pool) {
  return BuildPlotScene(spec, x, y, color, SizeEncoding{}, text_width, pool);
}

Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const ColorEncoding& color,
                                 const SizeEncoding& size, const TextExtent& text_width,
                                 GridPool& pool) {
  if (x.size() != y.size()) return Internal("x and y columns differ in length");
  if (!FitsRows(color, x.size())) return Internal("the colour column differs in length from x");
  if (size.present() && size.values.size() != x.size())
    return Internal("the size column differs in length from x");
  PIKA_TRY(CheckSize(spec));
  if (!spec.x_log && !spec.y_log)
    return BuildLinearScene(spec, x, y, color, size, text_width, pool, "");
  if (spec.x_is_time && spec.x_log)
    return InvalidInput("a date or time axis cannot be logarithmic: turn off log x");
  // The scene is built over decades, where binning, M4 and pixels stay linear.
  std::vector<uint8_t> left_off(x.size(), 0);
  std::vector<double> x_logs, y_logs;
  if (spec.x_log) x_logs = Log10Of(x, left_off);
  if (spec.y_log) y_logs = Log10Of(y, left_off);
  PlotSpec log_spec = spec;
  log_spec.pyramid = nullptr;                // its counts are over the values, not their logs
  if (spec.x_log) log_spec.x_order.reset();  // values <= 0 become NaN, which no sorted x holds
  const auto dropped = static_cast<uint64_t>(std::count(left_off.begin(), left_off.end(), 1));
  return BuildLinearScene(log_spec, spec.x_log ? std::span<const double>(x_logs) : x,
                          spec.y_log ? std::span<const double>(y_logs) : y, color, size, text_width,
                          pool, LogLeftOffNote(dropped));
}

std::string LogLeftOffNote(uint64_t rows) {
  if (rows == 0) return "";
  return fmt::format("; {} {} <= 0 left off the log axis", WithThousands(rows),
                     rows == 1 ? "row" : "rows");
}

DensityLayout DensityLayoutFor(const PlotSpec& spec, const DataWindow& extent,
                               const TextExtent& text_width) {
  return DensityLayoutFor(spec, extent, ColorEncoding{}, text_width);
}

DensityLayout DensityLayoutFor(const PlotSpec& spec, const DataWindow& extent,
                               const ColorEncoding& color, const TextExtent& text_width) {
  const double xs[] = {extent.x_min, extent.x_max};
  const double ys[] = {extent.y_min, extent.y_max};
  const AxisTicks x_axis = XAxis(spec, xs);
  const AxisTicks y_axis = YAxis(spec, ys);
  const double legend_px = LegendWidth(color, spec.width, text_width);
  return {ViewportOf(x_axis, y_axis), ShapeOf(LayOut(spec, y_axis, text_width, legend_px))};
}

namespace {

// A density counted elsewhere, drawn by `paint` into the plot area (the grid DensityLayoutFor
// gives), with `color`'s legend.
template <typename Paint>
Result<PlotScene> BuildCountedScene(const PlotSpec& spec, const DataWindow& extent,
                                    const ColorEncoding& color, uint64_t rows,
                                    const TextExtent& text_width, Paint paint) {
  PIKA_TRY(CheckSize(spec));
  const double xs[] = {extent.x_min, extent.x_max};
  const double ys[] = {extent.y_min, extent.y_max};
  const AxisTicks x_axis = XAxis(spec, xs);
  const AxisTicks y_axis = YAxis(spec, ys);
  const Frame frame = LayOut(spec, y_axis, text_width, LegendWidth(color, spec.width, text_width));
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot = StartScene(spec, theme, x_axis.min, x_axis.max, y_axis, frame);
  plot.reduction = {ReductionMethod::kDensity, Fidelity::kPixelExactAggregate, rows, rows, 0};
  AddYAxis(y_axis, frame, theme, plot.scene);
  AddXAxis(x_axis, frame, theme, text_width, plot.scene);
  if (spec.window)
    plot.scene.marks.push_back(ClipMark{frame.left, frame.top, frame.width(), frame.height()});
  PIKA_TRY(paint(x_axis, y_axis, frame, plot.scene));
  if (spec.window) plot.scene.marks.push_back(ClipMark{});
  AddLegend(color, spec.width, frame.right, frame.top, frame.bottom, theme, text_width, plot.scene);
  AddFrameAndLabels(spec, frame, theme, Describe(plot.reduction), text_width, plot);
  return plot;
}

}  // namespace

Result<PlotScene> BuildCountedDensityScene(const PlotSpec& spec, const DataWindow& extent,
                                           const CountGrid& counts, uint64_t rows,
                                           const TextExtent& text_width) {
  const auto paint = [&counts](const AxisTicks&, const AxisTicks&, const Frame& frame,
                               Scene& scene) -> Status {
    const GridShape shape = ShapeOf(frame);
    if (counts.shape.width != shape.width || counts.shape.height != shape.height ||
        counts.counts.size() != shape.cells())
      return Internal("a counted density must have the plot area's grid (DensityLayoutFor)");
    PaintDensity(counts, shape, frame, scene);
    return {};
  };
  return BuildCountedScene(spec, extent, ColorEncoding{}, rows, text_width, paint);
}

Result<PlotScene> BuildCountedDensityScene(const PlotSpec& spec, const DataWindow& extent,
                                           const ColorEncoding& color, const ColoredCells& cells,
                                           uint64_t rows, const TextExtent& text_width) {
  const auto paint = [&](const AxisTicks& x_axis, const AxisTicks& y_axis, const Frame& frame,
                         Scene& scene) {
    return AddColoredCells(cells, color, AreaOf(x_axis, y_axis, frame), scene);
  };
  return BuildCountedScene(spec, extent, color, rows, text_width, paint);
}

Result<PlotScene> BuildCoarseScene(PlotSpec spec, const CoarseCounts& coarse,
                                   const TextExtent& text_width) {
  PIKA_TRY(CheckSize(spec));
  spec.x_is_time = coarse.x_is_time;
  const DataWindow& extent = coarse.extent;
  const GridShape shape = coarse.counts.shape;
  if (shape.cells() == 0 || coarse.counts.counts.size() != shape.cells() ||
      !(extent.x_max > extent.x_min) || !(extent.y_max > extent.y_min))
    return Internal("a coarse level needs counts over an extent that is not empty");
  // The same axes as the exact scene: they depend on the extremes alone.
  const double xs[] = {extent.x_min, extent.x_max};
  const double ys[] = {extent.y_min, extent.y_max};
  const AxisTicks x_axis = XAxis(spec, xs);
  const AxisTicks y_axis = YAxis(spec, ys);
  const Frame frame = LayOut(spec, y_axis, text_width);
  const Theme theme = ThemeFor(spec.theme);
  PlotScene plot = StartScene(spec, theme, x_axis.min, x_axis.max, y_axis, frame);
  plot.coarse = true;
  plot.reduction = {
      ReductionMethod::kDensity,
      coarse.sampled_percent < 100 ? Fidelity::kSampled : Fidelity::kPixelExactAggregate,
      coarse.rows, coarse.rows, 0};
  AddYAxis(y_axis, frame, theme, plot.scene);
  AddXAxis(x_axis, frame, theme, text_width, plot.scene);
  // The grid covers the extent, which a window may show only part of.
  const Frame cells{ToPx(extent.x_min, x_axis.min, x_axis.max, frame.left, frame.right),
                    ToPx(extent.y_max, y_axis.min, y_axis.max, frame.bottom, frame.top),
                    ToPx(extent.x_max, x_axis.min, x_axis.max, frame.left, frame.right),
                    ToPx(extent.y_min, y_axis.min, y_axis.max, frame.bottom, frame.top)};
  plot.scene.marks.push_back(ClipMark{frame.left, frame.top, frame.width(), frame.height()});
  PaintDensity(coarse.counts, shape, cells, plot.scene);
  plot.scene.marks.push_back(ClipMark{});
  const std::string rows = coarse.sampled_percent < 100
                               ? fmt::format("~{} rows estimated from a {:.2g}% sample",
                                             WithThousands(coarse.rows), coarse.sampled_percent)
                               : fmt::format("{} rows", WithThousands(coarse.rows));
  AddFrameAndLabels(
      spec, frame, theme,
      fmt::format("coarse: {} in {} x {} cells (level 1 of 2, the exact plot follows)", rows,
                  shape.width, shape.height),
      text_width, plot);
  return plot;
}

}  // namespace pika
