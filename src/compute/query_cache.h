// QueryCache: query results by fingerprint, bounded in bytes, shared between threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compute/canonical_query.h"
#include "compute/fingerprint.h"
#include "core/result.h"
#include "core/table_batch.h"
#include "storage/query_result.h"

namespace pika {

// The source of a result whose tables we could not tell: any change invalidates it.
extern const std::string kAnySource;

struct CachedResult {
  TableBatch rows;
  std::vector<ResultColumn> columns;
  std::set<std::string> sources;  // tables it read ("*": unknown, any change): invalidation
                                  // follows them
  std::string statement;          // as first asked, to tell users where an answer came from
  double cost_ms = 0.0;           // what it took to compute: dear results stay longer
  // Plain-row results are also kept as a table in the engine, so that narrower questions can
  // be answered by a query over them ("derived" answers).
  std::string materialization;  // e.g. pika_cache.r_12; empty when not kept
  QueryShape shape;             // of `statement`
  std::string derived_from;     // set when this result was computed from another's
  std::string remainder;        // the SQL that computed it from there
  uint64_t id = 0;              // set by the cache
  Fingerprint key;              // set by the cache
  size_t bytes = 0;             // set by the cache
  std::chrono::steady_clock::time_point computed_at;  // set by the cache
};

using CachedResultPtr = std::shared_ptr<const CachedResult>;

struct CacheLookup {
  CachedResultPtr result;
  bool computed = false;  // false: an earlier (or concurrent) computation answered
};

struct CacheStats {
  size_t entries = 0;
  size_t bytes = 0;
  uint64_t hits = 0;
  uint64_t misses = 0;
  uint64_t evictions = 0;
};

// Eviction is GreedyDual-Size with cost: an entry's priority is the cache's clock plus its
// cost per byte, refreshed on every hit; the lowest goes first and lifts the clock. Old,
// big and cheap results leave first; small expensive ones stay.
class QueryCache {
 public:
  explicit QueryCache(size_t byte_budget) : budget_(byte_budget) {}

  using Compute = std::function<Result<CachedResult>()>;

  // The cached result for `key`, or `compute`'s. Concurrent callers with the same key wait
  // for one computation. Failures are returned to every waiter and not cached. With
  // `max_age`, a result computed longer ago than that is computed again (sources the cache
  // is not told about, such as remote tables, may have changed).
  Result<CacheLookup> GetOrCompute(
      const Fingerprint& key, const Compute& compute,
      std::optional<std::chrono::steady_clock::duration> max_age = std::nullopt);

  CachedResultPtr Find(const Fingerprint& key);
  // Another answer was derived from `key`: it earns its place like a hit, so that bases
  // others derive from are the last to be evicted.
  void Touch(const Fingerprint& key);
  // Kept results with a materialization over `table`, to derive narrower answers from.
  std::vector<CachedResultPtr> MaterializedOver(const std::string& table) const;
  // Materializations of entries that left the cache: the owner of a connection drops them.
  std::vector<std::string> TakeDropped();
  void InvalidateSource(const std::string& table);
  void Clear();
  // Memory pressure: evict down to `bytes` (the budget stays as it was).
  void ShrinkTo(size_t bytes);
  CacheStats Stats() const;

 private:
  struct Entry {
    CachedResultPtr result;
    double priority = 0.0;
  };
  using Pending = std::shared_future<Result<CachedResultPtr>>;

  void InsertLocked(const Fingerprint& key, CachedResultPtr result);
  void ForgetLocked(const CachedResult& result);
  void EvictLocked(size_t target_bytes);
  double PriorityLocked(const CachedResult& result) const;

  mutable std::mutex mutex_;
  size_t budget_;
  size_t bytes_ = 0;
  double clock_ = 0.0;
  std::atomic<uint64_t> next_id_{1};
  CacheStats stats_;
  std::unordered_map<Fingerprint, Entry, FingerprintHash> entries_;
  std::unordered_map<Fingerprint, Pending, FingerprintHash> pending_;
  std::vector<std::string> dropped_;
};

// Bytes a batch holds, for the budget.
size_t BatchBytes(const TableBatch& batch);

}  // namespace pika
