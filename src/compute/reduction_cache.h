// ReductionCache: reduced plot data (density grids, M4 lines...) by data, viewport,
// resolution and method, so that returning to a view is instant.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "compute/fingerprint.h"
#include "core/result.h"

namespace pika {

struct ReductionKey {
  Fingerprint data;  // the fingerprint of the query (and table versions) the plot reads
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;  // the viewport, in data units
  uint32_t width = 0, height = 0;                     // the resolution, in pixels
  uint32_t method = 0;                                // the reduction method's code

  bool operator==(const ReductionKey&) const = default;
};

struct ReductionKeyHash {
  size_t operator()(const ReductionKey& key) const;
};

// Values are immutable once stored and shared with whoever displays them. The budget is in
// bytes as reported by the caller (`bytes` of each value); the least recently used go first.
template <typename Value>
class ReductionCache {
 public:
  explicit ReductionCache(size_t byte_budget) : budget_(byte_budget) {}

  using Compute = std::function<Result<Value>()>;
  using Bytes = std::function<size_t(const Value&)>;

  Result<std::shared_ptr<const Value>> GetOrCompute(const ReductionKey& key, const Compute& compute,
                                                    const Bytes& bytes, bool* hit = nullptr) {
    if (auto found = Find(key)) {
      if (hit) *hit = true;
      return found;
    }
    if (hit) *hit = false;
    auto computed = compute();
    if (!computed.ok()) return computed.error();
    const size_t size = bytes(*computed);
    auto value = std::make_shared<const Value>(std::move(*computed));
    Insert(key, value, size);
    return value;
  }

  // Drops every reduction of `data`, when the data it was computed from changed.
  void InvalidateData(const Fingerprint& data) {
    std::lock_guard lock(mutex_);
    for (auto entry = order_.begin(); entry != order_.end();) {
      if (entry->key.data == data) {
        bytes_ -= entry->bytes;
        index_.erase(entry->key);
        entry = order_.erase(entry);
      } else {
        ++entry;
      }
    }
  }

  size_t bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
  }
  size_t size() const {
    std::lock_guard lock(mutex_);
    return order_.size();
  }

 private:
  struct Entry {
    ReductionKey key;
    std::shared_ptr<const Value> value;
    size_t bytes;
  };

  std::shared_ptr<const Value> Find(const ReductionKey& key) {
    std::lock_guard lock(mutex_);
    const auto found = index_.find(key);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);  // most recent first
    return found->second->value;
  }

  void Insert(const ReductionKey& key, std::shared_ptr<const Value> value, size_t size) {
    std::lock_guard lock(mutex_);
    if (size > budget_ || index_.count(key)) return;
    while (bytes_ + size > budget_ && !order_.empty()) {
      bytes_ -= order_.back().bytes;
      index_.erase(order_.back().key);
      order_.pop_back();
    }
    order_.push_front({key, std::move(value), size});
    index_[key] = order_.begin();
    bytes_ += size;
  }

  mutable std::mutex mutex_;
  size_t budget_;
  size_t bytes_ = 0;
  std::list<Entry> order_;
  std::unordered_map<ReductionKey, typename std::list<Entry>::iterator, ReductionKeyHash> index_;
};

}  // namespace pika
