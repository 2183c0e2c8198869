// Sorted x: whether a column is in non-decreasing order, which lets kernels binary-search it.
#include "plot/sorted_x.h"

#include <cmath>
#include <cstddef>

namespace pika {

namespace {

template <typename T>
XOrder OrderOf(std::span<const T> x) {
  if (!x.empty() && std::isnan(x[0])) return XOrder::kUnsorted;
  // Counting instead of returning early keeps the loop branch-free; a NaN fails `<=`.
  size_t out_of_order = 0;
  for (size_t row = 1; row < x.size(); ++row) out_of_order += !(x[row - 1] <= x[row]);
  return out_of_order == 0 ? XOrder::kSorted : XOrder::kUnsorted;
}

}  // namespace

XOrder DetectXOrder(std::span<const double> x) { return OrderOf(x); }
XOrder DetectXOrder(std::span<const float> x) { return OrderOf(x); }

}  // namespace pika
