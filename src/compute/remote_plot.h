// Plots of a table in a remote engine (ClickHouse, PostgreSQL): the reduction runs there, as
// the reduction engine's SQL in the engine's dialect, and only its result comes back: a
// density's cells, a line's M4 points, a histogram's bins, a bar per group. Few rows (up to
// the raw point cap) come back as they are, so that they are drawn exactly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compute/plot_data.h"
#include "remote/remote_client.h"

namespace pika {

struct RemotePlot {
  PlotScene plot;
  uint64_t rows = 0;                 // the rows the plot stands for
  uint64_t bytes_received = 0;       // over the network, for every query the plot ran
  std::vector<std::string> queries;  // the SQL of its reductions, run on the server in order
};

// request.relation is ignored: the plot is of the client's table. Scatter, line, histogram and
// bar plots of number columns (bars: x of any type); colour, size, log axes, boxes and heatmaps
// of remote tables are refused with a clear message for now.
Result<RemotePlot> PlotRemote(RemoteClient& client, const PlotDataRequest& request, PlotSpec spec,
                              const TextExtent& text_width, const CancelToken& cancel);

}  // namespace pika
