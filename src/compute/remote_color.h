// The colour column of a remote plot, planned on the server as PlanPlotColor plans a local one:
// the most frequent categories (or a number's range) found there, and each row's code (or value)
// an expression that the reductions group (or average) by.
#pragma once

#include <string>
#include <vector>

#include "compute/plot_color.h"
#include "compute/remote_run.h"
#include "remote/remote_catalog.h"

namespace pika {

struct RemoteColor {
  PlotColor color;  // names or range; the codes or values of fetched rows are appended to it
  std::string sql;  // a row's code (an integer) or value (a double) in the engine's SQL

  bool present() const { return !sql.empty(); }
  bool categorical() const { return !color.names.empty(); }
};

// Any value of the column `quoted` as the text a category is named by (NULL as 'NULL', as
// locally).
std::string RemoteCategoryText(RemoteEngine engine, const std::string& quoted);

// No colour for an empty `column`.
Result<RemoteColor> PlanRemoteColor(RemoteRun& run, const std::vector<RemoteColumn>& columns,
                                    const std::string& column, ColorUse use);

}  // namespace pika
