// Remote plots against real servers on 127.0.0.1: a two-shard ClickHouse cluster and a
// PostgreSQL cluster, started with the same `points` rows by scripts/remote_servers.sh (the
// ctest fixture `remote_servers`). Each reduction must equal DuckDB's on the same rows.
#include "support/remote_servers.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <tuple>

#include "compute/box_stats.h"
#include "compute/heatmap_data.h"
#include "compute/plot/engine_boxes.h"
#include "compute/plot/engine_heatmap.h"
#include "compute/plot/engine_plot.h"
#include "compute/plot/plot_queries.h"
#include "compute/plot/run_plot.h"
#include "compute/plot_data.h"
#include "compute/plot_sql.h"
#include "compute/remote_export.h"
#include "compute/source/duckdb_engine.h"
#include "compute/source/server_engine.h"
#include "plot/reduction_sql.h"
#include "remote/remote_catalog.h"
#include "support/engine.h"
#include "support/run_process.h"
#include "support/same_scene.h"
#include "support/scene_marks.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using namespace std::chrono_literals;

// What a plot's reductions sent and brought back.
struct Reductions {
  std::vector<std::string> queries;
  uint64_t bytes_received = 0;
};

// The plot of a client's table, reduced on its server.
Result<EnginePlot> PlotRemote(RemoteClient& client, const PlotDataRequest& request,
                              const PlotSpec& spec, const TextExtent& text_width,
                              const CancelToken& cancel) {
  ServerEngine server(client);
  return PlotInEngine(server, request, spec, text_width, cancel);
}

Result<EngineRowsBehind> FetchRemoteRowsBehind(RemoteClient& client, const PlotDataRequest& request,
                                               const DataWindow& region, uint64_t limit,
                                               const CancelToken& cancel) {
  ServerEngine server(client);
  return FetchRowsBehindInEngine(server, request, region, limit, cancel);
}

Result<EngineRowsBehind> FetchRemoteRowsOfGroup(RemoteClient& client,
                                                const PlotDataRequest& request,
                                                const std::string& group, uint64_t limit,
                                                const CancelToken& cancel) {
  ServerEngine server(client);
  return FetchRowsOfGroupInEngine(server, request, group, limit, cancel);
}

// The points' numbers as each engine reads them (see load_points in remote_servers.sh).
struct EngineSql {
  SqlDialect dialect;
  std::string table, x, y, t;
};

const EngineSql kDuckDb{SqlDialect::kDuckDb, "points", "CAST(x AS DOUBLE)", "CAST(y AS DOUBLE)",
                        "CAST(t AS DOUBLE)"};
const EngineSql kClickHouse{SqlDialect::kClickHouse, "`default`.`points`", "toFloat64(\"x\")",
                            "toFloat64(\"y\")", "toFloat64(\"t\")"};
const EngineSql kPostgres{SqlDialect::kPostgres, "\"points\"", "CAST(\"x\" AS DOUBLE PRECISION)",
                          "CAST(\"y\" AS DOUBLE PRECISION)", "CAST(\"t\" AS DOUBLE PRECISION)"};

class RemoteServers : public ::testing::Test {
 protected:
  void SetUp() override {
    settings_ = test::RemoteServerSettings();
    ASSERT_FALSE(settings_.empty())
        << "no servers: run scripts/remote_servers.sh start DIR and set PIKA_REMOTE_ENV to "
           "DIR/servers.env (ctest does both)";
    rows_ = std::stoull(settings_.at("PIKA_REMOTE_ROWS"));
    ASSERT_TRUE(duck_.connection
                    .Execute(fmt::format(
                        "CREATE TABLE points AS SELECT n, CAST(n AS DOUBLE) AS t, CASE WHEN "
                        "n % 997 = 0 THEN NULL ELSE CAST(n * 7919 % 100003 AS DOUBLE) / 64 END "
                        "AS x, CASE WHEN n % 1000 = 0 THEN CAST('NaN' AS DOUBLE) ELSE "
                        "CAST(n * 104729 % 99991 AS DOUBLE) / 32 END AS y, 'c' || (n % 7) AS c, "
                        "to_timestamp(1700000000 + n * 60) AS at FROM range({}) r(n)",
                        rows_))
                    .ok());
  }

  RemoteSource ClickHouse(const std::string& table = "points", int shard = 1) const {
    const auto port = std::stoi(settings_.at(fmt::format("PIKA_CLICKHOUSE_SHARD{}_PORT", shard)));
    return {RemoteEngine::kClickHouse,
            "127.0.0.1",
            static_cast<uint16_t>(port),
            "pika",
            "default",
            table};
  }
  RemoteSource Postgres(const std::string& table = "points") const {
    const auto port = std::stoi(settings_.at("PIKA_POSTGRES_PORT"));
    return {RemoteEngine::kPostgres,
            "127.0.0.1",
            static_cast<uint16_t>(port),
            "pika",
            "postgres",
            table};
  }

  std::unique_ptr<RemoteClient> Connect(const RemoteSource& source,
                                        const RemoteOptions& options = {}) {
    auto client = ConnectRemote(source, settings_.at("PIKA_REMOTE_PASSWORD"), options);
    EXPECT_TRUE(client.ok()) << client.error().message;
    return client.ok() ? std::move(*client) : nullptr;
  }

  // The rows of `sql` run on DuckDB here, ClickHouse or PostgreSQL.
  TableBatch Run(const EngineSql& engine, const std::string& sql) {
    if (engine.dialect == SqlDialect::kDuckDb) {
      auto rows = duck_.connection.QueryAll(sql);
      EXPECT_TRUE(rows.ok()) << rows.error().message;
      return rows.ok() ? std::move(*rows) : TableBatch{};
    }
    auto client = Connect(engine.dialect == SqlDialect::kClickHouse ? ClickHouse() : Postgres());
    if (client == nullptr) return {};
    auto rows = client->Query(sql, CancelToken());
    EXPECT_TRUE(rows.ok()) << rows.error().message << "\n" << sql;
    return rows.ok() ? std::move(*rows) : TableBatch{};
  }

  std::map<std::string, std::string> settings_;
  uint64_t rows_ = 0;
  test::Engine duck_ = test::OpenEngine();
};

int64_t Int(const Column& column, size_t row) {
  return column.type == ColumnType::kDouble ? static_cast<int64_t>(column.DoubleAt(row))
                                            : column.IntAt(row);
}

using Cells = std::map<std::pair<int64_t, int64_t>, int64_t>;

Cells CellsOf(const TableBatch& rows) {
  Cells cells;
  for (size_t row = 0; row < rows.row_count; ++row)
    cells[{Int(rows.columns[0], row), Int(rows.columns[1], row)}] = Int(rows.columns[2], row);
  return cells;
}

TEST_F(RemoteServers, DensityCountsOnClickHouseAndPostgresEqualDuckDbs) {
  const Viewport viewport{100, 1400.5, -10, 3000};
  const GridShape shape{317, 211};
  std::map<std::string, Cells> cells;
  for (const EngineSql* engine : {&kDuckDb, &kClickHouse, &kPostgres}) {
    auto sql = DensitySql(engine->dialect, {engine->table, engine->x, engine->y}, viewport, shape);
    ASSERT_TRUE(sql.ok());
    cells[engine->table] = CellsOf(Run(*engine, *sql));
  }
  ASSERT_GT(cells["points"].size(), 1000u);
  EXPECT_EQ(cells[kClickHouse.table], cells["points"]);
  EXPECT_EQ(cells[kPostgres.table], cells["points"]);
}

TEST_F(RemoteServers, HistogramBinsOnBothEnginesEqualDuckDbs) {
  std::map<std::string, Cells> bins;
  for (const EngineSql* engine : {&kDuckDb, &kClickHouse, &kPostgres}) {
    auto sql = HistogramSql(engine->dialect, {engine->table, engine->y, engine->y}, 0, 3200, 37);
    ASSERT_TRUE(sql.ok());
    const TableBatch rows = Run(*engine, *sql);
    for (size_t row = 0; row < rows.row_count; ++row)
      bins[engine->table][{Int(rows.columns[0], row), 0}] = Int(rows.columns[1], row);
  }
  ASSERT_EQ(bins["points"].size(), 37u);
  EXPECT_EQ(bins[kClickHouse.table], bins["points"]);
  EXPECT_EQ(bins[kPostgres.table], bins["points"]);
}

// Per pixel column: first and last x, lowest and highest y. Ties may bring more rows from one
// engine than another; the extremes are what a line rasterizes to.
using Extremes = std::map<int64_t, std::array<double, 4>>;

Extremes ExtremesOf(const TableBatch& rows) {
  Extremes extremes;
  for (size_t row = 0; row < rows.row_count; ++row) {
    const double x = rows.columns[1].DoubleAt(row), y = rows.columns[2].DoubleAt(row);
    auto [it, fresh] = extremes.try_emplace(Int(rows.columns[0], row), std::array{x, x, y, y});
    auto& [first, last, low, high] = it->second;
    first = std::min(first, x);
    last = std::max(last, x);
    low = std::min(low, y);
    high = std::max(high, y);
  }
  return extremes;
}

TEST_F(RemoteServers, M4KeepsEachPixelColumnsExtremesAsDuckDbDoes) {
  std::map<std::string, Extremes> extremes;
  for (const EngineSql* engine : {&kDuckDb, &kClickHouse, &kPostgres}) {
    auto sql = M4Sql(engine->dialect, {engine->table, engine->t, engine->y}, 1000,
                     static_cast<double>(rows_) - 1000, 640);
    ASSERT_TRUE(sql.ok());
    extremes[engine->table] = ExtremesOf(Run(*engine, *sql));
  }
  ASSERT_EQ(extremes["points"].size(), 640u);
  EXPECT_EQ(extremes[kClickHouse.table], extremes["points"]);
  EXPECT_EQ(extremes[kPostgres.table], extremes["points"]);
}

TEST_F(RemoteServers, ExtentsAndGroupedMeansEqualDuckDbsWithinRounding) {
  std::map<std::string, TableBatch> extents, groups;
  for (const EngineSql* engine : {&kDuckDb, &kClickHouse, &kPostgres}) {
    extents[engine->table] =
        Run(*engine, ExtentSql(engine->dialect, {engine->table, engine->x, engine->y}));
    const std::string category = engine->dialect == SqlDialect::kClickHouse ? "toString(\"c\")"
                                 : engine->dialect == SqlDialect::kPostgres ? "CAST(\"c\" AS TEXT)"
                                                                            : "CAST(c AS VARCHAR)";
    // x: NULLs, which every engine leaves out (y's NaN would make every mean NaN).
    groups[engine->table] =
        Run(*engine, GroupedAggregateSql({engine->table, category, engine->x}, "avg", "", 5));
  }
  const TableBatch& duck = extents["points"];
  ASSERT_EQ(duck.row_count, 1u);
  for (const EngineSql* engine : {&kClickHouse, &kPostgres}) {
    const TableBatch& remote = extents[engine->table];
    ASSERT_EQ(remote.row_count, 1u) << engine->table;
    EXPECT_EQ(Int(remote.columns[0], 0), Int(duck.columns[0], 0));
    for (size_t column = 1; column < 5; ++column)
      EXPECT_EQ(remote.columns[column].DoubleAt(0), duck.columns[column].DoubleAt(0));
    const TableBatch& means = groups[engine->table];
    ASSERT_EQ(means.row_count, 5u);
    for (size_t row = 0; row < 5; ++row) {
      EXPECT_EQ(means.columns[0].TextAt(row), groups["points"].columns[0].TextAt(row));
      // Sums are added in another order: only the last bits may differ.
      const double expected = groups["points"].columns[1].DoubleAt(row);
      EXPECT_NEAR(means.columns[1].DoubleAt(row), expected, std::abs(expected) * 1e-12);
      EXPECT_EQ(Int(means.columns[2], row), Int(groups["points"].columns[2], row));
    }
  }
}

// The counts an image mark of a scene holds, summed.
uint64_t CountsDrawn(const PlotScene& plot) {
  uint64_t total = 0;
  for (const Mark& mark : plot.scene.marks) {
    if (const auto* image = std::get_if<ImageMark>(&mark))
      for (uint32_t count : image->counts) total += count;
  }
  return total;
}

TEST_F(RemoteServers, AScatterOfManyRowsIsADensityCountedOnTheServer) {
  const uint64_t finite = std::stoull(test::QueryValue(
      duck_.connection, "SELECT count(*) FROM points WHERE isfinite(x) AND isfinite(y)"));
  PlotDataRequest request{"", "scatter", "x", "y"};
  PlotSpec spec;
  spec.raw_point_cap = 1000;  // so that these rows are too many to draw one by one
  spec.width = 320;           // and many more than the cells of the plot area
  spec.height = 240;
  std::vector<PlotScene> plots;
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    auto remote = PlotRemote(*client, request, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(remote->rows, finite);
    EXPECT_EQ(remote->plot.reduction.method, ReductionMethod::kDensity);
    EXPECT_EQ(CountsDrawn(remote->plot), finite);
    EXPECT_NE(remote->plot.badge.find(fmt::format("reduced on {}", EngineName(source.engine))),
              std::string::npos)
        << remote->plot.badge;
    // Cells, not rows, came over the network.
    EXPECT_LT(remote->bytes_received, finite * 16 / 2);
    plots.push_back(std::move(remote->plot));
  }
  // And the same picture from both engines.
  const auto image = [](const PlotScene& plot) {
    for (const Mark& mark : plot.scene.marks)
      if (const auto* found = std::get_if<ImageMark>(&mark)) return found->counts;
    return std::vector<uint32_t>{};
  };
  EXPECT_EQ(image(plots[0]), image(plots[1]));
}

TEST_F(RemoteServers, EveryPlotKindThroughRunPlotDrawsTheSameSceneInDuckDbClickHouseAndPostgres) {
  PlotSpec spec;
  spec.raw_point_cap = 1000;  // so that scatters and lines are reduced
  spec.width = 480;
  spec.height = 320;
  PlotDataRequest coloured{"", "scatter", "x", "y"};
  coloured.color = "c";
  const std::vector<PlotDataRequest> requests{{"", "scatter", "x", "y"},     coloured,
                                              {"", "line", "t", "y"},        {"", "histogram", "x"},
                                              {"", "bar", "c", "y", "mean"}, {"", "box", "c", "y"},
                                              {"", "heatmap", "c", "x"}};
  for (const PlotDataRequest& request : requests) {
    PlotDataRequest local = request;
    local.relation = "points";
    DuckDbEngine duck(duck_.connection, "points", "points");
    auto here = ReduceInEngine(duck, local, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(here.ok()) << here.error().message;
    for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
      const std::string what =
          fmt::format("{} {} on {}", request.kind, request.color, EngineName(source.engine));
      auto client = Connect(source);
      ASSERT_NE(client, nullptr);
      ServerEngine server(*client);
      auto there =
          RunPlot(server, request, spec, PlotUse::kOneFrame, test::FakeWidth, CancelToken());
      ASSERT_TRUE(there.ok()) << there.error().message << " " << what;
      ASSERT_TRUE(there->reduced) << what;
      EXPECT_EQ(there->reduced->rows, here->reduced->rows) << what;
      test::ExpectSameScene(there->scene, here->scene, what);
    }
  }
}

TEST_F(RemoteServers, APanCountsOnlyTheWindowWithoutScanningForTheExtent) {
  const uint64_t in_window = std::stoull(test::QueryValue(
      duck_.connection,
      "SELECT count(*) FROM points WHERE x BETWEEN 700 AND 860 AND y BETWEEN 1500 AND 1850"));
  PlotDataRequest request{"", "scatter", "x", "y"};
  PlotSpec spec;
  spec.window = DataWindow{700, 860, 1500, 1850};
  spec.raw_point_cap = 10;
  auto client = Connect(ClickHouse());
  ASSERT_NE(client, nullptr);
  auto density = PlotRemote(*client, request, spec, test::FakeWidth, CancelToken());
  ASSERT_TRUE(density.ok()) << density.error().message;
  EXPECT_EQ(density->plot.reduction.method, ReductionMethod::kDensity);
  EXPECT_EQ(density->plot.reduction.rows_in_view, in_window);
  EXPECT_EQ(CountsDrawn(density->plot), in_window);
  ASSERT_EQ(density->queries.size(), 1u);  // the cells: no scan for the extent first
  EXPECT_EQ(density->queries[0].find("min("), std::string::npos) << density->queries[0];
  // Few rows in the window: they are drawn as they are.
  spec.raw_point_cap = in_window;
  auto exact = PlotRemote(*Connect(Postgres()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_TRUE(exact.ok()) << exact.error().message;
  EXPECT_EQ(exact->plot.reduction.fidelity, Fidelity::kExact);
  EXPECT_EQ(exact->plot.reduction.rows_in_view, in_window);
}

// The bars of a histogram scene, as rectangles.
std::vector<std::array<double, 4>> Bars(const PlotScene& plot) {
  std::vector<std::array<double, 4>> bars;
  for (const RectMark* rect : test::MarksOf<RectMark>(plot.scene))
    bars.push_back({rect->x, rect->y, rect->width, rect->height});
  return bars;
}

// The density image a scene draws, cell by cell.
std::vector<uint32_t> ImageCounts(const PlotScene& plot) {
  for (const ImageMark* image : test::MarksOf<ImageMark>(plot.scene)) return image->counts;
  return {};
}

TEST_F(RemoteServers, LogAxesAreCountedOnTheServerAsHereAndSayWhatTheyLeaveOff) {
  // Here: the values, placed on log axes by the scene builder.
  auto rows = duck_.connection.QueryAll("SELECT x, y, t FROM points");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  std::vector<double> x, y, t;
  for (size_t row = 0; row < rows->row_count; ++row) {
    x.push_back(rows->columns[0].IsValid(row) ? rows->columns[0].DoubleAt(row) : std::nan(""));
    y.push_back(rows->columns[1].IsValid(row) ? rows->columns[1].DoubleAt(row) : std::nan(""));
    t.push_back(rows->columns[2].DoubleAt(row));
  }
  const std::string left_off =
      fmt::format("; {} rows <= 0 left off the log axis",
                  test::QueryValue(duck_.connection,
                                   "SELECT count(*) FROM points WHERE isfinite(x) AND "
                                   "isfinite(y) AND (x <= 0 OR y <= 0)"));
  PlotSpec spec;
  spec.raw_point_cap = 1000;
  spec.width = 320;
  spec.height = 240;
  PlotSpec log_spec = spec;
  log_spec.x_log = log_spec.y_log = true;
  GridPool pool;
  auto here = BuildPlotScene(log_spec, x, y, test::FakeWidth, pool);
  ASSERT_TRUE(here.ok()) << here.error().message;
  ASSERT_NE(here->badge.find(left_off), std::string::npos) << here->badge << " vs " << left_off;
  ASSERT_FALSE(ImageCounts(*here).empty());
  PlotDataRequest request{"", "scatter", "x", "y"};
  request.x_log = request.y_log = true;
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote = PlotRemote(*Connect(source), request, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(remote->plot.reduction.method, ReductionMethod::kDensity);
    EXPECT_NE(remote->plot.badge.find(left_off), std::string::npos) << remote->plot.badge;
    // The axes run over the same decades, and each pixel counts the same rows.
    EXPECT_EQ(remote->plot.x_min, here->x_min);
    EXPECT_EQ(remote->plot.y_max, here->y_max);
    EXPECT_EQ(ImageCounts(remote->plot), ImageCounts(*here));
  }
  // A pan of the log view: its window is in decades, as a local view's.
  spec.window = log_spec.window = DataWindow{2.0, 3.0, 1.5, 3.5};
  auto panned_here = BuildPlotScene(log_spec, x, y, test::FakeWidth, pool);
  auto panned = PlotRemote(*Connect(ClickHouse()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_TRUE(panned_here.ok() && panned.ok());
  EXPECT_EQ(panned->plot.reduction.method, ReductionMethod::kDensity);
  EXPECT_EQ(ImageCounts(panned->plot), ImageCounts(*panned_here));
  // A line on a log y axis: M4 of the logs, the rows at 0 said as here.
  request = {"", "line", "t", "y"};
  request.y_log = true;
  spec.window.reset();
  auto line = PlotRemote(*Connect(Postgres()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line->plot.reduction.method, ReductionMethod::kM4);
  log_spec = spec;
  log_spec.kind = PlotKind::kLine;
  log_spec.y_log = true;
  auto line_here = BuildPlotScene(log_spec, t, y, test::FakeWidth, pool);
  ASSERT_TRUE(line_here.ok());
  EXPECT_EQ(line->plot.y_min, line_here->y_min);
  const std::string line_left_off = line_here->badge.substr(line_here->badge.find("; "));
  EXPECT_NE(line->plot.badge.find(line_left_off), std::string::npos) << line->plot.badge;
  EXPECT_NE(line_left_off.find("left off the log axis"), std::string::npos) << line_left_off;
  // Dates are not logarithmic.
  request = {"", "line", "at", "y"};
  request.x_log = true;
  auto dates = PlotRemote(*Connect(ClickHouse()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_FALSE(dates.ok());
  EXPECT_NE(dates.error().message.find("cannot be logarithmic"), std::string::npos);
}

// Per radius, the points drawn at it, sorted: engines return rows in no particular order.
std::map<double, std::vector<std::pair<double, double>>> PointsByRadius(const PlotScene& plot) {
  std::map<double, std::vector<std::pair<double, double>>> points;
  for (const PointsMark* mark : test::MarksOf<PointsMark>(plot.scene)) {
    for (const ScenePoint& center : mark->centers)
      points[mark->radius].emplace_back(center.x, center.y);
  }
  for (auto& [radius, centers] : points) std::sort(centers.begin(), centers.end());
  return points;
}

TEST_F(RemoteServers, SizesAreDrawnOnFetchedPointsAndLeftOutOfADensityAsHere) {
  PlotDataRequest request{"points", "scatter", "x", "y"};
  request.size = "t";
  auto rows = FetchPlotData(duck_.connection, request);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  PlotSpec spec;  // fewer rows than the raw cap: points, sized
  GridPool pool;
  auto here = BuildScene(request, *rows, spec, test::FakeWidth, pool);
  ASSERT_TRUE(here.ok()) << here.error().message;
  ASSERT_GT(PointsByRadius(*here).size(), 2u);  // several sizes drawn
  request.relation.clear();
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote = PlotRemote(*Connect(source), request, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(PointsByRadius(remote->plot), PointsByRadius(*here)) << EngineName(source.engine);
    EXPECT_TRUE(test::Contains(test::Texts(remote->plot.scene), "t"));  // the size legend
  }
  spec.raw_point_cap = 1000;  // a density: the badge says the sizes are left out
  auto density = PlotRemote(*Connect(ClickHouse()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_TRUE(density.ok()) << density.error().message;
  EXPECT_NE(density->plot.badge.find(kNoSizesInDensity), std::string::npos) << density->plot.badge;
  request.kind = "line";
  auto line = PlotRemote(*Connect(ClickHouse()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_FALSE(line.ok());
  EXPECT_NE(line.error().message.find("size is for scatter plots"), std::string::npos);
  request.kind = "scatter";
  request.size = "c";  // text
  auto text = PlotRemote(*Connect(Postgres()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("not a number: the size of a point takes numbers"),
            std::string::npos)
      << text.error().message;
}

// The scene of `request` plotted here, from the same rows the servers hold.
PlotScene PlotHere(Connection& connection, PlotDataRequest request, const PlotSpec& spec) {
  request.relation = "points";
  auto rows = FetchPlotData(connection, request);
  EXPECT_TRUE(rows.ok()) << rows.error().message;
  if (!rows.ok()) return {};
  GridPool pool;
  auto here = BuildScene(request, *rows, spec, test::FakeWidth, pool);
  EXPECT_TRUE(here.ok()) << here.error().message;
  return here.ok() ? std::move(*here) : PlotScene{};
}

// Each point drawn as (x, y, colour), sorted: engines return rows in no particular order.
std::vector<std::tuple<double, double, uint8_t, uint8_t, uint8_t>> ColoredPointsOf(
    const PlotScene& plot) {
  std::vector<std::tuple<double, double, uint8_t, uint8_t, uint8_t>> points;
  for (const PointsMark* mark : test::MarksOf<PointsMark>(plot.scene)) {
    for (size_t point = 0; point < mark->centers.size(); ++point) {
      const Rgba color = mark->colors.size() == 1 ? mark->colors[0] : mark->colors[point];
      points.emplace_back(mark->centers[point].x, mark->centers[point].y, color.r, color.g,
                          color.b);
    }
  }
  std::sort(points.begin(), points.end());
  return points;
}

const ImageMark* ImageOf(const PlotScene& plot) {
  for (const ImageMark* image : test::MarksOf<ImageMark>(plot.scene)) return image;
  return nullptr;
}

TEST_F(RemoteServers, CategoryColoursAreCountedPerCellOnTheServerAsHere) {
  PlotDataRequest request{"", "scatter", "x", "y"};
  request.color = "c";  // seven names
  PlotSpec spec;
  spec.raw_point_cap = 1000;  // a density
  spec.width = 320;
  spec.height = 240;
  const PlotScene here = PlotHere(duck_.connection, request, spec);
  ASSERT_NE(ImageOf(here), nullptr);
  PlotSpec points_spec;  // every row drawn, each in its category's colour
  const PlotScene here_points = PlotHere(duck_.connection, request, points_spec);
  ASSERT_GT(ColoredPointsOf(here_points).size(), 1000u);
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote = PlotRemote(*Connect(source), request, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    const ImageMark* image = ImageOf(remote->plot);
    ASSERT_NE(image, nullptr) << remote->plot.badge;
    EXPECT_EQ(image->counts, ImageOf(here)->counts) << EngineName(source.engine);
    EXPECT_TRUE(image->pixels == ImageOf(here)->pixels) << EngineName(source.engine);
    EXPECT_EQ(test::Texts(remote->plot.scene).size(), test::Texts(here.scene).size());
    for (const char* name : {"c", "c0", "c6"})  // the legend
      EXPECT_TRUE(test::Contains(test::Texts(remote->plot.scene), name)) << name;
    auto points =
        PlotRemote(*Connect(source), request, points_spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(points.ok()) << points.error().message;
    EXPECT_TRUE(ColoredPointsOf(points->plot) == ColoredPointsOf(here_points))
        << EngineName(source.engine);
  }
}

TEST_F(RemoteServers, ANumberColourIsAveragedPerCellOnTheServerAsHere) {
  PlotDataRequest request{"", "scatter", "x", "y"};
  request.color = "n";  // too many numbers for categories: a colour bar
  PlotSpec spec;
  spec.raw_point_cap = 1000;
  spec.width = 320;
  spec.height = 240;
  const PlotScene here = PlotHere(duck_.connection, request, spec);
  ASSERT_NE(ImageOf(here), nullptr);
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote = PlotRemote(*Connect(source), request, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    const ImageMark* image = ImageOf(remote->plot);
    ASSERT_NE(image, nullptr) << remote->plot.badge;
    EXPECT_EQ(image->counts, ImageOf(here)->counts) << EngineName(source.engine);
    // Sums added in another order may round differently: a colour step at most.
    const std::vector<Rgba>& pixels = ImageOf(here)->pixels;
    ASSERT_EQ(image->pixels.size(), pixels.size());
    size_t differ = 0;
    for (size_t pixel = 0; pixel < pixels.size(); ++pixel) {
      const Rgba a = image->pixels[pixel], b = pixels[pixel];
      differ += std::abs(a.r - b.r) > 1 || std::abs(a.g - b.g) > 1 || std::abs(a.b - b.b) > 1 ||
                a.a != b.a;
    }
    EXPECT_EQ(differ, 0u) << EngineName(source.engine);
    EXPECT_TRUE(test::Contains(test::Texts(remote->plot.scene), "n"));  // the colour bar
  }
}

// Per line colour, its points, sorted, each once: a pixel column's first row may also be its
// lowest, which ClickHouse's M4 sends twice.
std::map<std::tuple<uint8_t, uint8_t, uint8_t>, std::vector<std::pair<double, double>>> LinesOf(
    const PlotScene& plot) {
  std::map<std::tuple<uint8_t, uint8_t, uint8_t>, std::vector<std::pair<double, double>>> lines;
  for (const PolylineMark* line : test::MarksOf<PolylineMark>(plot.scene)) {
    auto& points = lines[{line->color.r, line->color.g, line->color.b}];
    for (const ScenePoint& point : line->points) points.emplace_back(point.x, point.y);
  }
  for (auto& [color, points] : lines) {
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
  }
  return lines;
}

TEST_F(RemoteServers, ALineIsReducedPerCategoryOnTheServerAsHere) {
  PlotDataRequest request{"", "line", "t", "y"};
  request.color = "c";
  PlotSpec spec;
  spec.raw_point_cap = 1000;  // every category's line is reduced (M4)
  const PlotScene here = PlotHere(duck_.connection, request, spec);
  ASSERT_GE(LinesOf(here).size(), 7u);  // a line per name (and the axes' lines)
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote = PlotRemote(*Connect(source), request, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(remote->plot.reduction.method, ReductionMethod::kM4) << remote->plot.badge;
    EXPECT_EQ(remote->plot.reduction.rows_represented, remote->rows);
    EXPECT_TRUE(LinesOf(remote->plot) == LinesOf(here)) << EngineName(source.engine);
    EXPECT_LT(remote->bytes_received, rows_ * 16 / 4);  // the M4 points, not the rows
  }
}

TEST_F(RemoteServers, BarsAreSplitByAColourOnTheServerAsHere) {
  PlotDataRequest request{"", "bar", "c"};
  request.color = "n";  // groups: nine numbers and the others
  const PlotScene here = PlotHere(duck_.connection, request, PlotSpec{});
  ASSERT_GT(Bars(here).size(), 7u);
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote = PlotRemote(*Connect(source), request, PlotSpec{}, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(Bars(remote->plot), Bars(here)) << EngineName(source.engine);
    std::vector<std::string> texts = test::Texts(remote->plot.scene);
    ASSERT_FALSE(texts.empty());
    texts.back() = texts.back().substr(0, texts.back().find(" · reduced on"));  // the badge
    EXPECT_EQ(texts, test::Texts(here.scene)) << EngineName(source.engine);
  }
  request.kind = "histogram";
  request.x = "x";
  auto refused =
      PlotRemote(*Connect(ClickHouse()), request, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("drawn in one colour: clear the colour column"),
            std::string::npos)
      << refused.error().message;
}

void ExpectSameBoxes(const BoxSummary& remote, const BoxSummary& here, std::string_view engine) {
  const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::abs(b) + 1e-9; };
  ASSERT_EQ(remote.boxes.size(), here.boxes.size()) << engine;
  EXPECT_EQ(remote.rows, here.rows) << engine;
  EXPECT_EQ(remote.group_count, here.group_count) << engine;
  EXPECT_EQ(remote.outliers_cut, here.outliers_cut) << engine;
  for (size_t at = 0; at < here.boxes.size(); ++at) {
    const BoxStats& a = remote.boxes[at];
    const BoxStats& b = here.boxes[at];
    EXPECT_EQ(a.name, b.name) << engine;
    EXPECT_EQ(a.rows, b.rows) << engine << " " << b.name;
    for (const auto& [mine, theirs] :
         {std::pair{a.q1, b.q1}, std::pair{a.median, b.median}, std::pair{a.q3, b.q3},
          std::pair{a.low, b.low}, std::pair{a.high, b.high}})
      EXPECT_TRUE(near(mine, theirs)) << engine << " " << b.name << ": " << mine << " " << theirs;
    EXPECT_EQ(a.outlier_count, b.outlier_count) << engine << " " << b.name;
    std::vector<double> outliers = a.outliers, expected = b.outliers;
    std::sort(outliers.begin(), outliers.end());
    std::sort(expected.begin(), expected.end());
    ASSERT_EQ(outliers.size(), expected.size()) << engine << " " << b.name;
    for (size_t at_outlier = 0; at_outlier < expected.size(); ++at_outlier)
      EXPECT_TRUE(near(outliers[at_outlier], expected[at_outlier])) << engine;
  }
}

TEST_F(RemoteServers, BoxesAreSummarisedOnTheServerAsHere) {
  // Outliers: every 50th row of six names (more than 200 per box: each end is cut to 100),
  // a handful of c3's.
  const std::string skewed =
      "SELECT c, n, CASE WHEN (n % 50 = 0 AND c <> 'c3') OR n % 5000 = 1 THEN y * 40 ELSE y END "
      "AS skew FROM points";
  auto here = SummariseBoxes(duck_.connection, "(" + skewed + ")", "c", "skew");
  ASSERT_TRUE(here.ok()) << here.error().message;
  ASSERT_TRUE(here->outliers_cut);
  const auto c3 = std::find_if(here->boxes.begin(), here->boxes.end(),
                               [](const BoxStats& box) { return box.name == "c3"; });
  ASSERT_NE(c3, here->boxes.end());
  ASSERT_GT(c3->outlier_count, 0u);  // all of a box's few outliers are sent
  ASSERT_LE(c3->outlier_count, 2 * kOutliersPerEnd);
  auto all_here = SummariseBoxes(duck_.connection, "points", "", "y");
  ASSERT_TRUE(all_here.ok()) << all_here.error().message;
  for (RemoteSource source : {ClickHouse(), Postgres()}) {
    const std::string_view engine = EngineName(source.engine);
    {
      auto client = Connect(source);
      ASSERT_NE(client, nullptr);
      ServerEngine server(*client);
      Reductions out;
      PlotQueries run(server, CancelToken(), out.queries, out.bytes_received);
      auto columns = DiscoverColumns(*client, CancelToken());
      ASSERT_TRUE(columns.ok()) << columns.error().message;
      auto all = SummariseEngineBoxes(run, *columns, "", "y");
      ASSERT_TRUE(all.ok()) << all.error().message;
      ExpectSameBoxes(*all, *all_here, engine);
    }
    source.query = skewed;
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    ServerEngine server(*client);
    Reductions out;
    PlotQueries run(server, CancelToken(), out.queries, out.bytes_received);
    auto columns = DiscoverColumns(*client, CancelToken());
    ASSERT_TRUE(columns.ok()) << columns.error().message;
    auto boxes = SummariseEngineBoxes(run, *columns, "c", "skew");
    ASSERT_TRUE(boxes.ok()) << boxes.error().message;
    ExpectSameBoxes(*boxes, *here, engine);
    EXPECT_LT(out.bytes_received, 64'000u) << engine;  // the numbers, not the rows
    // And drawn: the plot's badge says where.
    auto plot =
        PlotRemote(*client, {"", "box", "c", "skew"}, PlotSpec{}, test::FakeWidth, CancelToken());
    ASSERT_TRUE(plot.ok()) << plot.error().message;
    EXPECT_NE(plot->plot.badge.find(fmt::format("(exact) · reduced on {}", engine)),
              std::string::npos)
        << plot->plot.badge;
  }
  auto text = PlotRemote(*Connect(ClickHouse()), {"", "box", "x", "c"}, PlotSpec{}, test::FakeWidth,
                         CancelToken());
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("the y of a box plot takes numbers"), std::string::npos)
      << text.error().message;
}

void ExpectSameCells(const Heatmap& remote, const Heatmap& here, const std::string& what) {
  const HeatmapCells& a = remote.cells;
  const HeatmapCells& b = here.cells;
  EXPECT_EQ(a.x.names, b.x.names) << what;
  EXPECT_EQ(a.y.names, b.y.names) << what;
  EXPECT_EQ(a.x.bins.first_edge, b.x.bins.first_edge) << what;
  EXPECT_EQ(a.x.bins.counts.size(), b.x.bins.counts.size()) << what;
  EXPECT_EQ(a.y.bins.first_edge, b.y.bins.first_edge) << what;
  EXPECT_EQ(a.y.bins.counts.size(), b.y.bins.counts.size()) << what;
  EXPECT_EQ(a.rows, b.rows) << what;
  EXPECT_EQ(remote.rows, here.rows) << what;
  EXPECT_EQ(remote.x_categories, here.x_categories) << what;
  ASSERT_EQ(a.values.size(), b.values.size()) << what;
  for (size_t cell = 0; cell < b.values.size(); ++cell) {
    if (std::isnan(b.values[cell])) {
      EXPECT_TRUE(std::isnan(a.values[cell])) << what << " " << cell;
    } else {
      EXPECT_NEAR(a.values[cell], b.values[cell], 1e-9 * std::abs(b.values[cell]) + 1e-9)
          << what << " " << cell;
    }
  }
  EXPECT_EQ(a.value_title, b.value_title) << what;
}

TEST_F(RemoteServers, HeatmapCellsAreCountedOnTheServerAsHere) {
  // Names by few numbers (bands), numbers by numbers (bins), names by times; a mean that leaves
  // y's NaN out.
  const std::string banded = "SELECT c, n % 5 AS k, x, y, \"at\" FROM points";
  const std::vector<HeatmapRequest> requests{
      {"", "c", "k", "y", "mean"}, {"", "x", "y", "", "count"}, {"", "c", "at", "x", "max"}};
  for (RemoteSource source : {ClickHouse(), Postgres()}) {
    source.query = banded;
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    ServerEngine server(*client);
    Reductions out;
    PlotQueries run(server, CancelToken(), out.queries, out.bytes_received);
    auto columns = DiscoverColumns(*client, CancelToken());
    ASSERT_TRUE(columns.ok()) << columns.error().message;
    for (HeatmapRequest request : requests) {
      const std::string what = fmt::format("{} by {} and {} on {}", request.value, request.x,
                                           request.y, EngineName(source.engine));
      request.relation = "(" + banded + ")";
      auto here = FetchHeatmap(duck_.connection, request);
      ASSERT_TRUE(here.ok()) << here.error().message;
      ASSERT_GT(here->rows, 0u);
      auto remote = FetchEngineHeatmap(run, *columns, request);
      ASSERT_TRUE(remote.ok()) << remote.error().message << " " << what;
      ExpectSameCells(*remote, *here, what);
    }
    EXPECT_LT(out.bytes_received, 256'000u);  // cells, not rows
    auto plot = PlotRemote(*client, {"", "heatmap", "c", "k", "", "y"}, PlotSpec{}, test::FakeWidth,
                           CancelToken());
    ASSERT_TRUE(plot.ok()) << plot.error().message;
    EXPECT_NE(plot->plot.badge.find("mean of y by c and k: 7 x 5 cells"), std::string::npos)
        << plot->plot.badge;
  }
}

TEST_F(RemoteServers, TheRowsBehindAMarkAreCountedOnTheServerAndTheFirstSent) {
  // A week of a histogram of times: x in microseconds, y ignored.
  const double week = 7 * 86400e6, from = 1.7e15 + week;
  const uint64_t in_week = std::stoull(test::QueryValue(
      duck_.connection,
      fmt::format(
          "SELECT count(*) FROM points WHERE epoch_us(\"at\") >= {:.17g} AND epoch_us(\"at\") < "
          "{:.17g}",
          from, from + week)));
  ASSERT_GT(in_week, 200u);
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto rows = FetchRemoteRowsBehind(*Connect(source), {"", "histogram", "at"},
                                      {from, from + week, 0, 0}, 200, CancelToken());
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    EXPECT_EQ(rows->rows.total, in_week) << EngineName(source.engine);
    EXPECT_EQ(rows->rows.first.row_count, 200u);     // bounded: the first rows only
    EXPECT_EQ(rows->rows.first.columns.size(), 6u);  // every column
  }
  // A scatter's pixel: x and y, half-open as the pixels are.
  const uint64_t in_box = std::stoull(
      test::QueryValue(duck_.connection,
                       "SELECT count(*) FROM points WHERE x >= 100 AND x < 110 AND y >= 200 "
                       "AND y < 260"));
  auto box = FetchRemoteRowsBehind(*Connect(Postgres()), {"", "scatter", "x", "y"},
                                   {100, 110, 200, 260}, 200, CancelToken());
  ASSERT_TRUE(box.ok()) << box.error().message;
  EXPECT_EQ(box->rows.total, in_box);
  EXPECT_EQ(box->rows.first.row_count, std::min<uint64_t>(in_box, 200));
  auto bar = FetchRemoteRowsBehind(*Connect(ClickHouse()), {"", "bar", "c"}, {0, 1, 0, 1}, 200,
                                   CancelToken());
  ASSERT_FALSE(bar.ok());
  EXPECT_NE(bar.error().message.find("right-click a bar or a box"), std::string::npos);
}

TEST_F(RemoteServers, TheRowsInAViewAreExportedFromTheServerWithinABound) {
  const uint64_t in_view = std::stoull(test::QueryValue(
      duck_.connection,
      "SELECT count(*) FROM points WHERE x BETWEEN 100 AND 300 AND y BETWEEN 200 AND 900"));
  ASSERT_GT(in_view, 100u);
  test::TempDir dir;
  const PlotDataRequest scatter{"", "scatter", "x", "y"};
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    for (const char* name : {"view.csv", "view.parquet"}) {
      const std::string path = (dir.path() / name).string();
      auto written =
          ExportRemoteRowsInView(*Connect(source), scatter, DataWindow{100, 300, 200, 900}, path,
                                 1'000'000, CancelToken(), nullptr);
      ASSERT_TRUE(written.ok()) << written.error().message;
      EXPECT_EQ(*written, in_view) << EngineName(source.engine) << " " << name;
      // Every column, every row in view, read back from the file.
      EXPECT_EQ(test::QueryValue(duck_.connection,
                                 fmt::format("SELECT count(*) FROM '{}' WHERE c LIKE 'c%'", path)),
                std::to_string(in_view));
      std::filesystem::remove(path);
    }
  }
  // Past the bound nothing is fetched or written, and the message gives the count.
  const std::string refused_path = (dir.path() / "all.csv").string();
  auto refused = ExportRemoteRowsInView(*Connect(ClickHouse()), scatter, std::nullopt, refused_path,
                                        1000, CancelToken(), nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(
      refused.error().message.find(fmt::format("the view holds {} rows", WithThousands(rows_))),
      std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("zoom in"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(refused_path));
  auto bars = ExportRemoteRowsInView(*Connect(Postgres()), {"", "bar", "c"}, std::nullopt,
                                     refused_path, 1000, CancelToken(), nullptr);
  ASSERT_FALSE(bars.ok());
  EXPECT_NE(bars.error().message.find("Copy SQL"), std::string::npos);
}

TEST_F(RemoteServers, TheRowsBehindABarOrABoxAreItsGroupsCountedOnTheServer) {
  const uint64_t in_c3 =
      std::stoull(test::QueryValue(duck_.connection, "SELECT count(*) FROM points WHERE c = 'c3'"));
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto plot =
        PlotRemote(*Connect(source), {"", "bar", "c"}, PlotSpec{}, test::FakeWidth, CancelToken());
    ASSERT_TRUE(plot.ok()) << plot.error().message;
    ASSERT_EQ(plot->groups.size(), 7u);  // what a click names, in the order drawn
    for (const PlotDataRequest& request :
         {PlotDataRequest{"", "bar", "c"}, PlotDataRequest{"", "box", "c", "y"}}) {
      auto rows = FetchRemoteRowsOfGroup(*Connect(source), request, "c3", 50, CancelToken());
      ASSERT_TRUE(rows.ok()) << rows.error().message;
      EXPECT_EQ(rows->rows.total, in_c3) << EngineName(source.engine);
      ASSERT_EQ(rows->rows.first.row_count, 50u);
      const Column& c = rows->rows.first.columns.at(4);
      for (size_t row = 0; row < c.size(); ++row) EXPECT_EQ(c.TextAt(row), "c3");
    }
  }
  auto scatter = FetchRemoteRowsOfGroup(*Connect(ClickHouse()), {"", "scatter", "x", "y"}, "c3", 50,
                                        CancelToken());
  ASSERT_FALSE(scatter.ok());
  EXPECT_NE(scatter.error().message.find("no bars or boxes"), std::string::npos);
}

TEST_F(RemoteServers, FewRowsArePlottedExactlyAndLinesOfManyAsM4) {
  auto client = Connect(Postgres());
  ASSERT_NE(client, nullptr);
  PlotDataRequest request{"", "scatter", "x", "y"};
  auto exact = PlotRemote(*client, request, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_TRUE(exact.ok()) << exact.error().message;
  EXPECT_EQ(exact->plot.reduction.fidelity, Fidelity::kExact);
  EXPECT_NE(exact->plot.badge.find("· from PostgreSQL"), std::string::npos) << exact->plot.badge;
  request.kind = "line";
  request.x = "t";
  PlotSpec spec;
  spec.raw_point_cap = 1000;
  auto line = PlotRemote(*Connect(ClickHouse()), request, spec, test::FakeWidth, CancelToken());
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line->plot.reduction.method, ReductionMethod::kM4);
  EXPECT_EQ(line->plot.reduction.rows_represented, line->rows);
  EXPECT_NE(line->plot.badge.find("min/max of"), std::string::npos) << line->plot.badge;
}

TEST_F(RemoteServers, TimesArePlottedOnATimeAxis) {
  const double first = 1.7e15, last = (1.7e9 + static_cast<double>(rows_ - 1) * 60) * 1e6;
  PlotSpec spec;
  spec.raw_point_cap = 1000;
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    auto line = PlotRemote(*client, {"", "line", "at", "t"}, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(line.ok()) << line.error().message;
    EXPECT_EQ(line->plot.reduction.method, ReductionMethod::kM4);
    EXPECT_LE(line->plot.x_min, first);
    EXPECT_GE(line->plot.x_max, last);
    EXPECT_LT(line->plot.x_max - line->plot.x_min, (last - first) * 1.2);
    // t rises a row per minute: the line's y spans every row.
    EXPECT_LE(line->plot.y_min, 0);
    EXPECT_GE(line->plot.y_max, static_cast<double>(rows_ - 1));
  }
  // A histogram of the times: calendar bins counted on the server, drawn as the local
  // histogram of the same rows is (time_bucket's bins, counted here).
  const PlotDataRequest histogram{"points", "histogram", "at"};
  auto rows = FetchPlotData(duck_.connection, histogram);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_GT(rows->bins.counts.size(), 1u);
  GridPool pool;
  auto here = BuildScene(histogram, *rows, spec, test::FakeWidth, pool);
  ASSERT_TRUE(here.ok()) << here.error().message;
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto remote =
        PlotRemote(*Connect(source), {"", "histogram", "at"}, spec, test::FakeWidth, CancelToken());
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(Bars(remote->plot), Bars(*here)) << EngineName(source.engine);
    EXPECT_EQ(test::Texts(remote->plot.scene).size(), test::Texts(here->scene).size());
    EXPECT_EQ(remote->plot.x_min, here->x_min);
  }
}

// Time bins by integer arithmetic alone, the same in every engine: hours, weeks, months, years.
TEST_F(RemoteServers, TimeBinsOfEveryLengthEqualDuckDbsOnBothEngines) {
  // n * 9 hours from 1970: 205 years, months and years included.
  for (const auto& [months, micros] : {std::pair{0, 3.6e9}, std::pair{0, 6.048e11},
                                       std::pair{1, 2.63e12}, std::pair{12, 3.16e13}}) {
    std::map<std::string, std::map<int64_t, int64_t>> counts;
    for (const EngineSql* engine : {&kDuckDb, &kClickHouse, &kPostgres}) {
      const std::string sql = TimeHistogramSql(
          engine->dialect, {engine->table, engine->t + " * 3.24e10", ""}, months, micros);
      const TableBatch rows = Run(*engine, sql);
      for (size_t row = 0; row < rows.row_count; ++row)
        counts[engine->table][Int(rows.columns[0], row)] = Int(rows.columns[1], row);
    }
    EXPECT_GT(counts[kDuckDb.table].size(), 1u);
    EXPECT_EQ(counts[kClickHouse.table], counts[kDuckDb.table]) << months << " " << micros;
    EXPECT_EQ(counts[kPostgres.table], counts[kDuckDb.table]) << months << " " << micros;
  }
}

TEST_F(RemoteServers, HistogramsAndBarsAreAggregatedOnTheServer) {
  auto client = Connect(ClickHouse());
  ASSERT_NE(client, nullptr);
  auto histogram =
      PlotRemote(*client, {"", "histogram", "x"}, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_TRUE(histogram.ok()) << histogram.error().message;
  EXPECT_EQ(std::to_string(histogram->rows),
            test::QueryValue(duck_.connection, "SELECT count(x) FROM points"));
  auto bars =
      PlotRemote(*client, {"", "bar", "c", "y", "max"}, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_TRUE(bars.ok()) << bars.error().message;
  EXPECT_EQ(bars->rows, rows_);
  EXPECT_NE(bars->plot.badge.find("max of y by c: 7 categories"), std::string::npos)
      << bars->plot.badge;
}

TEST_F(RemoteServers, ColumnsAndRowCountsComeFromTheCatalog) {
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    auto columns = DiscoverColumns(*client, CancelToken());
    ASSERT_TRUE(columns.ok()) << columns.error().message;
    ASSERT_EQ(columns->size(), 6u);
    EXPECT_EQ((*columns)[2].name, "x");
    EXPECT_EQ((*columns)[2].type, ColumnType::kDouble);
    EXPECT_EQ((*columns)[4].type, ColumnType::kVarchar);
    auto estimate = EstimateRemoteRows(*client, CancelToken());
    ASSERT_TRUE(estimate.ok()) << estimate.error().message;
    EXPECT_NEAR(static_cast<double>(estimate->rows), static_cast<double>(rows_),
                static_cast<double>(rows_) * 0.01);
    auto preview = PreviewRemote(*client, 5, CancelToken());
    ASSERT_TRUE(preview.ok()) << preview.error().message;
    EXPECT_EQ(preview->row_count, 5u);
  }
}

// How many queries with `marker` in their text run on `source`'s server.
int64_t Running(RemoteClient& client, const std::string& marker) {
  auto rows = client.Query(fmt::format("SELECT count() AS n FROM system.processes WHERE query "
                                       "LIKE '%{}%' AND query NOT LIKE '%system.processes%'",
                                       marker),
                           CancelToken());
  EXPECT_TRUE(rows.ok()) << rows.error().message;
  return rows.ok() ? rows->columns[0].IntAt(0) : -1;
}

template <typename Condition>
bool WaitFor(Condition condition, std::chrono::milliseconds limit = 5s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (condition()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return condition();
}

TEST_F(RemoteServers, CancelStopsTheClickHouseQueryOnEveryShard) {
  auto client = Connect(ClickHouse());
  auto shard1 = Connect(ClickHouse("points", 1));
  auto shard2 = Connect(ClickHouse("points", 2));
  ASSERT_TRUE(client && shard1 && shard2);
  CancelToken cancel;
  // A marker of this process, which the shards' part of the query carries too: another test
  // may run its own slow query meanwhile.
  const std::string marker = fmt::format("pika_cancel_{}", getpid());
  // About 100 s of sleeping per shard, in blocks of half a second (a query stops between
  // blocks): only a cancel ends it soon.
  auto running = std::async(std::launch::async, [&] {
    return client->Query(fmt::format("SELECT count() FROM points WHERE sleepEachRow(0.002) = 0 "
                                     "AND '{}' != '' SETTINGS max_block_size = 256",
                                     marker),
                         cancel);
  });
  ASSERT_TRUE(WaitFor([&] { return Running(*shard2, marker) > 0; }));
  const auto cancelled_at = std::chrono::steady_clock::now();
  cancel.Cancel();
  ASSERT_EQ(running.wait_for(10s), std::future_status::ready);
  const auto answer = running.get();
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ErrorKind::kCancelled);
  EXPECT_NE(answer.error().message.find("stopped on ClickHouse"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - cancelled_at, 8s);
  EXPECT_TRUE(WaitFor([&] { return Running(*shard1, marker) == 0; }, 5s));
  EXPECT_TRUE(WaitFor([&] { return Running(*shard2, marker) == 0; }, 5s));
}

TEST_F(RemoteServers, ClickHouseReportsProgressWhileAQueryRunsOnBothShards) {
  auto client = Connect(ClickHouse());
  ASSERT_TRUE(client);
  std::vector<double> reported;
  client->SetProgress([&reported](double fraction) { reported.push_back(fraction); });
  // About 2 s of sleeping per shard, in blocks a few milliseconds long.
  const auto answer = client->Query(
      "SELECT count() AS n FROM points WHERE sleepEachRow(0.00002) = 0 SETTINGS max_block_size "
      "= 512",
      CancelToken());
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(static_cast<uint64_t>(answer->columns[0].IntAt(0)), rows_);
  ASSERT_FALSE(reported.empty());
  EXPECT_TRUE(std::is_sorted(reported.begin(), reported.end()));
  EXPECT_GT(reported.back(), 0.0);
  EXPECT_LT(reported.back(), 1.0);
}

TEST_F(RemoteServers, CancelStopsThePostgresQuery) {
  auto client = Connect(Postgres());
  auto watcher = Connect(Postgres());
  ASSERT_TRUE(client && watcher);
  CancelToken cancel;
  auto running =
      std::async(std::launch::async, [&] { return client->Query("SELECT pg_sleep(60)", cancel); });
  const auto sleeping = [&] {
    auto rows = watcher->Query(
        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE "
        "'SELECT pg_sleep%'",
        CancelToken());
    return rows.ok() ? rows->columns[0].IntAt(0) : -1;
  };
  ASSERT_TRUE(WaitFor([&] { return sleeping() == 1; }));
  cancel.Cancel();
  ASSERT_EQ(running.wait_for(5s), std::future_status::ready);
  const auto answer = running.get();
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ErrorKind::kCancelled);
  EXPECT_TRUE(WaitFor([&] { return sleeping() == 0; }, 3s));
  // The connection stays usable.
  EXPECT_TRUE(client->Query("SELECT 1", CancelToken()).ok());
}

// Every code point U+0001..U+00FF as a picked bar's category: the server finds exactly its
// row, as DuckDB does, whatever the engine makes of quotes and backslashes.
TEST_F(RemoteServers, PickedBarsOfEveryCharacterFindTheirRowOnBothEngines) {
  // UTF-8 bytes written out: this ClickHouse has no char().
  const std::string clickhouse_names =
      "SELECT number AS n, if(number < 128, unhex(hex(toUInt8(number))), "
      "concat(unhex(hex(toUInt8(192 + intDiv(number, 64)))), unhex(hex(toUInt8(128 + number % "
      "64))))) AS name FROM numbers(1, 255)";
  const std::string postgres_names =
      "SELECT n, chr(n) AS name FROM generate_series(1, 255) AS g(n)";
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    const std::string names =
        source.engine == RemoteEngine::kClickHouse ? clickhouse_names : postgres_names;
    for (uint32_t code = 1; code <= 255; ++code) {
      // A category that reads as a number is compared as one (a bar of a number column):
      // the digits are left to that test.
      if (code >= '0' && code <= '9') continue;
      const std::string character = code < 128
                                        ? std::string(1, static_cast<char>(code))
                                        : std::string{static_cast<char>(0xC0 | (code >> 6)),
                                                      static_cast<char>(0x80 | (code & 0x3F))};
      const std::string predicate =
          CategoryBrushPredicate({"t", "bar", "name", "", "", ""}, {character}, source.engine);
      auto found =
          client->Query(fmt::format("SELECT count(*) AS hits, min(n) AS n FROM ({}) AS t WHERE {}",
                                    names, predicate),
                        CancelToken());
      ASSERT_TRUE(found.ok()) << EngineName(source.engine) << " U+" << code << ": "
                              << found.error().message;
      EXPECT_EQ(FormatValue(found->columns[0], 0), "1")
          << EngineName(source.engine) << " U+" << code << ": " << predicate;
      EXPECT_EQ(FormatValue(found->columns[1], 0), std::to_string(code))
          << EngineName(source.engine) << " U+" << code;
    }
  }
}

TEST_F(RemoteServers, SessionsCannotWriteNorRunASecondStatementOnBothEngines) {
  const std::string table = fmt::format("pwned_{}", getpid());
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    const std::string engine = source.engine == RemoteEngine::kClickHouse ? " ENGINE = Memory" : "";
    const std::string quoted =
        source.engine == RemoteEngine::kClickHouse ? "`points`" : "\"points\"";
    // A Query node's SQL, wrapped as a plot wraps it, that tries to end ours and start its own.
    const std::string injected = fmt::format(
        "SELECT * FROM (SELECT 1 AS x) AS a; CREATE TABLE {} (v Int8){}; SELECT * FROM (SELECT 1 "
        "AS x) AS b",
        table, engine);
    for (const std::string& statement :
         {fmt::format("CREATE TABLE {} (v Int8){}", table, engine), injected,
          fmt::format("INSERT INTO {} SELECT * FROM {} LIMIT 1", quoted, quoted),
          std::string(source.engine == RemoteEngine::kClickHouse
                          ? "SELECT 1 SETTINGS readonly = 0"
                          : "SELECT set_config('transaction_read_only', 'off', false)"),
          std::string(source.engine == RemoteEngine::kClickHouse
                          ? "SELECT 1"
                          : "SELECT set_config('default_transaction_read_only', 'off', false)")}) {
      // The last two: a way to lift read-only for the next query, which must not work either.
      if (statement == "SELECT 1" ||
          statement.find("default_transaction_read_only") != std::string::npos) {
        (void)client->Query(statement, CancelToken());
        auto after =
            client->Query(fmt::format("CREATE TABLE {} (v Int8){}", table, engine), CancelToken());
        EXPECT_FALSE(after.ok()) << EngineName(source.engine) << ": read-only was lifted";
        continue;
      }
      auto done = client->Query(statement, CancelToken());
      EXPECT_FALSE(done.ok()) << EngineName(source.engine) << " ran: " << statement;
    }
    // Nothing was created, and the session still reads.
    auto listed = client->Query(
        source.engine == RemoteEngine::kClickHouse
            ? fmt::format("SELECT count() AS n FROM system.tables WHERE name = '{}'", table)
            : fmt::format("SELECT count(*) AS n FROM pg_tables WHERE tablename = '{}'", table),
        CancelToken());
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    EXPECT_EQ(FormatValue(listed->columns[0], 0), "0") << EngineName(source.engine);
  }
}

TEST_F(RemoteServers, UnreachableServersAreNamedWithWhatToDo) {
  for (RemoteSource source : {ClickHouse(), Postgres()}) {
    source.port = 1;  // nothing listens there
    auto client = ConnectRemote(source, "pika-test", {1, 5});
    ASSERT_FALSE(client.ok());
    EXPECT_EQ(client.error().kind, ErrorKind::kEngine);
    EXPECT_NE(client.error().message.find(
                  fmt::format("cannot reach {} at 127.0.0.1:1", EngineName(source.engine))),
              std::string::npos)
        << client.error().message;
    EXPECT_NE(client.error().message.find("then retry"), std::string::npos);
  }
}

// Sets an environment variable for one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { old_ ? (void)setenv(name_, old_->c_str(), 1) : (void)unsetenv(name_); }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST_F(RemoteServers, TlsConnectionsVerifyTheServerAgainstTheCaGiven) {
  const std::string ca = settings_.at("PIKA_REMOTE_TLS_CA");
  RemoteSource clickhouse = ClickHouse();
  clickhouse.port = static_cast<uint16_t>(std::stoi(settings_.at("PIKA_CLICKHOUSE_HTTPS_PORT")));
  clickhouse.secure = true;
  {
    ScopedEnv ca_file("PIKA_REMOTE_CA_FILE", ca);
    auto client = Connect(clickhouse);
    ASSERT_NE(client, nullptr);
    auto count = client->Query("SELECT count() AS n FROM `default`.`points`", CancelToken());
    ASSERT_TRUE(count.ok()) << count.error().message;
    EXPECT_EQ(static_cast<uint64_t>(count->columns[0].IntAt(0)), rows_);
  }
  RemoteSource postgres = Postgres();
  postgres.sslmode = "verify-full";
  postgres.sslrootcert = ca;
  auto client = Connect(postgres);
  ASSERT_NE(client, nullptr);
  auto encrypted =
      client->Query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", CancelToken());
  ASSERT_TRUE(encrypted.ok()) << encrypted.error().message;
  EXPECT_EQ(encrypted->columns[0].IntAt(0), 1);
}

TEST_F(RemoteServers, AServerNoTrustedCaVouchesForIsRefusedSayingHowToTrustIt) {
  ScopedEnv no_ca("PIKA_REMOTE_CA_FILE", "");
  ScopedEnv no_pg_root("PGSSLROOTCERT", "/nonexistent/root.crt");
  RemoteSource clickhouse = ClickHouse();
  clickhouse.port = static_cast<uint16_t>(std::stoi(settings_.at("PIKA_CLICKHOUSE_HTTPS_PORT")));
  clickhouse.secure = true;
  RemoteSource postgres = Postgres();
  postgres.sslmode = "verify-full";
  for (const RemoteSource& source : {clickhouse, postgres}) {
    auto client = ConnectRemote(source, settings_.at("PIKA_REMOTE_PASSWORD"));
    ASSERT_FALSE(client.ok()) << EngineName(source.engine);
    EXPECT_EQ(client.error().kind, ErrorKind::kEngine);
    EXPECT_NE(client.error().message.find("PIKA_REMOTE_CA_FILE"), std::string::npos)
        << client.error().message;
  }
}

TEST_F(RemoteServers, WrongPasswordsAreRefusedNamingTheUser) {
  for (const RemoteSource& source : {ClickHouse(), Postgres()}) {
    auto client = ConnectRemote(source, "not-the-password");
    ASSERT_FALSE(client.ok());
    EXPECT_EQ(client.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(client.error().message.find("refused user 'pika'"), std::string::npos)
        << client.error().message;
    EXPECT_NE(client.error().message.find("PIKA_REMOTE_PASSWORD"), std::string::npos);
  }
}

TEST_F(RemoteServers, MissingTablesAndColumnsAreNamed) {
  for (const RemoteSource& source : {ClickHouse("nope"), Postgres("nope")}) {
    auto client = Connect(source);
    ASSERT_NE(client, nullptr);
    auto plot =
        PlotRemote(*client, {"", "scatter", "x", "y"}, PlotSpec{}, test::FakeWidth, CancelToken());
    ASSERT_FALSE(plot.ok());
    EXPECT_EQ(plot.error().kind, ErrorKind::kNotFound);
    EXPECT_NE(plot.error().message.find("has no table nope"), std::string::npos)
        << plot.error().message;
  }
  auto client = Connect(Postgres());
  auto plot =
      PlotRemote(*client, {"", "scatter", "x", "wind"}, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_FALSE(plot.ok());
  EXPECT_NE(plot.error().message.find("has no column 'wind'; its columns are n, t, x, y, c, at"),
            std::string::npos)
      << plot.error().message;
  plot = PlotRemote(*client, {"", "bar", "kind"}, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_FALSE(plot.ok());
  EXPECT_NE(plot.error().message.find("has no column 'kind'"), std::string::npos)
      << plot.error().message;
  plot = PlotRemote(*client, {"", "scatter", "x", "c"}, PlotSpec{}, test::FakeWidth, CancelToken());
  ASSERT_FALSE(plot.ok());
  EXPECT_NE(plot.error().message.find("column 'c'"), std::string::npos) << plot.error().message;
}

TEST_F(RemoteServers, QueriesPastTheTimeoutAreStoppedByTheServer) {
  RemoteOptions options;
  options.query_timeout_s = 1;
  auto clickhouse = Connect(ClickHouse(), options);
  auto postgres = Connect(Postgres(), options);
  ASSERT_TRUE(clickhouse && postgres);
  const auto slow_clickhouse = clickhouse->Query(
      "SELECT count() FROM points WHERE sleepEachRow(0.002) = 0 SETTINGS max_block_size = 256",
      CancelToken());
  const auto slow_postgres = postgres->Query("SELECT pg_sleep(10)", CancelToken());
  for (const auto* slow : {&slow_clickhouse, &slow_postgres}) {
    ASSERT_FALSE(slow->ok());
    EXPECT_NE(slow->error().message.find("stopped the query after 1 s"), std::string::npos)
        << slow->error().message;
  }
}

TEST_F(RemoteServers, CliPlotsARemoteTableAndDescribesIt) {
  setenv("PIKA_REMOTE_PASSWORD", settings_.at("PIKA_REMOTE_PASSWORD").c_str(), 1);
  test::TempDir dir;
  const std::string png = (dir.path() / "remote.png").string();
  const std::string url = RemoteUrl(ClickHouse());
  const auto plot = test::RunProcess(
      {PIKA_CLI_PATH, "plot", "--remote", url, "--x", "x", "--y", "y", "-o", png, "--json"});
  ASSERT_EQ(plot.exit_code, 0) << plot.err;
  const auto summary = nlohmann::json::parse(plot.out);
  EXPECT_EQ(
      summary["rows"].get<uint64_t>(),
      std::stoull(test::QueryValue(
          duck_.connection, "SELECT count(*) FROM points WHERE isfinite(x) AND isfinite(y)")));
  EXPECT_GT(summary["bytes_received"].get<uint64_t>(), 0u);
  EXPECT_GT(std::filesystem::file_size(png), 1000u);
  const auto described =
      test::RunProcess({PIKA_CLI_PATH, "remote", RemoteUrl(Postgres()), "--format", "json"});
  ASSERT_EQ(described.exit_code, 0) << described.err;
  const auto table = nlohmann::json::parse(described.out);
  EXPECT_EQ(table["columns"][2]["type"], "double precision");
  EXPECT_EQ(table["rows"].get<uint64_t>(), rows_);
  const auto capped =
      test::RunProcess({PIKA_CLI_PATH, "remote", url, "--sql", "SELECT n FROM points ORDER BY n;",
                        "--max-rows", "3", "--format", "csv"});
  ASSERT_EQ(capped.exit_code, 0) << capped.err;
  EXPECT_EQ(capped.out, "n\n0\n1\n2\n");
  EXPECT_NE(capped.err.find("only the first 3 rows"), std::string::npos) << capped.err;
  // Rows brought local into a Parquet file, after a size check on the server.
  const std::string parquet = (dir.path() / "slice.parquet").string();
  const auto brought =
      test::RunProcess({PIKA_CLI_PATH, "remote", RemoteUrl(Postgres()), "--sql",
                        "SELECT n, x, c, at FROM points WHERE n < 1000", "--out", parquet});
  ASSERT_EQ(brought.exit_code, 0) << brought.err;
  const std::string totals =
      "count(*) || ' ' || count(x) || ' ' || sum(x) || ' ' || "
      "epoch(max(\"at\"))";
  const std::string expected = test::QueryValue(
      duck_.connection, fmt::format("SELECT {} FROM points WHERE n < 1000", totals));
  EXPECT_TRUE(expected.starts_with("1000 998 ")) << expected;  // x is NULL at n = 0 and 997
  EXPECT_EQ(test::QueryValue(duck_.connection, fmt::format("SELECT {} FROM '{}'", totals, parquet)),
            expected);
  const std::string too_big = (dir.path() / "all.parquet").string();
  const auto refused_size =
      test::RunProcess({PIKA_CLI_PATH, "remote", url, "--sql", "SELECT * FROM points", "--out",
                        too_big, "--max-rows", "100"});
  EXPECT_EQ(refused_size.exit_code, 1);
  EXPECT_NE(refused_size.err.find(fmt::format("the query gives {} rows, more than the 100", rows_)),
            std::string::npos)
      << refused_size.err;
  EXPECT_FALSE(std::filesystem::exists(too_big));
  unsetenv("PIKA_REMOTE_PASSWORD");
  const auto refused = test::RunProcess({PIKA_CLI_PATH, "remote", url});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("refused user 'pika'"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace pika
