#include "compute/source_versions.h"

#include <fmt/format.h>

namespace pika {

std::string SourceVersions::Describe(const std::set<std::string>& tables) const {
  std::lock_guard lock(mutex_);
  std::string text = fmt::format("epoch={}", epoch_);
  for (const std::string& table : tables) {
    const auto found = versions_.find(table);
    text += fmt::format(";{}@{}", table, found == versions_.end() ? 0 : found->second);
  }
  return text;
}

std::string SourceVersions::DescribeAll() const {
  std::lock_guard lock(mutex_);
  return fmt::format("epoch={};changes={}", epoch_, changes_);
}

void SourceVersions::Bump(const std::string& table) {
  std::lock_guard lock(mutex_);
  ++versions_[table];
  ++changes_;
}

void SourceVersions::BumpAll() {
  std::lock_guard lock(mutex_);
  ++epoch_;
}

}  // namespace pika
