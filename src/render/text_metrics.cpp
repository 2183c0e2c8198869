#include "render/text_metrics.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <memory>

#include "plot/plot_scene.h"
#include "render/scene_painter.h"

namespace pika {

TextExtent TickLabelWidth() {
  // Measured against a 96 DPI image: the logical pixels scenes are laid out in.
  auto device = std::make_shared<QImage>(1, 1, QImage::Format_ARGB32);
  device->setDotsPerMeterX(3780);
  device->setDotsPerMeterY(3780);
  QFont font(kSceneFontFamily);
  font.setPointSizeF(kTickLabelPt);
  auto metrics = std::make_shared<QFontMetricsF>(font, device.get());
  return [device, metrics](std::string_view text) {
    return metrics->horizontalAdvance(
        QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
  };
}

}  // namespace pika
