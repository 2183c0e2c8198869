// MinMaxLTTB: LTTB over the per-bucket minima and maxima, a fast LTTB for very long lines.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace pika {

// Splits the rows into n_out * ratio / 2 buckets, keeps each bucket's lowest and highest
// finite point (in parallel), then runs LTTB on those to n_out rows. The output has the
// same contract as Lttb: exactly min(n_out, finite rows) rows in row order, first and last
// finite rows included. With ratio 4 the result is nearly LTTB's at a fraction of the cost.
void MinMaxLttb(std::span<const double> x, std::span<const double> y, size_t n_out, size_t ratio,
                std::vector<size_t>& rows);
void MinMaxLttb(std::span<const float> x, std::span<const float> y, size_t n_out, size_t ratio,
                std::vector<size_t>& rows);

}  // namespace pika
