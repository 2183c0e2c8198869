// Paints a Scene with QPainter: the backend for PNG, SVG and PDF export and thumbnails.
#pragma once

#include "plot/scene.h"

class QPainter;

namespace pika {

// DejaVu Sans comes from fonts-dejavu-core (scripts/setup.sh): the same glyphs everywhere.
inline constexpr const char* kSceneFontFamily = "DejaVu Sans";

// Paints `scene` in its own logical pixels; the caller scales the painter for DPI.
void PaintScene(const Scene& scene, QPainter& painter, bool paint_background = true);

// One mark, as PaintScene paints it (for painters that draw some marks their own way).
void PaintMark(const Mark& mark, QPainter& painter);

}  // namespace pika
