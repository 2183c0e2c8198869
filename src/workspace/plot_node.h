// What a Plot node draws: the request its settings make of the engine (its input's rows, named
// like a table) and the titles of its picture. Shared by the app, `pika render` and exports.
#pragma once

#include "canvas/node.h"
#include "compute/plot_data.h"

namespace pika {

PlotDataRequest PlotRequestOf(const canvas::Node& plot, const canvas::Node& input);

// The spec of a Plot node's picture: its titles. Size and theme are the caller's.
PlotSpec PlotSpecOf(const canvas::Node& plot, const PlotDataRequest& request);

}  // namespace pika
