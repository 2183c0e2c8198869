#include "compute/cached_query_runner.h"

#include <chrono>

#include "compute/sql_lexer.h"
#include "storage/text_fallback_query.h"

namespace pika {

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

std::string_view ToString(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::kFresh: return "fresh";
    case AnswerKind::kExact: return "exact";
  }
  return "fresh";
}

Result<CachedResult> CachedQueryRunner::Compute(std::string_view statement,
                                                std::set<std::string> sources) {
  const auto start = std::chrono::steady_clock::now();
  auto result = QueryWithTextFallback(connection_, statement);
  if (!result.ok()) return result.error();
  auto rows = result->FetchAll();
  if (!rows.ok()) return rows.error();
  CachedResult computed;
  computed.columns = result->columns();
  computed.rows = std::move(*rows);
  computed.sources = std::move(sources);
  computed.statement = std::string(statement);
  computed.cost_ms = MillisecondsSince(start);
  return computed;
}

Result<Answer> CachedQueryRunner::RunUncached(std::string_view statement, std::string note) {
  const auto start = std::chrono::steady_clock::now();
  auto computed = Compute(statement, {});
  if (!computed.ok()) return computed.error();
  Answer answer;
  answer.result = std::make_shared<CachedResult>(std::move(*computed));
  answer.note = std::move(note);
  answer.ms = MillisecondsSince(start);
  return answer;
}

Result<Answer> CachedQueryRunner::Run(std::string_view statement) {
  const auto start = std::chrono::steady_clock::now();
  auto canonical = canonicalizer_.Canonicalize(statement);
  if (!canonical.ok()) {
    // Not a SELECT we can read (a write, DDL, PRAGMA...): it may change any table.
    auto answer = RunUncached(statement, "not a SELECT: run uncached");
    versions_.BumpAll();
    cache_.Clear();
    return answer;
  }
  if (!canonical->cacheable) return RunUncached(statement, canonical->why_not_cacheable);
  const Fingerprint key = HashText(canonical->text + '\n' + versions_.Describe(canonical->sources));
  auto lookup =
      cache_.GetOrCompute(key, [&] { return Compute(statement, std::move(canonical->sources)); });
  if (!lookup.ok()) return lookup.error();
  Answer answer;
  answer.result = lookup->result;
  answer.how = lookup->computed ? AnswerKind::kFresh : AnswerKind::kExact;
  if (!lookup->computed) answer.from = lookup->result->statement;
  answer.ms = MillisecondsSince(start);
  return answer;
}

void CachedQueryRunner::SourceChanged(const std::string& table) {
  versions_.Bump(table);
  cache_.InvalidateSource(table);
}

}  // namespace pika
