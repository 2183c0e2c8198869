// The cells of a heatmap, counted (or aggregated) in the engine: numbers are binned, text and
// numbers with few values are one band per value. Only the cells come back.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "plot/heatmap_scene.h"
#include "storage/connection.h"

namespace pika {

inline constexpr size_t kMaxHeatBands = 40;  // categories per axis (the most frequent)

struct HeatmapRequest {
  std::string relation;  // a quoted table name or "(SELECT ...)"
  std::string x, y;      // the grid's columns
  std::string value;     // the column the cells aggregate (empty: cells count rows)
  std::string agg;       // count, sum, mean, min or max (empty: count, or mean of value)
};

struct Heatmap {
  HeatmapCells cells;
  uint64_t rows = 0;                            // rows in the cells drawn
  uint64_t x_categories = 0, y_categories = 0;  // categories before keeping kMaxHeatBands
};

Result<Heatmap> FetchHeatmap(Connection& connection, const HeatmapRequest& request);

// The cells of `heatmap`, whose axes are planned, from the rows of a cells query (here or on a
// server): x_cell and y_cell (a band's name, or a bin's index), n, and the value (NULL: none).
// Rows off the grid are left out.
void FillHeatmapCells(const TableBatch& rows, Heatmap& heatmap);

// "rows by hour and weekday: 24 x 7 cells (exact)", with what was left out.
std::string HeatmapBadge(const Heatmap& heatmap, const HeatmapRequest& request);

// The cells as a query a user can read and run (Copy SQL).
std::string HeatmapSql(const Heatmap& heatmap, const HeatmapRequest& request);

}  // namespace pika
