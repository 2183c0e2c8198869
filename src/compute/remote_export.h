// "Export data in view" for a plot reduced on a server: the rows of a scatter or line plot
// inside the view, every column, counted on the server, brought here within a bound, and
// written to a CSV or Parquet file all or nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "compute/plot_data.h"
#include "plot/plot_scene.h"
#include "remote/remote_client.h"

namespace pika {

// `view` is in the plot's axis units (decades on log axes, microseconds for times); none: the
// whole plot, every row of the table. Past
// `max_rows` rows in view nothing is fetched and the message gives the count and what to do.
// Returns the rows written.
Result<uint64_t> ExportRemoteRowsInView(RemoteClient& client, const PlotDataRequest& request,
                                        const std::optional<DataWindow>& view,
                                        const std::string& path, uint64_t max_rows,
                                        const CancelToken& cancel, const ProgressFn& progress);

}  // namespace pika
