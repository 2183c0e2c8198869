// Sorted x: whether a column is in non-decreasing order, which lets kernels binary-search it.
#pragma once

#include <span>

namespace pika {

enum class XOrder {
  kSorted,    // non-decreasing and free of NaN: column boundaries are found by binary search
  kUnsorted,  // anything else: kernels make a single pass over every row
};

// kSorted when x[i] <= x[i + 1] for every i (a NaN anywhere makes it kUnsorted).
XOrder DetectXOrder(std::span<const double> x);
XOrder DetectXOrder(std::span<const float> x);
inline bool IsSorted(std::span<const double> x) { return DetectXOrder(x) == XOrder::kSorted; }
inline bool IsSorted(std::span<const float> x) { return DetectXOrder(x) == XOrder::kSorted; }

}  // namespace pika
