// ColumnExtremes: first, last, lowest and highest finite point of a run of rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace pika {

inline constexpr size_t kNoRow = static_cast<size_t>(-1);

// Rows of the extremes, kNoRow when the run has no finite point. Ties go to the lowest row.
struct ColumnExtremes {
  size_t first = kNoRow;
  size_t last = kNoRow;
  size_t min = kNoRow;
  size_t max = kNoRow;
  uint64_t finite_count = 0;
};

// Over rows [begin, end) of `y`; a row counts when its y is finite.
ColumnExtremes FindExtremes(std::span<const double> y, size_t begin, size_t end);
ColumnExtremes FindExtremes(std::span<const float> y, size_t begin, size_t end);

// Over rows [begin, end); a row counts when both its x and y are finite.
ColumnExtremes FindExtremes(std::span<const double> x, std::span<const double> y, size_t begin,
                            size_t end);
ColumnExtremes FindExtremes(std::span<const float> x, std::span<const float> y, size_t begin,
                            size_t end);

}  // namespace pika
