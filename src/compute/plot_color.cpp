#include "compute/plot_color.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "storage/sql_quote.h"

namespace pika {

namespace {

struct Categories {
  std::vector<ColorCategory> top;  // the most frequent first
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
void SortNumerically(std::vector<ColorCategory>& top) {
  auto number = [](const ColorCategory& category) {
    char* end = nullptr;
    const double value = std::strtod(category.name.c_str(), &end);
    return end != category.name.c_str() && *end == '\0' ? value : INFINITY;
  };
  std::stable_sort(top.begin(), top.end(), [&](const ColorCategory& a, const ColorCategory& b) {
    return number(a) < number(b);
  });
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

bool ColorsContinuously(bool numeric, uint64_t distinct, ColorUse use) {
  return numeric && distinct > kMaxColorCategories && use == ColorUse::kPoints;
}

size_t NameCategories(std::vector<ColorCategory> top, uint64_t distinct, bool numeric, ColorUse use,
                      PlotColor& color) {
  const bool lines = use == ColorUse::kLines;
  // Points and bars count every row: beyond nine categories the rest share one grey "other".
  const bool other = distinct > kMaxColorCategories && !lines;
  if (other) top.resize(std::min(top.size(), kMaxColorCategories - 1));
  if (numeric) SortNumerically(top);
  for (const ColorCategory& category : top) color.names.push_back(category.name);
  const size_t named = color.names.size();
  if (other) {
    color.names.push_back(fmt::format("{} others", distinct - named));
    color.last_is_other = true;
  }
  color.undrawn_categories = lines ? distinct - named : 0;
  return named;
}

Result<std::string> PlanPlotColor(Connection& connection, const std::string& relation, ColorUse use,
                                  PlotColor& color) {
  auto type = ColumnTypeOf(connection, relation, color.column);
  if (!type.ok()) return type.error();
  auto categories = TopCategories(connection, relation, color.column);
  if (!categories.ok()) return categories.error();
  const bool numeric = *type == ColumnType::kBigint || *type == ColumnType::kDouble;
  if (ColorsContinuously(numeric, categories->distinct, use))
    return PlanContinuous(connection, relation, color);
  const size_t named =
      NameCategories(std::move(categories->top), categories->distinct, numeric, use, color);
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
