// The plot of a remote table, reduced on its server for one size and window: what a Plot
// node's run and every pan or zoom of its view ask for.
#pragma once

#include "compute/remote_sessions.h"
#include "ui/node_run.h"

namespace pika::ui {

Result<PlotResult> RunRemotePlot(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const PlotDataRequest& request, const PlotSpec& spec,
                                 const CancelToken& cancel, const ProgressFn& progress = {});

// The rows of `origin` (a brushed plot's output), counted on its server.
Result<uint64_t> CountRemoteRows(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const CancelToken& cancel);

// The SQL a remote plot's server ran, as a script with the source in a comment (Copy SQL).
std::string RemotePlotSqlText(const PlotResult& plot);

}  // namespace pika::ui
