// Heatmaps of a remote table, counted (or aggregated) on its server as FetchHeatmap does
// locally: numbers and times in bins (a band per value when there are few), anything else a
// band per value for the most frequent. Only the cells come back.
#pragma once

#include <vector>

#include "compute/heatmap_data.h"
#include "compute/remote_run.h"
#include "remote/remote_catalog.h"

namespace pika {

// request.relation is ignored: the cells are of the run's table.
Result<Heatmap> FetchRemoteHeatmap(RemoteRun& run, const std::vector<RemoteColumn>& columns,
                                   const HeatmapRequest& request);

}  // namespace pika
