// CachedQueryRunner: runs statements through the query cache and says how each was answered.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compute/canonical_query.h"
#include "compute/query_cache.h"
#include "compute/source_versions.h"
#include "core/result.h"
#include "storage/connection.h"

namespace pika {

enum class AnswerKind {
  kFresh,    // computed now (and cached when it can be)
  kExact,    // the same question was answered before: the stored result
  kDerived,  // computed from a cached broader result by a remainder query over it
};

std::string_view ToString(AnswerKind kind);

struct Answer {
  CachedResultPtr result;  // rows and columns; shared with the cache, never modify
  AnswerKind how = AnswerKind::kFresh;
  std::string from;       // for a hit: the cached statement that answered
  std::string remainder;  // for a derived answer: the SQL run over the cached result
  std::string note;       // why a statement was not cached, when it was not
  double ms = 0.0;        // wall time of this answer
};

// One runner per connection (and so per thread); the cache and versions are shared.
class CachedQueryRunner {
 public:
  CachedQueryRunner(Connection& connection, QueryCache& cache, SourceVersions& versions)
      : connection_(connection), canonicalizer_(connection), cache_(cache), versions_(versions) {}

  // Runs one statement. Statements that are not SELECTs run uncached and count as changing
  // every table, since we cannot tell which they wrote.
  Result<Answer> Run(std::string_view statement);

  // The app calls this when a source table's data changes (reload, edit).
  void SourceChanged(const std::string& table);

 private:
  Result<CachedResult> Compute(std::string_view statement, std::set<std::string> sources);
  Result<CachedResult> ComputeCacheable(std::string_view statement, const CanonicalQuery& query);
  Result<CachedResult> Materialize(std::string_view statement, const CanonicalQuery& query);
  std::optional<CachedResult> Derive(std::string_view statement, const CanonicalQuery& query);
  std::optional<nlohmann::json> RollupRewrite(std::string_view statement,
                                              const CanonicalQuery& query,
                                              const CachedResult& base);
  Result<std::string> ToSql(const nlohmann::json& statement);
  Result<Answer> RunUncached(std::string_view statement, std::string note);
  Result<Answer> RunByText(std::string_view statement, std::chrono::steady_clock::time_point start);
  void DropForgottenMaterializations();

  Connection& connection_;
  std::optional<PreparedStatement> deserialize_;
  QueryCanonicalizer canonicalizer_;
  QueryCache& cache_;
  SourceVersions& versions_;
};

}  // namespace pika
