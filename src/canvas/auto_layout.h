// Auto-layout: where a new node goes, and a tidy layout of the whole graph on request. Both
// are force-directed: springs pull a node toward its place beside the nodes it is wired to
// (inputs on the left, what it feeds on the right) and nodes that overlap push each other
// apart. Placing a node moves no other node, so the picture the user built stays as it was.
#pragma once

#include <map>
#include <vector>

#include "canvas/graph.h"

namespace pika::canvas {

// The room kept between a node and what it feeds, and between nodes above each other.
inline constexpr double kLayoutGapX = 70;
inline constexpr double kLayoutGapY = 30;

// Where a new node of `kind` goes: right of `inputs` (the nodes that will feed it) at their
// mean height, or at `hint` when it has none; then pushed to the nearest place where it
// overlaps no node of `graph`. The same graph and arguments give the same point.
Point PlaceNewNode(const Graph& graph, NodeKind kind, const std::vector<NodeId>& inputs,
                   Point hint);

// A position for every node of `graph`: a column per depth, so that every node sits right
// of all its inputs; within a column the current top-to-bottom order, changed only to uncross
// wires; each node as near the height of the nodes it is wired to as the others allow; notes
// kept beside the node they were nearest. Graphs that no wire joins are stacked in their
// top-to-bottom order. No two nodes overlap, and the top-left corner of the whole stays where
// it was. Tidying a tidy graph moves nothing.
std::map<NodeId, Point> TidyLayout(const Graph& graph);

}  // namespace pika::canvas
