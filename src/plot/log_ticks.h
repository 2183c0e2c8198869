// Log ticks: decade ticks (with 2 and 5 between them, or only every k-th decade) for a base
// 10 axis.
#pragma once

#include "core/result.h"
#include "plot/axis_scale.h"
#include "plot/nice_ticks.h"

namespace pika {

// Ticks at powers of ten. With few decades (at most half the target) the 2s and 5s between
// them are added as labelled minor ticks; with more decades than the target only every k-th
// decade (k in 1, 2, 3, 5, 10, 20, 50...) is kept. A domain inside one decade gets linear
// nice ticks, or ticks at its bounds when it is too narrow even for those. A single value v
// widens to [v / 10, v * 10]. Labels as FormatShortest: "0.01", "1", "1000", "1e6".
// Fails when a bound is not finite or not > 0.
Result<NumericTicks> LogTicks(double min, double max, int target_count = 5);

// Ticks for a domain from FindDomain(values, ScaleKind::kLog); without data the ticks are
// those of [1, 10] and has_data is false.
NumericTicks LogTicks(const DataDomain& domain, int target_count = 5);

}  // namespace pika
