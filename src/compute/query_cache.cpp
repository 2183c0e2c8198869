#include "compute/query_cache.h"

#include <algorithm>

namespace pika {

const std::string kAnySource = "*";

size_t BatchBytes(const TableBatch& batch) {
  size_t bytes = sizeof(TableBatch);
  for (const Column& column : batch.columns) {
    bytes += column.valid.size() + column.name.size() + sizeof(Column);
    std::visit(
        [&](const auto& values) {
          using Value = typename std::decay_t<decltype(values)>::value_type;
          if constexpr (std::is_same_v<Value, std::string>) {
            for (const std::string& text : values) bytes += sizeof(std::string) + text.capacity();
          } else {
            bytes += values.size() * sizeof(Value);
          }
        },
        column.values);
  }
  return bytes;
}

double QueryCache::PriorityLocked(const CachedResult& result) const {
  return clock_ + (result.cost_ms + 0.01) / static_cast<double>(std::max<size_t>(result.bytes, 1));
}

Result<CacheLookup> QueryCache::GetOrCompute(
    const Fingerprint& key, const Compute& compute,
    std::optional<std::chrono::steady_clock::duration> max_age) {
  std::promise<Result<CachedResultPtr>> promise;
  {
    std::unique_lock lock(mutex_);
    if (const auto found = entries_.find(key);
        found != entries_.end() && max_age &&
        std::chrono::steady_clock::now() - found->second.result->computed_at > *max_age) {
      ForgetLocked(*found->second.result);
      entries_.erase(found);
    }
    if (const auto found = entries_.find(key); found != entries_.end()) {
      ++stats_.hits;
      found->second.priority = PriorityLocked(*found->second.result);
      return CacheLookup{found->second.result, false};
    }
    if (const auto running = pending_.find(key); running != pending_.end()) {
      Pending pending = running->second;
      ++stats_.hits;
      lock.unlock();
      const Result<CachedResultPtr>& shared = pending.get();
      if (!shared.ok()) return shared.error();
      return CacheLookup{*shared, false};
    }
    ++stats_.misses;
    pending_.emplace(key, promise.get_future().share());
  }
  Result<CachedResult> computed = compute();
  if (computed.ok()) {
    // A materialized result is held twice: in our batch and in the engine.
    const size_t copies = computed->materialization.empty() ? 1 : 2;
    computed->bytes = copies * BatchBytes(computed->rows) + computed->statement.size();
    computed->id = next_id_.fetch_add(1);
    computed->key = key;
    computed->computed_at = std::chrono::steady_clock::now();
  }
  Result<CachedResultPtr> outcome =
      computed.ok() ? Result<CachedResultPtr>(std::make_shared<CachedResult>(std::move(*computed)))
                    : Result<CachedResultPtr>(computed.error());
  {
    std::lock_guard lock(mutex_);
    if (outcome.ok()) InsertLocked(key, *outcome);
    pending_.erase(key);
  }
  promise.set_value(outcome);
  if (!outcome.ok()) return outcome.error();
  return CacheLookup{*outcome, true};
}

void QueryCache::ForgetLocked(const CachedResult& result) {
  bytes_ -= result.bytes;
  if (!result.materialization.empty()) dropped_.push_back(result.materialization);
}

void QueryCache::InsertLocked(const Fingerprint& key, CachedResultPtr result) {
  if (result->bytes > budget_) {  // larger than the whole cache: serve it, keep nothing
    if (!result->materialization.empty()) dropped_.push_back(result->materialization);
    return;
  }
  EvictLocked(budget_ - result->bytes);
  bytes_ += result->bytes;
  const double priority = PriorityLocked(*result);
  entries_[key] = Entry{std::move(result), priority};
}

void QueryCache::EvictLocked(size_t target_bytes) {
  while (bytes_ > target_bytes && !entries_.empty()) {
    auto lowest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.priority < b.second.priority; });
    clock_ = lowest->second.priority;
    ForgetLocked(*lowest->second.result);
    entries_.erase(lowest);
    ++stats_.evictions;
  }
}

CachedResultPtr QueryCache::Find(const Fingerprint& key) {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second.result;
}

void QueryCache::Touch(const Fingerprint& key) {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return;
  ++stats_.hits;
  found->second.priority = PriorityLocked(*found->second.result);
}

void QueryCache::InvalidateSource(const std::string& table) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& item) {
    const auto& sources = item.second.result->sources;
    if (!sources.count(table) && !sources.count(kAnySource)) return false;
    ForgetLocked(*item.second.result);
    return true;
  });
}

void QueryCache::Clear() {
  std::lock_guard lock(mutex_);
  for (const auto& [key, entry] : entries_) ForgetLocked(*entry.result);
  entries_.clear();
}

std::vector<CachedResultPtr> QueryCache::MaterializedOver(const std::string& table) const {
  std::lock_guard lock(mutex_);
  std::vector<CachedResultPtr> results;
  for (const auto& [key, entry] : entries_) {
    const CachedResult& result = *entry.result;
    if (!result.materialization.empty() && result.shape.table == table) {
      results.push_back(entry.result);
    }
  }
  return results;
}

std::vector<std::string> QueryCache::TakeDropped() {
  std::lock_guard lock(mutex_);
  return std::exchange(dropped_, {});
}

void QueryCache::ShrinkTo(size_t bytes) {
  std::lock_guard lock(mutex_);
  EvictLocked(bytes);
}

CacheStats QueryCache::Stats() const {
  std::lock_guard lock(mutex_);
  CacheStats stats = stats_;
  stats.entries = entries_.size();
  stats.bytes = bytes_;
  return stats;
}

}  // namespace pika
