#include "render/scene_export.h"

#include <fmt/format.h>

#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "render/scene_painter.h"

namespace pika {

namespace {

constexpr double kLogicalDpi = 96.0;
constexpr double kMetersPerInch = 0.0254;

Status Commit(QSaveFile& file, const std::string& path) {
  if (!file.commit()) {
    return IoError(fmt::format("cannot write '{}': {}", path, file.errorString().toStdString()));
  }
  return {};
}

Status Open(QSaveFile& file, const std::string& path) {
  if (!file.open(QIODevice::WriteOnly)) {
    return IoError(fmt::format("cannot write '{}': {}", path, file.errorString().toStdString()));
  }
  return {};
}

int Dots(double dpi) { return static_cast<int>(std::lround(dpi / kMetersPerInch)); }

}  // namespace

Status ExportPng(const Scene& scene, const std::string& path, const PngOptions& options) {
  if (options.dpi < 10 || options.dpi > 2400) {
    return InvalidInput(
        fmt::format("a PNG's DPI must be between 10 and 2400, not {}", options.dpi));
  }
  const double scale = options.dpi / kLogicalDpi;
  QImage image(static_cast<int>(std::lround(scene.width * scale)),
               static_cast<int>(std::lround(scene.height * scale)),
               QImage::Format_ARGB32_Premultiplied);
  if (image.isNull())
    return InvalidInput("the image is too large for memory: lower its size or DPI");
  // Paint at the logical DPI so that point sizes mean the same in every format...
  image.setDotsPerMeterX(Dots(kLogicalDpi));
  image.setDotsPerMeterY(Dots(kLogicalDpi));
  image.fill(Qt::transparent);
  {
    QPainter painter(&image);
    painter.scale(scale, scale);
    PaintScene(scene, painter, !options.transparent);
  }
  // ...and record the requested DPI for whoever prints the file.
  image.setDotsPerMeterX(Dots(options.dpi));
  image.setDotsPerMeterY(Dots(options.dpi));
  QSaveFile file(QString::fromStdString(path));
  PIKA_TRY(Open(file, path));
  if (!image.save(&file, "PNG")) {
    file.cancelWriting();
    return IoError(fmt::format("cannot encode '{}' as PNG", path));
  }
  return Commit(file, path);
}

Status ExportSvg(const Scene& scene, const std::string& path, const std::string& title) {
  QSaveFile file(QString::fromStdString(path));
  PIKA_TRY(Open(file, path));
  QSvgGenerator svg;
  svg.setOutputDevice(&file);
  svg.setSize(QSize(static_cast<int>(scene.width), static_cast<int>(scene.height)));
  svg.setViewBox(QRectF(0, 0, scene.width, scene.height));
  svg.setResolution(static_cast<int>(kLogicalDpi));
  svg.setTitle(QString::fromStdString(title));
  {
    QPainter painter(&svg);
    PaintScene(scene, painter);
  }
  return Commit(file, path);
}

Status ExportPdf(const std::vector<Scene>& scenes, const std::string& path,
                 const std::string& title) {
  if (scenes.empty()) return InvalidInput("nothing to export: no plot was given");
  QSaveFile file(QString::fromStdString(path));
  PIKA_TRY(Open(file, path));
  QPdfWriter pdf(&file);
  pdf.setTitle(QString::fromStdString(title));
  pdf.setCreator("Pika-Plot");
  pdf.setResolution(static_cast<int>(kLogicalDpi));
  auto page_size = [](const Scene& scene) {
    return QPageSize(QSizeF(scene.width * 72.0 / kLogicalDpi, scene.height * 72.0 / kLogicalDpi),
                     QPageSize::Point, QString(), QPageSize::ExactMatch);
  };
  pdf.setPageSize(page_size(scenes[0]));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  {
    QPainter painter(&pdf);
    for (size_t index = 0; index < scenes.size(); ++index) {
      if (index > 0) {
        pdf.setPageSize(page_size(scenes[index]));
        pdf.newPage();
      }
      PaintScene(scenes[index], painter);
    }
  }
  return Commit(file, path);
}

}  // namespace pika
