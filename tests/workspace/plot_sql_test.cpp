// The SQL behind a plot stands on its own: run in a fresh DuckDB, it gives what the plot drew.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "storage/sql_quote.h"
#include "support/engine.h"
#include "support/temp_dir.h"
#include "workspace/plot_node.h"

namespace pika {
namespace {

using canvas::Node;
using canvas::NodeKind;

class PlotSqlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A name DuckDB would take for a pattern, beside the file that pattern matches.
    csv_ = temp_.File("points[1].csv");
    std::ofstream(temp_.File("points1.csv")) << "x,y,kind\n-1,-1,decoy\n";
    std::ofstream out(csv_);
    out << "x,y,kind\n";
    for (int i = 0; i < 200; ++i)
      out << i << ',' << i * 3 << ',' << (i % 3 ? "odd" : "even") << '\n';
    out.close();
    Node table;
    table.kind = NodeKind::kTable;
    table.name = "points";
    table.source_path = csv_;
    Node query;
    query.kind = NodeKind::kQuery;
    query.name = "big";
    query.sql = "SELECT * FROM points WHERE x >= 50;  ";
    table_ = *graph_.Add(table);
    query_ = *graph_.Add(query);
    ASSERT_TRUE(graph_.Connect(table_, query_).ok());
    // The app's engine: nodes are views named after them.
    ASSERT_TRUE(
        app_.connection
            .Execute("CREATE VIEW points AS SELECT * FROM read_csv(" + QuoteFileLiteral(csv_) + ")")
            .ok());
    ASSERT_TRUE(app_.connection.Execute("CREATE VIEW big AS " + query.sql).ok());
  }

  canvas::NodeId AddPlot(canvas::PlotNodeSpec spec) {
    Node plot;
    plot.kind = NodeKind::kPlot;
    plot.name = "p" + std::to_string(++plots_);
    plot.plot = std::move(spec);
    const canvas::NodeId id = *graph_.Add(plot);
    EXPECT_TRUE(graph_.Connect(query_, id).ok());
    return id;
  }

  // Runs `sql` where no node exists: it must bring everything it reads.
  TableBatch RunElsewhere(const std::string& sql) {
    test::Engine fresh = test::OpenEngine();
    auto result = fresh.connection.Query(sql);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message) << "\n" << sql;
    if (!result.ok()) return {};
    auto batch = result->FetchAll();
    EXPECT_TRUE(batch.ok());
    return batch.ok() ? std::move(*batch) : TableBatch{};
  }

  test::TempDir temp_;
  std::string csv_;
  canvas::Graph graph_;
  canvas::NodeId table_ = 0, query_ = 0;
  int plots_ = 0;
  test::Engine app_ = test::OpenEngine();
};

TEST_F(PlotSqlTest, AScatterSqlRunsOnItsOwnAndGivesThePlottedRows) {
  const canvas::NodeId p = AddPlot({"scatter", "x", "y", "", "", "kind"});
  const PlotDataRequest request = PlotRequestOf(*graph_.Find(p), *graph_.Find(query_));
  auto data = FetchPlotData(app_.connection, request);
  ASSERT_TRUE(data.ok()) << data.error().message;
  const std::string sql = PlotSqlOf(graph_, p, request, *data);
  EXPECT_NE(sql.find(QuoteFileLiteral(csv_)), std::string::npos) << sql;
  const TableBatch rows = RunElsewhere(sql);
  ASSERT_EQ(rows.row_count, data->x.size());
  ASSERT_EQ(rows.columns.size(), 3u);  // x, y and the colour column
  EXPECT_EQ(rows.columns[0].name, "x");
  EXPECT_EQ(rows.columns[2].name, "kind");
  EXPECT_EQ(rows.columns[0].IntAt(0), 50);
}

TEST_F(PlotSqlTest, AWindowKeepsTheRowsInViewWithEveryColumn) {
  const canvas::NodeId p = AddPlot({"scatter", "x", "y", "", "", ""});
  const PlotDataRequest request = PlotRequestOf(*graph_.Find(p), *graph_.Find(query_));
  auto data = FetchPlotData(app_.connection, request);
  ASSERT_TRUE(data.ok());
  PlotSqlOptions options;
  options.window = DataWindow{60, 99.5, 0, 240};  // x in [60, 99], and y = 3x <= 240: x <= 80
  options.all_columns = true;
  const TableBatch rows = RunElsewhere(PlotSqlOf(graph_, p, request, *data, options));
  EXPECT_EQ(rows.row_count, 21u);
  EXPECT_EQ(rows.columns.size(), 3u);
}

TEST_F(PlotSqlTest, BarAndHistogramSqlGiveTheDrawnAggregates) {
  const canvas::NodeId bars = AddPlot({"bar", "kind", "y", "sum", "", ""});
  const PlotDataRequest bar_request = PlotRequestOf(*graph_.Find(bars), *graph_.Find(query_));
  auto bar_data = FetchPlotData(app_.connection, bar_request);
  ASSERT_TRUE(bar_data.ok());
  const TableBatch bar_rows = RunElsewhere(PlotSqlOf(graph_, bars, bar_request, *bar_data));
  ASSERT_EQ(bar_rows.row_count, bar_data->categories.size());
  for (size_t row = 0; row < bar_rows.row_count; ++row) {
    const auto at = std::find(bar_data->categories.begin(), bar_data->categories.end(),
                              bar_rows.columns[0].TextAt(row));
    ASSERT_NE(at, bar_data->categories.end());
    EXPECT_EQ(bar_rows.columns[1].DoubleAt(row),
              bar_data->bar_values[at - bar_data->categories.begin()]);
  }
  const canvas::NodeId histogram = AddPlot({"histogram", "y", "", "", "", ""});
  const PlotDataRequest request = PlotRequestOf(*graph_.Find(histogram), *graph_.Find(query_));
  auto data = FetchPlotData(app_.connection, request);
  ASSERT_TRUE(data.ok());
  const TableBatch bins = RunElsewhere(PlotSqlOf(graph_, histogram, request, *data));
  std::vector<uint64_t> drawn;
  for (uint64_t count : data->bins.counts)
    if (count > 0) drawn.push_back(count);
  ASSERT_EQ(bins.row_count, drawn.size());
  for (size_t row = 0; row < bins.row_count; ++row)
    EXPECT_EQ(static_cast<uint64_t>(bins.columns[2].IntAt(row)), drawn[row]) << "bin " << row;
}

TEST_F(PlotSqlTest, TypesSetByTheUserAreSaidInAComment) {
  canvas::Node changed = *graph_.Find(table_);
  changed.import.column_types = {{"x", ColumnType::kDouble}};
  ASSERT_TRUE(graph_.Update(changed).ok());
  const canvas::NodeId p = AddPlot({"line", "x", "y", "", "", ""});
  const PlotDataRequest request = PlotRequestOf(*graph_.Find(p), *graph_.Find(query_));
  auto data = FetchPlotData(app_.connection, request);
  ASSERT_TRUE(data.ok());
  const std::string sql = PlotSqlOf(graph_, p, request, *data);
  EXPECT_NE(sql.find("-- in the app, points was read with these types: x DOUBLE"),
            std::string::npos)
      << sql;
  EXPECT_EQ(RunElsewhere(sql).row_count, 150u);
}

TEST_F(PlotSqlTest, ATableOfADuckDbDatabaseSaysToAttachItAndThenRuns) {
  const std::string database = temp_.File("shop.duckdb");
  ASSERT_TRUE(app_.connection
                  .Execute("ATTACH '" + database +
                           "' AS shop; CREATE SCHEMA shop.sales; CREATE TABLE shop.sales.points "
                           "AS SELECT * FROM read_csv(" +
                           QuoteFileLiteral(csv_) + "); DETACH shop")
                  .ok());
  Node table = *graph_.Find(table_);
  table.source_path = database;
  table.import.database_table = "sales.points";
  ASSERT_TRUE(graph_.Update(table).ok());
  const canvas::NodeId p = AddPlot({"scatter", "x", "y", "", "", ""});
  const PlotDataRequest request = PlotRequestOf(*graph_.Find(p), *graph_.Find(query_));
  auto data = FetchPlotData(app_.connection, request);
  ASSERT_TRUE(data.ok()) << data.error().message;
  const std::string sql = PlotSqlOf(graph_, p, request, *data);
  const std::string attach = "ATTACH '" + database + "' AS source_db (READ_ONLY);";
  ASSERT_NE(sql.find("-- run first: " + attach), std::string::npos) << sql;
  test::Engine fresh = test::OpenEngine();
  ASSERT_TRUE(fresh.connection.Execute(attach).ok());
  auto rows = fresh.connection.QueryAll(sql);
  ASSERT_TRUE(rows.ok()) << rows.error().message << "\n" << sql;
  EXPECT_EQ(rows->row_count, data->x.size());
}

}  // namespace
}  // namespace pika
