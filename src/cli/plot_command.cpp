// pika plot SOURCE --kind scatter|line --x COL --y COL -o OUT.{png,svg,pdf}: draws a plot of
// a file (or of a table or query in a database) to an image, headless.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/database_flag.h"
#include "cli/exit_codes.h"
#include "cli/interrupt_signal.h"
#include "cli/remote_flag.h"
#include "compute/plot/run_plot.h"
#include "compute/plot_data.h"
#include "compute/source/duckdb_engine.h"
#include "compute/source/server_engine.h"
#include "render/headless_gui.h"
#include "render/scene_export.h"
#include "render/text_metrics.h"
#include "storage/database.h"
#include "storage/file_importer.h"
#include "storage/sql_quote.h"

namespace pika::cli {

namespace {

struct PlotArgs {
  std::string source, db, table, sql, kind = "scatter", x, y, title, theme = "light", output;
  std::string agg;    // bar: count, sum, mean, min or max
  std::string color;  // scatter, line, bar: the column that colours the marks
  double width = 800, height = 500, dpi = 96;
  bool json = false;
  bool x_log = false, y_log = false;
  std::string size;    // scatter: the column that sizes the points
  std::string remote;  // a ClickHouse or PostgreSQL table: the plot is reduced there
};

// The relation to plot from: the query, the table, or the imported file.
Result<std::string> Relation(const PlotArgs& args) {
  if (!args.sql.empty()) return fmt::format("({})", args.sql);
  if (!args.table.empty()) return QuoteIdentifier(args.table);
  if (!args.source.empty()) return std::string("pika_plot_source");
  return InvalidInput("nothing to plot: give a CSV/Parquet file, or --db with --table or --sql");
}

// The rows as messages name them.
std::string SourceLabel(const PlotArgs& args) {
  if (!args.sql.empty()) return "the query";
  if (!args.table.empty()) return fmt::format("table '{}'", args.table);
  return fmt::format("'{}'", args.source);
}

// The columns a plot draws, when nothing else reads the source (a --sql may read any).
std::vector<std::string> PlottedColumns(const PlotArgs& args) {
  if (!args.sql.empty()) return {};
  std::vector<std::string> columns;
  for (const std::string* column : {&args.x, &args.y, &args.color, &args.size})
    if (!column->empty()) columns.push_back(*column);
  return columns;
}

// Reads the source file, if there is one; returns how many of its rows could not be read.
// A Parquet file is read where it is; a CSV is scanned once, keeping only the plotted columns.
Result<uint64_t> LoadSource(Connection& connection, const PlotArgs& args) {
  if (args.source.empty()) return uint64_t{0};
  ImportRequest request{args.source, "pika_plot_source"};
  request.options.bad_rows = BadRowPolicy::kSkip;  // plot what can be read, say what could not
  request.options.read_in_place = true;
  request.columns = PlottedColumns(args);
  auto imported = ImportFile(connection, request, CancelToken(), {});
  if (!imported.ok()) return imported.error();
  return imported->report.rejected;
}

Status Export(const PlotScene& plot, const PlotArgs& args) {
  const std::string extension = std::filesystem::path(args.output).extension().string();
  if (extension == ".png") return ExportPng(plot.scene, args.output, {args.dpi, false});
  if (extension == ".svg") return ExportSvg(plot.scene, args.output, args.title);
  if (extension == ".pdf") return ExportPdf({plot.scene}, args.output, args.title);
  return InvalidInput(
      fmt::format("cannot tell the format of '{}': end it in .png, .svg or .pdf", args.output));
}

// What the colours mean: the categories in legend order, or the range a colour bar spans.
nlohmann::json ColorSummary(const PlotColor& color) {
  if (!color.names.empty()) {
    return {{"column", color.column},
            {"categories", color.names},
            {"other", color.last_is_other},
            {"undrawn_categories", color.undrawn_categories}};
  }
  return {{"column", color.column}, {"range", {color.min, color.max}}};
}

// The rows a plot of this process's rows read: for one reduced in DuckDB, those it stands for.
uint64_t RowsRead(const PlotArgs& args, const DrawnPlot& drawn) {
  const PlotData& data = drawn.data;
  if (drawn.reduced) return drawn.reduced->rows;
  if (args.kind == "histogram" || args.kind == "box" || args.kind == "heatmap")
    return data.binned_rows;
  return args.kind == "bar" ? data.categories.size() : data.x.size();
}

void PrintSummary(const PlotArgs& args, const DrawnPlot& drawn, uint64_t rejected) {
  const PlotScene& plot = drawn.scene;
  const PlotData& data = drawn.data;
  const ReductionDescription& reduction = plot.reduction;
  const uint64_t rows = RowsRead(args, drawn);
  if (!args.json) {
    std::cout << fmt::format("{}: {} ({} rows read)\n", args.output, plot.badge, rows);
    return;
  }
  const char* method = args.kind == "bar" || args.kind == "box" || args.kind == "heatmap"
                           ? "aggregate"
                       : args.kind == "histogram"                      ? "histogram"
                       : reduction.method == ReductionMethod::kDensity ? "density"
                       : reduction.method == ReductionMethod::kM4      ? "m4"
                       : reduction.method == ReductionMethod::kLttb    ? "lttb"
                                                                       : "raw";
  nlohmann::json summary{{"kind", args.kind},
                         {"rows_read", rows},
                         {"rows_rejected", rejected},
                         {"method", method},
                         {"rows_represented", reduction.rows_represented},
                         {"rows_in_view", reduction.rows_in_view},
                         {"x_range", {plot.x_min, plot.x_max}},
                         {"y_range", {plot.y_min, plot.y_max}},
                         {"badge", plot.badge},
                         {"output", args.output}};
  if (!data.color.column.empty()) summary["color"] = ColorSummary(data.color);
  if (drawn.reduced) summary["queries"] = drawn.reduced->queries;
  std::cout << summary.dump() << '\n';
}

PlotSpec SpecOf(const PlotArgs& args, const PlotDataRequest& request) {
  PlotSpec spec;
  spec.title = args.title;
  spec.x_title = args.x;
  spec.y_title = PlotYTitle(request);
  spec.theme = args.theme == "dark" ? ThemeKind::kDark : ThemeKind::kLight;
  spec.width = args.width;
  spec.height = args.height;
  return spec;
}

PlotDataRequest RequestOf(const PlotArgs& args, std::string relation) {
  PlotDataRequest request{std::move(relation), args.kind, args.x, args.y, args.agg, args.color};
  request.x_log = args.x_log;
  request.y_log = args.y_log;
  request.size = args.size;
  return request;
}

void PrintRemoteSummary(const PlotArgs& args, const PlotScene& plot,
                        const EngineReduction& remote) {
  if (!args.json) {
    std::cout << fmt::format("{}: {} ({} rows, {} bytes received)\n", args.output, plot.badge,
                             remote.rows, remote.bytes_received);
    return;
  }
  const nlohmann::json summary{{"kind", args.kind},
                               {"source", args.remote},
                               {"rows", remote.rows},
                               {"badge", plot.badge},
                               {"bytes_received", remote.bytes_received},
                               {"queries", remote.queries},
                               {"x_range", {plot.x_min, plot.x_max}},
                               {"y_range", {plot.y_min, plot.y_max}},
                               {"output", args.output}};
  std::cout << summary.dump() << '\n';
}

// The plot of a remote table: reduced on its engine, only the result fetched.
int RunRemotePlot(const PlotArgs& args) {
  if (!args.source.empty() || !args.db.empty() || !args.sql.empty() || !args.table.empty())
    return Fail(
        InvalidInput("--remote plots a remote table: give no file, --db, --table or --sql"));
  auto client = ConnectRemoteUrl(args.remote);
  if (!client.ok()) return Fail(client.error());
  const PlotDataRequest request = RequestOf(args, "");
  const HeadlessGui gui;
  ServerEngine engine(**client);
  auto remote = RunPlot(engine, request, SpecOf(args, request), PlotUse::kOneFrame,
                        TickLabelWidth(), CancelOnInterrupt());
  if (!remote.ok()) return Fail(remote.error());
  if (Status exported = Export(remote->scene, args); !exported.ok()) return Fail(exported.error());
  PrintRemoteSummary(args, remote->scene, *remote->reduced);
  return kExitOk;
}

int RunPlot(const PlotArgs& args) {
  if (!args.remote.empty()) return RunRemotePlot(args);
  auto database = OpenDatabaseFor(args.db, DatabaseUse::kExisting);
  if (!database.ok()) return Fail(database.error());
  auto connection = database->Connect();
  if (!connection.ok()) return Fail(connection.error());
  auto rejected = LoadSource(*connection, args);
  if (!rejected.ok()) return Fail(rejected.error());
  auto relation = Relation(args);
  if (!relation.ok()) return Fail(relation.error());
  const PlotDataRequest request = RequestOf(args, *relation);
  // Text needs Qt's font machinery; the CLI never opens a window.
  const HeadlessGui gui;
  DuckDbEngine engine(*connection, *relation, SourceLabel(args));
  auto plot = RunPlot(engine, request, SpecOf(args, request), PlotUse::kOneFrame, TickLabelWidth(),
                      CancelOnInterrupt());
  if (!plot.ok()) return Fail(plot.error());
  if (*rejected > 0) {
    std::cerr << fmt::format(
        "pika: {} rows of '{}' could not be read and are not plotted (see pika inspect)\n",
        *rejected, args.source);
  }
  if (Status exported = Export(plot->scene, args); !exported.ok()) return Fail(exported.error());
  PrintSummary(args, *plot, *rejected);
  return kExitOk;
}

}  // namespace

void AddPlotCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<PlotArgs>();
  CLI::App* command = app.add_subcommand(
      "plot", "Draw a scatter, line, histogram, bar, box or heatmap plot to PNG, SVG or PDF");
  command->add_option("SOURCE", args->source, "CSV/TSV (.gz, .zst) or Parquet file");
  command->add_option("--db", args->db, "Plot from a DuckDB database (with --table or --sql)");
  command->add_option("--table", args->table, "Table to plot from (with --db)");
  command->add_option("--sql", args->sql, "Query to plot from");
  command->add_option("--remote", args->remote,
                      std::string("Plot a remote table, reduced on its engine: ") + kRemoteUrlHelp);
  command
      ->add_option("--kind", args->kind, "scatter (default), line, histogram, bar, box or heatmap")
      ->check(CLI::IsMember({"scatter", "line", "histogram", "bar", "box", "heatmap"}));
  command
      ->add_option("--agg", args->agg,
                   "bar: count, sum, mean, min or max (default: count "
                   "without --y, mean with it); heatmap: of --color (default: count without "
                   "--color, mean with it)")
      ->check(CLI::IsMember({"count", "sum", "mean", "min", "max"}));
  command->add_option("--x", args->x, "Column for the x axis (box: the groups, optional)");
  command->add_option("--y", args->y, "Column for the y axis (not for a histogram)");
  command->add_option("--color", args->color,
                      "scatter, line, bar: colour by this column (categories, or a colour bar "
                      "for numbers with more than ten values; bars stack counts and sums); "
                      "heatmap: the column each cell aggregates (--agg)");
  command->add_flag("--x-log", args->x_log,
                    "scatter, line: a base 10 x axis (values <= 0 left off)");
  command->add_flag("--y-log", args->y_log,
                    "scatter, line: a base 10 y axis (values <= 0 left off)");
  command->add_option("--size", args->size,
                      "scatter: size the points by this number column (drawn points only, not a "
                      "density)");
  command->add_option("--title", args->title, "Plot title");
  command->add_option("--theme", args->theme, "light (default) or dark")
      ->check(CLI::IsMember({"light", "dark"}));
  command->add_option("-o,--output", args->output, "Output file: .png, .svg or .pdf")->required();
  command->add_option("--width", args->width, "Width in logical pixels (default 800)");
  command->add_option("--height", args->height, "Height in logical pixels (default 500)");
  command->add_option("--dpi", args->dpi, "PNG resolution (default 96; 192 doubles the pixels)");
  command->add_flag("--json", args->json, "Print what was drawn as JSON (see docs/cli.md)");
  command->callback([args, &exit_code] { exit_code = RunPlot(*args); });
}

}  // namespace pika::cli
