// Box plots of a remote table, summarised on its server as SummariseBoxes summarises a local
// one: interpolated quartiles per group of x (the kMaxBoxes largest), Tukey's whiskers and the
// most extreme outliers. Only those numbers come back.
#pragma once

#include <vector>

#include "compute/box_stats.h"
#include "compute/remote_run.h"
#include "remote/remote_catalog.h"

namespace pika {

// `x` empty: one box of all of y, named after it. y must be a number column.
Result<BoxSummary> SummariseRemoteBoxes(RemoteRun& run, const std::vector<RemoteColumn>& columns,
                                        const std::string& x, const std::string& y);

}  // namespace pika
