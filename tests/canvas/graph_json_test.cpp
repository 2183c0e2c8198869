#include "canvas/graph_json.h"

#include <gtest/gtest.h>

namespace pika::canvas {
namespace {

TEST(GraphJson, ARoundTripKeepsEveryField) {
  Graph graph;
  Node table;
  table.kind = NodeKind::kTable;
  table.name = "t";
  table.source_path = "/data/a b.csv";
  table.embed_data = false;
  table.import.column_types = {{"when", ColumnType::kDate}, {"id", ColumnType::kVarchar}};
  table.import.null_strings = {"NA", "-"};
  table.position = {-12.5, 1e6};
  const NodeId t = *graph.Add(table);
  Node database_table = table;
  database_table.name = "orders";
  database_table.source_path = "/data/shop.duckdb";
  database_table.import = {{}, {}, "sales.orders"};
  ASSERT_TRUE(graph.Add(database_table).ok());
  Node plot;
  plot.kind = NodeKind::kPlot;
  plot.name = "p";
  plot.plot = {"scatter", "when", "id", "", "Title", "id", "\"id\" > 3"};
  plot.plot.y_log = true;
  plot.plot.size = "id";
  plot.user_placed = false;
  const NodeId p = *graph.Add(plot);
  ASSERT_TRUE(graph.Connect(t, p).ok());
  auto back = GraphFromJson(GraphToJson(graph, {1, 2, 3}));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->graph.nodes(), graph.nodes());
  EXPECT_EQ(back->graph.edges(), graph.edges());
  EXPECT_EQ(back->viewport, (Viewport{1, 2, 3}));
}

TEST(GraphJson, RemoteTableKeepsItsUrlFreshnessAndLocalCopyLimitAndHasNoPasswordField) {
  Graph graph;
  Node remote;
  remote.kind = NodeKind::kRemote;
  remote.name = "events";
  remote.remote_url = "clickhouse://pika@ch.local:8123/analytics/events";
  remote.remote_max_age_s = kUntilRefreshed;
  remote.keep_local = true;
  remote.local_rows = 20'000'000;
  ASSERT_TRUE(graph.Add(remote).ok());
  const std::string text = GraphToJson(graph, {});
  EXPECT_EQ(text.find("password"), std::string::npos);
  auto back = GraphFromJson(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->graph.nodes(), graph.nodes());
  // A file from before the limit could be set takes the default.
  auto older = GraphFromJson(
      R"({"nodes":[{"id":1,"kind":"remote","name":"r","x":0,"y":0,"user_placed":true,)"
      R"("remote":{"url":"postgres://h/db/t","max_age_s":60,"keep_local":true}}],"edges":[],)"
      R"("viewport":{"center_x":0,"center_y":0,"zoom":1}})");
  ASSERT_TRUE(older.ok()) << older.error().message;
  EXPECT_EQ(older->graph.Find(1)->local_rows, kBringLocalRows);
}

TEST(GraphJson, APlotSavedBeforeColourExistedLoadsInOneColour) {
  auto back = GraphFromJson(
      R"({"nodes":[{"id":1,"kind":"plot","name":"p","x":0,"y":0,"user_placed":true,"plot":)"
      R"({"kind":"line","x":"a","y":"b","agg":"","title":""}}],"edges":[],)"
      R"("viewport":{"center_x":0,"center_y":0,"zoom":1}})");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->graph.Find(1)->plot.color, "");
  EXPECT_EQ(back->graph.Find(1)->plot.kind, "line");
  EXPECT_FALSE(back->graph.Find(1)->plot.x_log);  // nor log axes: linear ones
}

TEST(GraphJson, WrongFieldsAreNamedWithTheirPlace) {
  const std::string viewport = R"("viewport":{"center_x":0,"center_y":0,"zoom":1})";
  auto message = [&](const std::string& nodes) {
    auto parsed = GraphFromJson(R"({"nodes":)" + nodes + R"(,"edges":[],)" + viewport + "}");
    EXPECT_FALSE(parsed.ok());
    return parsed.ok() ? std::string() : parsed.error().message;
  };
  EXPECT_EQ(message(R"([{"id":1,"kind":"chart","name":"a","x":0,"y":0,"user_placed":true}])"),
            "graph.json: graph.nodes[0].kind is 'chart', not table, remote, query, plot or note");
  EXPECT_EQ(message(R"([{"id":1,"kind":"remote","name":"r","x":0,"y":0,"user_placed":true,)"
                    R"("remote":{"url":"postgres://h/db/t","max_age_s":1.5}}])"),
            "graph.json: graph.nodes[0].remote.max_age_s must be a whole number of seconds, or "
            "-1 for \"until refreshed\"");
  EXPECT_EQ(message(R"([{"id":1,"kind":"query","name":"q","x":0,"y":0,"user_placed":true,)"
                    R"("sql":"SELECT 1","keep_local":true,"local_rows":0}])"),
            "graph.json: graph.nodes[0].local_rows must be a whole number of rows from 1 to 10^12");
  EXPECT_EQ(
      message(R"([{"id":-1,"kind":"query","name":"a","x":0,"y":0,"user_placed":true,"sql":""}])"),
      "graph.json: graph.nodes[0].id must be a whole number from 1 to 2^40");
  // An id near 2^64 would wrap the next id to 0 and collide with the app's job keys.
  EXPECT_NE(message(R"([{"id":18446744073709551615,"kind":"query","name":"a","x":0,"y":0,)"
                    R"("user_placed":true,"sql":""}])")
                .find("from 1 to 2^40"),
            std::string::npos);
  // Plot kind and aggregate become SQL words: nothing but the known ones gets through.
  EXPECT_NE(
      message(R"([{"id":1,"kind":"plot","name":"a","x":0,"y":0,"user_placed":true,"plot":)"
              R"({"kind":"bar","x":"a","y":"b","agg":"sum(1)); COPY x TO 'f' --","title":""}}])")
          .find("not count, sum, mean, min or max"),
      std::string::npos);
  EXPECT_NE(
      message(R"([{"id":1,"kind":"query","name":"a","x":0,"y":0,"user_placed":true,"sql":""},)"
              R"({"id":1,"kind":"query","name":"b","x":0,"y":0,"user_placed":true,"sql":""}])")
          .find("in use"),
      std::string::npos);
  EXPECT_NE(
      message(
          R"([{"id":1,"kind":"plot","name":"a","x":0,"y":0,"user_placed":true,"plot":{"kind":"bar"}}])")
          .find("graph.nodes[0].plot.x is missing"),
      std::string::npos);
  EXPECT_NE(message("7").find("graph.nodes must be a list"), std::string::npos);
}

}  // namespace
}  // namespace pika::canvas
