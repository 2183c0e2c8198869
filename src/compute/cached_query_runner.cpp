#include "compute/cached_query_runner.h"

#include <fmt/format.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>

#include "compute/rollup_rewrite.h"
#include "compute/sql_lexer.h"
#include "storage/text_fallback_query.h"

namespace pika {

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

constexpr const char* kCacheCatalog = "pika_cache";

std::atomic<uint64_t> g_materializations{0};

bool Covers(const CachedResult& base, const std::set<std::string>& columns) {
  std::set<std::string> available;
  for (const ResultColumn& column : base.columns) {
    std::string name = column.name;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    available.insert(std::move(name));
  }
  for (const std::string& column : columns) {
    if (!available.count(column)) return false;
  }
  return true;
}

}  // namespace

std::string_view ToString(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::kFresh: return "fresh";
    case AnswerKind::kExact: return "exact";
    case AnswerKind::kDerived: return "derived";
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

void CachedQueryRunner::DropForgottenMaterializations() {
  for (const std::string& table : cache_.TakeDropped()) {
    (void)connection_.Execute(fmt::format("DROP TABLE IF EXISTS {}", table));  // best effort
  }
}

Result<CachedResult> CachedQueryRunner::Materialize(std::string_view statement,
                                                    const CanonicalQuery& query) {
  const auto start = std::chrono::steady_clock::now();
  PIKA_TRY(
      connection_.Execute(fmt::format("ATTACH IF NOT EXISTS ':memory:' AS {}", kCacheCatalog)));
  const std::string table = fmt::format("{}.r_{}", kCacheCatalog, g_materializations.fetch_add(1));
  PIKA_TRY(connection_.Execute(fmt::format("CREATE TABLE {} AS {}", table, statement)));
  auto computed = Compute(fmt::format("SELECT * FROM {}", table), query.sources);
  if (!computed.ok()) {
    (void)connection_.Execute(fmt::format("DROP TABLE IF EXISTS {}", table));
    return computed.error();
  }
  computed->statement = std::string(statement);
  computed->materialization = table;
  computed->shape = query.shape;
  computed->cost_ms = MillisecondsSince(start);
  return computed;
}

// The statement as parsed, reading the cached table instead of its source. The table keeps
// its name as an alias, so `t.x` still resolves.
nlohmann::json FilterRewrite(const CanonicalQuery& query, const CachedResult& base) {
  nlohmann::json statement = nlohmann::json::parse(query.parsed);
  nlohmann::json& from = statement["node"]["from_table"];
  if (from.value("alias", "").empty()) from["alias"] = from["table_name"];
  const std::string& materialization = base.materialization;
  from["catalog_name"] = kCacheCatalog;
  from["schema_name"] = "main";
  from["table_name"] = materialization.substr(materialization.find('.') + 1);
  return statement;
}

std::optional<nlohmann::json> CachedQueryRunner::RollupRewrite(std::string_view statement,
                                                               const CanonicalQuery& query,
                                                               const CachedResult& base) {
  auto prepared = connection_.Prepare(statement);
  if (!prepared.ok()) return std::nullopt;
  std::vector<std::string> base_columns;
  for (const ResultColumn& column : base.columns) base_columns.push_back(column.name);
  const std::string& materialization = base.materialization;
  RollupSource source{base.shape, base_columns, kCacheCatalog,
                      materialization.substr(materialization.find('.') + 1)};
  for (const PredicateAtom& atom : base.shape.where) source.applied_conjuncts.insert(atom.text);
  source.quoted = QuotedIdentifiers(statement);
  return RewriteAsRollup(nlohmann::json::parse(query.parsed), source, prepared->column_names());
}

Result<std::string> CachedQueryRunner::ToSql(const nlohmann::json& statement) {
  const nlohmann::json script{{"error", false}, {"statements", nlohmann::json::array({statement})}};
  if (!deserialize_) {
    auto prepared = connection_.Prepare("SELECT json_deserialize_sql($1::JSON)");
    if (!prepared.ok()) return prepared.error();
    deserialize_ = std::move(*prepared);
  }
  PIKA_TRY(deserialize_->BindText(1, script.dump()));
  auto result = deserialize_->Execute();
  if (!result.ok()) return result.error();
  auto batch = result->FetchAll();
  if (!batch.ok()) return batch.error();
  return FormatValue(batch->columns[0], 0);
}

std::optional<CachedResult> CachedQueryRunner::Derive(std::string_view statement,
                                                      const CanonicalQuery& query) {
  CachedResultPtr best;
  nlohmann::json rewritten;
  for (const CachedResultPtr& base : cache_.MaterializedOver(query.shape.table)) {
    if (best && base->rows.row_count >= best->rows.row_count) continue;
    if (!Implies(query.shape.where, base->shape.where)) continue;
    if (base->shape.plain_rows && Covers(*base, query.shape.columns_used)) {
      rewritten = FilterRewrite(query, *base);
    } else if (auto rollup = base->shape.rollup_base ? RollupRewrite(statement, query, *base)
                                                     : std::nullopt) {
      rewritten = std::move(*rollup);
    } else {
      continue;
    }
    best = base;
  }
  if (!best) return std::nullopt;
  cache_.Touch(best->key);
  const auto start = std::chrono::steady_clock::now();
  auto remainder = ToSql(rewritten);
  if (!remainder.ok()) return std::nullopt;
  // The base may have been evicted meanwhile: then this fails and a fresh run answers.
  auto computed = Compute(*remainder, query.sources);
  if (!computed.ok()) return std::nullopt;
  computed->statement = std::string(statement);
  computed->shape = query.shape;
  computed->derived_from = best->statement;
  computed->remainder = *remainder;
  computed->cost_ms = MillisecondsSince(start);
  return std::move(*computed);
}

Result<CachedResult> CachedQueryRunner::ComputeCacheable(std::string_view statement,
                                                         const CanonicalQuery& query) {
  if (query.shape.single_table) {
    if (auto derived = Derive(statement, query)) return std::move(*derived);
  }
  if (query.shape.single_table && (query.shape.plain_rows || query.shape.rollup_base)) {
    return Materialize(statement, query);
  }
  auto computed = Compute(statement, query.sources);
  if (computed.ok()) computed->shape = query.shape;
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
  DropForgottenMaterializations();
  auto canonical = canonicalizer_.Canonicalize(statement);
  if (!canonical.ok()) return RunByText(statement, start);
  if (!canonical->cacheable) return RunUncached(statement, canonical->why_not_cacheable);
  const Fingerprint key = HashText(canonical->text + '\n' + versions_.Describe(canonical->sources));
  auto lookup = cache_.GetOrCompute(key, [&] { return ComputeCacheable(statement, *canonical); });
  if (!lookup.ok()) return lookup.error();
  Answer answer;
  const CachedResult& result = *lookup->result;
  answer.result = lookup->result;
  if (!lookup->computed) {
    answer.how = AnswerKind::kExact;
    answer.from = result.statement;
  } else if (!result.derived_from.empty()) {
    answer.how = AnswerKind::kDerived;
    answer.from = result.derived_from;
    answer.remainder = result.remainder;
  }
  answer.ms = MillisecondsSince(start);
  return answer;
}

// For statements DuckDB cannot serialize: a query is cached by its whitespace-normalized text,
// as depending on every table; anything else (a write, DDL, PRAGMA...) may change any table.
Result<Answer> CachedQueryRunner::RunByText(std::string_view statement,
                                            std::chrono::steady_clock::time_point start) {
  auto prepared = connection_.Prepare(statement);
  // Some statements expand into several (PIVOT) and cannot be prepared: run them as they are.
  if (!prepared.ok() || !prepared->is_select()) {
    auto answer = RunUncached(statement, "not a query: run uncached");
    versions_.BumpAll();
    cache_.Clear();
    return answer;
  }
  const Fingerprint key =
      HashText("text:" + CollapseWhitespace(statement) + '\n' + versions_.DescribeAll());
  auto lookup = cache_.GetOrCompute(key, [&] { return Compute(statement, {kAnySource}); });
  if (!lookup.ok()) return lookup.error();
  Answer answer;
  answer.result = lookup->result;
  answer.how = lookup->computed ? AnswerKind::kFresh : AnswerKind::kExact;
  if (!lookup->computed) answer.from = lookup->result->statement;
  answer.note = "cached by its text: the parser could not canonicalize it";
  answer.ms = MillisecondsSince(start);
  return answer;
}

void CachedQueryRunner::SourceChanged(const std::string& table) {
  versions_.Bump(table);
  cache_.InvalidateSource(table);
}

}  // namespace pika
