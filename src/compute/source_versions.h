// SourceVersions: a version number per table, bumped whenever its data changes, so that a
// fingerprint taken over old data never matches new data.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace pika {

class SourceVersions {
 public:
  // "name@version;..." for the given tables, plus the epoch every write bumps.
  std::string Describe(const std::set<std::string>& tables) const;
  // For statements whose tables we do not know: every change counts.
  std::string DescribeAll() const;
  void Bump(const std::string& table);
  // A statement we cannot analyse changed something: every table counts as changed.
  void BumpAll();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, uint64_t> versions_;
  uint64_t epoch_ = 0;
  uint64_t changes_ = 0;  // every Bump, for DescribeAll
};

}  // namespace pika
