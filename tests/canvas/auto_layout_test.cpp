#include "canvas/auto_layout.h"

#include <gtest/gtest.h>

namespace pika::canvas {
namespace {

NodeId AddAt(Graph& graph, NodeKind kind, Point at, std::string name = "") {
  Node node;
  node.kind = kind;
  node.name = std::move(name);
  node.position = at;
  auto id = graph.Add(node);
  EXPECT_TRUE(id.ok()) << id.error().message;
  return *id;
}

void Wire(Graph& graph, NodeId from, NodeId to) {
  Status connected = graph.Connect(from, to);
  ASSERT_TRUE(connected.ok()) << connected.error().message;
}

// Whether two nodes at these places would overlap, gaps included.
bool TooClose(Point a, NodeKind a_kind, Point b, NodeKind b_kind) {
  const Size sa = NodeSize(a_kind), sb = NodeSize(b_kind);
  return a.x < b.x + sb.width + kLayoutGapX - 1e-6 && b.x < a.x + sa.width + kLayoutGapX - 1e-6 &&
         a.y < b.y + sb.height + kLayoutGapY - 1e-6 && b.y < a.y + sa.height + kLayoutGapY - 1e-6;
}

void ExpectNoOverlap(const Graph& graph, const std::map<NodeId, Point>& placed) {
  for (const auto& [a, pa] : placed) {
    for (const auto& [b, pb] : placed) {
      if (a >= b) continue;
      EXPECT_FALSE(TooClose(pa, graph.Find(a)->kind, pb, graph.Find(b)->kind))
          << graph.Find(a)->name << " at (" << pa.x << ", " << pa.y << ") and "
          << graph.Find(b)->name << " at (" << pb.x << ", " << pb.y << ")";
    }
  }
}

std::map<NodeId, Point> PositionsOf(const Graph& graph) {
  std::map<NodeId, Point> positions;
  for (const auto& [id, node] : graph.nodes()) positions[id] = node.position;
  return positions;
}

void Apply(Graph& graph, const std::map<NodeId, Point>& placed) {
  for (const auto& [id, at] : placed) ASSERT_TRUE(graph.Move(id, at).ok());
}

TEST(PlaceNewNode, PutsANodeRightOfItsInputAtItsHeight) {
  Graph graph;
  const NodeId table = AddAt(graph, NodeKind::kTable, {100, 40}, "flights");
  const Point at = PlaceNewNode(graph, NodeKind::kQuery, {table}, {0, 0});
  EXPECT_DOUBLE_EQ(at.x, 100 + NodeSize(NodeKind::kTable).width + kLayoutGapX);
  EXPECT_DOUBLE_EQ(at.y, 40);
}

TEST(PlaceNewNode, ASecondOutputGoesJustBelowTheFirstAndMovesNothing) {
  Graph graph;
  const NodeId table = AddAt(graph, NodeKind::kTable, {0, 0}, "flights");
  const Point first = PlaceNewNode(graph, NodeKind::kQuery, {table}, {});
  const NodeId query = AddAt(graph, NodeKind::kQuery, first, "by_day");
  Wire(graph, table, query);
  const auto before = PositionsOf(graph);
  const Point second = PlaceNewNode(graph, NodeKind::kPlot, {table}, {});
  EXPECT_EQ(PositionsOf(graph), before);
  EXPECT_DOUBLE_EQ(second.x, first.x);
  // Right under the first, with one gap between them: the nearest free place.
  EXPECT_DOUBLE_EQ(second.y, first.y + NodeSize(NodeKind::kQuery).height + kLayoutGapY);
}

TEST(PlaceNewNode, NeverLandsOnANodeWhereverTheHintIs) {
  Graph graph;
  // A crowded block of nodes with the hint in its middle.
  for (int row = 0; row < 4; ++row) {
    for (int column = 0; column < 3; ++column) {
      AddAt(graph, column == 1 ? NodeKind::kPlot : NodeKind::kQuery, {column * 310.0, row * 260.0});
    }
  }
  for (Point hint : {Point{300, 300}, Point{0, 0}, Point{-10, 500}, Point{620, 780}}) {
    for (NodeKind kind : {NodeKind::kQuery, NodeKind::kPlot, NodeKind::kNote}) {
      const Point at = PlaceNewNode(graph, kind, {}, hint);
      for (const auto& [id, node] : graph.nodes())
        EXPECT_FALSE(TooClose(at, kind, node.position, node.kind)) << hint.x << ", " << hint.y;
      // The same question, the same answer.
      EXPECT_EQ(PlaceNewNode(graph, kind, {}, hint), at);
    }
  }
}

TEST(PlaceNewNode, AFreeHintIsKept) {
  Graph graph;
  AddAt(graph, NodeKind::kTable, {0, 0});
  EXPECT_EQ(PlaceNewNode(graph, NodeKind::kNote, {}, {0, 600}), (Point{0, 600}));
}

TEST(TidyLayout, PutsEveryNodeRightOfItsInputsWithoutOverlaps) {
  Graph graph;
  // Scattered on purpose: a plot left of its input, a query on top of a table.
  const NodeId flights = AddAt(graph, NodeKind::kTable, {500, 500}, "flights");
  const NodeId airports = AddAt(graph, NodeKind::kTable, {0, 0}, "airports");
  const NodeId joined = AddAt(graph, NodeKind::kQuery, {10, 10}, "joined");
  const NodeId delays = AddAt(graph, NodeKind::kPlot, {-400, 300}, "delays");
  const NodeId by_day = AddAt(graph, NodeKind::kQuery, {20, 900}, "by_day");
  const NodeId daily = AddAt(graph, NodeKind::kPlot, {0, 40}, "daily");
  Wire(graph, flights, joined);
  Wire(graph, airports, joined);
  Wire(graph, joined, delays);
  Wire(graph, flights, by_day);
  Wire(graph, by_day, daily);
  const auto placed = TidyLayout(graph);
  ASSERT_EQ(placed.size(), graph.nodes().size());
  for (const Edge& edge : graph.edges()) {
    EXPECT_GE(placed.at(edge.to).x,
              placed.at(edge.from).x + NodeSize(graph.Find(edge.from)->kind).width + kLayoutGapX)
        << graph.Find(edge.from)->name << " -> " << graph.Find(edge.to)->name;
  }
  ExpectNoOverlap(graph, placed);
  // The top-left corner of the whole stays where it was.
  double left = 1e9, top = 1e9;
  for (const auto& [id, at] : placed) {
    left = std::min(left, at.x);
    top = std::min(top, at.y);
  }
  EXPECT_DOUBLE_EQ(left, -400);
  EXPECT_DOUBLE_EQ(top, 0);
}

TEST(TidyLayout, LaysAChainOnOneRow) {
  Graph graph;
  const NodeId table = AddAt(graph, NodeKind::kTable, {0, 0}, "t");
  const NodeId query = AddAt(graph, NodeKind::kQuery, {50, 400}, "q");
  const NodeId plot = AddAt(graph, NodeKind::kPlot, {900, -100}, "p");
  Wire(graph, table, query);
  Wire(graph, query, plot);
  const auto placed = TidyLayout(graph);
  // Middles level: wires run straight.
  const auto middle = [&](NodeId id) {
    return placed.at(id).y + NodeSize(graph.Find(id)->kind).height / 2;
  };
  EXPECT_NEAR(middle(table), middle(query), 1e-6);
  EXPECT_NEAR(middle(query), middle(plot), 1e-6);
}

TEST(TidyLayout, KeepsTheUsersTopToBottomOrderWhenWiresDoNotCross) {
  Graph graph;
  const NodeId table = AddAt(graph, NodeKind::kTable, {0, 0}, "t");
  std::vector<NodeId> outputs;
  for (double y : {300.0, -200.0, 50.0}) {
    outputs.push_back(AddAt(graph, NodeKind::kQuery, {400, y}));
    Wire(graph, table, outputs.back());
  }
  const auto placed = TidyLayout(graph);
  EXPECT_LT(placed.at(outputs[1]).y, placed.at(outputs[2]).y);
  EXPECT_LT(placed.at(outputs[2]).y, placed.at(outputs[0]).y);
  ExpectNoOverlap(graph, placed);
}

TEST(TidyLayout, UncrossesWires) {
  Graph graph;
  const NodeId a = AddAt(graph, NodeKind::kTable, {0, 0}, "a");
  const NodeId b = AddAt(graph, NodeKind::kTable, {0, 200}, "b");
  const NodeId from_b = AddAt(graph, NodeKind::kQuery, {400, 0}, "from_b");
  const NodeId from_a = AddAt(graph, NodeKind::kQuery, {400, 200}, "from_a");
  Wire(graph, a, from_a);
  Wire(graph, b, from_b);
  const auto placed = TidyLayout(graph);
  EXPECT_LT(placed.at(from_a).y, placed.at(from_b).y);
}

TEST(TidyLayout, StacksGraphsThatNoWireJoinsInTheirOrderWithoutAGap) {
  Graph graph;
  const NodeId weather = AddAt(graph, NodeKind::kTable, {0, 5000}, "weather");
  const NodeId temps = AddAt(graph, NodeKind::kPlot, {300, 4000}, "temps");
  const NodeId flights = AddAt(graph, NodeKind::kTable, {0, 0}, "flights");
  const NodeId delays = AddAt(graph, NodeKind::kPlot, {300, 0}, "delays");
  const NodeId by_hour = AddAt(graph, NodeKind::kQuery, {300, 300}, "by_hour");
  Wire(graph, weather, temps);
  Wire(graph, flights, delays);
  Wire(graph, flights, by_hour);
  const auto placed = TidyLayout(graph);
  ExpectNoOverlap(graph, placed);
  // The flights graph stays on top; the weather graph starts right under it.
  double flights_bottom = 0;
  for (NodeId id : {flights, delays, by_hour})
    flights_bottom =
        std::max(flights_bottom, placed.at(id).y + NodeSize(graph.Find(id)->kind).height);
  const double weather_top = std::min(placed.at(weather).y, placed.at(temps).y);
  EXPECT_GT(weather_top, flights_bottom);
  EXPECT_LE(weather_top - flights_bottom, 2 * kLayoutGapY + 1e-6);
}

TEST(TidyLayout, KeepsANoteBesideTheNodeItWasNearest) {
  Graph graph;
  const NodeId table = AddAt(graph, NodeKind::kTable, {1000, 1000}, "t");
  const NodeId plot = AddAt(graph, NodeKind::kPlot, {0, 0}, "p");
  Wire(graph, table, plot);
  const NodeId note = AddAt(graph, NodeKind::kNote, {-10, 260});  // under the plot
  const auto placed = TidyLayout(graph);
  EXPECT_DOUBLE_EQ(placed.at(note).x - placed.at(plot).x, -10);
  EXPECT_GE(placed.at(note).y, placed.at(plot).y + NodeSize(NodeKind::kPlot).height);
  ExpectNoOverlap(graph, placed);
}

TEST(TidyLayout, TidyingATidyGraphMovesNothing) {
  Graph graph;
  const NodeId flights = AddAt(graph, NodeKind::kTable, {0, 0}, "flights");
  const NodeId weather = AddAt(graph, NodeKind::kTable, {0, 700}, "weather");
  const NodeId joined = AddAt(graph, NodeKind::kQuery, {300, 100}, "joined");
  const NodeId hist = AddAt(graph, NodeKind::kPlot, {300, 400}, "hist");
  const NodeId plot = AddAt(graph, NodeKind::kPlot, {700, 100}, "scatter");
  const NodeId filter = AddAt(graph, NodeKind::kQuery, {1000, 50}, "filtered");
  AddAt(graph, NodeKind::kNote, {-300, 0});
  Wire(graph, flights, joined);
  Wire(graph, weather, joined);
  Wire(graph, flights, hist);
  Wire(graph, joined, plot);
  Wire(graph, plot, filter);
  Apply(graph, TidyLayout(graph));
  const auto tidy = PositionsOf(graph);
  const auto again = TidyLayout(graph);
  for (const auto& [id, at] : again) {
    EXPECT_NEAR(at.x, tidy.at(id).x, 1e-6) << graph.Find(id)->name;
    EXPECT_NEAR(at.y, tidy.at(id).y, 1e-6) << graph.Find(id)->name;
  }
  ExpectNoOverlap(graph, again);
}

TEST(TidyLayout, AnEmptyGraphHasNothingToPlace) { EXPECT_TRUE(TidyLayout(Graph{}).empty()); }

}  // namespace
}  // namespace pika::canvas
