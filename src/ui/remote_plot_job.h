// Plots reduced where their rows are, for one size and window: a remote table's on its server
// (what a Plot node's run and every pan or zoom of its view ask for), and a plot past the
// memory budget in the app's DuckDB (every new view of it).
#pragma once

#include "compute/plot/run_plot.h"
#include "compute/remote_sessions.h"
#include "ui/node_run.h"

namespace pika::ui {

Result<PlotResult> RunRemotePlot(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const PlotDataRequest& request, const PlotSpec& spec,
                                 const CancelToken& cancel, const ProgressFn& progress = {});

// A new view (size, window) of a plot reduced in its engine: on its server (through
// `sessions`, which a remote plot needs), or in DuckDB over `connection` for one that was past
// the memory budget.
Result<PlotResult> RedrawInEngine(const PlotResult& plot, Connection& connection,
                                  RemoteSessions* sessions, const PlotSpec& spec,
                                  const CancelToken& cancel, const ProgressFn& progress = {});

// What a Plot node's run over the app's DuckDB drew: fetched, or reduced there past the budget.
PlotResult PlotResultOf(const PlotDataRequest& request, DrawnPlot drawn);

// The rows of `origin` (a brushed plot's output), counted on its server.
Result<uint64_t> CountRemoteRows(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const CancelToken& cancel);

// The SQL a remote plot's server ran, as a script with the source in a comment (Copy SQL).
std::string RemotePlotSqlText(const PlotResult& plot);

}  // namespace pika::ui
