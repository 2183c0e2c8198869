// A batch export: the chosen plots drawn (PNG, SVG, one PDF with a page per plot) or their
// data written (CSV, Parquet) into a folder, with a summary.md that embeds the images and
// lists the SQL behind each plot. Prepared on the UI thread, run on an engine worker.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compute/remote_sessions.h"
#include "core/cancel_token.h"
#include "core/result.h"
#include "plot/theme.h"
#include "storage/connection.h"
#include "ui/node_run.h"

namespace pika::ui {

enum class ExportFormat { kPng, kSvg, kPdf, kCsv, kParquet };

// PNG, SVG and PDF draw the plots; CSV and Parquet write the data behind them.
inline bool IsPicture(ExportFormat format) {
  return format == ExportFormat::kPng || format == ExportFormat::kSvg ||
         format == ExportFormat::kPdf;
}

struct ExportSettings {
  ExportFormat format = ExportFormat::kPng;
  double width = 800, height = 500;  // logical pixels
  double dpi = 96;                   // PNG
  bool transparent = false;          // PNG
  bool include_title = true;
  bool include_notes = true;      // in summary.md
  bool include_timestamp = true;  // in each picture's corner and in summary.md
  ThemeKind theme = ThemeKind::kLight;
};

struct ExportPlotItem {
  std::string name, title;
  std::shared_ptr<const PlotResult> plot;  // null: the plot has no result (error says why)
  std::string error;
  std::string sql;       // the SQL behind it, standing on its own (for summary.md)
  std::string data_sql;  // what CSV and Parquet write, run in the app's engine
};

struct ExportJob {
  std::string folder;
  std::string workspace;  // the name summary.md is headed with
  std::string timestamp;  // when, as people read it
  std::vector<ExportPlotItem> plots;
  std::vector<std::string> notes;
  ExportSettings settings;
  // Where plots of remote tables are reduced again at the export's size (the app's).
  RemoteSessions* remote = nullptr;
};

struct ExportReport {
  std::vector<std::string> files;   // written, in the folder (summary.md last)
  std::vector<std::string> errors;  // "plot: why", one per plot not exported
};

// Writes every plot it can (one failing plot does not stop the others; each file is written
// whole or not at all) and summary.md. Cancelled: stops between plots and at each data
// query, and writes no summary.
Result<ExportReport> RunExport(Connection& connection, const ExportJob& job,
                               const CancelToken& cancel, const ProgressFn& progress);

}  // namespace pika::ui
