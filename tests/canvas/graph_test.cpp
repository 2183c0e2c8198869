#include "canvas/graph.h"

#include <gtest/gtest.h>

#include "canvas/node_name.h"

namespace pika::canvas {
namespace {

NodeId AddNode(Graph& graph, NodeKind kind, std::string name = "") {
  Node node;
  node.kind = kind;
  node.name = std::move(name);
  auto id = graph.Add(node);
  EXPECT_TRUE(id.ok()) << id.error().message;
  return *id;
}

TEST(Graph, NodesGetFreshIdsAndUniqueNamesCaseInsensitively) {
  Graph graph;
  const NodeId a = AddNode(graph, NodeKind::kTable, "flights");
  const NodeId b = AddNode(graph, NodeKind::kTable, "Flights");
  const NodeId c = AddNode(graph, NodeKind::kQuery);
  EXPECT_NE(a, b);
  EXPECT_EQ(graph.Find(b)->name, "Flights_2");
  EXPECT_EQ(graph.Find(c)->name, "query");
  EXPECT_EQ(graph.FindByName("FLIGHTS")->id, a);
  // Every kind gets a usable default name, twice over.
  for (NodeKind kind : {NodeKind::kTable, NodeKind::kQuery, NodeKind::kPlot}) {
    EXPECT_NE(AddNode(graph, kind), kNoNode);
    EXPECT_NE(AddNode(graph, kind), kNoNode);
  }
}

TEST(Graph, RefusesNamesThatSqlCannotUseUnquoted) {
  Graph graph;
  Node node;
  node.kind = NodeKind::kQuery;
  for (const char* bad : {"2024", "my table", "select", "a-b"}) {
    node.name = bad;
    auto added = graph.Add(node);
    ASSERT_FALSE(added.ok()) << bad;
    EXPECT_NE(added.error().message.find(bad), std::string::npos) << added.error().message;
  }
  EXPECT_EQ(SanitizeNodeName("Flights 2024 (copy)"), "Flights_2024_copy");
  EXPECT_EQ(SanitizeNodeName("2024.csv"), "t_2024_csv");
  EXPECT_TRUE(CheckNodeName(SanitizeNodeName("select")).ok());
}

TEST(Graph, ConnectsOutputsToInputsAndSaysWhyOtherConnectionsAreRefused) {
  Graph graph;
  const NodeId table = AddNode(graph, NodeKind::kTable, "t");
  const NodeId query = AddNode(graph, NodeKind::kQuery, "q");
  const NodeId plot = AddNode(graph, NodeKind::kPlot, "p");
  const NodeId note = AddNode(graph, NodeKind::kNote);
  EXPECT_TRUE(graph.Connect(table, query).ok());
  EXPECT_TRUE(graph.Connect(query, plot).ok());

  auto message = [&](NodeId from, NodeId to) {
    Status status = graph.CanConnect(from, to);
    EXPECT_FALSE(status.ok());
    return status.ok() ? std::string() : status.error().message;
  };
  EXPECT_NE(message(note, query).find("no output"), std::string::npos);
  EXPECT_NE(message(plot, query).find("cycle"), std::string::npos);  // a plot passes rows on
  EXPECT_NE(message(query, table).find("takes no input"), std::string::npos);
  EXPECT_NE(message(table, note).find("takes no input"), std::string::npos);
  EXPECT_NE(message(query, query).find("itself"), std::string::npos);
  EXPECT_NE(message(table, query).find("already feeds"), std::string::npos);
  EXPECT_NE(message(table, plot).find("disconnect it first"), std::string::npos);
  EXPECT_EQ(graph.edges().size(), 2u);
}

// Found by graph_json_fuzz: a graph.json edge from a note to itself read a freed string.
TEST(Graph, ANoteConnectedToItselfIsRefusedNamingItANote) {
  Graph graph;
  const NodeId note = AddNode(graph, NodeKind::kNote);
  Status status = graph.CanConnect(note, note);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "'note' cannot feed itself");
}

TEST(Graph, RefusesACycleAndNamesThePathItWouldClose) {
  Graph graph;
  const NodeId a = AddNode(graph, NodeKind::kQuery, "a");
  const NodeId b = AddNode(graph, NodeKind::kQuery, "b");
  const NodeId c = AddNode(graph, NodeKind::kQuery, "c");
  ASSERT_TRUE(graph.Connect(a, b).ok());
  ASSERT_TRUE(graph.Connect(b, c).ok());
  Status status = graph.Connect(c, a);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "connecting 'c' to 'a' would make a cycle: a → b → c → a");
  EXPECT_EQ(graph.edges().size(), 2u);
}

TEST(Graph, DownstreamListsEveryFedNodeWithInputsFirst) {
  Graph graph;
  const NodeId t = AddNode(graph, NodeKind::kTable, "t");
  const NodeId q1 = AddNode(graph, NodeKind::kQuery, "q1");
  const NodeId q2 = AddNode(graph, NodeKind::kQuery, "q2");
  const NodeId p = AddNode(graph, NodeKind::kPlot, "p");
  const NodeId other = AddNode(graph, NodeKind::kTable, "other");
  // t feeds q2 both directly and through q1: q2 must come after q1.
  ASSERT_TRUE(graph.Connect(t, q2).ok());
  ASSERT_TRUE(graph.Connect(t, q1).ok());
  ASSERT_TRUE(graph.Connect(q1, q2).ok());
  ASSERT_TRUE(graph.Connect(q2, p).ok());
  ASSERT_TRUE(graph.Connect(other, q1).ok());
  EXPECT_EQ(graph.Downstream(t), (std::vector<NodeId>{q1, q2, p}));
  EXPECT_EQ(graph.Downstream(p), std::vector<NodeId>{});
}

TEST(Graph, RemoveTakesTheEdgesAlongAndRestorePutsEverythingBack) {
  Graph graph;
  const NodeId t = AddNode(graph, NodeKind::kTable, "t");
  const NodeId q = AddNode(graph, NodeKind::kQuery, "q");
  const NodeId p = AddNode(graph, NodeKind::kPlot, "p");
  ASSERT_TRUE(graph.Connect(t, q).ok());
  ASSERT_TRUE(graph.Connect(q, p).ok());
  const Graph before = graph;
  auto removed = graph.Remove(q);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->edges.size(), 2u);
  EXPECT_TRUE(graph.edges().empty());
  EXPECT_EQ(graph.Find(q), nullptr);
  ASSERT_TRUE(graph.Restore(*removed).ok());
  EXPECT_EQ(graph.nodes(), before.nodes());
  EXPECT_EQ(graph.edges().size(), 2u);
  // A node added after the restore never reuses a removed node's id.
  auto again = graph.Remove(q);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(AddNode(graph, NodeKind::kQuery), q);
}

TEST(Graph, RenameChecksTheNameAndKeepsItUnique) {
  Graph graph;
  const NodeId a = AddNode(graph, NodeKind::kQuery, "a");
  AddNode(graph, NodeKind::kQuery, "b");
  EXPECT_FALSE(graph.Rename(a, "B").ok());
  EXPECT_FALSE(graph.Rename(a, "has space").ok());
  EXPECT_TRUE(graph.Rename(a, "A").ok());  // its own name in another case is fine
  EXPECT_EQ(graph.Find(a)->name, "A");
}

TEST(Graph, UpdateChangesSettingsButNeitherKindNorName) {
  Graph graph;
  const NodeId q = AddNode(graph, NodeKind::kQuery, "q");
  Node edited = *graph.Find(q);
  edited.sql = "SELECT 1";
  edited.name = "sneaky";
  ASSERT_TRUE(graph.Update(edited).ok());
  EXPECT_EQ(graph.Find(q)->sql, "SELECT 1");
  EXPECT_EQ(graph.Find(q)->name, "q");
  edited.kind = NodeKind::kPlot;
  EXPECT_FALSE(graph.Update(edited).ok());
}

}  // namespace
}  // namespace pika::canvas
