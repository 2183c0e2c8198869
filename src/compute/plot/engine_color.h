// The colour column of a plot reduced in its engine, planned there as PlanPlotColor plans one
// whose rows are fetched: the most frequent categories (or a number's range), and each row's
// code (or value) an expression that the reductions group (or average) by.
#pragma once

#include <string>
#include <vector>

#include "compute/plot/plot_queries.h"
#include "compute/plot_color.h"

namespace pika {

struct EngineColor {
  PlotColor color;  // names or range; the codes or values of fetched rows are appended to it
  std::string sql;  // a row's code (an integer) or value (a double) in the engine's SQL

  bool present() const { return !sql.empty(); }
  bool categorical() const { return !color.names.empty(); }
};

// Any value of the column `quoted` as the text a category is named by (NULL as 'NULL', as
// PlanPlotColor names it).
std::string CategoryTextSql(SqlDialect dialect, const std::string& quoted);

// No colour for an empty `column`.
Result<EngineColor> PlanEngineColor(PlotQueries& run, const std::vector<EngineColumn>& columns,
                                    const std::string& column, ColorUse use);

}  // namespace pika
