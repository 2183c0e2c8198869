// Plots rendered at a fixed size, font and theme, compared with committed baselines within a
// small tolerance. Regenerate the baselines (after a deliberate change, and look at them!)
// with `make golden`, which sets PIKA_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <QImage>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "plot/box_scene.h"
#include "plot/heatmap_scene.h"
#include "plot/plot_scene.h"
#include "render/scene_export.h"
#include "render/text_metrics.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

// A pixel counts as different when a channel differs by more than this...
constexpr int kChannelTolerance = 24;
// ...and an image matches when at most this share of its pixels differ (anti-aliasing and
// font hinting vary slightly between FreeType builds).
constexpr double kDifferentShare = 0.005;

struct Case {
  std::string name;
  PlotSpec spec;
  std::vector<double> x, y;
  std::vector<uint32_t> codes;  // colour by category...
  std::vector<std::string> names;
  std::vector<double> values;  // ...or by value

  ColorEncoding Color() const {
    ColorEncoding color;
    color.title = names.empty() && values.empty() ? "" : "group";
    color.names = names;
    if (!names.empty()) color.codes = codes;
    if (!values.empty()) {
      color.values = values;
      color.min = *std::min_element(values.begin(), values.end());
      color.max = *std::max_element(values.begin(), values.end());
    }
    return color;
  }
};

Case Scatter() {
  Case c{"scatter", {}, {}, {}};
  c.spec.title = "Scatter";
  for (int i = 0; i < 200; ++i) {
    c.x.push_back(i * 0.5);
    c.y.push_back(std::sin(i * 0.1) * 10 + i * 0.05);
  }
  return c;
}

Case Density() {
  Case c{"density", {}, {}, {}};
  c.spec.title = "Density";
  c.spec.theme = ThemeKind::kDark;
  std::mt19937 random(1);
  std::normal_distribution<double> normal;
  for (int i = 0; i < 400'000; ++i) {
    c.x.push_back(normal(random));
    c.y.push_back(normal(random) + c.x.back() * 0.5);
  }
  return c;
}

Case Line() {
  Case c{"line", {}, {}, {}};
  c.spec.kind = PlotKind::kLine;
  c.spec.title = "Line over time";
  c.spec.x_is_time = true;
  for (int day = 0; day < 366; ++day) {  // 2024, a leap year, from Jan 1st (UTC)
    c.x.push_back(1704067200.0e6 + day * 86400.0e6);
    c.y.push_back(10 + 8 * std::sin(day / 58.0));
  }
  return c;
}

// Three series, one per category, with a legend.
Case ColoredLines() {
  Case c{"colored_lines", {}, {}, {}, {}, {"north", "south", "a rather long region name"}, {}};
  c.spec.kind = PlotKind::kLine;
  c.spec.title = "Lines by category";
  for (uint32_t series = 0; series < 3; ++series) {
    for (int i = 0; i < 100; ++i) {
      c.x.push_back(i);
      c.y.push_back(std::sin(i * 0.08 + series) * (series + 2));
      c.codes.push_back(series);
    }
  }
  return c;
}

// Two overlapping clusters, too many points to draw: the density mixes their colours.
Case ColoredDensity() {
  Case c{"colored_density", {}, {}, {}, {}, {"left", "right"}, {}};
  c.spec.title = "Density by category";
  std::mt19937 random(2);
  std::normal_distribution<double> normal;
  for (int i = 0; i < 400'000; ++i) {
    const uint32_t group = i % 2;
    c.x.push_back(normal(random) + (group == 0 ? -1.0 : 1.0));
    c.y.push_back(normal(random));
    c.codes.push_back(group);
  }
  return c;
}

// Points coloured by a number, with a colour bar.
Case ColorBar() {
  Case c{"color_bar", {}, {}, {}, {}, {}, {}};
  c.spec.title = "Colour bar";
  c.spec.theme = ThemeKind::kDark;
  for (int i = 0; i < 300; ++i) {
    c.x.push_back(std::cos(i * 0.05) * i);
    c.y.push_back(std::sin(i * 0.05) * i);
    c.values.push_back(i * 0.5);
  }
  return c;
}

// A power law on log axes: a straight line through decades, with 2s and 5s between them.
Case LogLog() {
  Case c{"log_log", {}, {}, {}, {}, {}, {}};
  c.spec.title = "Log-log";
  c.spec.x_log = true;
  c.spec.y_log = true;
  for (int i = 1; i <= 200; ++i) {
    const double x = std::pow(10.0, i / 50.0);
    c.x.push_back(x);
    c.y.push_back(3 * std::pow(x, 1.5) * (1 + 0.3 * std::sin(i)));
  }
  return c;
}

double DifferentShare(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return 1.0;
  int64_t different = 0;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) {
      const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
      different += std::abs(p.red() - q.red()) > kChannelTolerance ||
                   std::abs(p.green() - q.green()) > kChannelTolerance ||
                   std::abs(p.blue() - q.blue()) > kChannelTolerance;
    }
  }
  return static_cast<double>(different) / (a.width() * a.height());
}

class GoldenPlot : public ::testing::TestWithParam<Case (*)()> {};

// Compares `scene` drawn to PNG with tests/fixtures/golden/NAME.png (PIKA_UPDATE_GOLDEN=1
// writes the baseline instead: make golden).
void ExpectMatchesBaseline(const Scene& scene, const std::string& name) {
  const std::string baseline = std::string(PIKA_FIXTURE_DIR) + "/golden/" + name + ".png";
  if (std::getenv("PIKA_UPDATE_GOLDEN")) {
    ASSERT_TRUE(ExportPng(scene, baseline).ok());
    std::cout << "baseline written: " << baseline << '\n';
    return;
  }
  test::TempDir temp;
  const std::string actual = temp.File(name + ".png");
  ASSERT_TRUE(ExportPng(scene, actual).ok());
  const QImage expected(QString::fromStdString(baseline));
  ASSERT_FALSE(expected.isNull()) << "no baseline " << baseline << ": run make golden";
  const double share = DifferentShare(QImage(QString::fromStdString(actual)), expected);
  EXPECT_LE(share, kDifferentShare) << name << ": " << share * 100 << "% of pixels differ; "
                                    << "compare " << actual << " with " << baseline;
  if (share > kDifferentShare) {  // keep the evidence for whoever looks into it
    std::filesystem::copy_file(
        actual, std::filesystem::temp_directory_path() / ("pika-failed-" + name + ".png"),
        std::filesystem::copy_options::overwrite_existing);
  }
}

TEST_P(GoldenPlot, MatchesItsBaseline) {
  Case c = GetParam()();
  c.spec.width = 400;
  c.spec.height = 300;
  GridPool pool;
  auto plot = BuildPlotScene(c.spec, c.x, c.y, c.Color(), TickLabelWidth(), pool);
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  ExpectMatchesBaseline(plot->scene, c.name);
}

// Bars split by a colour: stacked counts, and means side by side.
TEST(GoldenBars, StackedAndSideBySideMatchTheirBaselines) {
  const std::vector<std::string> seasons{"winter", "spring", "summer", "autumn"};
  BarGroups bars;
  bars.color.title = "weather";
  bars.color.names = {"sun", "rain", "fog", "2 others"};
  bars.color.last_is_other = true;
  bars.values = {20, 60, 10, 5, 45, 40, 8, 2, 80, 12, 2, std::nan(""), 35, 50, 15, 4};
  PlotSpec spec;
  spec.width = 400;
  spec.height = 300;
  spec.title = "Days by season";
  bars.stacked = true;
  auto stacked = BuildBarScene(spec, seasons, bars, 398, "rows by season and weather (exact)",
                               TickLabelWidth());
  ASSERT_TRUE(stacked.ok()) << stacked.error().message;
  ExpectMatchesBaseline(stacked->scene, "stacked_bars");
  bars.stacked = false;
  spec.theme = ThemeKind::kDark;
  auto grouped = BuildBarScene(spec, seasons, bars, 398, "mean of wind by season and weather",
                               TickLabelWidth());
  ASSERT_TRUE(grouped.ok()) << grouped.error().message;
  ExpectMatchesBaseline(grouped->scene, "grouped_bars");
}

// A skewed histogram on round bin edges, with an empty bin.
TEST(GoldenHistogram, BinsMatchTheirBaseline) {
  HistogramBins bins = NiceBins(0, 97, 20);
  for (size_t bin = 0; bin < bins.counts.size(); ++bin)
    bins.counts[bin] = static_cast<uint64_t>(1000 * std::exp(-0.25 * static_cast<double>(bin)));
  bins.counts[7] = 0;
  PlotSpec spec;
  spec.width = 400;
  spec.height = 300;
  spec.title = "Delays";
  spec.x_title = "minutes";
  spec.y_title = "rows";
  auto plot = BuildHistogramScene(spec, bins, TickLabelWidth());
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  ExpectMatchesBaseline(plot->scene, "histogram");
}

// Boxes by group with whiskers and outliers, and a flat box.
TEST(GoldenBox, BoxesWithWhiskersAndOutliersMatchTheirBaseline) {
  const std::vector<BoxStats> boxes{
      {"drizzle", 53, 0, 0, 0, 0, 0, {}, 0},
      {"rain", 641, 1, 3.3, 8.6, 0, 19.6, {21.3, 27.4, 43.4, 55.9}, 4},
      {"snow", 26, 3.6, 5.5, 13.5, 0.3, 23.9, {}, 0}};
  PlotSpec spec;
  spec.width = 400;
  spec.height = 300;
  spec.title = "Precipitation";
  auto plot = BuildBoxScene(spec, boxes, "precipitation by weather (exact)", TickLabelWidth());
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  ExpectMatchesBaseline(plot->scene, "box");
}

// Months across, years up, a mean per cell and one empty cell, on the dark theme.
TEST(GoldenHeatmap, CellsAndTheirColourBarMatchTheirBaseline) {
  HeatmapCells cells;
  cells.x.names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  cells.y.names = {"2012", "2013", "2014"};
  for (int year = 0; year < 3; ++year) {
    for (int month = 0; month < 12; ++month) {
      cells.values.push_back(8 + 10 * std::sin((month - 3) * 3.14159 / 6) + year);
      cells.rows.push_back(30);
    }
  }
  cells.values[5] = std::nan("");
  cells.rows[5] = 0;
  cells.value_title = "mean of temp";
  PlotSpec spec;
  spec.width = 400;
  spec.height = 300;
  spec.theme = ThemeKind::kDark;
  spec.title = "Temperature";
  auto plot = BuildHeatmapScene(spec, cells, "mean of temp by month and year", TickLabelWidth());
  ASSERT_TRUE(plot.ok()) << plot.error().message;
  ExpectMatchesBaseline(plot->scene, "heatmap");
}

INSTANTIATE_TEST_SUITE_P(Kinds, GoldenPlot,
                         ::testing::Values(&Scatter, &Density, &Line, &ColoredLines,
                                           &ColoredDensity, &ColorBar, &LogLog),
                         [](const ::testing::TestParamInfo<Case (*)()>& param_info) {
                           return param_info.param().name;
                         });

}  // namespace
}  // namespace pika
