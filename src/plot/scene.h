// Scene: what a plot looks like, as marks in pixel coordinates. Both painters (QPainter for
// export and thumbnails, OpenGL on screen) draw the same scene, so exports match the screen.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace pika {

struct Rgba {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Rgba&) const = default;
};

// Scene coordinates: logical pixels at 96 DPI, origin at the top left, y down.
struct ScenePoint {
  double x = 0, y = 0;
};

struct PolylineMark {
  std::vector<ScenePoint> points;
  Rgba color;
  double width = 1.0;
};

struct PointsMark {
  std::vector<ScenePoint> centers;
  std::vector<Rgba> colors;  // one per point, or a single colour for all
  double radius = 2.0;
};

struct RectMark {
  double x = 0, y = 0, width = 0, height = 0;
  Rgba fill;
  Rgba stroke{0, 0, 0, 0};  // alpha 0: no outline
  double stroke_width = 0.0;
};

enum class TextAnchor { kStart, kMiddle, kEnd };
enum class TextBaseline { kTop, kMiddle, kBottom };

struct TextMark {
  std::string text;  // UTF-8
  ScenePoint at;
  double size_pt = 9.0;
  Rgba color;
  TextAnchor anchor = TextAnchor::kStart;
  TextBaseline baseline = TextBaseline::kBottom;
  bool bold = false;
  double rotation_deg = 0.0;  // counter-clockwise, around `at`
};

// A raster drawn into a rectangle: density grids. Row 0 is the top row.
struct ImageMark {
  double x = 0, y = 0, width = 0, height = 0;
  uint32_t columns = 0, rows = 0;
  std::vector<Rgba> pixels;      // rows * columns
  std::vector<uint32_t> counts;  // density: the rows behind each pixel, same order (or empty)
};

// Marks after it are clipped to the rectangle, until a ClipMark with no width ends clipping:
// a panned or zoomed view keeps its data inside the plot area.
struct ClipMark {
  double x = 0, y = 0, width = 0, height = 0;
};

using Mark = std::variant<RectMark, PolylineMark, PointsMark, ImageMark, TextMark, ClipMark>;

struct Scene {
  double width = 640, height = 480;  // logical pixels
  Rgba background{255, 255, 255, 255};
  std::vector<Mark> marks;  // painted in order
};

}  // namespace pika
