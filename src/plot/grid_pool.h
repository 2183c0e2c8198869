// GridPool: scratch grids kept between frames so that binning never touches fresh pages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pika {

// Fresh memory costs tens of microseconds per page on our VMs, so the per-thread grids of
// one frame are kept for the next. Call Reserve before handing slots to threads: each
// thread then touches only its own slot.
class GridPool {
 public:
  // Not named `slots`: Qt defines that as a macro, and Qt code includes this header.
  void Reserve(size_t slot_count) {
    if (counts_.size() < slot_count) counts_.resize(slot_count);
    if (sums_.size() < slot_count) sums_.resize(slot_count);
  }

  // The slot's counts, `size` zeros, reusing the slot's memory.
  std::span<uint32_t> Counts(size_t slot, size_t size) { return Zeroed(counts_[slot], size); }
  std::span<double> Sums(size_t slot, size_t size) { return Zeroed(sums_[slot], size); }

  size_t bytes_held() const {
    size_t bytes = 0;
    for (const auto& grid : counts_) bytes += grid.capacity() * sizeof(uint32_t);
    for (const auto& grid : sums_) bytes += grid.capacity() * sizeof(double);
    return bytes;
  }

 private:
  template <typename T>
  static std::span<T> Zeroed(std::vector<T>& grid, size_t size) {
    grid.assign(size, T{});  // keeps the capacity: no new pages after the first frame
    return grid;
  }

  std::vector<std::vector<uint32_t>> counts_;
  std::vector<std::vector<double>> sums_;
};

}  // namespace pika
