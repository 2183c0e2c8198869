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
#include "plot/plot_scene.h"
#include "plot/reduction_sql.h"
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
  std::string agg;  // bar: count, sum, mean, min or max
  double width = 800, height = 500, dpi = 96;
  bool json = false;
};

struct PlotData {
  std::vector<double> x, y;
  HistogramBins bins;  // --kind histogram: counted in the engine, x and y stay empty
  uint64_t binned_rows = 0;
  std::vector<std::string> categories;  // --kind bar: aggregated in the engine
  std::vector<double> bar_values;
  uint64_t category_count = 0;  // before keeping the largest bars
  std::string bar_badge;        // binned_rows holds the rows the bars aggregate
  bool x_is_time = false;
  uint64_t rejected = 0;  // rows of the source file that could not be read
};

// The relation to plot from: the query, the table, or the imported file.
Result<std::string> Relation(const PlotArgs& args) {
  if (!args.sql.empty()) return fmt::format("({})", args.sql);
  if (!args.table.empty()) return QuoteIdentifier(args.table);
  if (!args.source.empty()) return std::string("pika_plot_source");
  return InvalidInput("nothing to plot: give a CSV/Parquet file, or --db with --table or --sql");
}

Status LoadSource(Connection& connection, const PlotArgs& args, PlotData& data) {
  if (args.source.empty()) return {};
  ImportOptions options;
  options.bad_rows = BadRowPolicy::kSkip;  // plot what can be read, and say what could not
  auto imported =
      ImportFile(connection, {args.source, "pika_plot_source", false, options}, CancelToken(), {});
  if (!imported.ok()) return imported.error();
  data.rejected = imported->report.rejected;
  return {};
}

// x as DOUBLE, or as microseconds since the epoch when it is a date or time.
Result<std::string> XExpression(Connection& connection, const std::string& relation,
                                const PlotArgs& args, PlotData& data) {
  auto described =
      connection.Query(fmt::format("SELECT {} FROM {} LIMIT 0", QuoteIdentifier(args.x), relation));
  if (!described.ok()) return described.error();
  const ColumnType type = described->columns()[0].type;
  data.x_is_time = type == ColumnType::kDate || type == ColumnType::kTimestamp;
  if (data.x_is_time)
    return fmt::format("epoch_us(CAST({} AS TIMESTAMP))::DOUBLE", QuoteIdentifier(args.x));
  return fmt::format("TRY_CAST({} AS DOUBLE)", QuoteIdentifier(args.x));
}

Status FetchColumns(Connection& connection, const PlotArgs& args, PlotData& data) {
  auto relation = Relation(args);
  if (!relation.ok()) return relation.error();
  auto x = XExpression(connection, *relation, args, data);
  if (!x.ok()) return x.error();
  auto result = connection.Query(fmt::format("SELECT {}, TRY_CAST({} AS DOUBLE) FROM {}", *x,
                                             QuoteIdentifier(args.y), *relation));
  if (!result.ok()) return result.error();
  while (true) {
    auto batch = result->NextBatch();
    if (!batch.ok()) return batch.error();
    if (!batch->has_value()) return {};
    for (size_t column = 0; column < 2; ++column) {
      const Column& values = (*batch)->columns[column];
      auto& out = column == 0 ? data.x : data.y;
      const auto& doubles = std::get<std::vector<double>>(values.values);
      for (size_t row = 0; row < values.size(); ++row) {
        out.push_back(values.IsValid(row) ? doubles[row] : std::nan(""));
      }
    }
  }
}

// Counting happens in the engine: only the bins come back, however many rows there are.
Status CountHistogram(Connection& connection, const PlotArgs& args, PlotData& data) {
  auto relation = Relation(args);
  if (!relation.ok()) return relation.error();
  auto x = XExpression(connection, *relation, args, data);
  if (!x.ok()) return x.error();
  if (data.x_is_time) return InvalidInput("histograms of dates and times are not supported yet");
  const std::string values =
      fmt::format("(SELECT {} AS v FROM {}) AS histogram_source", *x, *relation);
  auto range = connection.Query(fmt::format("SELECT min(v), max(v), count(v) FROM {}", values));
  if (!range.ok()) return range.error();
  auto bounds = range->FetchAll();
  if (!bounds.ok()) return bounds.error();
  data.binned_rows = static_cast<uint64_t>(bounds->columns[2].IntAt(0));
  if (data.binned_rows == 0)
    return InvalidInput(fmt::format("'{}' has no numbers to count", args.x));
  data.bins = NiceBins(bounds->columns[0].DoubleAt(0), bounds->columns[1].DoubleAt(0), 40);
  auto sql = HistogramSql(SqlDialect::kDuckDb, {values, "v", "v"}, data.bins.first_edge,
                          data.bins.last_edge(), static_cast<uint32_t>(data.bins.counts.size()));
  if (!sql.ok()) return sql.error();
  auto counted = connection.Query(*sql);
  if (!counted.ok()) return counted.error();
  auto rows = counted->FetchAll();
  if (!rows.ok()) return rows.error();
  for (size_t row = 0; row < rows->row_count; ++row) {
    const auto bin = static_cast<size_t>(rows->columns[0].IntAt(row));
    if (bin < data.bins.counts.size())
      data.bins.counts[bin] = static_cast<uint64_t>(rows->columns[1].IntAt(row));
  }
  return {};
}

constexpr size_t kMaxBars = 50;

std::string Aggregate(const PlotArgs& args) {
  if (!args.agg.empty()) return args.agg;
  return args.y.empty() ? "count" : "mean";
}

// Aggregation happens in the engine: only one row per category comes back.
Status AggregateBars(Connection& connection, const PlotArgs& args, PlotData& data) {
  auto relation = Relation(args);
  if (!relation.ok()) return relation.error();
  const std::string agg = Aggregate(args);
  if (agg != "count" && args.y.empty()) {
    return InvalidInput(fmt::format("--agg {} needs a --y column to aggregate", agg));
  }
  const std::string value =
      agg == "count"  ? "count(*)"
      : agg == "mean" ? fmt::format("avg(TRY_CAST({} AS DOUBLE))", QuoteIdentifier(args.y))
                      : fmt::format("{}(TRY_CAST({} AS DOUBLE))", agg, QuoteIdentifier(args.y));
  auto result = connection.Query(fmt::format(
      "SELECT coalesce(CAST({} AS VARCHAR), 'NULL') AS category, CAST({} AS DOUBLE) AS value, "
      "count(*) OVER () AS categories, CAST(sum(count(*)) OVER () AS BIGINT) AS total_rows "
      "FROM {} GROUP BY ALL ORDER BY value DESC NULLS LAST, "
      "category LIMIT {}",
      QuoteIdentifier(args.x), value, *relation, kMaxBars));
  if (!result.ok()) return result.error();
  auto rows = result->FetchAll();
  if (!rows.ok()) return rows.error();
  for (size_t row = 0; row < rows->row_count; ++row) {
    data.categories.push_back(FormatValue(rows->columns[0], row));
    const Column& values = rows->columns[1];
    data.bar_values.push_back(values.IsValid(row) ? values.DoubleAt(row) : std::nan(""));
    data.category_count = static_cast<uint64_t>(rows->columns[2].IntAt(row));
    data.binned_rows = static_cast<uint64_t>(rows->columns[3].IntAt(row));
  }
  const std::string what = agg == "count" ? "rows" : fmt::format("{} of {}", agg, args.y);
  data.bar_badge =
      data.category_count > data.categories.size()
          ? fmt::format("{} by {}: the {} largest of {} categories (exact)", what, args.x,
                        data.categories.size(), data.category_count)
          : fmt::format("{} by {}: {} categories (exact)", what, args.x, data.categories.size());
  return {};
}

Status Export(const PlotScene& plot, const PlotArgs& args) {
  const std::string extension = std::filesystem::path(args.output).extension().string();
  if (extension == ".png") return ExportPng(plot.scene, args.output, {args.dpi, false});
  if (extension == ".svg") return ExportSvg(plot.scene, args.output, args.title);
  if (extension == ".pdf") return ExportPdf({plot.scene}, args.output, args.title);
  return InvalidInput(
      fmt::format("cannot tell the format of '{}': end it in .png, .svg or .pdf", args.output));
}

void PrintSummary(const PlotArgs& args, const PlotData& data, const PlotScene& plot) {
  const ReductionDescription& reduction = plot.reduction;
  const uint64_t rows = args.kind == "histogram" ? data.binned_rows
                        : args.kind == "bar"     ? data.categories.size()
                                                 : data.x.size();
  if (!args.json) {
    std::cout << fmt::format("{}: {} ({} rows read)\n", args.output, plot.badge, rows);
    return;
  }
  const char* method = args.kind == "bar"                              ? "aggregate"
                       : args.kind == "histogram"                      ? "histogram"
                       : reduction.method == ReductionMethod::kDensity ? "density"
                       : reduction.method == ReductionMethod::kM4      ? "m4"
                       : reduction.method == ReductionMethod::kLttb    ? "lttb"
                                                                       : "raw";
  const nlohmann::json summary{{"kind", args.kind},
                               {"rows_read", rows},
                               {"rows_rejected", data.rejected},
                               {"method", method},
                               {"rows_represented", reduction.rows_represented},
                               {"rows_in_view", reduction.rows_in_view},
                               {"x_range", {plot.x_min, plot.x_max}},
                               {"y_range", {plot.y_min, plot.y_max}},
                               {"badge", plot.badge},
                               {"output", args.output}};
  std::cout << summary.dump() << '\n';
}

int RunPlot(const PlotArgs& args) {
  auto database = OpenDatabaseFor(args.db, DatabaseUse::kExisting);
  if (!database.ok()) return Fail(database.error());
  auto connection = database->Connect();
  if (!connection.ok()) return Fail(connection.error());
  PlotData data;
  if (Status loaded = LoadSource(*connection, args, data); !loaded.ok())
    return Fail(loaded.error());
  const bool histogram = args.kind == "histogram";
  const bool bar = args.kind == "bar";
  if (!histogram && !bar && args.y.empty()) {
    return Fail(InvalidInput(fmt::format("a {} plot needs --y", args.kind)));
  }
  if (Status fetched = histogram ? CountHistogram(*connection, args, data)
                       : bar     ? AggregateBars(*connection, args, data)
                                 : FetchColumns(*connection, args, data);
      !fetched.ok()) {
    return Fail(fetched.error());
  }
  if (data.rejected > 0) {
    std::cerr << fmt::format(
        "pika: {} rows of '{}' could not be read and are not plotted (see "
        "pika inspect)\n",
        data.rejected, args.source);
  }
  // Text needs Qt's font machinery; the CLI never opens a window.
  const HeadlessGui gui;
  PlotSpec spec;
  spec.kind = args.kind == "line" ? PlotKind::kLine : PlotKind::kScatter;
  spec.title = args.title;
  spec.x_title = args.x;
  spec.y_title = histogram ? "rows"
                 : bar ? (Aggregate(args) == "count" ? "rows" : Aggregate(args) + " of " + args.y)
                       : args.y;
  spec.theme = args.theme == "dark" ? ThemeKind::kDark : ThemeKind::kLight;
  spec.width = args.width;
  spec.height = args.height;
  spec.x_is_time = data.x_is_time;
  GridPool pool;
  auto plot = histogram ? BuildHistogramScene(spec, data.bins, TickLabelWidth())
              : bar     ? BuildBarScene(spec, data.categories, data.bar_values, data.binned_rows,
                                        data.bar_badge, TickLabelWidth())
                        : BuildPlotScene(spec, data.x, data.y, TickLabelWidth(), pool);
  if (!plot.ok()) return Fail(plot.error());
  if (Status exported = Export(*plot, args); !exported.ok()) return Fail(exported.error());
  PrintSummary(args, data, *plot);
  return kExitOk;
}

}  // namespace

void AddPlotCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<PlotArgs>();
  CLI::App* command =
      app.add_subcommand("plot", "Draw a scatter, line, histogram or bar plot to PNG, SVG or PDF");
  command->add_option("SOURCE", args->source, "CSV/TSV (.gz, .zst) or Parquet file");
  command->add_option("--db", args->db, "Plot from a DuckDB database (with --table or --sql)");
  command->add_option("--table", args->table, "Table to plot from (with --db)");
  command->add_option("--sql", args->sql, "Query to plot from");
  command->add_option("--kind", args->kind, "scatter (default), line, histogram or bar")
      ->check(CLI::IsMember({"scatter", "line", "histogram", "bar"}));
  command
      ->add_option("--agg", args->agg,
                   "bar: count, sum, mean, min or max (default: count "
                   "without --y, mean with it)")
      ->check(CLI::IsMember({"count", "sum", "mean", "min", "max"}));
  command->add_option("--x", args->x, "Column for the x axis")->required();
  command->add_option("--y", args->y, "Column for the y axis (not for a histogram)");
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
