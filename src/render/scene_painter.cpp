#include "render/scene_painter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace pika {

namespace {

QColor ToQColor(Rgba color) { return QColor(color.r, color.g, color.b, color.a); }

void Paint(const RectMark& rect, QPainter& painter) {
  painter.setPen(rect.stroke.a == 0 ? QPen(Qt::NoPen)
                                    : QPen(ToQColor(rect.stroke), rect.stroke_width));
  painter.setBrush(rect.fill.a == 0 ? QBrush(Qt::NoBrush) : QBrush(ToQColor(rect.fill)));
  painter.drawRect(QRectF(rect.x, rect.y, rect.width, rect.height));
}

void Paint(const PolylineMark& line, QPainter& painter) {
  QPolygonF polygon;
  polygon.reserve(static_cast<qsizetype>(line.points.size()));
  for (const ScenePoint& point : line.points) polygon.append(QPointF(point.x, point.y));
  QPen pen(ToQColor(line.color), line.width);
  pen.setJoinStyle(Qt::RoundJoin);
  pen.setCapStyle(Qt::RoundCap);
  painter.setPen(pen);
  painter.setBrush(Qt::NoBrush);
  painter.drawPolyline(polygon);
}

void Paint(const PointsMark& points, QPainter& painter) {
  painter.setPen(Qt::NoPen);
  const bool one_colour = points.colors.size() == 1;
  if (one_colour) painter.setBrush(ToQColor(points.colors[0]));
  for (size_t index = 0; index < points.centers.size(); ++index) {
    if (!one_colour && index < points.colors.size()) {
      painter.setBrush(ToQColor(points.colors[index]));
    }
    const ScenePoint& center = points.centers[index];
    painter.drawEllipse(QPointF(center.x, center.y), points.radius, points.radius);
  }
}

void Paint(const ImageMark& image, QPainter& painter) {
  QImage raster(static_cast<int>(image.columns), static_cast<int>(image.rows),
                QImage::Format_RGBA8888);
  for (uint32_t row = 0; row < image.rows; ++row) {
    auto* line = raster.scanLine(static_cast<int>(row));
    for (uint32_t column = 0; column < image.columns; ++column) {
      const Rgba& pixel = image.pixels[size_t{row} * image.columns + column];
      uchar* out = line + size_t{column} * 4;
      out[0] = pixel.r;
      out[1] = pixel.g;
      out[2] = pixel.b;
      out[3] = pixel.a;
    }
  }
  // Density cells must stay crisp squares, not blurred.
  painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
  painter.drawImage(QRectF(image.x, image.y, image.width, image.height), raster);
}

QPointF AnchorOffset(const TextMark& text, const QFontMetricsF& metrics) {
  const QString string = QString::fromUtf8(text.text.c_str());
  const double width = metrics.horizontalAdvance(string);
  double dx = 0;
  if (text.anchor == TextAnchor::kMiddle) dx = -width / 2;
  if (text.anchor == TextAnchor::kEnd) dx = -width;
  double dy = 0;
  if (text.baseline == TextBaseline::kTop) dy = metrics.ascent();
  if (text.baseline == TextBaseline::kMiddle) dy = (metrics.ascent() - metrics.descent()) / 2;
  if (text.baseline == TextBaseline::kBottom) dy = -metrics.descent();
  return {dx, dy};
}

void Paint(const TextMark& text, QPainter& painter) {
  QFont font(kSceneFontFamily);
  font.setPointSizeF(text.size_pt);
  font.setBold(text.bold);
  painter.setFont(font);
  painter.setPen(ToQColor(text.color));
  painter.save();
  painter.translate(text.at.x, text.at.y);
  painter.rotate(-text.rotation_deg);
  painter.drawText(AnchorOffset(text, QFontMetricsF(font, painter.device())),
                   QString::fromUtf8(text.text.c_str()));
  painter.restore();
}

void Paint(const ClipMark& clip, QPainter& painter) {
  if (clip.width <= 0) {
    painter.setClipping(false);
    return;
  }
  painter.setClipRect(QRectF(clip.x, clip.y, clip.width, clip.height));
}

}  // namespace

void PaintScene(const Scene& scene, QPainter& painter, bool paint_background) {
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setRenderHint(QPainter::TextAntialiasing, true);
  if (paint_background)
    painter.fillRect(QRectF(0, 0, scene.width, scene.height), ToQColor(scene.background));
  for (const Mark& mark : scene.marks) PaintMark(mark, painter);
}

void PaintMark(const Mark& mark, QPainter& painter) {
  std::visit([&painter](const auto& item) { Paint(item, painter); }, mark);
}

}  // namespace pika
