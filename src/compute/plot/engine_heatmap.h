// Heatmaps reduced in their engine, counted (or aggregated) there as FetchHeatmap does over
// the app's connection: numbers and times in bins (a band per value when there are few), anything
// else a band per value for the most frequent. Only the cells come back.
#pragma once

#include <vector>

#include "compute/heatmap_data.h"
#include "compute/plot/plot_queries.h"

namespace pika {

// request.relation is ignored: the cells are of the run's table.
Result<Heatmap> FetchEngineHeatmap(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                   const HeatmapRequest& request);

}  // namespace pika
