#include "compute/plot_color.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "storage/sql_quote.h"

namespace pika {

namespace {

struct Category {
  std::string name;
  uint64_t rows = 0;
};

struct Categories {
  std::vector<Category> top;  // the most frequent first
  uint64_t distinct = 0;
};

std::string AsText(const std::string& column) {
  return fmt::format("coalesce(CAST({} AS VARCHAR), 'NULL')", QuoteIdentifier(column));
}

Result<Categories> TopCategories(Connection& connection, const std::string& relation,
                                 const std::string& column) {
  auto result = connection.Query(fmt::format(
      "SELECT category, n, count(*) OVER () FROM (SELECT {} AS category, count(*) AS n FROM {} "
      "GROUP BY ALL) ORDER BY n DESC, category LIMIT {}",
      AsText(column), relation, kMaxColorCategories));
  if (!result.ok()) return result.error();
  auto rows = result->FetchAll();
  if (!rows.ok()) return rows.error();
  Categories categories;
  for (size_t row = 0; row < rows->row_count; ++row) {
    categories.top.push_back(
        {rows->columns[0].TextAt(row), static_cast<uint64_t>(rows->columns[1].IntAt(row))});
    categories.distinct = static_cast<uint64_t>(rows->columns[2].IntAt(row));
  }
  return categories;
}

Result<std::string> PlanContinuous(Connection& connection, const std::string& relation,
                                   PlotColor& color) {
  const std::string value = fmt::format("TRY_CAST({} AS DOUBLE)", QuoteIdentifier(color.column));
  auto result =
      connection.Query(fmt::format("SELECT min({0}), max({0}) FROM {1}", value, relation));
  if (!result.ok()) return result.error();
  auto range = result->FetchAll();
  if (!range.ok()) return range.error();
  const Column& min = range->columns[0];
  const Column& max = range->columns[1];
  if (min.IsValid(0)) {
    color.min = min.DoubleAt(0);
    color.max = max.DoubleAt(0);
  }
  return value;
}

// Numbers as categories read best in their own order (3, 4, 6, 8 cylinders).
void SortNumerically(std::vector<Category>& top) {
  auto number = [](const Category& category) {
    char* end = nullptr;
    const double value = std::strtod(category.name.c_str(), &end);
    return end != category.name.c_str() && *end == '\0' ? value : INFINITY;
  };
  std::stable_sort(top.begin(), top.end(),
                   [&](const Category& a, const Category& b) { return number(a) < number(b); });
}

std::string CodeExpression(const PlotColor& color, size_t named) {
  std::string cases;
  for (size_t code = 0; code < named; ++code)
    cases += fmt::format(" WHEN {} THEN {}", QuoteLiteral(color.names[code]), code);
  return fmt::format("CAST(CASE {}{} ELSE {} END AS BIGINT)", AsText(color.column), cases, named);
}

}  // namespace

bool HasOwnOrder(ColumnType type) {
  return type == ColumnType::kBigint || type == ColumnType::kDouble || type == ColumnType::kDate ||
         type == ColumnType::kTimestamp;
}

Result<ColumnType> ColumnTypeOf(Connection& connection, const std::string& relation,
                                const std::string& column) {
  auto described =
      connection.Query(fmt::format("SELECT {} FROM {} LIMIT 0", QuoteIdentifier(column), relation));
  if (!described.ok()) return described.error();
  return described->columns()[0].type;
}

Result<std::string> PlanPlotColor(Connection& connection, const std::string& relation, ColorUse use,
                                  PlotColor& color) {
  const bool lines = use == ColorUse::kLines;
  auto type = ColumnTypeOf(connection, relation, color.column);
  if (!type.ok()) return type.error();
  auto categories = TopCategories(connection, relation, color.column);
  if (!categories.ok()) return categories.error();
  const bool numeric = *type == ColumnType::kBigint || *type == ColumnType::kDouble;
  const bool many = categories->distinct > kMaxColorCategories;
  if (numeric && many && use == ColorUse::kPoints)
    return PlanContinuous(connection, relation, color);
  std::vector<Category>& top = categories->top;
  // Points and bars count every row: beyond nine categories the rest share one grey "other".
  const bool other = many && !lines;
  if (other) top.resize(kMaxColorCategories - 1);
  if (numeric) SortNumerically(top);
  for (const Category& category : top) color.names.push_back(category.name);
  const size_t named = color.names.size();
  if (other) {
    color.names.push_back(fmt::format("{} others", categories->distinct - named));
    color.last_is_other = true;
  }
  color.undrawn_categories = lines ? categories->distinct - named : 0;
  return CodeExpression(color, named);
}

void AppendPlotColor(const Column& column, PlotColor& color) {
  if (column.type == ColumnType::kBigint) {  // a category's code
    for (size_t row = 0; row < column.size(); ++row)
      color.codes.push_back(static_cast<uint32_t>(column.IntAt(row)));
    return;
  }
  for (size_t row = 0; row < column.size(); ++row)
    color.values.push_back(column.IsValid(row) ? column.DoubleAt(row) : std::nan(""));
}

ColorEncoding EncodingOf(const PlotColor& color) {
  ColorEncoding encoding;
  encoding.title = color.column;
  encoding.names = color.names;
  encoding.last_is_other = color.last_is_other;
  encoding.undrawn_categories = color.undrawn_categories;
  if (encoding.categorical()) {
    encoding.codes = color.codes;
  } else {
    encoding.values = color.values;
    encoding.min = color.min;
    encoding.max = color.max;
  }
  return encoding;
}

}  // namespace pika
