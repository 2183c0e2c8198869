// LTTB: Largest-Triangle-Three-Buckets, a sample of a line that keeps its visual shape.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace pika {

// Chooses exactly min(n_out, finite rows) rows, in row order, always the first and last finite
// rows (n_out = 1 keeps only the first). Rows with NaN (NULL) or infinite x or y are never
// chosen. Expects x in drawing order (sorted); on unsorted x it still returns n_out rows.
// float32 columns are read as the doubles they equal.
void Lttb(std::span<const double> x, std::span<const double> y, size_t n_out,
          std::vector<size_t>& rows);
void Lttb(std::span<const float> x, std::span<const float> y, size_t n_out,
          std::vector<size_t>& rows);

// LTTB over a subset of rows (ascending, all finite) of x and y; `rows` gets rows of x and y.
void LttbOfRows(std::span<const double> x, std::span<const double> y,
                std::span<const size_t> candidates, size_t n_out, std::vector<size_t>& rows);
void LttbOfRows(std::span<const float> x, std::span<const float> y,
                std::span<const size_t> candidates, size_t n_out, std::vector<size_t>& rows);

}  // namespace pika
