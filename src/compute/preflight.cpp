#include "compute/preflight.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "plot/reduction_method.h"

namespace pika {

namespace {

std::string Gigabytes(uint64_t bytes) {
  return fmt::format("{:.1f} GB", static_cast<double>(bytes) / (1u << 30));
}

uint64_t SaturatingProduct(uint64_t a, uint64_t b) {
  if (a != 0 && b > UINT64_MAX / a) return UINT64_MAX;
  return a * b;
}

// The rows an operator puts out: its own estimate where the plan has one; a cross product
// multiplies its inputs; a limit bounds them (nothing to fear); others pass the largest on.
std::optional<uint64_t> EstimateOf(const nlohmann::json& node) {
  if (!node.is_object()) return std::nullopt;
  const auto info = node.value("extra_info", nlohmann::json::object());
  if (info.is_object() && info.contains("Estimated Cardinality")) {
    const auto& estimate = info["Estimated Cardinality"];
    if (estimate.is_string()) {
      const std::string text = estimate.get<std::string>();
      if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit))
        return std::stoull(text);
    }
    if (estimate.is_number_unsigned()) return estimate.get<uint64_t>();
  }
  const std::string name = node.value("name", "");
  if (name.find("LIMIT") != std::string::npos || name.find("TOP_N") != std::string::npos)
    return std::nullopt;
  std::optional<uint64_t> out;
  const bool product = name.find("CROSS_PRODUCT") != std::string::npos;
  for (const auto& child : node.value("children", nlohmann::json::array())) {
    const std::optional<uint64_t> rows = EstimateOf(child);
    if (!rows) continue;
    out = !out ? *rows : product ? SaturatingProduct(*out, *rows) : std::max(*out, *rows);
  }
  return out;
}

bool OnlyScans(const nlohmann::json& node) {
  static constexpr std::string_view kPlain[] = {"SEQ_SCAN",     "TABLE_SCAN", "READ_PARQUET",
                                                "PARQUET_SCAN", "FILTER",     "PROJECTION"};
  if (!node.is_object()) return false;
  std::string name = node.value("name", "");
  name.erase(name.find_last_not_of(' ') + 1);
  if (std::find(std::begin(kPlain), std::end(kPlain), name) == std::end(kPlain)) return false;
  const auto children = node.value("children", nlohmann::json::array());
  return std::all_of(children.begin(), children.end(), OnlyScans);
}

Result<nlohmann::json> PlanOf(Connection& connection, const std::string& select_sql) {
  auto explained = connection.Query("EXPLAIN (FORMAT json) " + select_sql);
  if (!explained.ok()) return explained.error();
  auto rows = explained->FetchAll();
  if (!rows.ok()) return rows.error();
  if (rows->row_count == 0 || rows->columns.size() < 2) return nlohmann::json();
  const auto plan = nlohmann::json::parse(rows->columns[1].TextAt(0), nullptr, false);
  if (!plan.is_array() || plan.empty()) return nlohmann::json();
  return plan[0];
}

}  // namespace

Result<bool> IsPlainScan(Connection& connection, const std::string& select_sql) {
  auto plan = PlanOf(connection, select_sql);
  if (!plan.ok()) return plan.error();
  return OnlyScans(*plan);
}

Result<std::optional<uint64_t>> EstimateRows(Connection& connection,
                                             const std::string& select_sql) {
  auto plan = PlanOf(connection, select_sql);
  if (!plan.ok()) return plan.error();
  return EstimateOf(*plan);
}

Status CheckQueryCost(Connection& connection, const std::string& select_sql) {
  auto estimate = EstimateRows(connection, select_sql);
  if (!estimate.ok()) return estimate.error();
  if (!*estimate || **estimate <= kLargeQueryRows) return {};
  return HeldBack(fmt::format(
      "held back: DuckDB estimates about {} rows, which may take minutes. Aggregate (GROUP BY) "
      "or add a LIMIT, or run it anyway (Ctrl+Enter)",
      WithThousands(**estimate)));
}

std::string WithRowLimit(std::string_view select_sql, uint64_t rows) {
  std::string body(select_sql);
  while (!body.empty() &&
         (std::isspace(static_cast<unsigned char>(body.back())) != 0 || body.back() == ';'))
    body.pop_back();
  // The closing parenthesis on a line of its own: a trailing "-- comment" cannot swallow it.
  return fmt::format("SELECT *\nFROM (\n{}\n)\nLIMIT {}", body, rows);
}

Error TooBigToPlot(const std::string& kind, uint64_t limit_bytes) {
  return OverBudget(fmt::format(
      "a {} plot of these rows would hold more than {} in memory (a quarter of the budget): "
      "plot a histogram or density instead, or feed it a Query that aggregates or samples "
      "(... USING SAMPLE 1000000 ROWS)",
      kind, Gigabytes(limit_bytes)));
}

}  // namespace pika
