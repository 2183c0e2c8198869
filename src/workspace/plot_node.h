// What a Plot node draws: the request its settings make of the engine (its input's rows, named
// like a table) and the titles of its picture. Shared by the app, `pika render` and exports.
#pragma once

#include "canvas/graph.h"
#include "canvas/node.h"
#include "compute/plot_data.h"
#include "compute/plot_sql.h"

namespace pika {

PlotDataRequest PlotRequestOf(const canvas::Node& plot, const canvas::Node& input);

// The spec of a Plot node's picture: its titles. Size and theme are the caller's.
PlotSpec PlotSpecOf(const canvas::Node& plot, const PlotDataRequest& request);

// The SQL behind a Plot node, standing on its own: every node upstream as a WITH clause
// (Tables read their file, Queries keep their text), then what the plot draws of its input.
// DuckDB runs it outside the app; a CSV read there is typed by DuckDB's own detection, which
// may differ from the types the app inferred or the user set (a comment says which were set).
std::string PlotSqlOf(const canvas::Graph& graph, canvas::NodeId plot,
                      const PlotDataRequest& request, const PlotData& data,
                      const PlotSqlOptions& options = {});

}  // namespace pika
