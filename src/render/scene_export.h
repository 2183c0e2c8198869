// Writes scenes to PNG, SVG and PDF files: what users put in reports and slides.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "plot/scene.h"

namespace pika {

struct PngOptions {
  double dpi = 96.0;         // 192 doubles the pixels; the DPI is written into the file
  bool transparent = false;  // no background fill
};

// Each export writes a temporary file next to `path` and renames it over `path` when
// complete: a failed export leaves whatever was there before.
Status ExportPng(const Scene& scene, const std::string& path, const PngOptions& options = {});
Status ExportSvg(const Scene& scene, const std::string& path, const std::string& title = "");
// One scene per page, each page the size of its scene.
Status ExportPdf(const std::vector<Scene>& scenes, const std::string& path,
                 const std::string& title = "");

}  // namespace pika
