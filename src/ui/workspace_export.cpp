#include "ui/workspace_export.h"

#include <fmt/format.h>

#include <filesystem>

#include "compute/plot_data.h"
#include "render/scene_export.h"
#include "render/text_metrics.h"
#include "storage/file_system.h"
#include "storage/query_export.h"
#include "ui/remote_plot_job.h"
#include "workspace/export_summary.h"

namespace pika::ui {

namespace fs = std::filesystem;

namespace {

const char* ExtensionOf(ExportFormat format) {
  switch (format) {
    case ExportFormat::kPng: return "png";
    case ExportFormat::kSvg: return "svg";
    case ExportFormat::kPdf: return "pdf";
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kParquet: return "parquet";
  }
  return "";
}

// A plot reduced where its rows are (a server, or DuckDB past the memory budget), reduced
// there again at the export's size.
Result<PlotScene> ReduceAgain(Connection& connection, const ExportJob& job, const PlotResult& plot,
                              const PlotSpec& spec, const CancelToken& cancel) {
  auto reduced = RedrawInEngine(plot, connection, job.remote, spec, cancel);
  if (!reduced.ok()) return reduced.error();
  return std::move(reduced->scene);
}

// The picture at the export's size; data given back under memory pressure is fetched again.
Result<Scene> DrawPlot(Connection& connection, const ExportPlotItem& item, const ExportJob& job,
                       const CancelToken& cancel) {
  const ExportSettings& settings = job.settings;
  PlotData refetched;
  const PlotData* data = &item.plot->data;
  if (item.plot->data_released) {
    auto fetched = FetchPlotData(connection, item.plot->request);
    if (!fetched.ok()) return fetched.error();
    refetched = std::move(*fetched);
    data = &refetched;
  }
  PlotSpec spec;
  spec.title = settings.include_title ? item.title : "";
  spec.x_title = item.plot->request.x;
  spec.y_title = PlotYTitle(item.plot->request);
  spec.width = settings.width;
  spec.height = settings.height;
  spec.theme = settings.theme;
  GridPool pool;
  auto plot = item.plot->reduced_in_engine()
                  ? ReduceAgain(connection, job, *item.plot, spec, cancel)
                  : BuildScene(item.plot->request, *data, spec, TickLabelWidth(), pool);
  if (!plot.ok()) return plot.error();
  if (settings.include_timestamp && !job.timestamp.empty()) {
    TextMark stamp{job.timestamp,
                   {settings.width - 6, settings.height - 4},
                   7.0,
                   ThemeFor(settings.theme).muted_text};
    stamp.anchor = TextAnchor::kEnd;
    plot->scene.marks.push_back(std::move(stamp));
  }
  return std::move(plot->scene);
}

Status WritePicture(const Scene& scene, const std::string& path, const ExportSettings& settings,
                    const std::string& title) {
  if (settings.format == ExportFormat::kPng)
    return ExportPng(scene, path, {settings.dpi, settings.transparent});
  return ExportSvg(scene, path, title);
}

}  // namespace

Result<ExportReport> RunExport(Connection& connection, const ExportJob& job,
                               const CancelToken& cancel, const ProgressFn& progress) {
  std::error_code error;
  fs::create_directories(job.folder, error);
  if (error)
    return IoError(fmt::format("cannot create the folder '{}': {}", job.folder, error.message()));
  const ExportFormat format = job.settings.format;
  ExportReport report;
  ExportSummary summary{job.workspace, job.timestamp, {}, {}};
  if (job.settings.include_notes) summary.notes = job.notes;
  std::vector<std::string> taken{"summary.md"};
  const std::string pdf_name =
      format == ExportFormat::kPdf ? UniqueFileName("plots", "pdf", taken) : "";
  std::vector<Scene> pages;
  for (size_t index = 0; index < job.plots.size(); ++index) {
    if (cancel.cancelled()) return Cancelled("export cancelled");
    if (progress) progress(static_cast<double>(index) / static_cast<double>(job.plots.size()));
    const ExportPlotItem& item = job.plots[index];
    ExportedPlot out{item.name,
                     item.title,
                     item.plot ? item.plot->scene.badge : "",
                     item.sql,
                     "",
                     0,
                     format == ExportFormat::kPng || format == ExportFormat::kSvg,
                     item.error};
    Status done = item.plot ? Status() : InvalidInput(item.error);
    if (done.ok() && IsPicture(format)) {
      auto scene = DrawPlot(connection, item, job, cancel);
      if (!scene.ok()) {
        done = scene.error();
      } else if (format == ExportFormat::kPdf) {
        pages.push_back(std::move(*scene));
        out.file = pdf_name;
        out.pdf_page = static_cast<int>(pages.size());
      } else {
        out.file = UniqueFileName(item.name, ExtensionOf(format), taken);
        done = WritePicture(*scene, (fs::path(job.folder) / out.file).string(), job.settings,
                            item.title);
      }
    } else if (done.ok() && item.plot->remote) {
      done = InvalidInput(
          "the rows of a remote table stay on its server: export the picture, or tick \"Keep a "
          "local copy\" on the remote node");
    } else if (done.ok()) {
      out.file = UniqueFileName(item.name, ExtensionOf(format), taken);
      done = ExportQueryResult(connection, item.data_sql,
                               (fs::path(job.folder) / out.file).string(), cancel, {});
      if (!done.ok() && done.error().kind == ErrorKind::kCancelled) return done.error();
    }
    if (!done.ok()) {
      out.file.clear();
      out.pdf_page = 0;
      out.error = done.error().message;
      report.errors.push_back(item.name + ": " + out.error);
    } else if (format != ExportFormat::kPdf) {
      report.files.push_back(out.file);
    }
    summary.plots.push_back(std::move(out));
  }
  if (!pages.empty()) {
    PIKA_TRY(ExportPdf(pages, (fs::path(job.folder) / pdf_name).string(), job.workspace));
    report.files.push_back(pdf_name);
  }
  PIKA_TRY(AtomicWriteFile(RealFileSystem(), (fs::path(job.folder) / "summary.md").string(),
                           SummaryMarkdown(summary)));
  report.files.push_back("summary.md");
  if (progress) progress(1.0);
  return report;
}

}  // namespace pika::ui
